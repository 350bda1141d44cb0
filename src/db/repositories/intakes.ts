import type { NeedDomain, NeedLevel } from '../../domain/participants/intake.ts';
import type { Tx } from '../scope.ts';

export type IntakeNeed = { domain: NeedDomain; level: NeedLevel; notes: string | null };

export type IntakeRecord = {
  participantId: string;
  state: 'draft' | 'completed';
  neededNow: string | null;
  immediateNeeds: string | null;
  priorities: string | null;
  demographics: unknown;
  startedAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  needs: IntakeNeed[];
};

/** The empty draft made when the intake starts. */
export async function insertIntake(
  tx: Tx,
  intake: { siteId: string; participantId: string; by: string; at: Date },
): Promise<void> {
  await tx
    .insertInto('intakes')
    .values({
      site_id: intake.siteId,
      participant_id: intake.participantId,
      state: 'draft',
      needed_now: null,
      immediate_needs: null,
      priorities: null,
      demographics: null,
      started_at: intake.at,
      started_by: intake.by,
      updated_at: intake.at,
      updated_by: intake.by,
      completed_at: null,
      completed_by: null,
    })
    .onConflict((conflict) => conflict.columns(['site_id', 'participant_id']).doNothing())
    .execute();
}

export async function findIntake(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<IntakeRecord | undefined> {
  const row = await tx
    .selectFrom('intakes')
    .leftJoin('users as updater', 'updater.id', 'intakes.updated_by')
    .leftJoin('users as completer', 'completer.id', 'intakes.completed_by')
    .select([
      'intakes.participant_id as participantId',
      'intakes.state',
      'intakes.needed_now as neededNow',
      'intakes.immediate_needs as immediateNeeds',
      'intakes.priorities',
      'intakes.demographics',
      'intakes.started_at as startedAt',
      'intakes.updated_at as updatedAt',
      'updater.display_name as updatedBy',
      'intakes.completed_at as completedAt',
      'completer.display_name as completedBy',
    ])
    .where('intakes.site_id', '=', siteId)
    .where('intakes.participant_id', '=', participantId)
    .executeTakeFirst();
  if (!row) return undefined;
  const needs = await tx
    .selectFrom('intake_needs')
    .select(['domain', 'level', 'notes'])
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .execute();
  return { ...row, needs };
}

/** Saves the draft's answers (the fields given; needs replaced when given). */
export async function saveIntakeDraft(
  tx: Tx,
  draft: {
    siteId: string;
    participantId: string;
    by: string;
    at: Date;
    neededNow?: string | null | undefined;
    immediateNeeds?: string | null | undefined;
    priorities?: string | null | undefined;
    demographics?: unknown;
    needs?: readonly IntakeNeed[] | undefined;
  },
): Promise<void> {
  const { siteId, participantId } = draft;
  await tx
    .updateTable('intakes')
    .set({
      updated_at: draft.at,
      updated_by: draft.by,
      ...(draft.neededNow !== undefined ? { needed_now: draft.neededNow } : {}),
      ...(draft.immediateNeeds !== undefined ? { immediate_needs: draft.immediateNeeds } : {}),
      ...(draft.priorities !== undefined ? { priorities: draft.priorities } : {}),
      ...(draft.demographics !== undefined
        ? { demographics: draft.demographics === null ? null : JSON.stringify(draft.demographics) }
        : {}),
    })
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .execute();
  if (draft.needs === undefined) return;
  await tx
    .deleteFrom('intake_needs')
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .execute();
  if (draft.needs.length === 0) return;
  await tx
    .insertInto('intake_needs')
    .values(
      draft.needs.map((need) => ({
        site_id: siteId,
        participant_id: participantId,
        domain: need.domain,
        level: need.level,
        notes: need.notes,
      })),
    )
    .execute();
}

export async function markIntakeCompleted(
  tx: Tx,
  completion: { siteId: string; participantId: string; by: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('intakes')
    .set({
      state: 'completed',
      completed_at: completion.at,
      completed_by: completion.by,
      updated_at: completion.at,
      updated_by: completion.by,
    })
    .where('site_id', '=', completion.siteId)
    .where('participant_id', '=', completion.participantId)
    .execute();
}
