import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/app/demo/demo-directory.ts';
import { hsdsDirectoryPage, hsdsExporter } from '../../src/app/directory/hsds-export.ts';
import { importHsds } from '../../src/app/directory/hsds-import.ts';
import { hsdsValidator, validateDirectoryPage } from '../../src/app/directory/hsds-schemas.ts';
import { loadDirectory } from '../../src/db/repositories/directory.ts';
import { findProviderOrganization } from '../../src/db/repositories/provider-organizations.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const HSDS = '/work/shared/hsds';
const example = (name: string) => JSON.parse(readFileSync(`${HSDS}/examples/${name}.json`, 'utf8'));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const inSite = <T>(site: SiteRow, work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: site.id, userId: null }, work);

async function importInto(site: SiteRow, document: unknown) {
  return inSite(site, (tx) => importHsds(tx, site.id, document, new Date('2026-05-01T12:00:00Z')));
}

async function exporter(site: SiteRow) {
  return hsdsExporter(await inSite(site, (tx) => loadDirectory(tx, site.id)));
}

let compiled: ReturnType<typeof compileOfficial> | undefined;
/** The official compiled schemas (the modular ones are what the app validates with), compiled once. */
const compiledValidator = () => {
  compiled ??= compileOfficial();
  return compiled;
};

function compileOfficial() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv);
  const compile = (name: string) =>
    ajv.compile(JSON.parse(readFileSync(`${HSDS}/schema/compiled/${name}.json`, 'utf8')));
  return {
    organization: compile('organization'),
    service: compile('service'),
    service_at_location: compile('service_at_location'),
  };
}

describe('HSDS 3.0: the official examples import without loss', () => {
  const validate = hsdsValidator();

  it('organization_full: import then export gives back every field', async () => {
    const site = await makeSite(t.database.db);
    const original = example('organization_full');
    expect(await importInto(site, original)).toEqual({
      organizations: 1,
      services: 1,
      locations: 2,
      serviceAtLocations: 1,
    });
    const exported = (await exporter(site)).organization(original.id);
    expect(exported).toEqual(original);
    expect(validate('organization', exported)).toEqual([]);
    expect(compiledValidator().organization(exported)).toBe(true);
  });

  it('service_full (with its organization nested) round-trips', async () => {
    const site = await makeSite(t.database.db);
    const original = example('service_full');
    await importInto(site, original);
    const exported = (await exporter(site)).service(original.id);
    expect(exported).toEqual(original);
    expect(validate('service', exported)).toEqual([]);
    expect(compiledValidator().service(exported)).toBe(true);
  });

  it('service_at_location_full round-trips', async () => {
    const site = await makeSite(t.database.db);
    const original = example('service_at_location_full');
    await importInto(site, original);
    const exported = (await exporter(site)).serviceAtLocation(original.id);
    expect(exported).toEqual(original);
    expect(validate('service_at_location', exported)).toEqual([]);
    expect(compiledValidator().service_at_location(exported)).toBe(true);
  });

  it('location (with no organization) round-trips', async () => {
    const site = await makeSite(t.database.db);
    const original = example('location');
    await importInto(site, original);
    const exported = (await exporter(site)).location(original.id);
    expect(exported).toEqual(original);
    expect(validate('location', exported)).toEqual([]);
  });

  it.each([
    ['organization_list', 'organization'],
    ['service_list', 'service'],
    ['service_at_location_list', 'serviceAtLocation'],
  ] as const)('%s: every item of the page round-trips', async (name, shape) => {
    const site = await makeSite(t.database.db);
    const page = example(name);
    await importInto(site, page);
    const out = await exporter(site);
    expect(page.contents.length).toBeGreaterThan(0);
    for (const item of page.contents) expect(out[shape](item.id)).toEqual(item);
  });

  it('the whole directory exports as one page that validates against the schemas', async () => {
    const site = await makeSite(t.database.db);
    await importInto(site, example('organization_full'));
    await importInto(site, example('service_full'));
    const page = hsdsDirectoryPage(await inSite(site, (tx) => loadDirectory(tx, site.id)));
    expect(page).toMatchObject({ total_items: 1, total_pages: 1, page_number: 1, empty: false });
    expect(validateDirectoryPage(validate, page as { contents: unknown[] })).toEqual([]);
    for (const organization of page.contents as unknown[])
      expect(compiledValidator().organization(organization)).toBe(true);
    // Importing the export again changes nothing.
    await importInto(site, page);
    expect(hsdsDirectoryPage(await inSite(site, (tx) => loadDirectory(tx, site.id)))).toEqual(page);
  });

  it('refuses an object without an id or a service without an organization, naming where', async () => {
    const site = await makeSite(t.database.db);
    await expect(importInto(site, { name: 'No id', description: '' })).rejects.toMatchObject({
      code: 'HSDS_INVALID',
      message: 'document: id must be a UUID',
    });
    await expect(
      importInto(site, {
        contents: [{ id: '0d4a1fd4-8d2e-4df0-9a55-2ad6d3f0a001', name: 'Orphan', status: 'active' }],
      }),
    ).rejects.toMatchObject({
      code: 'HSDS_INVALID',
      message: expect.stringMatching(/^contents\[0\]: a service must name its organization/),
    });
  });
});

describe('the demo directory', () => {
  it('loads six synthetic partners from its HSDS file, valid, with needs and capacity, the provider linked', async () => {
    const site = await makeSite(t.database.db);
    const provider = await makeUser(t.database.db, site, 'provider');
    await inSite(site, (tx) =>
      seedDemoDirectory(tx, site, { userId: provider.userId, linkedBy: provider.userId }, new Date()),
    );
    const rows = await inSite(site, (tx) => loadDirectory(tx, site.id));
    expect(rows.organizations).toHaveLength(6);
    expect(new Set(rows.services.map((service) => service.capacity))).toEqual(
      new Set(['accepting', 'waitlist', 'full']),
    );
    expect(rows.services.every((service) => service.categories.length > 0)).toBe(true);
    const page = hsdsDirectoryPage(rows);
    expect(validateDirectoryPage(hsdsValidator(), page as { contents: unknown[] })).toEqual([]);
    const link = await inSite(site, (tx) => findProviderOrganization(tx, site.id, provider.userId));
    expect(link?.organizationName).toBe('Cape Fear Harbor Shelter');
  });
});

describe('the directory through the API', () => {
  let site: SiteRow;
  let otherSite: SiteRow;
  const clients = {} as Record<Role, HttpClient>;
  const ids = {} as Record<Role, string>;
  let otherProgramManager: HttpClient;

  async function signedIn(target: SiteRow, role: Role) {
    const user = await makeUser(t.database.db, target, role);
    const client = t.client();
    expect((await client.logIn(user.email, user.password)).status).toBe(200);
    return { client, userId: user.userId };
  }

  beforeAll(async () => {
    site = await makeSite(t.database.db);
    otherSite = await makeSite(t.database.db);
    for (const role of ['program_manager', 'case_manager', 'provider', 'officer', 'admin'] as const) {
      const person = await signedIn(site, role);
      clients[role] = person.client;
      ids[role] = person.userId;
    }
    otherProgramManager = (await signedIn(otherSite, 'program_manager')).client;
  });

  const url = (path: string, target = site) => `/api/v1/sites/${target.id}${path}`;

  async function organization(name: string) {
    const created = await clients.program_manager.post(url('/directory/organizations'), {
      name,
      description: `${name} serves people in the county.`,
      email: 'intake@example.org',
      website: 'https://example.org',
      phone: '555-0142',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  }

  async function service(organizationId: string, body: Record<string, unknown>) {
    const created = await clients.program_manager.post(
      url(`/directory/organizations/${organizationId}/services`),
      body,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  it('program managers build the directory; the care team searches it by need, language and capacity', async () => {
    const shelterOrg = await organization('Harbor Light Shelter');
    const clinicOrg = await organization('Riverside Clinic');
    const beds = await service(shelterOrg, {
      name: 'Emergency beds',
      description: 'Low-barrier overnight beds',
      categories: ['shelter_housing'],
      languages: ['en', 'es'],
      hours: 'Every night 7pm-7am',
      capacity: 'waitlist',
    });
    expect(beds).toMatchObject({
      organizationName: 'Harbor Light Shelter',
      categories: ['shelter_housing'],
      capacity: 'waitlist',
      languages: [
        { code: 'en', name: 'English' },
        { code: 'es', name: 'Spanish' },
      ],
      hours: ['Every night 7pm-7am'],
    });
    await service(clinicOrg, {
      name: 'Buprenorphine same day',
      categories: ['moud', 'medical'],
      languages: ['en'],
    });

    const search = (query: string) => clients.case_manager.get(url(`/directory/services?${query}`));
    const names = async (query: string) =>
      (await search(query)).body.services.map((s: { name: string }) => s.name);
    expect(await names('category=shelter_housing')).toEqual(['Emergency beds']);
    expect(await names('language=es')).toEqual(['Emergency beds']);
    expect(await names('language=Spanish')).toEqual(['Emergency beds']);
    expect(await names('capacity=accepting')).toEqual(['Buprenorphine same day']);
    expect(await names('q=riverside')).toEqual(['Buprenorphine same day']);
    expect(await names('category=moud&capacity=full')).toEqual([]);
    const unknownCategory = await search('category=spaceships');
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.error.message).toMatch(/category/);

    const view = await clients.case_manager.get(url(`/directory/organizations/${shelterOrg}`));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ name: 'Harbor Light Shelter', phones: [{ number: '555-0142' }] });
    expect(view.body.services).toHaveLength(1);

    // The care team does not edit the directory; officers do not see it; another site does not find it.
    expect(
      (await clients.case_manager.post(url('/directory/organizations'), { name: 'X', description: '' }))
        .status,
    ).toBe(403);
    expect((await clients.officer.get(url('/directory/services'))).status).toBe(403);
    expect(
      (await otherProgramManager.get(url(`/directory/organizations/${shelterOrg}`, otherSite))).status,
    ).toBe(404);

    // Edits keep what was not mentioned, and the export shows them and validates.
    const edited = await clients.program_manager.request('PATCH', url(`/directory/services/${beds.id}`), {
      body: { categories: ['shelter_housing', 'food'] },
    });
    expect(edited.body).toMatchObject({ name: 'Emergency beds', categories: ['shelter_housing', 'food'] });
    const page = hsdsDirectoryPage(await inSite(site, (tx) => loadDirectory(tx, site.id)));
    expect(validateDirectoryPage(hsdsValidator(), page as { contents: unknown[] })).toEqual([]);
    const exportedBeds = (
      page.contents as {
        services?: { id: string; attributes?: { taxonomy_term: { code: string; taxonomy: string } }[] }[];
      }[]
    )
      .flatMap((org) => org.services ?? [])
      .find((s) => s.id === beds.id);
    expect(
      exportedBeds?.attributes?.map((a) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}`),
    ).toEqual(['lead-needs:shelter_housing', 'lead-needs:food', 'lead-capacity:waitlist']);
    // Our own export imports into a new site with needs and capacity intact.
    const copy = await makeSite(t.database.db);
    await importInto(copy, page);
    const copied = await inSite(copy, (tx) => loadDirectory(tx, copy.id));
    expect(copied.services.find((s) => s.id === beds.id)).toMatchObject({
      categories: ['shelter_housing', 'food'],
      capacity: 'waitlist',
    });
  });

  it('a provider user belongs to one organization and sets only its capacity', async () => {
    const own = await organization('Casa Segura');
    const other = await organization('Northside Pantry');
    const ownService = await service(own, { name: 'Respite room', categories: ['shelter_housing'] });
    const otherService = await service(other, { name: 'Food boxes', categories: ['food'] });

    // Not linked yet: the provider has no organization.
    expect((await clients.provider.get(url('/provider/organization'))).status).toBe(404);
    // Only a provider can be linked, and only by program managers and admins.
    const notProvider = await clients.program_manager.request(
      'PUT',
      url(`/staff/${ids.case_manager}/provider-organization`),
      {
        body: { organizationId: own },
      },
    );
    expect(notProvider.body.error.code).toBe('NOT_A_PROVIDER');
    expect(
      (
        await clients.case_manager.request('PUT', url(`/staff/${ids.provider}/provider-organization`), {
          body: { organizationId: own },
        })
      ).status,
    ).toBe(403);
    const linked = await clients.admin.request('PUT', url(`/staff/${ids.provider}/provider-organization`), {
      body: { organizationId: own },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toEqual({
      userId: ids.provider,
      organizationId: own,
      organizationName: 'Casa Segura',
    });

    const mine = await clients.provider.get(url('/provider/organization'));
    expect(mine.body.services.map((s: { name: string }) => s.name)).toEqual(['Respite room']);

    const set = await clients.provider.request('PUT', url(`/directory/services/${ownService.id}/capacity`), {
      body: { capacity: 'full' },
    });
    expect(set.status).toBe(200);
    expect(set.body.capacity).toBe('full');
    expect(set.body.capacityUpdatedAt).toBe(t.clock.now().toISOString());
    const refused = await clients.provider.request(
      'PUT',
      url(`/directory/services/${otherService.id}/capacity`),
      {
        body: { capacity: 'full' },
      },
    );
    expect(refused.status).toBe(404);
    expect(
      (
        await clients.program_manager.request('PUT', url(`/directory/services/${otherService.id}/capacity`), {
          body: { capacity: 'full' },
        })
      ).status,
    ).toBe(200);
    // Providers do not browse the directory or edit services.
    expect((await clients.provider.get(url('/directory/services'))).status).toBe(403);
    expect(
      (
        await clients.provider.request('PATCH', url(`/directory/services/${ownService.id}`), {
          body: { name: 'Mine' },
        })
      ).status,
    ).toBe(403);
  });

  it('program managers download the directory as HSDS 3.0 JSON that validates; the care team may not', async () => {
    const response = await clients.program_manager.get(url('/directory/hsds'));
    expect(response.status).toBe(200);
    expect(response.body.total_items).toBe(response.body.contents.length);
    expect(response.body.contents.length).toBeGreaterThan(0);
    expect(validateDirectoryPage(hsdsValidator(), response.body)).toEqual([]);
    for (const organization of response.body.contents)
      expect(compiledValidator().organization(organization)).toBe(true);
    expect((await clients.case_manager.get(url('/directory/hsds'))).status).toBe(403);
  });

  it('validates input, naming the field', async () => {
    const response = await clients.program_manager.post(url('/directory/organizations'), {
      name: 'Bad mail',
      description: '',
      email: 'not-an-email',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/email/);
  });
});
