import { listRuleSets, saveRuleSetVersion, whatIf } from '../../app/referrals/rule-sets.ts';
import { screeningConfiguration } from '../../app/referrals/screening-configuration.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  ruleSetListResponse,
  ruleSetParams,
  ruleSetResponse,
  saveRuleSetRequest,
  screeningConfigurationResponse,
  screeningReportQuery,
  screeningReportResponse,
  screeningSettingsRequest,
  screeningSettingsResponse,
  whatIfResponse,
} from '../../contracts/screening.ts';
import { findIntakeDeadlineDays, saveIntakeDeadlineDays } from '../../db/repositories/intake-deadlines.ts';
import { countRuleOutcomes, countScreeningFunnel } from '../../db/repositories/screening-counts.ts';
import { findSiteSettings, saveSiteSettings } from '../../db/repositories/screening-settings.ts';
import { presentRuleSet } from '../presenters/referrals.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

export const screeningRoutes = [
  defineRoute({
    id: 'screening.configuration',
    method: 'GET',
    url: '/api/v1/sites/:siteId/screening/configuration',
    summary:
      "The site's current eligibility rules, LEAD-eligible charges and whether the prosecutor approves",
    tags: ['screening'],
    access: { kind: 'site', action: 'screening:configuration' },
    params: siteParams,
    response: screeningConfigurationResponse,
    async handler({ tx, site }) {
      const configuration = await screeningConfiguration(tx, requireSite(site).id);
      return {
        ruleSet: presentRuleSet(configuration.ruleSet),
        charges: configuration.charges.map(({ code, statute, description }) => ({
          code,
          statute,
          description,
        })),
        prosecutorApprovalRequired: configuration.prosecutorApprovalRequired,
      };
    },
  }),
  defineRoute({
    id: 'screening.rule_sets.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/rule-sets',
    summary: 'Every version of the eligibility rules this site has used',
    tags: ['screening'],
    access: { kind: 'site', action: 'rule_sets:view' },
    params: siteParams,
    response: ruleSetListResponse,
    async handler({ tx, site }) {
      const siteId = requireSite(site).id;
      const { currentRuleSetId } = await findSiteSettings(tx, siteId);
      const ruleSets = await listRuleSets(tx, siteId);
      return {
        ruleSets: ruleSets.map((ruleSet) => ({
          ...presentRuleSet(ruleSet),
          current: ruleSet.id === currentRuleSetId,
        })),
      };
    },
  }),
  defineRoute({
    id: 'screening.rule_sets.save',
    method: 'POST',
    url: '/api/v1/sites/:siteId/rule-sets',
    summary: 'Save edited rules as a new version (or start from a template); it becomes current',
    tags: ['screening'],
    access: { kind: 'site', action: 'rule_sets:manage' },
    params: siteParams,
    body: saveRuleSetRequest,
    response: ruleSetResponse,
    successStatus: 201,
    async handler({ tx, site, session, body, deps, audit }) {
      const saved = await saveRuleSetVersion(
        tx,
        { siteId: requireSite(site).id, userId: requireSession(session).user.id, now: deps.clock() },
        body,
      );
      await audit({
        action: 'rule_set.saved',
        resourceType: 'rule_set',
        resourceId: saved.id,
        outcome: 'success',
      });
      return presentRuleSet(saved);
    },
  }),
  defineRoute({
    id: 'screening.settings.save',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/screening/settings',
    summary:
      'Whether accepted arrest diversions wait for the prosecutor, and the intake deadline per pathway',
    tags: ['screening'],
    access: { kind: 'site', action: 'rule_sets:manage' },
    params: siteParams,
    body: screeningSettingsRequest,
    response: screeningSettingsResponse,
    async handler({ tx, site, body, audit }) {
      const siteId = requireSite(site).id;
      if (body.prosecutorApprovalRequired !== undefined) {
        await saveSiteSettings(tx, siteId, { prosecutorApprovalRequired: body.prosecutorApprovalRequired });
      }
      // New lengths apply to referrals accepted from now on; a running deadline keeps its date.
      if (body.intakeDeadlineDays) await saveIntakeDeadlineDays(tx, siteId, body.intakeDeadlineDays);
      await audit({
        action: 'screening.settings_saved',
        resourceType: 'site',
        resourceId: siteId,
        outcome: 'success',
      });
      return {
        prosecutorApprovalRequired: (await findSiteSettings(tx, siteId)).prosecutorApprovalRequired,
        intakeDeadlineDays: await findIntakeDeadlineDays(tx, siteId),
      };
    },
  }),
  defineRoute({
    id: 'screening.rule_sets.what_if',
    method: 'GET',
    url: '/api/v1/sites/:siteId/rule-sets/:ruleSetId/what-if',
    summary: 'Re-run every recorded screening under this rule set and count what would change',
    tags: ['screening'],
    access: { kind: 'site', action: 'screenings:analyse' },
    params: ruleSetParams,
    response: whatIfResponse,
    handler: ({ tx, site, params }) => whatIf(tx, requireSite(site).id, params.ruleSetId),
  }),
  defineRoute({
    id: 'screening.report',
    method: 'GET',
    url: '/api/v1/sites/:siteId/reports/screenings',
    summary: 'Screenings and offers counted by pathway, race, ethnicity or gender, and failures by rule',
    tags: ['screening'],
    access: { kind: 'site', action: 'screenings:analyse' },
    params: siteParams,
    query: screeningReportQuery,
    response: screeningReportResponse,
    async handler({ tx, site, query, deps }) {
      const siteId = requireSite(site).id;
      const to = query.to ? new Date(`${query.to}T00:00:00Z`) : new Date(deps.clock().getTime() + 86_400_000);
      const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date('1970-01-01T00:00:00Z');
      const period = { from, to };
      return {
        by: query.by,
        demographicsSource: 'officer_perceived' as const,
        from: from.toISOString(),
        to: to.toISOString(),
        rows: await countScreeningFunnel(tx, siteId, query.by, period),
        rules: await countRuleOutcomes(tx, siteId, period),
      };
    },
  }),
];
