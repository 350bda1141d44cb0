import type { Db } from '../../db/database.ts';
import {
  insertEligibleCharges,
  insertRuleSet,
  saveSiteSettings,
} from '../../db/repositories/screening-settings.ts';
import { findSiteBySlug, insertSite, type SiteRow } from '../../db/repositories/sites.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { RULE_SET_TEMPLATES } from '../../domain/eligibility/templates.ts';
import { DomainError } from '../../domain/errors.ts';
import { NC_ELIGIBLE_CHARGES } from './nc-eligible-charges.ts';

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export type NewSite = {
  slug: string;
  name: string;
  timezone: string;
  /** The eligibility rules the site starts from; program managers edit them later. */
  ruleSetTemplate?: string | undefined;
  prosecutorApprovalRequired?: boolean | undefined;
};

/** Creates a site with its starting rule set (version 1 of a template) and the NC eligible-charge list. */
export async function createSite(db: Db | Tx, input: NewSite, now: Date = new Date()): Promise<SiteRow> {
  if (!isValidTimezone(input.timezone))
    throw new DomainError('INVALID_TIMEZONE', `Unknown time zone "${input.timezone}".`);
  const templateName = input.ruleSetTemplate ?? 'wilmington-2017';
  const template = RULE_SET_TEMPLATES[templateName];
  if (!template)
    throw new DomainError('UNKNOWN_TEMPLATE', `No rule-set template is called "${templateName}".`);
  if (await findSiteBySlug(db, input.slug))
    throw new DomainError('SITE_EXISTS', `A site with the slug "${input.slug}" exists.`);
  const site = await insertSite(db, { slug: input.slug, name: input.name, timezone: input.timezone });
  await inScope(db, { siteId: site.id, userId: null }, async (tx) => {
    const ruleSetId = await insertRuleSet(tx, {
      siteId: site.id,
      name: template.name,
      version: 1,
      rules: template.rules,
      createdAt: now,
      createdBy: null,
    });
    await saveSiteSettings(tx, site.id, {
      currentRuleSetId: ruleSetId,
      prosecutorApprovalRequired: input.prosecutorApprovalRequired ?? false,
    });
    await insertEligibleCharges(tx, site.id, NC_ELIGIBLE_CHARGES);
  });
  return site;
}
