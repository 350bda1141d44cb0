import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../api/types.ts';
import { navigate, PATHS } from '../routing.ts';
import { beep } from './beep.ts';
import { useLiveEvents } from './use-live-events.ts';

const OFFERED = ['handoff.offered'] as const;

/**
 * On every page but the queue and a hand-off's own page (they have their own), tells a responder
 * at once that a hand-off was just offered to them: an obvious banner (and a beep) with a button
 * to the queue. Nothing about the person: the event carries none.
 */
export function OfferBanner({ site }: { site: SessionSite }) {
  const { t } = useTranslation('dispatch');
  const [offered, setOffered] = useState(false);
  useLiveEvents(site.id, OFFERED, () => {
    setOffered(true);
    beep();
  });
  if (!offered) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      mb="md"
      role="alert"
      data-testid="handoff-offer-banner"
      title={t('queue.alertTitle')}
      withCloseButton
      closeButtonLabel={t('queue.dismiss')}
      onClose={() => setOffered(false)}
    >
      <Group justify="space-between" gap="xs">
        <span>{t('queue.alertShort')}</span>
        <Button
          color="white"
          variant="white"
          size="md"
          onClick={() => {
            setOffered(false);
            navigate(PATHS.handoffQueue);
          }}
        >
          {t('queue.title')}
        </Button>
      </Group>
    </Alert>
  );
}
