// The phone lines programs publish for referrals, by site address. Only numbers printed in the
// program's own material belong here (Wilmington: seed 000, "take the LEAD and call 910-762-5333");
// a site without a published line shows none. Later this belongs in the site's settings.
export const PUBLISHED_PHONE_LINES: Readonly<Record<string, string>> = {
  wilmington: '910-762-5333',
};

/** The published line for a site address, if the program has one. */
export function publishedPhoneLine(siteSlug: string): string | undefined {
  return Object.hasOwn(PUBLISHED_PHONE_LINES, siteSlug) ? PUBLISHED_PHONE_LINES[siteSlug] : undefined;
}
