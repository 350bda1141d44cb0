import {
  findHandoff,
  findHandoffEvents,
  type HandoffEventRecord,
  type HandoffRecord,
} from '../../db/repositories/handoffs.ts';
import type { Tx } from '../../db/scope.ts';
import { mayAccessHandoff, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';

export type HandoffView = { handoff: HandoffRecord; events: HandoffEventRecord[] };

/** One hand-off with every timestamped step, for the officer who asked for it or the care team. */
export async function viewHandoff(
  tx: Tx,
  context: { siteId: string; principal: Principal },
  handoffId: string,
): Promise<HandoffView> {
  const handoff = await findHandoff(tx, context.siteId, handoffId);
  if (!handoff || !mayAccessHandoff(context.principal, handoff, 'view'))
    throw new DomainError('NOT_FOUND', 'Not found.');
  return { handoff, events: await findHandoffEvents(tx, context.siteId, handoffId) };
}
