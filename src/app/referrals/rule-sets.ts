import { findScreeningAnswers } from '../../db/repositories/referrals.ts';
import {
  findLatestVersion,
  findRuleSet,
  findRuleSets,
  insertRuleSet,
  type StoredRuleSet,
  saveSiteSettings,
} from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import { evaluateScreening } from '../../domain/eligibility/evaluate.ts';
import type { Rule, ScreeningAnswers } from '../../domain/eligibility/rules.ts';
import { RULE_SET_TEMPLATES } from '../../domain/eligibility/templates.ts';
import { DomainError } from '../../domain/errors.ts';
import { screeningConfiguration } from './screening-configuration.ts';

export function listRuleSets(tx: Tx, siteId: string): Promise<StoredRuleSet[]> {
  return findRuleSets(tx, siteId);
}

/**
 * Saves edited rules as the next version of the site's current set (or starts a set from a
 * template) and makes it current. Earlier versions stay, and screenings keep the version they
 * were decided under.
 */
export async function saveRuleSetVersion(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date },
  change: { rules: Rule[] } | { template: string },
): Promise<StoredRuleSet> {
  const { siteId } = context;
  let name: string;
  let rules: Rule[];
  if ('template' in change) {
    const template = RULE_SET_TEMPLATES[change.template];
    if (!template)
      throw new DomainError('UNKNOWN_TEMPLATE', `No rule-set template is called "${change.template}".`);
    name = template.name;
    rules = template.rules;
  } else {
    name = (await screeningConfiguration(tx, siteId)).ruleSet.name;
    rules = change.rules;
  }
  const codes = rules.map((rule) => rule.code);
  if (new Set(codes).size !== codes.length)
    throw new DomainError('DUPLICATE_RULE_CODE', 'Each rule needs its own code.');
  const version = (await findLatestVersion(tx, siteId, name)) + 1;
  const id = await insertRuleSet(tx, {
    siteId,
    name,
    version,
    rules,
    createdAt: context.now,
    createdBy: context.userId,
  });
  await saveSiteSettings(tx, siteId, { currentRuleSetId: id });
  return { id, name, version, rules, createdAt: context.now };
}

export type WhatIf = {
  ruleSet: { id: string; name: string; version: number };
  screenings: number;
  unchanged: number;
  /** from status -> to status -> count, for the screenings whose decision would change. */
  changes: { from: string; to: string; count: number }[];
  /** For each rule of the other set, how many screenings it would fail. */
  failuresByRule: { code: string; count: number }[];
};

/** Re-runs every recorded screening at the site under another rule set, without changing any. */
export async function whatIf(tx: Tx, siteId: string, ruleSetId: string): Promise<WhatIf> {
  const ruleSet = await findRuleSet(tx, siteId, ruleSetId);
  if (!ruleSet) throw new DomainError('NOT_FOUND', 'Not found.');
  const stored = await findScreeningAnswers(tx, siteId);
  const changes = new Map<string, number>();
  const failures = new Map<string, number>(ruleSet.rules.map((rule) => [rule.code, 0]));
  let unchanged = 0;
  for (const screening of stored) {
    const decision = evaluateScreening(ruleSet, screening.answers as ScreeningAnswers);
    for (const rule of decision.rules)
      if (rule.outcome === 'fail') failures.set(rule.code, (failures.get(rule.code) ?? 0) + 1);
    if (decision.status === screening.status) unchanged += 1;
    else {
      const key = `${screening.status}>${decision.status}`;
      changes.set(key, (changes.get(key) ?? 0) + 1);
    }
  }
  return {
    ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version },
    screenings: stored.length,
    unchanged,
    changes: [...changes].map(([key, count]) => {
      const [from = '', to = ''] = key.split('>');
      return { from, to, count };
    }),
    failuresByRule: [...failures].map(([code, count]) => ({ code, count })),
  };
}
