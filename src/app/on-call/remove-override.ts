import { deleteOnCallOverride } from '../../db/repositories/on-call.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';

/** Removes an override; one at another site (or none) is "not found". */
export async function removeOnCallOverride(tx: Tx, siteId: string, overrideId: string): Promise<void> {
  if (!(await deleteOnCallOverride(tx, siteId, overrideId))) throw new DomainError('NOT_FOUND', 'Not found.');
}
