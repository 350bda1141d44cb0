// The care team screens a pending community or self-referral, usually on the phone, with the field
// app's own steps (src/web/pages/field): the age, the demographics (self-reported by default), the
// questions, the decision and the offer. Online only: nothing is kept on the device, the answer is
// sent when the form is finished, and the referral's page then shows the new status.
import '../field/field.css';
import { Alert, Stack, Text } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Session, SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { useScreeningConfiguration } from '../../offline/screening-configuration.ts';
import { navigate } from '../../routing.ts';
import { type Draft, newDraft, screenRequestOf } from '../field/draft.ts';
import { ScreenForm } from '../field/screen-form.tsx';
import { referralPath } from './paths.ts';
import { type ReferralDetail, useReferral, useScreenRequest } from './referrals-api.ts';

export function ScreenRequestPage({
  session,
  site,
  referralId,
}: {
  session: Session;
  site: SessionSite;
  referralId: string;
}) {
  const { t } = useTranslation('program');
  const referral = useReferral(site.id, referralId);
  const configuration = useScreeningConfiguration(site.id);
  const screen = useScreenRequest(site.id, referralId);
  const back = (
    <AppLink to={referralPath(referralId)} size="sm">
      {t('screenRequest.back')}
    </AppLink>
  );
  const problem = referral.error ?? configuration.error;
  let body: ReactNode;
  if (screen.isSuccess)
    body = <PageLoader />; // on its way back to the referral
  else if (referral.data && referral.data.status !== 'pending_review')
    body = (
      <Alert color="yellow" variant="light" role="status">
        {t('screenRequest.notPending')}
      </Alert>
    );
  else if (referral.data && configuration.data)
    body = (
      <RequestScreening
        userId={session.user.id}
        siteId={site.id}
        referral={referral.data}
        configuration={configuration.data}
        screen={screen}
      />
    );
  else if (problem)
    body = (
      <ErrorAlert
        error={problem}
        onRetry={() => {
          void referral.refetch();
          void configuration.refetch();
        }}
      />
    );
  else body = <PageLoader />;
  return (
    <>
      {back}
      <PageTitle>{t('screenRequest.title')}</PageTitle>
      {referral.data && (
        <Text mb="md" style={{ overflowWrap: 'anywhere' }}>
          {t('screenRequest.intro', { name: referral.data.nameOrAlias })}
        </Text>
      )}
      {body}
    </>
  );
}

function RequestScreening({
  userId,
  siteId,
  referral,
  configuration,
  screen,
}: {
  userId: string;
  siteId: string;
  referral: ReferralDetail;
  configuration: NonNullable<ReturnType<typeof useScreeningConfiguration>['data']>;
  screen: ReturnType<typeof useScreenRequest>;
}) {
  const { t } = useTranslation('program');
  const start = useCallback(
    (): Draft => ({
      ...newDraft(userId, siteId, new Date()),
      step: 'age',
      nameOrAlias: referral.nameOrAlias,
      demographicsSource: 'self_reported',
    }),
    [userId, siteId, referral.nameOrAlias],
  );
  // Kept in memory only: the care team is online, and nothing about the person stays on the device.
  const [draft, setDraft] = useState<Draft>(start);
  // One key per submission: made when it is first sent, kept for a retry of the same answers.
  const key = useRef<string | undefined>(undefined);
  const update = useCallback((change: Partial<Draft>) => {
    if (Object.keys(change).some((field) => field !== 'step')) key.current = undefined;
    setDraft((current) => ({ ...current, ...change }));
  }, []);
  const submit = () => {
    const body = screenRequestOf(draft, configuration);
    if (!body) return;
    key.current ??= newIdempotencyKey();
    screen.mutate(
      { body, key: key.current },
      { onSuccess: () => navigate(referralPath(referral.id), { replace: true }) },
    );
  };
  const startOver = () => {
    if (!window.confirm(t('screenRequest.startOverConfirm'))) return;
    key.current = undefined;
    screen.reset();
    setDraft(start());
  };
  // A failed send: bring its message into view above the buttons (it is also announced).
  const failure = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (screen.error) failure.current?.scrollIntoView({ block: 'nearest' });
  }, [screen.error]);
  const moved = screen.error instanceof ApiError && screen.error.code === 'INVALID_TRANSITION';
  return (
    <ScreenForm
      draft={draft}
      update={update}
      configuration={configuration}
      flow="request"
      onSubmit={submit}
      onStartOver={startOver}
      submitLabel={t('screenRequest.submit')}
      submitting={screen.isPending}
      beforeNav={
        screen.isError && (
          <Stack gap={4} mt="lg" ref={failure} style={{ scrollMarginBottom: '6rem' }}>
            {moved ? (
              <Alert color="yellow" variant="light" role="alert">
                {t('screenRequest.notPending')}{' '}
                <AppLink to={referralPath(referral.id)}>{t('screenRequest.back')}</AppLink>
              </Alert>
            ) : (
              <ErrorAlert error={screen.error} />
            )}
          </Stack>
        )
      }
    />
  );
}
