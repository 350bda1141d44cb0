import type { Rule } from '../../domain/eligibility/rules.ts';
import type { Tx } from '../scope.ts';

export type StoredRuleSet = { id: string; name: string; version: number; rules: Rule[]; createdAt: Date };

const ruleSetColumns = ['id', 'name', 'version', 'rules', 'created_at as createdAt'] as const;

/** The site's current rule set, with the settings row it hangs from (one query). */
export async function findCurrentRuleSet(
  tx: Tx,
  siteId: string,
): Promise<{ ruleSet: StoredRuleSet; prosecutorApprovalRequired: boolean } | undefined> {
  const row = await tx
    .selectFrom('site_settings')
    .innerJoin('rule_sets', (join) =>
      join
        .onRef('rule_sets.site_id', '=', 'site_settings.site_id')
        .onRef('rule_sets.id', '=', 'site_settings.current_rule_set_id'),
    )
    .select([
      'rule_sets.id',
      'rule_sets.name',
      'rule_sets.version',
      'rule_sets.rules',
      'rule_sets.created_at as createdAt',
      'site_settings.prosecutor_approval_required as prosecutorApprovalRequired',
    ])
    .where('site_settings.site_id', '=', siteId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { prosecutorApprovalRequired, ...ruleSet } = row;
  return { ruleSet: ruleSet as StoredRuleSet, prosecutorApprovalRequired };
}

export async function findRuleSet(tx: Tx, siteId: string, id: string): Promise<StoredRuleSet | undefined> {
  const row = await tx
    .selectFrom('rule_sets')
    .select(ruleSetColumns)
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row as StoredRuleSet | undefined;
}

export async function findRuleSets(tx: Tx, siteId: string): Promise<StoredRuleSet[]> {
  const rows = await tx
    .selectFrom('rule_sets')
    .select(ruleSetColumns)
    .where('site_id', '=', siteId)
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  return rows as StoredRuleSet[];
}

export async function findLatestVersion(tx: Tx, siteId: string, name: string): Promise<number> {
  const row = await tx
    .selectFrom('rule_sets')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('site_id', '=', siteId)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(row?.latest ?? 0);
}

export async function insertRuleSet(
  tx: Tx,
  ruleSet: {
    siteId: string;
    name: string;
    version: number;
    rules: Rule[];
    createdAt: Date;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('rule_sets')
    .values({
      site_id: ruleSet.siteId,
      name: ruleSet.name,
      version: ruleSet.version,
      rules: JSON.stringify(ruleSet.rules),
      created_at: ruleSet.createdAt,
      created_by: ruleSet.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type SiteSettings = { prosecutorApprovalRequired: boolean; currentRuleSetId: string | null };

export async function findSiteSettings(tx: Tx, siteId: string): Promise<SiteSettings> {
  const row = await tx
    .selectFrom('site_settings')
    .select([
      'prosecutor_approval_required as prosecutorApprovalRequired',
      'current_rule_set_id as currentRuleSetId',
    ])
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row ?? { prosecutorApprovalRequired: false, currentRuleSetId: null };
}

export async function saveSiteSettings(
  tx: Tx,
  siteId: string,
  settings: Partial<SiteSettings>,
): Promise<void> {
  const values = {
    ...(settings.prosecutorApprovalRequired !== undefined
      ? { prosecutor_approval_required: settings.prosecutorApprovalRequired }
      : {}),
    ...(settings.currentRuleSetId !== undefined ? { current_rule_set_id: settings.currentRuleSetId } : {}),
  };
  await tx
    .insertInto('site_settings')
    .values({ site_id: siteId, prosecutor_approval_required: false, current_rule_set_id: null, ...values })
    .onConflict((conflict) => conflict.column('site_id').doUpdateSet(values))
    .execute();
}

export type EligibleCharge = { code: string; statute: string; description: string; active: boolean };

export function findEligibleCharges(tx: Tx, siteId: string): Promise<EligibleCharge[]> {
  return tx
    .selectFrom('eligible_charges')
    .select(['code', 'statute', 'description', 'active'])
    .where('site_id', '=', siteId)
    .orderBy('code')
    .execute();
}

export async function insertEligibleCharges(
  tx: Tx,
  siteId: string,
  charges: Omit<EligibleCharge, 'active'>[],
): Promise<void> {
  if (charges.length === 0) return;
  await tx
    .insertInto('eligible_charges')
    .values(charges.map((charge) => ({ site_id: siteId, ...charge })))
    .onConflict((conflict) => conflict.columns(['site_id', 'code']).doNothing())
    .execute();
}
