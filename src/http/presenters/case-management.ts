import type { SiteCaseloads } from '../../app/caseloads/site-caseloads.ts';
import type { CaseManagementSettings } from '../../db/repositories/caseloads.ts';
import type { StoredContact } from '../../db/repositories/participant-contacts.ts';
import type { StoredGoal } from '../../db/repositories/plan-goals.ts';
import type { Engagement } from '../../domain/participants/engagement.ts';

export function presentSettings(settings: CaseManagementSettings) {
  return {
    caseloadAveragePerFte: settings.caps.averagePerFte,
    caseloadHardMax: settings.caps.hardMax,
    engagementInactiveDays: settings.engagement.inactiveDays,
    engagementInTheWindDays: settings.engagement.inTheWindDays,
  };
}

export function presentCaseloads(caseloads: SiteCaseloads) {
  return {
    settings: presentSettings(caseloads.settings),
    staff: caseloads.staff,
    unassigned: caseloads.unassigned,
  };
}

export function presentEngagement(engagement: Engagement) {
  return { ...engagement, sinceAt: engagement.sinceAt.toISOString() };
}

/** Contacts as listed: each says which later entry corrects it, if one in the list does. */
export function presentContacts(contacts: StoredContact[]) {
  const correctedBy = new Map<string, string>();
  for (const contact of contacts)
    if (contact.correctsContactId && !correctedBy.has(contact.correctsContactId))
      correctedBy.set(contact.correctsContactId, contact.id);
  return contacts.map((contact) => presentContact(contact, correctedBy.get(contact.id) ?? null));
}

export function presentContact(contact: StoredContact, correctedBy: string | null = null) {
  return {
    id: contact.id,
    kind: contact.kind,
    occurredAt: contact.occurredAt.toISOString(),
    durationMinutes: contact.durationMinutes,
    note: contact.note,
    loggedBy: contact.loggedBy,
    loggedAt: contact.loggedAt.toISOString(),
    correctsContactId: contact.correctsContactId,
    correctedBy,
    staff: contact.staff,
  };
}

export function presentGoal(goal: StoredGoal) {
  return {
    id: goal.id,
    goal: goal.goal,
    needs: goal.needs,
    status: goal.status,
    createdBy: goal.createdBy,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
    history: goal.history.map((event) => ({ ...event, at: event.at.toISOString() })),
  };
}
