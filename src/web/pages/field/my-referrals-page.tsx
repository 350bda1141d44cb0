import './field.css';
import { Alert, Badge, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { listMyReferrals, type MyReferral } from '../../offline/field-api.ts';
import { useOnline } from '../../offline/use-online.ts';
import { PATHS } from '../../routing.ts';
import { HandoffNotYet, RequestHandoff } from '../handoff/request-handoff.tsx';
import { statusWords } from './offer-words.ts';
import { OfficerProgressBadges } from './officer-progress.tsx';
import { type AnswerWord, awaitsAnswer, RecordAnswer } from './record-answer.tsx';

/** The officer's words for the answer form. */
const MINE_WORDS: Record<AnswerWord, string> = {
  legend: 'mine.recordAnswer',
  accept: 'mine.accept',
  decline: 'mine.decline',
  not_offer: 'mine.notOffer',
  declineReason: 'mine.declineReason',
  notOfferNote: 'mine.notOfferNote',
  save: 'mine.save',
  cancel: 'mine.cancel',
  conflict: 'errors.INVALID_TRANSITION',
  refresh: 'mine.refresh',
};

function ReferralCard({
  site,
  referral,
  online,
}: {
  site: SessionSite;
  referral: MyReferral;
  online: boolean;
}) {
  const { t, i18n } = useTranslation('field');
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const undecided = awaitsAnswer(referral);
  const reload = () => queryClient.invalidateQueries({ queryKey: ['my-referrals', site.id] });
  const when = new Date(referral.occurredAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: site.timezone,
  });
  return (
    <Card withBorder padding="sm" component="li" data-testid="my-referral" data-status={referral.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} truncate="end">
            {referral.nameOrAlias}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`pathways.${referral.pathway}`)} · {when}
            {referral.area ? ` · ${referral.area}` : ''}
          </Text>
        </div>
        {referral.screening && (
          <Badge
            variant="light"
            tt="none"
            style={{ flexShrink: 0 }}
            color={{ eligible: 'green', ineligible: 'red', needs_information: 'yellow' }[referral.screening]}
          >
            {t(`screening.${referral.screening}`)}
          </Badge>
        )}
      </Group>
      <Text fw={600} mt={4} data-testid="referral-status">
        {statusWords(t, referral.status, referral.screening)}
      </Text>
      <OfficerProgressBadges progress={referral.progress} />
      {referral.status === 'accepted' && (
        <Box mt="xs">
          {online ? (
            <RequestHandoff siteId={site.id} referralId={referral.id} variant="light" />
          ) : (
            <HandoffNotYet reason="offline" />
          )}
        </Box>
      )}
      {undecided && !recording && (
        <Button mt="xs" size="md" variant="light" onClick={() => setRecording(true)}>
          {t('mine.recordAnswer')}
        </Button>
      )}
      {recording && (
        <RecordAnswer
          key={referral.status}
          siteId={site.id}
          referral={referral}
          words={(word) => t(MINE_WORDS[word])}
          onSaved={() => {
            void reload();
            setRecording(false);
          }}
          onCancel={() => setRecording(false)}
          onRefresh={() => void reload()}
        />
      )}
    </Card>
  );
}

/**
 * The officer's own referrals with their status, read from the server each time and never stored
 * on the device (they are about other people).
 */
export function MyReferralsPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation('field');
  const api = useApi();
  const online = useOnline();
  // ?status=accepted (the home card "Request a warm hand-off"): only those a hand-off can be asked for.
  const [acceptedOnly, setAcceptedOnly] = useState(
    () => new URLSearchParams(window.location.search).get('status') === 'accepted',
  );
  const showAll = () => {
    window.history.replaceState(null, '', PATHS.myReferrals);
    setAcceptedOnly(false);
  };
  const referrals = useQuery({
    queryKey: ['my-referrals', site.id],
    queryFn: () => listMyReferrals(api, site.id),
    gcTime: 0,
  });
  const list = [...(referrals.data?.referrals ?? [])]
    .filter((referral) => !acceptedOnly || referral.status === 'accepted')
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {t('common.backHome', { ns: 'translation' })}
      </AppLink>
      <PageTitle>{t('mine.title')}</PageTitle>
      <Text mb="md">{t('mine.intro')}</Text>
      {acceptedOnly && (
        <Group gap="xs" mb="md" data-testid="accepted-only">
          <Text fw={600}>{t('mine.acceptedOnly', { ns: 'dispatch' })}</Text>
          <Button size="sm" variant="default" onClick={showAll}>
            {t('mine.showAll', { ns: 'dispatch' })}
          </Button>
        </Group>
      )}
      {!online && (
        <Alert color="gray" variant="light" mb="md" role="status">
          {t('mine.offline')}
        </Alert>
      )}
      {online && referrals.isPending && <PageLoader />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && list.length === 0 && (
        <Text>{acceptedOnly ? t('mine.noAccepted', { ns: 'dispatch' }) : t('mine.empty')}</Text>
      )}
      {list.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('mine.caption')}
        >
          {list.map((referral) => (
            <ReferralCard key={referral.id} site={site} referral={referral} online={online} />
          ))}
        </Stack>
      )}
    </>
  );
}
