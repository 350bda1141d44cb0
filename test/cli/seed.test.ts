import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_SITES, type DemoData, seedDemo } from '../../src/app/demo/seed-demo.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { countSites } from '../../src/db/repositories/sites.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { lead, removeFolder, temporaryFolder } from './support.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) removeFolder(folder);
});

function folder(): string {
  const path = temporaryFolder('lead-seed-');
  folders.push(path);
  return path;
}

const [firstSite] = DEMO_SITES;

describe('seedDemo is all or nothing', () => {
  const failures: [string, DemoData, RegExp][] = [
    [
      'a site fails after another was created',
      { sites: [firstSite, { slug: 'mars-base', name: 'Mars', timezone: 'Mars/Olympus' }], logins: [] },
      /Unknown time zone/,
    ],
    [
      'the last account fails after the sites and other accounts were created',
      {
        sites: DEMO_SITES,
        logins: [
          ...DEMO_LOGINS,
          { email: 'lost@demo.lead.test', displayName: 'Lost', role: 'officer', siteSlug: 'atlantis' },
        ],
      },
      /No site has the slug "atlantis"/,
    ],
  ];

  it.each(failures)(
    '%s: nothing is left, and "lead seed --demo" then loads the demo',
    async (_, demo, error) => {
      const dataDirectory = folder();
      const handle = await openDatabase({ kind: 'pglite', dataDirectory });
      try {
        await migrate(handle.db);
        await expect(seedDemo(handle.db, demo)).rejects.toThrow(error);
        expect(await countSites(handle.db)).toBe(0);
        expect(await findUserByEmail(handle.db, 'admin@demo.lead.test')).toBeUndefined();
      } finally {
        await handle.close();
      }

      const env = { LEAD_DATA_DIR: dataDirectory, DATABASE_URL: undefined };
      const seeded = await lead(['seed', '--demo'], { env });
      expect(seeded.err).toEqual([]);
      expect(seeded.status).toBe(0);
      expect(seeded.out[0]).toBe(
        `loaded the demo: ${DEMO_SITES.length} sites, ${new Set(DEMO_LOGINS.map((login) => login.email)).size} accounts`,
      );
      const again = await lead(['seed', '--demo'], { env });
      expect(again).toMatchObject({ status: 0, out: [expect.stringMatching(/^did not load the demo/)] });
    },
  );

  it('gives each demo site its rule set: "lead screen --site" decides as the template does', async () => {
    const dataDirectory = folder();
    const env = { LEAD_DATA_DIR: dataDirectory, DATABASE_URL: undefined };
    expect((await lead(['seed', '--demo'], { env })).status).toBe(0);
    const answers = JSON.stringify({ screenedOn: '2026-05-01', age: 30, onParoleOrProbation: true });
    for (const site of DEMO_SITES) {
      const bySite = await lead(['screen', '--site', site.slug], { env, stdin: answers });
      const template = 'ruleSetTemplate' in site ? site.ruleSetTemplate : 'wilmington-2017';
      const byTemplate = await lead(['screen', '--template', template], { stdin: answers });
      expect(bySite.err).toEqual([]);
      expect(bySite.out).toEqual(byTemplate.out);
    }
  });
});
