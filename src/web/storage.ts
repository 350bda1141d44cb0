// What the web app keeps in localStorage. Every key starts with "lead."; signing out clears them
// all except the language choice.
export const STORAGE_KEYS = { language: 'lead.language', site: 'lead.siteId' } as const;

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
