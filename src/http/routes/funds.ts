import { addFundingSource, setFundingSourceInUse } from '../../app/funds/funding-sources.ts';
import { recordFundEntry } from '../../app/funds/record-fund-entry.ts';
import { reverseFundEntry } from '../../app/funds/reverse-fund-entry.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  fundEntry,
  fundEntryParams,
  fundEntryRequest,
  fundingSource,
  fundingSourceChangeRequest,
  fundingSourceParams,
  fundingSourceRequest,
  fundingSourcesResponse,
  fundPeriodQuery,
  fundReversalRequest,
  fundTotals,
  participantFundsQuery,
  participantFundsResponse,
} from '../../contracts/funds.ts';
import { participantParams } from '../../contracts/participant-status.ts';
import {
  findFundingSources,
  findFundTotals,
  findParticipantFundEntries,
} from '../../db/repositories/funds.ts';
import { findParticipantStanding } from '../../db/repositories/participant-status-events.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertPeriod } from '../../domain/funds/fund-ledger.ts';
import { presentFundEntry, presentFundingSource, presentFundTotals } from '../presenters/funds.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

const EARLIEST = '1900-01-01';
const LATEST = '9999-12-31';

const contextOf = (
  site: Parameters<typeof requireSite>[0],
  session: Parameters<typeof requireSession>[0],
  now: Date,
) => ({ siteId: requireSite(site).id, userId: requireSession(session).user.id, now });

export const fundRoutes = [
  defineRoute({
    id: 'funds.participant.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/funds',
    summary:
      "A participant's discretionary funds ledger (newest first) with net totals for a period (default: all)",
    tags: ['funds'],
    access: { kind: 'site', action: 'funds:use', notFoundForOtherRoles: true },
    params: participantParams,
    query: participantFundsQuery,
    response: participantFundsResponse,
    async handler({ tx, site, params, query, audit }) {
      const siteId = requireSite(site).id;
      const period = { from: query.from ?? EARLIEST, to: query.to ?? LATEST };
      assertPeriod(period);
      if (!(await findParticipantStanding(tx, siteId, params.participantId)))
        throw new DomainError('NOT_FOUND', 'Not found.');
      const entries = await findParticipantFundEntries(tx, siteId, params.participantId);
      const totals = await findFundTotals(tx, { siteId, participantId: params.participantId, ...period });
      await audit({
        action: 'participant.funds.view',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return { entries: entries.map(presentFundEntry), totals: presentFundTotals(period, totals) };
    },
  }),
  defineRoute({
    id: 'funds.participant.record',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/funds',
    summary: 'Record money spent for a participant: date, amount in cents, category, funding source, note',
    tags: ['funds'],
    access: { kind: 'site', action: 'funds:use', notFoundForOtherRoles: true },
    params: participantParams,
    body: fundEntryRequest,
    response: fundEntry,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const recorded = await recordFundEntry(
        tx,
        contextOf(site, session, deps.clock()),
        params.participantId,
        {
          date: body.date,
          amountCents: body.amountCents,
          category: body.category,
          fundingSourceId: body.fundingSourceId,
          note: body.note ?? null,
        },
      );
      await audit({
        action: 'participant.funds.recorded',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentFundEntry(recorded);
    },
  }),
  defineRoute({
    id: 'funds.participant.reverse',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/funds/:entryId/reversal',
    summary: 'Correct a ledger entry by a reversing entry (entries are never changed or removed)',
    tags: ['funds'],
    access: { kind: 'site', action: 'funds:use', notFoundForOtherRoles: true },
    params: fundEntryParams,
    body: fundReversalRequest,
    response: fundEntry,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const reversal = await reverseFundEntry(
        tx,
        contextOf(site, session, deps.clock()),
        { participantId: params.participantId, entryId: params.entryId },
        { date: body.date, note: body.note ?? null },
      );
      await audit({
        action: 'participant.funds.reversed',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentFundEntry(reversal);
    },
  }),
  defineRoute({
    id: 'funds.totals',
    method: 'GET',
    url: '/api/v1/sites/:siteId/funds/totals',
    summary:
      "The site's net discretionary spending for a period (dates included), by funding source and category",
    tags: ['funds'],
    access: { kind: 'site', action: 'funds:report' },
    params: siteParams,
    query: fundPeriodQuery,
    response: fundTotals,
    async handler({ tx, site, query, audit }) {
      assertPeriod(query);
      const siteId = requireSite(site).id;
      const totals = await findFundTotals(tx, { siteId, from: query.from, to: query.to });
      await audit({
        action: 'funds.totals.view',
        resourceType: 'site',
        resourceId: siteId,
        outcome: 'success',
      });
      return presentFundTotals(query, totals);
    },
  }),
  defineRoute({
    id: 'funds.sources.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/funding-sources',
    summary: "The site's funding sources, in use and retired",
    tags: ['funds'],
    access: { kind: 'site', action: 'funds:use' },
    params: siteParams,
    response: fundingSourcesResponse,
    async handler({ tx, site }) {
      const sources = await findFundingSources(tx, requireSite(site).id);
      return { fundingSources: sources.map(presentFundingSource) };
    },
  }),
  defineRoute({
    id: 'funds.sources.add',
    method: 'POST',
    url: '/api/v1/sites/:siteId/funding-sources',
    summary: 'Add a funding source (for example "Opioid settlement funds")',
    tags: ['funds'],
    access: { kind: 'site', action: 'funding_sources:manage' },
    params: siteParams,
    body: fundingSourceRequest,
    response: fundingSource,
    successStatus: 201,
    async handler({ tx, site, session, body, deps, audit }) {
      const added = await addFundingSource(tx, contextOf(site, session, deps.clock()), body.name);
      await audit({
        action: 'funds.source.added',
        resourceType: 'funding_source',
        resourceId: added.id,
        outcome: 'success',
      });
      return presentFundingSource(added);
    },
  }),
  defineRoute({
    id: 'funds.sources.change',
    method: 'PATCH',
    url: '/api/v1/sites/:siteId/funding-sources/:fundingSourceId',
    summary: 'Retire a funding source (no new entries; past ones stay in every total) or bring it back',
    tags: ['funds'],
    access: { kind: 'site', action: 'funding_sources:manage' },
    params: fundingSourceParams,
    body: fundingSourceChangeRequest,
    response: fundingSource,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const changed = await setFundingSourceInUse(
        tx,
        contextOf(site, session, deps.clock()),
        params.fundingSourceId,
        body.active,
      );
      await audit({
        action: body.active ? 'funds.source.reactivated' : 'funds.source.retired',
        resourceType: 'funding_source',
        resourceId: changed.id,
        outcome: 'success',
      });
      return presentFundingSource(changed);
    },
  }),
];
