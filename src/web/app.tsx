import { type ReactNode, useState } from 'react';
import { useSession } from './api/session.ts';
import type { Session, SessionSite } from './api/types.ts';
import { ErrorAlert } from './components/error-alert.tsx';
import { PageLoader } from './components/page-loader.tsx';
import { PublicLayout } from './components/public-layout.tsx';
import { SignedInLayout } from './components/signed-in-layout.tsx';
import { offlineSession } from './offline/session-snapshot.ts';
import { AuditPage } from './pages/audit/audit-page.tsx';
import { MyReferralsPage } from './pages/field/my-referrals-page.tsx';
import { OutboxStatus } from './pages/field/outbox-view.tsx';
import { ScreenPage } from './pages/field/screen-page.tsx';
import { HomePage } from './pages/home/home-page.tsx';
import { MfaEnrolmentPage } from './pages/mfa/mfa-enrolment-page.tsx';
import { MfaVerifyPage } from './pages/mfa/mfa-verify-page.tsx';
import { NotFoundPage } from './pages/not-found/not-found-page.tsx';
import { PublicReferralPage } from './pages/public-referral/public-referral-page.tsx';
import { ReferralDetailPage } from './pages/review/referral-detail-page.tsx';
import { ReferralReviewPage, referralIdOf } from './pages/review/referral-review-page.tsx';
import { ScreenRequestPage, screenRequestIdOf } from './pages/review/screen-request-page.tsx';
import { RuleSetsPage } from './pages/rule-sets/rule-sets-page.tsx';
import { ScreeningReportPage } from './pages/screening-report/screening-report-page.tsx';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { NoSitesPage } from './pages/sites/no-sites-page.tsx';
import { SitePickerPage } from './pages/sites/site-picker-page.tsx';
import { StaffPage } from './pages/staff/staff-page.tsx';
import { navigate, PATHS, usePath } from './routing.ts';
import { readStored, STORAGE_KEYS, writeStored } from './storage.ts';

/** The app's states in order: session read, signed in, second factor done, site chosen, page. */
export function App() {
  const session = useSession();
  const path = usePath();
  // The public contact page needs no sign-in: it shows whoever is (or is not) signed in.
  if (path === PATHS.publicReferral || path.startsWith(`${PATHS.publicReferral}/`)) {
    return (
      <PublicLayout>
        <PublicReferralPage path={path} />
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
  if (current.mfaState === 'enrolment_required') return <MfaEnrolmentPage />;
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
      {page}
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
      return <NotFoundPage />;
    }
  }
}
