import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awaitsIntake, type ReferralStatus } from '../../../domain/referrals/lifecycle.ts';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import type { EncounterSubmitted, ScreeningConfiguration } from '../../offline/field-api.ts';
import { followLink, PATHS } from '../../routing.ts';
import { DecisionPanel } from '../field/decision-steps.tsx';
import { statusWords } from '../field/offer-words.ts';
import { type AnswerWord, awaitsAnswer, RecordAnswer } from '../field/record-answer.tsx';
import { StartIntake } from '../participant/start-intake-button.tsx';
import { formatDateTime, waitedFor } from './format.ts';
import { screenRequestPath } from './paths.ts';
import { type ReferralDetail, screenedKey, useCloseRequest, useReferral } from './referrals-api.ts';

/** One term and its value in a description list. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} mb="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </>
  );
}

/** One referral: who asked and how to reach them, its history, and closing a pending request. */
export function ReferralDetailPage({ site, referralId }: { site: SessionSite; referralId: string }) {
  const { t } = useTranslation('program');
  const referral = useReferral(site.id, referralId);
  return (
    <>
      <AppLink to={PATHS.referralQueue} size="sm">
        {t('review.back')}
      </AppLink>
      {referral.isPending && (
        <>
          <PageTitle>{t('review.detailTitle')}</PageTitle>
          <PageLoader />
        </>
      )}
      {referral.isError && (
        <>
          <PageTitle>{t('review.detailTitle')}</PageTitle>
          <ErrorAlert error={referral.error} onRetry={() => void referral.refetch()} />
        </>
      )}
      {referral.data && <Detail site={site} referral={referral.data} />}
    </>
  );
}

function Detail({ site, referral }: { site: SessionSite; referral: ReferralDetail }) {
  const { t, i18n } = useTranslation('program');
  const { t: field } = useTranslation('field');
  const { t: common } = useTranslation();
  const contact = referral.contactRequest;
  const pending = referral.status === 'pending_review';
  const [justClosed, setJustClosed] = useState(false);
  const [justAnswered, setJustAnswered] = useState<string>();
  const justScreened = useJustScreened(site.id, referral.id);
  return (
    <>
      <PageTitle>{referral.nameOrAlias}</PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="dot" color={pending ? 'orange' : 'blue'} tt="none" size="lg" c="dark.9">
          {t(`status.${referral.status}`, { defaultValue: referral.status })}
        </Badge>
        <Text>{t(`pathway.${referral.pathway}`)}</Text>
      </Group>
      <Text mb="md">
        {t('review.received', { when: formatDateTime(referral.occurredAt, i18n.language) })}
        {pending && ` · ${t('review.waiting', { time: waitedFor(referral.occurredAt, Date.now(), t) })}`}
      </Text>
      {referral.screening && (
        <Text mb="md" data-testid="referral-screening" style={{ overflowWrap: 'anywhere' }}>
          {t('review.screeningResult', { result: t(`screening.${referral.screening}`) })}
          {referral.decidedBy.length > 0 &&
            ` · ${t('review.decidedBy', { rules: referral.decidedBy.join(', ') })}`}
        </Text>
      )}
      {justScreened && !justAnswered && <JustScreened referral={referral} {...justScreened} />}

      {contact && (
        <Card withBorder padding="md" mb="md" component="section" aria-labelledby="contact-heading">
          <Title order={2} size="h3" id="contact-heading" mb="xs">
            {t('review.contactHeading')}
          </Title>
          <dl style={{ margin: 0 }}>
            <Fact term={t('review.requester')}>
              {t(`requester.${contact.requester}`, { defaultValue: contact.requester })}
            </Fact>
            <Fact term={t('review.phone')}>
              {contact.phone ? (
                <Anchor href={`tel:${contact.phone.replaceAll(/[^0-9+]/g, '')}`}>{contact.phone}</Anchor>
              ) : (
                common('common.none')
              )}
            </Fact>
            <Fact term={t('review.email')}>
              {contact.email ? (
                <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
              ) : (
                common('common.none')
              )}
            </Fact>
            <Fact term={t('review.bestTime')}>{contact.bestTime ?? common('common.none')}</Fact>
            <Fact term={t('review.message')}>{contact.message ?? common('common.none')}</Fact>
          </dl>
        </Card>
      )}

      {site.actions.includes('participants:write') &&
        awaitsIntake(referral.status as ReferralStatus, {
          screening: referral.screening,
          pathway: referral.pathway,
          prosecutorApprovalRequired: false,
        }) && <StartIntake siteId={site.id} referralId={referral.id} />}

      {justClosed && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('review.closed')}
        </Alert>
      )}
      {pending && (
        <PendingActions site={site} referralId={referral.id} onClosed={() => setJustClosed(true)} />
      )}
      {justAnswered && (
        <Alert color="green" variant="light" role="status" mb="md" data-testid="answer-recorded">
          {justAnswered}
        </Alert>
      )}
      {awaitsAnswer(referral) && (
        <AnswerActions
          key={referral.status}
          site={site}
          referral={referral}
          onAnswered={(status) =>
            setJustAnswered(t('review.answer.recorded', { status: statusWords(field, status) }))
          }
        />
      )}

      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mt="lg" mb="xs">
          {t('review.historyHeading')}
        </Title>
        <Stack component="ol" gap="xs" pl="lg" m={0}>
          {referral.history.map((change) => (
            <li key={`${change.at}-${change.to}`}>
              <Text fw={600}>
                {change.from
                  ? t('review.changed', {
                      from: t(`status.${change.from}`, { defaultValue: change.from }),
                      to: t(`status.${change.to}`, { defaultValue: change.to }),
                    })
                  : t(`status.${change.to}`, { defaultValue: change.to })}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(change.at, i18n.language)}
              </Text>
              {change.reason && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('review.reason', { reason: change.reason })}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      </section>
    </>
  );
}

/**
 * The screening just recorded on the screening page (once: it is forgotten when shown), with the
 * rules it was decided under when this device has them.
 */
function useJustScreened(siteId: string, referralId: string) {
  const queryClient = useQueryClient();
  const [shown] = useState(() => {
    const result = queryClient.getQueryData<EncounterSubmitted>(screenedKey(siteId, referralId));
    const configuration = queryClient.getQueryData<ScreeningConfiguration>([
      'screening-configuration',
      siteId,
    ]);
    return result ? { result, configuration } : undefined;
  });
  useEffect(() => {
    queryClient.removeQueries({ queryKey: screenedKey(siteId, referralId) });
  }, [queryClient, siteId, referralId]);
  return shown;
}

function JustScreened({
  referral,
  result,
  configuration,
}: {
  referral: ReferralDetail;
  result: EncounterSubmitted;
  configuration: ScreeningConfiguration | undefined;
}) {
  const { t } = useTranslation('program');
  const { t: field } = useTranslation('field');
  const sameRules =
    configuration &&
    configuration.ruleSet.name === result.screening.ruleSet.name &&
    configuration.ruleSet.version === result.screening.ruleSet.version;
  return (
    <Stack gap="sm" mb="md">
      <Alert
        color="green"
        variant="light"
        role="status"
        title={t('review.screenedTitle')}
        data-testid="screened-state"
      >
        {t('review.screenedBody', {
          name: referral.nameOrAlias,
          status: statusWords(field, referral.status, referral.screening),
        })}
      </Alert>
      {sameRules && <DecisionPanel decision={result.screening} configuration={configuration} />}
    </Stack>
  );
}

/** The care team's words for the answer form: before an offer, each answer says it was offered. */
function answerWords(t: TFunction<'program'>, status: string): (word: AnswerWord) => string {
  const screened = status === 'screened';
  const keys: Record<AnswerWord, string> = {
    legend: screened ? 'review.answer.legendScreened' : 'review.answer.legendOffered',
    accept: screened ? 'review.answer.offeredAccepted' : 'field:mine.accept',
    decline: screened ? 'review.answer.offeredDeclined' : 'field:mine.decline',
    not_offer: 'review.answer.notOffered',
    declineReason: 'field:mine.declineReason',
    notOfferNote: 'review.answer.notOfferedNote',
    save: 'field:mine.save',
    cancel: 'field:mine.cancel',
    conflict: 'review.answer.conflict',
    refresh: 'review.answer.reload',
  };
  return (word) => t(keys[word]);
}

/**
 * A "decide later" referral: record what happened when LEAD was offered (or why it was not), or
 * the answer to an offer already made. The page then reads the referral again.
 */
function AnswerActions({
  site,
  referral,
  onAnswered,
}: {
  site: SessionSite;
  referral: ReferralDetail;
  onAnswered: (status: string) => void;
}) {
  const { t } = useTranslation('program');
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: ['referrals', site.id] });
  return (
    <section aria-labelledby="answer-heading">
      <Title order={2} size="h3" id="answer-heading" mt="lg" mb="xs">
        {t('review.nextHeading')}
      </Title>
      <Text maw={560}>
        {t(referral.status === 'screened' ? 'review.answer.introScreened' : 'review.answer.introOffered')}
      </Text>
      <Card withBorder padding="md" mb="md" maw={560} mt="sm">
        <RecordAnswer
          siteId={site.id}
          referral={referral}
          words={answerWords(t, referral.status)}
          onSaved={async (result) => {
            if (result) onAnswered(result.status);
            await reload();
          }}
          onRefresh={() => void reload()}
        />
      </Card>
    </section>
  );
}

/** What can be done with a pending request here: screen it, or close it with a reason. */
function PendingActions({
  site,
  referralId,
  onClosed,
}: {
  site: SessionSite;
  referralId: string;
  onClosed: () => void;
}) {
  const { t } = useTranslation('program');
  const close = useCloseRequest(site.id, referralId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    close.mutate({ reason: reason.trim(), key: crypto.randomUUID() }, { onSuccess: onClosed });
  };
  return (
    <section aria-labelledby="next-heading">
      <Title order={2} size="h3" id="next-heading" mt="lg" mb="xs">
        {t('review.nextHeading')}
      </Title>
      <Card withBorder padding="md" mb="md">
        <Text fw={600}>{t('review.screenTitle')}</Text>
        <Text size="sm" mb="sm">
          {t('review.screenIntro')}
        </Text>
        <Button
          component="a"
          href={screenRequestPath(referralId)}
          onClick={followLink(screenRequestPath(referralId))}
          size="md"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('review.screenAction')}
        </Button>
      </Card>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={560}>
          <Textarea
            label={t('review.closeReason')}
            description={t('review.closeReasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('review.closeReasonMissing') : undefined}
          />
          {close.isError && <ErrorAlert error={close.error} />}
          <Button
            type="submit"
            color="red"
            variant="outline"
            loading={close.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('review.close')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
