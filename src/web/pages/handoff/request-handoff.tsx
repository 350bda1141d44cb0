import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { navigate } from '../../routing.ts';
import { type HandoffMode, requestHandoff } from './handoff-api.ts';
import { handoffPath } from './paths.ts';

/**
 * "Request warm hand-off" for an accepted referral the server has: asks "in person or by phone",
 * sends the request (one idempotency key per choice, so a retry is never doubled) and opens the
 * hand-off's live status.
 */
export function RequestHandoff({
  siteId,
  referralId,
  variant = 'filled',
}: {
  siteId: string;
  referralId: string;
  /** 'light' in a list of referrals, so a page of them does not shout. */
  variant?: 'filled' | 'light';
}) {
  const { t } = useTranslation('field');
  const api = useApi();
  const legendId = useId();
  const [choosing, setChoosing] = useState(false);
  const keys = useRef<Partial<Record<HandoffMode, string>>>({});
  const request = useMutation({
    mutationFn: (mode: HandoffMode) => {
      keys.current[mode] ??= newIdempotencyKey();
      return requestHandoff(api, siteId, referralId, mode, keys.current[mode]);
    },
    onSuccess: (requested) => navigate(handoffPath(requested.id)),
  });
  if (!choosing)
    return (
      <Button size="lg" fullWidth variant={variant} onClick={() => setChoosing(true)}>
        {t('handoff.request')}
      </Button>
    );
  return (
    <Stack gap="xs" role="group" aria-labelledby={legendId} data-testid="handoff-request">
      <Text fw={700} id={legendId}>
        {t('handoff.how')}
      </Text>
      <Group grow gap="xs">
        <Button
          size="lg"
          loading={request.isPending && request.variables === 'in_person'}
          disabled={request.isPending}
          onClick={() => request.mutate('in_person')}
        >
          {t('handoff.inPerson')}
        </Button>
        <Button
          size="lg"
          loading={request.isPending && request.variables === 'phone'}
          disabled={request.isPending}
          onClick={() => request.mutate('phone')}
        >
          {t('handoff.byPhone')}
        </Button>
      </Group>
      <Button size="lg" variant="default" disabled={request.isPending} onClick={() => setChoosing(false)}>
        {t('handoff.cancel')}
      </Button>
      {request.isError && <ErrorAlert error={request.error} />}
    </Stack>
  );
}

/** Shown for an accepted referral the server does not have yet (or while offline): not yet. */
export function HandoffNotYet({ reason }: { reason: 'unsent' | 'offline' }) {
  const { t } = useTranslation('field');
  const noteId = useId();
  return (
    <Stack gap={4}>
      <Button size="lg" fullWidth disabled aria-describedby={noteId}>
        {t('handoff.request')}
      </Button>
      <Text size="sm" c="dimmed" id={noteId}>
        {t(reason === 'unsent' ? 'handoff.onceSent' : 'handoff.whenOnline')}
      </Text>
    </Stack>
  );
}
