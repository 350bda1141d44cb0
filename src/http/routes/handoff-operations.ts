import { siteHandoffFigures } from '../../app/handoffs/handoff-figures.ts';
import { listPendingIntakes } from '../../app/intake-deadlines/pending-intakes.ts';
import { saveStaffContactOf, viewStaffContact } from '../../app/staff-contacts/staff-contact.ts';
import { siteParams } from '../../contracts/common.ts';
import { handoffFigures, handoffFiguresQuery } from '../../contracts/handoff-figures.ts';
import { handoffSettings, handoffSettingsRequest } from '../../contracts/handoff-settings.ts';
import { pendingIntakesQuery, pendingIntakesResponse } from '../../contracts/pending-intakes.ts';
import { staffContact, staffContactParams, staffContactRequest } from '../../contracts/staff-contacts.ts';
import { findHandoffSettings, saveHandoffSettings } from '../../db/repositories/handoff-settings.ts';
import { presentPendingIntake, presentStaffContact } from '../presenters/handoff-operations.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSite } from './context.ts';

const presentSettings = (settings: Awaited<ReturnType<typeof findHandoffSettings>>) => ({
  ...settings,
  intakeReminderDays: [...settings.intakeReminderDays].sort((a, b) => b - a),
});

export const handoffOperationsRoutes = [
  defineRoute({
    id: 'staff_contacts.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/staff/:userId/contact',
    summary: "A member of staff's SMS alert number at this site (their own, or a program manager's view)",
    tags: ['handoffs'],
    access: { kind: 'site', action: 'staff_contact:manage' },
    params: staffContactParams,
    response: staffContact,
    async handler({ tx, site, session, params }) {
      const principal = principalOf(session, site);
      return presentStaffContact(
        await viewStaffContact(tx, { siteId: requireSite(site).id, principal }, params.userId),
      );
    },
  }),
  defineRoute({
    id: 'staff_contacts.save',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/staff/:userId/contact',
    summary:
      'Set a member of staff’s SMS alert number (E.164) and turn SMS alerts on or off (hand-offs, intake and appointment reminders)',
    tags: ['handoffs'],
    access: { kind: 'site', action: 'staff_contact:manage' },
    params: staffContactParams,
    body: staffContactRequest,
    response: staffContact,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const saved = await saveStaffContactOf(
        tx,
        { siteId: requireSite(site).id, principal, now: deps.clock() },
        params.userId,
        body,
      );
      await audit({
        action: 'staff.contact_saved',
        resourceType: 'user',
        resourceId: params.userId,
        outcome: 'success',
      });
      return presentStaffContact(saved);
    },
  }),
  defineRoute({
    id: 'handoffs.settings.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/handoff-settings',
    summary: 'The acknowledge limit, warm hand-off target, intake reminder days and reminder phone number',
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:settings' },
    params: siteParams,
    response: handoffSettings,
    async handler({ tx, site }) {
      return presentSettings(await findHandoffSettings(tx, requireSite(site).id));
    },
  }),
  defineRoute({
    id: 'handoffs.settings.save',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/handoff-settings',
    summary:
      'Change the acknowledge limit, warm hand-off target, intake reminder days (for deadlines started from now on) or reminder phone number',
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:settings' },
    params: siteParams,
    body: handoffSettingsRequest,
    response: handoffSettings,
    async handler({ tx, site, body, audit }) {
      const siteId = requireSite(site).id;
      // Reminder days apply to deadlines started from now on: running ones keep their timers.
      await saveHandoffSettings(tx, siteId, body);
      await audit({
        action: 'handoffs.settings_saved',
        resourceType: 'site',
        resourceId: siteId,
        outcome: 'success',
      });
      return presentSettings(await findHandoffSettings(tx, siteId));
    },
  }),
  defineRoute({
    id: 'handoffs.figures',
    method: 'GET',
    url: '/api/v1/sites/:siteId/reports/handoffs',
    summary:
      'Hand-off response figures for the local dates [from, to): counts, time to acknowledge and to arrival, warm hand-off share, over target',
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:figures' },
    params: siteParams,
    query: handoffFiguresQuery,
    response: handoffFigures,
    async handler({ tx, site, query, deps }) {
      const figures = await siteHandoffFigures(
        tx,
        { siteId: requireSite(site).id, now: deps.clock() },
        query,
      );
      return { from: query.from, to: query.to, ...figures };
    },
  }),
  defineRoute({
    id: 'intakes.pending',
    method: 'GET',
    url: '/api/v1/sites/:siteId/intakes/pending',
    summary:
      'Accepted referrals waiting for intake, soonest deadline first, with days left, the latest hand-off and the case manager',
    tags: ['intake-deadlines'],
    access: { kind: 'site', action: 'intakes:pending' },
    params: siteParams,
    query: pendingIntakesQuery,
    response: pendingIntakesResponse,
    async handler({ tx, site, query, deps, audit }) {
      const pending = await listPendingIntakes(
        tx,
        { siteId: requireSite(site).id, now: deps.clock() },
        query.limit,
      );
      await audit({
        action: 'intakes.pending.list',
        resourceType: 'referral',
        resourceId: null,
        outcome: 'success',
      });
      return { pendingIntakes: pending.map(presentPendingIntake) };
    },
  }),
];
