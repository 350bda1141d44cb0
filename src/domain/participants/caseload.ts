/** Site caseload caps (issue 5): an average per full-time equivalent, and a hard maximum per person. */
export type CaseloadCaps = { averagePerFte: number; hardMax: number };

/** The defaults: 20 per FTE, never more than 25 (the LEAD Support Bureau's "never more than"). */
export const DEFAULT_CASELOAD_CAPS: CaseloadCaps = { averagePerFte: 20, hardMax: 25 };

export type CaseloadStanding = 'under' | 'at' | 'over';

/** One person's caps: the average scaled by their FTE (rounded down, at least 1) and the hard maximum. */
export function capsFor(fte: number, caps: CaseloadCaps): { target: number; hardMax: number } {
  const target = Math.max(1, Math.min(caps.hardMax, Math.floor(caps.averagePerFte * fte + 1e-9)));
  return { target, hardMax: caps.hardMax };
}

/** Under the FTE-scaled target, at it (up to the hard maximum), or over the hard maximum. */
export function caseloadStanding(load: number, fte: number, caps: CaseloadCaps): CaseloadStanding {
  const mine = capsFor(fte, caps);
  if (load > mine.hardMax) return 'over';
  return load >= mine.target ? 'at' : 'under';
}

/**
 * Whether one more person may be assigned to someone carrying `load`: refused at the hard maximum,
 * unless a program manager overrides with a reason.
 */
export function mayAssign(load: number, caps: CaseloadCaps): boolean {
  return load + 1 <= caps.hardMax;
}
