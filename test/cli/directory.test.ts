import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hsdsValidator } from '../../src/app/directory/hsds-schemas.ts';
import { lead, removeFolder, temporaryFolder } from './support.ts';

const dataDirectory = temporaryFolder('lead-directory-');
const env = { LEAD_DATA_DIR: dataDirectory, DATABASE_URL: undefined };
const EXAMPLES = '/work/shared/hsds/examples';

beforeAll(async () => {
  const site = await lead(
    ['site', 'create', '--slug', 'harbor', '--name', 'Harbor LEAD', '--timezone', 'America/New_York'],
    { env },
  );
  expect(site.err).toEqual([]);
});
afterAll(() => removeFolder(dataDirectory));

describe('lead directory import / export', () => {
  it('imports an official example and exports it back, valid against the HSDS schemas', async () => {
    const imported = await lead(
      ['directory', 'import', join(EXAMPLES, 'organization_full.json'), '--site', 'harbor'],
      {
        env,
      },
    );
    expect(imported.err).toEqual([]);
    expect(imported.status).toBe(0);
    expect(imported.out).toEqual([
      'imported into harbor: 1 organizations, 1 services, 2 locations, 1 services at locations',
    ]);

    const exported = await lead(['directory', 'export', '--site', 'harbor'], { env });
    expect(exported.status).toBe(0);
    const page = JSON.parse(exported.out.join('\n'));
    expect(page).toMatchObject({
      total_items: 1,
      page_number: 1,
      first_page: true,
      last_page: true,
      empty: false,
    });
    const original = JSON.parse(readFileSync(join(EXAMPLES, 'organization_full.json'), 'utf8'));
    expect(page.contents).toEqual([original]);
    expect(hsdsValidator()('organization', page.contents[0])).toEqual([]);

    // The export is itself an import file: importing it again changes nothing.
    const file = join(dataDirectory, 'export.json');
    writeFileSync(file, exported.out.join('\n'));
    expect((await lead(['directory', 'import', file, '--site', 'harbor'], { env })).status).toBe(0);
    expect((await lead(['directory', 'export', '--site', 'harbor'], { env })).out).toEqual(exported.out);
  });

  it('prints its help', async () => {
    const help = await lead(['directory', 'import', '--help'], { env });
    expect(help.status).toBe(0);
    expect(help.out[0]).toBe('Usage: lead directory import FILE --site SLUG');
    expect((await lead(['directory', '--help'], { env })).out.join('\n')).toMatch(
      /directory export --site SLUG/,
    );
  });

  it.each([
    [['directory', 'import', '--site', 'harbor'], 'lead directory import: give the HSDS JSON file to import'],
    [['directory', 'import', 'x.json'], 'lead directory import: --site is required'],
    [['directory', 'export'], 'lead directory export: --site is required'],
    [['directory', 'export', '--site', 'nowhere'], 'lead directory export: no site has the slug "nowhere"'],
    [
      ['directory', 'import', '/no/such/file.json', '--site', 'harbor'],
      'lead directory import: cannot read /no/such/file.json (ENOENT)',
    ],
    [
      ['directory', 'export', '--site', 'harbor', 'extra'],
      'lead directory export: directory export takes no arguments (got "extra")',
    ],
  ])('%j: one line, exit status 2', async (argv, message) => {
    const outcome = await lead(argv, { env });
    expect(outcome.err).toEqual([message]);
    expect(outcome.status).toBe(2);
  });

  it('refuses a file that is not HSDS, naming where, and imports nothing of it', async () => {
    const file = join(dataDirectory, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        contents: [
          { id: '6f1c1c39-5a4a-4f3e-9d55-0d2f8b6e7a01', name: 'Fine Org', description: '' },
          { id: 'not-a-uuid', name: 'Broken Org', description: '' },
        ],
      }),
    );
    const outcome = await lead(['directory', 'import', file, '--site', 'harbor'], { env });
    expect(outcome.err).toEqual(['lead directory import: contents[1]: id must be a UUID']);
    expect(outcome.status).toBe(2);
    const page = JSON.parse(
      (await lead(['directory', 'export', '--site', 'harbor'], { env })).out.join('\n'),
    );
    expect(page.contents.map((organization: { name: string }) => organization.name)).toEqual([
      'Example Organization Inc.',
    ]);
    writeFileSync(file, '{ not json');
    expect((await lead(['directory', 'import', file, '--site', 'harbor'], { env })).err[0]).toMatch(
      /^lead directory import: .*bad\.json is not valid JSON/,
    );
  });
});
