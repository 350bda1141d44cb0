/** An HSDS object as JSON. */
export type Json = Record<string, unknown>;

/** The HSDS taxonomy the directory files a service's capacity under (accepting, waitlist, full). */
export const CAPACITY_TAXONOMY = 'lead-capacity';
