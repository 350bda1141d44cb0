import { sha256Hex } from '../app/auth/secrets.ts';
import type { AppDeps } from '../app/deps.ts';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  reclaimAbandonedKey,
} from '../db/repositories/idempotency-keys.ts';
import { httpError } from './errors.ts';

/** A claim still "running" after this long belongs to a request whose process died; it may be retried. */
const ABANDONED_AFTER_MS = 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

export type IdempotencyOutcome =
  | { kind: 'proceed'; key: string }
  | { kind: 'replay'; status: number; body: unknown };

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return sha256Hex(JSON.stringify([method, url, body ?? null]));
}

/**
 * Decides what to do with a POST that carries an Idempotency-Key: run it (the key is now claimed),
 * replay the stored response, or refuse (a different body: 422; the first still running: 409).
 */
export async function beginIdempotentRequest(
  deps: AppDeps,
  input: { userId: string; key: string; fingerprint: string },
): Promise<IdempotencyOutcome> {
  if (!KEY_PATTERN.test(input.key)) {
    throw httpError(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 8 to 200 letters, digits or ._:- characters.',
    );
  }
  const now = deps.clock();
  const claim = { userId: input.userId, key: input.key, requestHash: input.fingerprint, at: now };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await claimIdempotencyKey(deps.db, claim)) return { kind: 'proceed', key: input.key };
    const existing = await findIdempotencyKey(deps.db, input.userId, input.key);
    if (!existing) continue; // released between our insert and read: try to claim again
    if (existing.requestHash !== input.fingerprint) {
      throw httpError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    if (existing.state === 'done') {
      return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody };
    }
    const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
    if (
      existing.createdAt < abandonedBefore &&
      (await reclaimAbandonedKey(deps.db, { ...claim, abandonedBefore }))
    ) {
      return { kind: 'proceed', key: input.key };
    }
    throw httpError(
      'IDEMPOTENCY_KEY_IN_USE',
      'A request with this Idempotency-Key is still being processed. Retry shortly.',
    );
  }
  throw httpError(
    'IDEMPOTENCY_KEY_IN_USE',
    'A request with this Idempotency-Key is still being processed. Retry shortly.',
  );
}
