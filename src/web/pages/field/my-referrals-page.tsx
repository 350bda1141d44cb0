import './field.css';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import {
  listMyReferrals,
  type ReferralEvent,
  type ReferralSummary,
  recordReferralEvent,
} from '../../offline/field-api.ts';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { useOnline } from '../../offline/use-online.ts';
import { PATHS } from '../../routing.ts';
import { SingleChoice } from './choice.tsx';
import { statusWords } from './offer-words.ts';

type Answer = 'accept' | 'decline' | 'not_offer';

/** The events that take a "decide later" referral (screened or offered) to the officer's answer. */
function eventsFor(status: string, answer: Answer, text: string): ReferralEvent[] {
  if (answer === 'not_offer') return [{ type: 'not_offer', reason: 'officer_discretion', note: text }];
  const outcome: ReferralEvent = answer === 'accept' ? { type: 'accept' } : { type: 'decline', reason: text };
  return status === 'screened' ? [{ type: 'offer' }, outcome] : [outcome];
}

function RecordAnswer({
  site,
  referral,
  onDone,
}: {
  site: SessionSite;
  referral: ReferralSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation('field');
  const api = useApi();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState<Answer>();
  const [text, setText] = useState('');
  // One key per distinct event, kept while the form is open: pressing save again after a lost
  // answer replays the first request instead of recording the answer twice.
  const keys = useRef(new Map<string, string>());
  const keyFor = (event: ReferralEvent) => {
    const id = JSON.stringify(event);
    const key = keys.current.get(id) ?? newIdempotencyKey();
    keys.current.set(id, key);
    return key;
  };
  const save = useMutation({
    mutationFn: async (events: ReferralEvent[]) => {
      let last: ReferralSummary | undefined;
      for (const event of events) {
        last = await recordReferralEvent(api, site.id, referral.id, event, keyFor(event));
      }
      return last;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['my-referrals', site.id] });
      onDone();
    },
  });
  const options: Answer[] =
    referral.status === 'screened' ? ['accept', 'decline', 'not_offer'] : ['accept', 'decline'];
  const needsText = answer === 'decline' || answer === 'not_offer';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!answer || (needsText && !text.trim())) return;
        save.mutate(eventsFor(referral.status, answer, text.trim()));
      }}
    >
      <Stack gap="sm" mt="sm">
        <SingleChoice
          label={t('mine.recordAnswer')}
          options={options.map((value) => ({
            value,
            label: t(`mine.${value === 'not_offer' ? 'notOffer' : value}`),
          }))}
          value={answer}
          onChange={(value) => setAnswer(value as Answer)}
        />
        {needsText && (
          <TextInput
            size="lg"
            required
            maxLength={500}
            label={answer === 'decline' ? t('mine.declineReason') : t('mine.notOfferNote')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group grow>
          <Button variant="default" size="lg" onClick={onDone}>
            {t('mine.cancel')}
          </Button>
          <Button
            type="submit"
            size="lg"
            loading={save.isPending}
            disabled={!answer || (needsText && !text.trim())}
          >
            {t('mine.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReferralCard({ site, referral }: { site: SessionSite; referral: ReferralSummary }) {
  const { t, i18n } = useTranslation('field');
  const [recording, setRecording] = useState(false);
  const open = referral.status === 'screened' && referral.screening === 'eligible';
  const undecided = open || referral.status === 'offered';
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
      {undecided && !recording && (
        <Button mt="xs" size="md" variant="light" onClick={() => setRecording(true)}>
          {t('mine.recordAnswer')}
        </Button>
      )}
      {recording && <RecordAnswer site={site} referral={referral} onDone={() => setRecording(false)} />}
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
  const referrals = useQuery({
    queryKey: ['my-referrals', site.id],
    queryFn: () => listMyReferrals(api, site.id),
    gcTime: 0,
  });
  const list = [...(referrals.data?.referrals ?? [])].sort((a, b) =>
    b.occurredAt.localeCompare(a.occurredAt),
  );
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {t('common.backHome', { ns: 'translation' })}
      </AppLink>
      <PageTitle>{t('mine.title')}</PageTitle>
      <Text mb="md">{t('mine.intro')}</Text>
      {!online && (
        <Alert color="gray" variant="light" mb="md" role="status">
          {t('mine.offline')}
        </Alert>
      )}
      {online && referrals.isPending && <PageLoader />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && list.length === 0 && <Text>{t('mine.empty')}</Text>}
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
            <ReferralCard key={referral.id} site={site} referral={referral} />
          ))}
        </Stack>
      )}
    </>
  );
}
