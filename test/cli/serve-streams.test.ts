import { afterAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../support/event-stream.ts';
import { HttpClient } from '../support/http-client.ts';
import { removeFolder, type Server, startServer, temporaryFolder } from './support.ts';

const DEMO_ADMIN = { email: 'admin@demo.lead.test', password: 'lead-demo-2026' };
const folders: string[] = [];
const servers: Server[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  for (const path of folders) removeFolder(path);
});

describe('lead serve with live streams open', () => {
  it('stops cleanly on SIGTERM: open event streams are ended, not waited on', async () => {
    const dataDirectory = temporaryFolder('lead-streams-');
    folders.push(dataDirectory);
    const server = await startServer(dataDirectory);
    servers.push(server);
    const client = new HttpClient(server.baseUrl);
    const login = await client.logIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    expect(login.status).toBe(200);
    const siteId: string = login.body.sites[0].id;
    const streams = await Promise.all(
      [1, 2, 3].map(() => openEventStream(client, `${server.baseUrl}/api/v1/sites/${siteId}/live`)),
    );
    for (const stream of streams) expect(stream.status).toBe(200);

    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    for (const stream of streams) await expect(stream.next(2000)).rejects.toThrow(/ended|terminated|fetch/);
  });
});
