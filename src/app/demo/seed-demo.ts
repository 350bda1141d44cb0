import type { Db } from '../../db/database.ts';
import { countSites } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import type { Role } from '../../domain/access/roles.ts';
import { createSite } from '../sites/create-site.ts';
import { createUser } from '../users/create-user.ts';

/** The demo's shared password: synthetic accounts on a demo site, never for real data. */
export const DEMO_PASSWORD = 'lead-demo-2026';

export const DEMO_SITES = [
  { slug: 'demo-city', name: 'Demo City LEAD', timezone: 'America/New_York' },
  { slug: 'harbor-county', name: 'Harbor County LEAD', timezone: 'America/New_York' },
] as const;

export const DEMO_LOGINS: { email: string; displayName: string; role: Role; siteSlug: string }[] = [
  { email: 'admin@demo.lead.test', displayName: 'Avery Admin', role: 'admin', siteSlug: 'demo-city' },
  {
    email: 'manager@demo.lead.test',
    displayName: 'Morgan Manager',
    role: 'program_manager',
    siteSlug: 'demo-city',
  },
  {
    email: 'casemanager@demo.lead.test',
    displayName: 'Casey Casemanager',
    role: 'case_manager',
    siteSlug: 'demo-city',
  },
  {
    email: 'outreach@demo.lead.test',
    displayName: 'Rowan Outreach',
    role: 'outreach',
    siteSlug: 'demo-city',
  },
  { email: 'peer@demo.lead.test', displayName: 'Pat Peer', role: 'peer_support', siteSlug: 'demo-city' },
  { email: 'officer@demo.lead.test', displayName: 'Officer Oakley', role: 'officer', siteSlug: 'demo-city' },
  {
    email: 'prosecutor@demo.lead.test',
    displayName: 'Parker Prosecutor',
    role: 'prosecutor',
    siteSlug: 'demo-city',
  },
  { email: 'analyst@demo.lead.test', displayName: 'Alex Analyst', role: 'analyst', siteSlug: 'demo-city' },
  {
    email: 'referrer@demo.lead.test',
    displayName: 'Robin Referrer',
    role: 'community_referrer',
    siteSlug: 'demo-city',
  },
  {
    email: 'provider@demo.lead.test',
    displayName: 'Quinn Provider',
    role: 'provider',
    siteSlug: 'demo-city',
  },
  { email: 'admin@demo.lead.test', displayName: 'Avery Admin', role: 'admin', siteSlug: 'harbor-county' },
  {
    email: 'harbor.casemanager@demo.lead.test',
    displayName: 'Harper Casemanager',
    role: 'case_manager',
    siteSlug: 'harbor-county',
  },
];

export type DemoData = {
  sites: readonly { slug: string; name: string; timezone: string }[];
  logins: readonly { email: string; displayName: string; role: Role; siteSlug: string }[];
};

/**
 * Loads the demo sites and accounts, but only into a database that has no site yet. All or
 * nothing: one transaction, so a failure halfway leaves no partial demo for later runs to refuse.
 */
export async function seedDemo(
  db: Db,
  demo: DemoData = { sites: DEMO_SITES, logins: DEMO_LOGINS },
): Promise<{ seeded: boolean }> {
  return db.transaction().execute(async (tx) => {
    if ((await countSites(tx)) > 0) return { seeded: false };
    const joined = joining(tx);
    for (const site of demo.sites) await createSite(joined, site);
    for (const login of demo.logins) await createUser(joined, { ...login, password: DEMO_PASSWORD });
    return { seeded: true };
  });
}

/**
 * `tx` as a Db whose transactions run inside `tx`, so use cases that take a Db (and open their own
 * transactions with `db.transaction().execute`) all commit or roll back together.
 */
function joining(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction')
        return () => ({ execute: <T>(work: (inner: Tx) => Promise<T>) => work(target) });
      // Kysely keeps its state in private fields, so its methods must run on the transaction itself.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
