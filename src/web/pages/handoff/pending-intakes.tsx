import type { SessionSite } from '../../api/types.ts';

/** Pending intakes by deadline: shown once the API lists them. */
export function PendingIntakes(_props: { site: SessionSite }) {
  return null;
}
