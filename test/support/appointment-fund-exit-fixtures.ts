import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { RouteDefinition } from '../../src/http/route.ts';
import type { HttpClient } from './http-client.ts';
import { makeParticipant } from './participants.ts';
import type { TestApp } from './test-app.ts';

type Target = { site: SiteRow; clients: Record<Role, HttpClient> };

const ROUTE_PREFIXES = [
  'participants.status.',
  'participants.exit',
  'participants.re_enter',
  'appointments.',
  'funds.',
];

const unique = () => randomBytes(4).toString('hex');

/** A funding source at the target site, added by its program manager. */
export async function makeFundingSource(target: Target): Promise<string> {
  const response = await target.clients.program_manager.post(
    `/api/v1/sites/${target.site.id}/funding-sources`,
    {
      name: `Synthetic fund ${unique()}`,
    },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/**
 * For the authorization matrix: the URL and body of a request to one of the appointment, funds and
 * exit routes about `target`, with fresh resources (a participant, exited for re-entry; an
 * appointment; a funding source; a ledger entry); undefined for any other route.
 */
export async function appointmentFundExitRequest(
  t: TestApp,
  route: RouteDefinition,
  target: Target,
  url: string,
): Promise<{ url: string; body: unknown } | undefined> {
  if (!ROUTE_PREFIXES.some((prefix) => route.id.startsWith(prefix))) return undefined;
  const siteId = target.site.id;
  const pm = target.clients.program_manager;
  let filled = url;
  let participantId = '';
  if (filled.includes(':participantId')) {
    const made = await makeParticipant(t, target.site, target.clients.officer, {
      status: route.id === 'participants.re_enter' ? 'exited' : 'enrolled',
    });
    participantId = made.participantId;
    filled = filled.replace(':participantId', participantId);
  }
  const participantUrl = `/api/v1/sites/${siteId}/participants/${participantId}`;
  if (filled.includes(':appointmentId')) {
    const booked = await pm.post(`${participantUrl}/appointments`, {
      startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      place: 'Program office',
      withWhom: 'Case manager',
      purpose: 'Check in',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    filled = filled.replace(':appointmentId', booked.body.id);
  }
  const fundingSourceId =
    filled.includes(':fundingSourceId') ||
    filled.includes(':entryId') ||
    route.id === 'funds.participant.record'
      ? await makeFundingSource(target)
      : '';
  filled = filled.replace(':fundingSourceId', fundingSourceId);
  const entry = { date: '2026-05-01', amountCents: 2500, category: 'transport', fundingSourceId };
  if (filled.includes(':entryId')) {
    const recorded = await pm.post(`${participantUrl}/funds`, entry);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    filled = filled.replace(':entryId', recorded.body.id);
  }
  if (route.id === 'funds.totals') filled = `${filled}?from=2026-01-01&to=2026-12-31`;
  const bodies: Record<string, unknown> = {
    'participants.exit': { reason: 'moved' },
    'participants.re_enter': { note: 'Back' },
    'appointments.create': {
      startsAt: '2026-06-01T15:00:00Z',
      place: 'Program office',
      withWhom: 'Case manager',
      purpose: 'Check in',
    },
    'appointments.change': { place: 'Library' },
    'appointments.record_status': { status: 'cancelled' },
    'appointments.settings.save': { missedAppointmentsExit: null },
    'funds.participant.record': entry,
    'funds.participant.reverse': { date: '2026-05-02' },
    'funds.sources.add': { name: `Synthetic fund ${unique()}` },
    'funds.sources.change': { active: false },
  };
  return { url: filled, body: bodies[route.id] ?? (route.body ? {} : undefined) };
}
