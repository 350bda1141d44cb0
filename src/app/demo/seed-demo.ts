import type { Db } from '../../db/database.ts';
import { countSites } from '../../db/repositories/sites.ts';
import type { Role } from '../../domain/access/roles.ts';
import { createSite } from '../sites/create-site.ts';
import { createUser } from '../users/create-user.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { seedDemoFundingSources } from './demo-funds.ts';
import { seedDemoParticipants } from './demo-participants.ts';
import { seedDemoReferrals } from './demo-referrals.ts';

/** The demo's shared password: synthetic accounts on a demo site, never for real data. */
export const DEMO_PASSWORD = 'lead-demo-2026';

export const DEMO_SITES = [
  { slug: 'demo-city', name: 'Demo City LEAD', timezone: 'America/New_York' },
  {
    slug: 'harbor-county',
    name: 'Harbor County LEAD',
    timezone: 'America/New_York',
    ruleSetTemplate: 'inclusive-2023',
  },
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
  sites: readonly { slug: string; name: string; timezone: string; ruleSetTemplate?: string }[];
  logins: readonly { email: string; displayName: string; role: Role; siteSlug: string }[];
};

/**
 * Loads the demo sites, accounts and synthetic referrals, but only into a database that has no
 * site yet. All or nothing: one transaction, so a failure halfway leaves no partial demo.
 */
export async function seedDemo(
  db: Db,
  demo: DemoData = { sites: DEMO_SITES, logins: DEMO_LOGINS },
  now: Date = new Date(),
): Promise<{ seeded: boolean }> {
  return db.transaction().execute(async (tx) => {
    if ((await countSites(tx)) > 0) return { seeded: false };
    const sites = new Map<string, string>();
    for (const site of demo.sites) sites.set(site.slug, (await createSite(tx, site, now)).id);
    const officers = new Map<string, string>();
    const caseManagers = new Map<string, string>();
    const providers = new Map<string, string>();
    const managers = new Map<string, string>();
    for (const login of demo.logins) {
      const { userId } = await createUser(tx, { ...login, password: DEMO_PASSWORD });
      if (login.role === 'officer' && !officers.has(login.siteSlug)) officers.set(login.siteSlug, userId);
      if (login.role === 'case_manager' && !caseManagers.has(login.siteSlug))
        caseManagers.set(login.siteSlug, userId);
      if (login.role === 'provider' && !providers.has(login.siteSlug)) providers.set(login.siteSlug, userId);
      if (login.role === 'program_manager' && !managers.has(login.siteSlug))
        managers.set(login.siteSlug, userId);
    }
    for (const [slug, officerId] of officers) {
      const siteId = sites.get(slug);
      if (siteId) await seedDemoReferrals(tx, { id: siteId }, officerId, now);
      const caseManagerId = caseManagers.get(slug);
      const timezone = demo.sites.find((site) => site.slug === slug)?.timezone ?? 'UTC';
      if (siteId && caseManagerId)
        await seedDemoParticipants(tx, { id: siteId, timezone }, caseManagerId, now);
    }
    // The partner directory, for each site with a demo provider account (linked to one partner).
    for (const [slug, providerId] of providers) {
      const siteId = sites.get(slug);
      if (siteId)
        await seedDemoDirectory(
          tx,
          { id: siteId },
          { userId: providerId, linkedBy: managers.get(slug) ?? providerId },
          now,
        );
    }
    // Funding sources for discretionary spending, for each site with a demo program manager.
    for (const [slug, managerId] of managers) {
      const siteId = sites.get(slug);
      if (siteId) await seedDemoFundingSources(tx, { id: siteId }, managerId, now);
    }
    return { seeded: true };
  });
}
