// What the web app keeps in localStorage. Every key starts with "lead."; signing out clears them
// all except the language choice.
export const STORAGE_KEYS = {
  language: 'lead.language',
  site: 'lead.siteId',
  // The field app (src/web/offline): only the officer's own work and the site's rules, never lists
  // of other people. All cleared at sign-out with the rest.
  /** The signed-in user and their sites (no CSRF token), so the app opens without a connection. */
  offlineSession: 'lead.offlineSession',
  /** The site's screening rules and charge list, by site id: no one's data. */
  screeningConfiguration: 'lead.screeningConfiguration',
  /** The screening form in progress. */
  screenDraft: 'lead.screenDraft',
  /** Submissions waiting to be sent (or refused by the server), each with its idempotency key. */
  outbox: 'lead.outbox',
} as const;

const PREFIX = 'lead.';

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage can be full or blocked (private browsing): the choice then lasts for this page only.
  }
}

/** On sign-out: forget everything this app stored, except the language. */
export function clearStoredExceptLanguage(): void {
  try {
    const keys = Object.keys(window.localStorage);
    for (const key of keys) {
      if (key.startsWith(PREFIX) && key !== STORAGE_KEYS.language) window.localStorage.removeItem(key);
    }
  } catch {
    // Nothing stored, nothing to clear.
  }
}
