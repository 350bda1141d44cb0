import type { StoredOverride, StoredShift } from '../../db/repositories/on-call.ts';
import type { Tx } from '../../db/scope.ts';
import { type EscalationLevel, whoIsOnCall } from '../../domain/on-call/roster.ts';
import { loadSiteRoster } from './site-roster.ts';

export type OnCallNow = { level: EscalationLevel; userId: string; displayName: string };

export type OnCallView = {
  timezone: string;
  pattern: StoredShift[];
  overrides: StoredOverride[];
  onCallNow: OnCallNow[];
};

/** The weekly pattern, the overrides not yet over, and who holds each level at `now`. */
export async function viewOnCall(tx: Tx, siteId: string, now: Date): Promise<OnCallView> {
  const roster = await loadSiteRoster(tx, siteId, now);
  const names = new Map<string, string>();
  for (const entry of [...roster.pattern, ...roster.overrides])
    if (entry.userId && entry.displayName) names.set(entry.userId, entry.displayName);
  const onCallNow = whoIsOnCall(roster, roster.timezone, now).map((entry) => ({
    ...entry,
    displayName: names.get(entry.userId) ?? '',
  }));
  return { ...roster, onCallNow };
}
