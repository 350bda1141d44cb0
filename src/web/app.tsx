import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useSession } from './api/session.ts';
import type { Session, SessionSite } from './api/types.ts';
import { ErrorAlert } from './components/error-alert.tsx';
import { PageLoader } from './components/page-loader.tsx';
import { PublicLayout } from './components/public-layout.tsx';
import { SignedInLayout } from './components/signed-in-layout.tsx';
import { OfferBanner } from './live/offer-banner.tsx';
import { offlineSession } from './offline/session-snapshot.ts';
import { OutboxStatus } from './pages/field/outbox-view.tsx';
import { handoffIdOf } from './pages/handoff/paths.ts';
import { HomePage } from './pages/home/home-page.tsx';
import { MfaVerifyPage } from './pages/mfa/mfa-verify-page.tsx';
import { MyDayPage } from './pages/my-day/my-day.tsx';
import { NotFoundPage } from './pages/not-found/not-found-page.tsx';
import { participantRouteOf } from './pages/participant/paths.ts';
import { referralIdOf, screenRequestIdOf } from './pages/review/paths.ts';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { NoSitesPage } from './pages/sites/no-sites-page.tsx';
import { SitePickerPage } from './pages/sites/site-picker-page.tsx';
import { navigate, PATHS, usePath } from './routing.ts';
import { readStored, STORAGE_KEYS, writeStored } from './storage.ts';

// Pages most people do not open first are loaded when first opened: their code is a separate
// file, fetched once (and precached by the service worker with the rest of the app, so the field
// pages still open offline). The first paint needs only sign-in, home and the layout.
const AuditPage = lazy(() => import('./pages/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const MyReferralsPage = lazy(() =>
  import('./pages/field/my-referrals-page.tsx').then((m) => ({ default: m.MyReferralsPage })),
);
const ScreenPage = lazy(() =>
  import('./pages/field/screen-page.tsx').then((m) => ({ default: m.ScreenPage })),
);
const HandoffPage = lazy(() =>
  import('./pages/handoff/handoff-page.tsx').then((m) => ({ default: m.HandoffPage })),
);
const MfaEnrolmentPage = lazy(() =>
  import('./pages/mfa/mfa-enrolment-page.tsx').then((m) => ({ default: m.MfaEnrolmentPage })),
);
const PublicReferralPage = lazy(() =>
  import('./pages/public-referral/public-referral-page.tsx').then((m) => ({ default: m.PublicReferralPage })),
);
const ReferralDetailPage = lazy(() =>
  import('./pages/review/referral-detail-page.tsx').then((m) => ({ default: m.ReferralDetailPage })),
);
const ReferralReviewPage = lazy(() =>
  import('./pages/review/referral-review-page.tsx').then((m) => ({ default: m.ReferralReviewPage })),
);
const ScreenRequestPage = lazy(() =>
  import('./pages/review/screen-request-page.tsx').then((m) => ({ default: m.ScreenRequestPage })),
);
const RuleSetsPage = lazy(() =>
  import('./pages/rule-sets/rule-sets-page.tsx').then((m) => ({ default: m.RuleSetsPage })),
);
const ScreeningReportPage = lazy(() =>
  import('./pages/screening-report/screening-report-page.tsx').then((m) => ({
    default: m.ScreeningReportPage,
  })),
);
const DirectoryPage = lazy(() =>
  import('./pages/directory/directory-page.tsx').then((m) => ({ default: m.DirectoryPage })),
);
const ProviderReferralsPage = lazy(() =>
  import('./pages/provider/provider-referrals-page.tsx').then((m) => ({ default: m.ProviderReferralsPage })),
);
const StaffPage = lazy(() => import('./pages/staff/staff-page.tsx').then((m) => ({ default: m.StaffPage })));
const CaseloadsPage = lazy(() =>
  import('./pages/caseloads/caseloads-page.tsx').then((m) => ({ default: m.CaseloadsPage })),
);
const ParticipantsPage = lazy(() =>
  import('./pages/participant/participants-page.tsx').then((m) => ({ default: m.ParticipantsPage })),
);
const ParticipantPage = lazy(() =>
  import('./pages/participant/participant-page.tsx').then((m) => ({ default: m.ParticipantPage })),
);
const IntakePage = lazy(() =>
  import('./pages/participant/intake-page.tsx').then((m) => ({ default: m.IntakePage })),
);
const ReleasePrintPage = lazy(() =>
  import('./pages/participant/release-print-page.tsx').then((m) => ({ default: m.ReleasePrintPage })),
);
const QueuePage = lazy(() =>
  import('./pages/handoff/queue-page.tsx').then((m) => ({ default: m.QueuePage })),
);
const OnCallPage = lazy(() =>
  import('./pages/on-call/on-call-page.tsx').then((m) => ({ default: m.OnCallPage })),
);
const FundsReportPage = lazy(() =>
  import('./pages/funds-report/funds-report-page.tsx').then((m) => ({ default: m.FundsReportPage })),
);
const HandoffReportPage = lazy(() =>
  import('./pages/handoff-report/handoff-report-page.tsx').then((m) => ({ default: m.HandoffReportPage })),
);
const ProsecutorPage = lazy(() =>
  import('./pages/prosecutor/prosecutor-page.tsx').then((m) => ({ default: m.ProsecutorPage })),
);

/** The queue and a hand-off's page hear new offers themselves; every other page shows a banner. */
const answersOffersItself = (path: string) => path === PATHS.handoffQueue || handoffIdOf(path) !== undefined;

/** The app's states in order: session read, signed in, second factor done, site chosen, page. */
export function App() {
  const session = useSession();
  const path = usePath();
  // The public contact page needs no sign-in: it shows whoever is (or is not) signed in.
  if (path === PATHS.publicReferral || path.startsWith(`${PATHS.publicReferral}/`)) {
    return (
      <PublicLayout>
        <Suspense fallback={<PageLoader />}>
          <PublicReferralPage path={path} />
        </Suspense>
      </PublicLayout>
    );
  }
  // Offline, the field app opens with the last session this device saw (src/web/offline).
  const offline = offlineSession(session);
  if (offline) return <SignedIn session={offline} />;
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <PublicLayout>
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </PublicLayout>
    );
  }
  const current = session.data;
  if (!current) return <SignInPage />;
  if (current.mfaState === 'pending') return <MfaVerifyPage />;
  if (current.mfaState === 'enrolment_required')
    return (
      <Suspense fallback={<PageLoader />}>
        <MfaEnrolmentPage />
      </Suspense>
    );
  return <SignedIn session={current} />;
}

/** The site comes from the user's choice (remembered on this device), or is their only one. */
function SignedIn({ session }: { session: Session }) {
  const path = usePath();
  const [chosenSiteId, setChosenSiteId] = useState(() => readStored(STORAGE_KEYS.site));
  const site =
    session.sites.length === 1 ? session.sites[0] : session.sites.find((each) => each.id === chosenSiteId);
  const choose = (siteId: string) => {
    writeStored(STORAGE_KEYS.site, siteId);
    setChosenSiteId(siteId);
    if (path === PATHS.sites) navigate(PATHS.home);
  };
  let page: ReactNode;
  if (session.sites.length === 0) page = <NoSitesPage />;
  else if (!site || path === PATHS.sites)
    page = <SitePickerPage sites={session.sites} currentSiteId={site?.id} onChoose={choose} />;
  else page = <SitePage path={path} session={session} site={site} />;
  return (
    <SignedInLayout session={session} site={site}>
      <OutboxStatus session={session} />
      {site?.actions.includes('handoffs:respond') && !answersOffersItself(path) && (
        <OfferBanner key={site.id} site={site} />
      )}
      <Suspense fallback={<PageLoader />}>{page}</Suspense>
    </SignedInLayout>
  );
}

function SitePage({ path, session, site }: { path: string; session: Session; site: SessionSite }) {
  switch (path) {
    case PATHS.home:
      return <HomePage session={session} site={site} />;
    case PATHS.staff:
      return site.actions.includes('staff:list') ? <StaffPage site={site} /> : <NotFoundPage />;
    case PATHS.audit:
      return site.actions.includes('audit:view') ? <AuditPage site={site} /> : <NotFoundPage />;
    case PATHS.screen:
      return site.actions.includes('screening:submit') ? (
        <ScreenPage session={session} site={site} />
      ) : (
        <NotFoundPage />
      );
    case PATHS.myReferrals:
      return site.actions.includes('referrals:mine') ? <MyReferralsPage site={site} /> : <NotFoundPage />;
    case PATHS.referralQueue:
      return site.actions.includes('referrals:review') ? (
        <ReferralReviewPage site={site} />
      ) : (
        <NotFoundPage />
      );
    case PATHS.ruleSets:
      return site.actions.includes('rule_sets:view') ? <RuleSetsPage site={site} /> : <NotFoundPage />;
    case PATHS.handoffQueue:
      return site.actions.includes('handoffs:queue') ? <QueuePage site={site} /> : <NotFoundPage />;
    case PATHS.onCall:
      return site.actions.includes('on_call:view') ? <OnCallPage site={site} /> : <NotFoundPage />;
    case PATHS.fundsReport:
      return site.actions.includes('funds:report') ? <FundsReportPage site={site} /> : <NotFoundPage />;
    case PATHS.handoffReport:
      return site.actions.includes('handoffs:figures') ? <HandoffReportPage site={site} /> : <NotFoundPage />;
    case PATHS.prosecutor:
      return site.actions.includes('prosecutor:deadlines') ? (
        <ProsecutorPage site={site} />
      ) : (
        <NotFoundPage />
      );
    case PATHS.participants:
      return site.actions.includes('participants:view') ? <ParticipantsPage site={site} /> : <NotFoundPage />;
    case PATHS.myDay:
      return site.actions.includes('appointments:use') ? (
        <MyDayPage session={session} site={site} />
      ) : (
        <NotFoundPage />
      );
    case PATHS.caseloads:
      return site.actions.includes('caseloads:view') ? <CaseloadsPage site={site} /> : <NotFoundPage />;
    case PATHS.directory:
      return site.actions.includes('directory:view') ? <DirectoryPage site={site} /> : <NotFoundPage />;
    case PATHS.providerReferrals:
      return site.actions.includes('service_referrals:provider') ? (
        <ProviderReferralsPage site={site} />
      ) : (
        <NotFoundPage />
      );
    case PATHS.screeningReport:
      return site.actions.includes('screenings:analyse') ? (
        <ScreeningReportPage site={site} />
      ) : (
        <NotFoundPage />
      );
    default: {
      // /referrals/<id>: one referral, for the care team.
      const referralId = referralIdOf(path);
      if (referralId && site.actions.includes('referrals:review'))
        return <ReferralDetailPage key={referralId} site={site} referralId={referralId} />;
      // /referrals/<id>/screen: screening a pending request, for the care team.
      const screenId = screenRequestIdOf(path);
      if (screenId && site.actions.includes('referrals:review'))
        return <ScreenRequestPage key={screenId} session={session} site={site} referralId={screenId} />;
      // /handoffs/<id>: one hand-off's live status, for the officer who asked and the care team.
      const handoffId = handoffIdOf(path);
      if (handoffId && site.actions.includes('handoffs:view'))
        return <HandoffPage key={handoffId} site={site} handoffId={handoffId} />;
      // /participants/<id>, its intake and a release's printable copy: the care team.
      const participant = participantRouteOf(path);
      if (participant && site.actions.includes('participants:view')) {
        if (participant.page === 'intake')
          return <IntakePage key={path} site={site} participantId={participant.participantId} />;
        if (participant.page === 'print')
          return (
            <ReleasePrintPage
              key={path}
              site={site}
              participantId={participant.participantId}
              releaseId={participant.releaseId}
            />
          );
        return <ParticipantPage key={path} site={site} participantId={participant.participantId} />;
      }
      return <NotFoundPage />;
    }
  }
}
