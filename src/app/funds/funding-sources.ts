import {
  type FundingSourceRecord,
  insertFundingSource,
  setFundingSourceActive,
} from '../../db/repositories/funds.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FundsContext } from './record-fund-entry.ts';

/** A program manager adds a funding source to the site's list (names are unique, any case). */
export async function addFundingSource(
  tx: Tx,
  context: FundsContext,
  name: string,
): Promise<FundingSourceRecord> {
  const added = await insertFundingSource(tx, {
    siteId: context.siteId,
    name,
    createdBy: context.userId,
    at: context.now,
  });
  if (!added) throw new DomainError('CONFLICT', 'The site already has a funding source of that name.');
  return added;
}

/**
 * A program manager retires a funding source (no new entries) or brings it back; entries already
 * recorded against it stay, and count in every total.
 */
export async function setFundingSourceInUse(
  tx: Tx,
  context: FundsContext,
  fundingSourceId: string,
  active: boolean,
): Promise<FundingSourceRecord> {
  const updated = await setFundingSourceActive(tx, { siteId: context.siteId, id: fundingSourceId }, active);
  if (!updated) throw new DomainError('NOT_FOUND', 'Not found.');
  return updated;
}
