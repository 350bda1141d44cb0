import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client.ts';
import { lead, leadProcess, removeFolder, type Server, startServer, temporaryFolder } from './support.ts';

const DEMO_ADMIN = { email: 'admin@demo.lead.test', password: 'lead-demo-2026' };
const folders: string[] = [];
const servers: Server[] = [];

function folder(): string {
  const path = temporaryFolder('lead-fault-');
  folders.push(path);
  return path;
}

async function start(dataDirectory: string): Promise<Server> {
  const server = await startServer(dataDirectory);
  servers.push(server);
  return server;
}

afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  for (const path of folders) removeFolder(path);
});

/** Logs in as the demo admin over HTTP; answers the client (cookie and CSRF token kept) and the site. */
async function adminOf(server: Server): Promise<{ client: HttpClient; siteId: string }> {
  const client = new HttpClient(server.baseUrl);
  const response = await client.logIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
  expect(response.status).toBe(200);
  expect(client.hasSessionCookie()).toBe(true);
  return { client, siteId: response.body.sites[0].id };
}

async function addStaff(server: Server, email: string) {
  const { client, siteId } = await adminOf(server);
  return client.post(`/api/v1/sites/${siteId}/staff`, {
    email,
    displayName: `Staff ${email}`,
    role: 'officer',
    initialPassword: 'a-long-enough-password',
  });
}

async function staffEmails(server: Server): Promise<string[]> {
  const { client, siteId } = await adminOf(server);
  const response = await client.get(`/api/v1/sites/${siteId}/staff`);
  expect(response.status).toBe(200);
  return response.body.staff.map((member: { email: string }) => member.email);
}

describe('two servers on one PGlite folder', () => {
  it('the second refuses, naming the first; the first keeps serving; nothing is corrupted', async () => {
    const dataDirectory = folder();
    const first = await start(dataDirectory);
    expect(await addStaff(first, 'before.second@example.test')).toMatchObject({ status: 201 });

    const second = await leadProcess(['serve'], { env: { LEAD_DATA_DIR: dataDirectory, PORT: '0' } });
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`in use by another lead process (pid ${first.pid})`);

    expect((await fetch(`${first.baseUrl}/healthz`)).status).toBe(200);
    expect(await addStaff(first, 'after.second@example.test')).toMatchObject({ status: 201 });
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDirectory, 'lead.lock'))).toBe(false);

    expect(await lead(['audit', 'verify'], { env: { LEAD_DATA_DIR: dataDirectory } })).toMatchObject({
      status: 0,
    });
    const again = await start(dataDirectory);
    expect(await staffEmails(again)).toEqual(
      expect.arrayContaining(['before.second@example.test', 'after.second@example.test']),
    );
    await again.stop();
  });
});

describe('a killed server', () => {
  it('loses no acknowledged write (kill -9 right after the 201), three times over', async () => {
    const dataDirectory = folder();
    const acknowledged: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const server = await start(dataDirectory);
      expect(await staffEmails(server)).toEqual(expect.arrayContaining(acknowledged));
      const email = `killed.round${round}@example.test`;
      const created = await addStaff(server, email);
      expect(created.status).toBe(201);
      acknowledged.push(email);
      expect(await server.stop('SIGKILL')).toBe(null);
      // The dead process's lock is left behind; the next start takes it over.
      expect(readFileSync(join(dataDirectory, 'lead.lock'), 'utf8').trim()).toBe(String(server.pid));
    }
    const last = await start(dataDirectory);
    expect(await staffEmails(last)).toEqual(expect.arrayContaining(acknowledged));
    await last.stop();
    expect(await lead(['audit', 'verify'], { env: { LEAD_DATA_DIR: dataDirectory } })).toMatchObject({
      status: 0,
    });
  });
});
