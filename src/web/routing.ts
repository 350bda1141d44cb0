// A very small client-side router: the path is the state, links push history entries. The server
// answers every non-API path with index.html, so any of these paths can be loaded directly.
import { type MouseEvent, useSyncExternalStore } from 'react';

export const PATHS = {
  home: '/',
  sites: '/sites',
  staff: '/staff',
  audit: '/audit',
  // Screening and referral (field app: screen, myReferrals; program pages: the rest).
  screen: '/screen',
  myReferrals: '/referrals/mine',
  referralQueue: '/referrals',
  ruleSets: '/rules',
  screeningReport: '/reports/screenings',
  /** Warm hand-offs: /handoffs/<id> is one hand-off's live status. */
  handoffs: '/handoffs',
  /** The care team's queue: live incoming hand-offs, then pending intakes by deadline. */
  handoffQueue: '/queue',
  onCall: '/on-call',
  prosecutor: '/prosecutor',
  handoffReport: '/reports/handoffs',
  /** Discretionary funds for a period, by funding source and category; the funding sources. */
  fundsReport: '/reports/funds',
  /** Participants (care team): /participants/<id> is one participant's page. */
  participants: '/participants',
  /** Caseloads against the caps, people going "in the wind", assigning case managers (care team). */
  caseloads: '/caseloads',
  /** A case manager's day: hand-offs for them, intakes due, today's appointments, going in the wind. */
  myDay: '/my-day',
  /** The partner directory (care team). */
  directory: '/directory',
  /** A partner agency's referrals and capacity (provider). */
  providerReferrals: '/provider/referrals',
  /** Public, no sign-in: /refer/<site slug>. */
  publicReferral: '/refer',
} as const;

const NAVIGATED = 'lead:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The current path, without a trailing slash (except for "/"). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname.replace(/(.)\/+$/, '$1'));
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

/** onClick for an <a href>: navigates in the app, but leaves new-tab clicks to the browser. */
export function followLink(path: string) {
  return (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
}
