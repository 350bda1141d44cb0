import './field.css';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { Session, SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { enqueue, useOutbox } from '../../offline/outbox.ts';
import { useScreeningConfiguration } from '../../offline/screening-configuration.ts';
import { flushOutbox } from '../../offline/sync.ts';
import { useOnline } from '../../offline/use-online.ts';
import { followLink, PATHS } from '../../routing.ts';
import { HandoffNotYet, RequestHandoff } from '../handoff/request-handoff.tsx';
import { requestOf } from './draft.ts';
import { offerWords, statusWords } from './offer-words.ts';
import { OutboxList } from './outbox-view.tsx';
import { ScreenForm } from './screen-form.tsx';
import { clearDraft, useDraft } from './use-draft.ts';

/** After submitting: where the submission is (on the phone, sending, sent, refused), and what next. */
function SubmissionResult({
  submissionKey,
  userId,
  siteId,
  onAnother,
}: {
  submissionKey: string;
  userId: string;
  siteId: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation('field');
  const { items, sent, sending } = useOutbox(userId, siteId);
  const online = useOnline();
  const queued = items.find((item) => item.key === submissionKey);
  const done = sent.find((item) => item.key === submissionKey);
  const offer = queued?.body.offer.outcome ?? done?.offer;
  let alert = null;
  if (done) {
    alert = (
      <Alert
        color="green"
        variant="light"
        role="status"
        title={t('done.sentTitle')}
        data-testid="submission-state"
      >
        {t('done.sentBody', {
          name: done.nameOrAlias,
          status: statusWords(t, done.referral.status, done.screening.status),
        })}
      </Alert>
    );
  } else if (queued?.state === 'failed') {
    alert = (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t('done.failedTitle')}
        data-testid="submission-state"
      >
        {queued.lastError
          ? t([`errors.${queued.lastError.code}`, `translation:errors.${queued.lastError.code}`], {
              defaultValue: queued.lastError.message,
            })
          : null}
      </Alert>
    );
  } else if (queued) {
    const isSending = sending.includes(queued.key);
    alert = (
      <Alert
        color="blue"
        variant="light"
        role="status"
        title={isSending ? t('done.sendingTitle') : t('done.waitingTitle')}
        data-testid="submission-state"
      >
        <Text size="sm">{queued.body.person.nameOrAlias}</Text>
        <Text size="sm">{offerWords(t, queued.body.offer)}</Text>
        {!isSending && <Text size="sm">{t('done.waitingBody')}</Text>}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      {alert}
      {done?.referral.status === 'accepted' &&
        (online ? (
          <RequestHandoff siteId={siteId} referralId={done.referral.id} />
        ) : (
          <HandoffNotYet reason="offline" />
        ))}
      {!done && offer === 'accepted' && <HandoffNotYet reason="unsent" />}
      <Button size="lg" onClick={onAnother}>
        {t('done.another')}
      </Button>
      <Button
        component="a"
        href={PATHS.myReferrals}
        variant="default"
        size="lg"
        onClick={followLink(PATHS.myReferrals)}
      >
        {t('done.myReferrals')}
      </Button>
    </Stack>
  );
}

/**
 * The officer's screening, phone-first and offline-capable: the form (saved on the device as it is
 * filled in), the decision computed on the device under the site's rules, and the submission,
 * which goes through the outbox so it is never lost and never doubled.
 */
export function ScreenPage({ session, site }: { session: Session; site: SessionSite }) {
  const { t } = useTranslation('field');
  const api = useApi();
  const online = useOnline();
  const configuration = useScreeningConfiguration(site.id);
  const { draft, update, restart } = useDraft(session.user.id, site.id);
  const [submitted, setSubmitted] = useState<string>();

  const submit = () => {
    if (!configuration.data) return;
    const body = requestOf(draft, configuration.data);
    if (!body) return;
    // The key is made once, here, and stored with the item: every retry reuses it.
    const key = newIdempotencyKey();
    if (!enqueue({ key, userId: session.user.id, siteId: site.id, body }, new Date())) return;
    clearDraft();
    setSubmitted(key);
    void flushOutbox(api, { force: true });
  };
  const startOver = () => {
    if (window.confirm(t('screen.startOverConfirm'))) restart();
  };
  const another = () => {
    restart();
    setSubmitted(undefined);
  };

  let body: ReactNode;
  if (submitted) {
    body = (
      <SubmissionResult
        submissionKey={submitted}
        userId={session.user.id}
        siteId={site.id}
        onAnother={another}
      />
    );
  } else if (configuration.data) {
    body = (
      <ScreenForm
        draft={draft}
        update={update}
        configuration={configuration.data}
        onSubmit={submit}
        onStartOver={startOver}
      />
    );
  } else if (configuration.isError || !online) {
    body = (
      <>
        <Alert color="yellow" variant="light" role="alert">
          {t('screen.noConfiguration')}
        </Alert>
        {configuration.isError && (
          <ErrorAlert error={configuration.error} onRetry={() => void configuration.refetch()} />
        )}
      </>
    );
  } else body = <PageLoader />;

  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {t('common.backHome', { ns: 'translation' })}
      </AppLink>
      <PageTitle>{t('screen.title')}</PageTitle>
      {!online && (
        <Alert color="gray" variant="light" mb="md" data-testid="offline-note">
          {t('screen.offlineNote')}
        </Alert>
      )}
      {body}
      <OutboxList userId={session.user.id} siteId={site.id} />
    </>
  );
}
