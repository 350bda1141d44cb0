import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  changeServiceReferralStatus,
  isFinal,
  openServiceReferral,
  SERVICE_REFERRAL_STATUSES,
} from './service-referral.ts';

const at = new Date('2026-05-01T14:00:00Z');
const move = (
  from: Parameters<typeof changeServiceReferralStatus>[0],
  to: Parameters<typeof changeServiceReferralStatus>[1]['to'],
  party: 'care_team' | 'provider',
  reason = 'because',
) => changeServiceReferralStatus(from, { to, reason, party, userId: 'user-1', at });

describe('service referral statuses (FHIR Task)', () => {
  it('opens as requested with the reason and who sent it', () => {
    expect(openServiceReferral({ reason: '  needs a bed tonight ', userId: 'u', at })).toEqual({
      ok: true,
      status: 'requested',
      event: { from: null, to: 'requested', reason: 'needs a bed tonight', userId: 'u', at },
    });
    expect(openServiceReferral({ reason: '   ', userId: 'u', at })).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
  });

  it('lets the partner take a referral through to completion, each step with its reason and who', () => {
    const steps = [
      ['requested', 'received'],
      ['received', 'accepted'],
      ['accepted', 'in_progress'],
      ['in_progress', 'on_hold'],
      ['on_hold', 'in_progress'],
      ['in_progress', 'completed'],
    ] as const;
    for (const [from, to] of steps)
      expect(move(from, to, 'provider', `step to ${to}`)).toEqual({
        ok: true,
        status: to,
        event: { from, to, reason: `step to ${to}`, userId: 'user-1', at },
      });
  });

  it('requires a reason on every change', () => {
    expect(move('requested', 'accepted', 'provider', '')).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(move('requested', 'accepted', 'provider', 'x'.repeat(501))).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
  });

  it('the partner accepts or rejects; only the care team cancels', () => {
    expect(move('requested', 'rejected', 'provider')).toMatchObject({ ok: true, status: 'rejected' });
    expect(move('requested', 'accepted', 'care_team')).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(move('requested', 'cancelled', 'provider')).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(move('accepted', 'cancelled', 'care_team')).toMatchObject({ ok: true, status: 'cancelled' });
  });

  it('nothing moves out of a final status', () => {
    for (const final of SERVICE_REFERRAL_STATUSES.filter(isFinal)) {
      expect(allowedMoves(final, 'provider')).toEqual([]);
      expect(allowedMoves(final, 'care_team')).toEqual([]);
      for (const to of SERVICE_REFERRAL_STATUSES)
        expect(move(final, to, 'provider')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    }
    expect(SERVICE_REFERRAL_STATUSES.filter(isFinal)).toEqual([
      'rejected',
      'completed',
      'cancelled',
      'failed',
    ]);
  });

  it('never allows a move to the same status or back to requested', () => {
    for (const from of SERVICE_REFERRAL_STATUSES)
      for (const party of ['provider', 'care_team'] as const) {
        expect(allowedMoves(from, party)).not.toContain(from);
        expect(allowedMoves(from, party)).not.toContain('requested');
      }
  });
});
