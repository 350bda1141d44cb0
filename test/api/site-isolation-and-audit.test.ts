import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/app/audit/record-audit.ts';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { makeSite, makeUser, type TestUser } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-database.ts';

let t: TestApp;
let siteA: SiteRow;
let siteB: SiteRow;
let userA: TestUser;
let userB: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  siteA = await makeSite(t.database.db);
  siteB = await makeSite(t.database.db);
  userA = await makeUser(t.database.db, siteA, 'case_manager');
  userB = await makeUser(t.database.db, siteB, 'case_manager');
});
afterAll(() => t.close());

const membershipsVisible = (scope: { siteId: string | null; userId: string | null }) =>
  inScope(t.database.db, scope, (tx) =>
    tx.selectFrom('memberships').select(['site_id', 'user_id']).execute(),
  );

describe(`row-level security (${testDatabaseKind()})`, () => {
  it('runs the application as a role that is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      select rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(t.database.db);
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('shows a query with no site set nothing', async () => {
    expect(await membershipsVisible({ siteId: null, userId: null })).toEqual([]);
    const outside = await t.database.db.selectFrom('memberships').selectAll().execute();
    expect(outside).toEqual([]);
  });

  it("shows one site's rows only to that site's scope", async () => {
    const rows = await membershipsVisible({ siteId: siteA.id, userId: null });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.site_id))).toEqual(new Set([siteA.id]));
    expect(rows.map((row) => row.user_id)).not.toContain(userB.userId);
  });

  it("reads one user's memberships in one round trip, and only theirs, leaving no scope behind", async () => {
    const { rows } = await sql<{ site_id: string; user_id: string; role: string }>`
      select * from memberships_of_user(${userA.userId})`.execute(t.database.db);
    expect(rows).toEqual([{ site_id: siteA.id, user_id: userA.userId, role: 'case_manager' }]);
    // The scope was the statement's own: the next statement on the pool sees nothing again.
    const outside = await t.database.db.selectFrom('memberships').selectAll().execute();
    expect(outside).toEqual([]);
  });

  it("refuses to write a row into another site's data", async () => {
    await expect(
      inScope(t.database.db, { siteId: siteA.id, userId: null }, (tx) =>
        tx
          .insertInto('memberships')
          .values({ site_id: siteB.id, user_id: userA.userId, role: 'admin' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('forces row-level security on every table with a site_id, except the audit log', async () => {
    const { rows } = await sql<{ table_name: string; forced: boolean; enabled: boolean }>`
      select c.relname as table_name, c.relforcerowsecurity as forced, c.relrowsecurity as enabled
      from pg_class c join information_schema.columns col on col.table_name = c.relname and col.column_name = 'site_id'
      where c.relkind = 'r' and col.table_schema = 'public'`.execute(t.database.db);
    const scoped = rows.filter((row) => row.table_name !== 'audit_log');
    expect(scoped.length).toBeGreaterThan(0);
    for (const row of scoped) expect(row, row.table_name).toMatchObject({ enabled: true, forced: true });
  });
});

describe('the audit log', () => {
  it('cannot be changed or emptied by the application role', async () => {
    await expect(sql`update audit_log set action = 'changed'`.execute(t.database.db)).rejects.toThrow();
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow();
    await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow();
  });

  it('records sign-ins with no names or e-mail addresses in it', async () => {
    await t.client().logIn(userA.email, userA.password);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('user_id', '=', userA.userId)
      .execute();
    expect(rows.map((row) => row.action)).toContain('auth.login');
    expect(JSON.stringify(rows)).not.toContain(userA.email);
  });

  it('chains every row to the one before it, and verification names the first altered row', async () => {
    for (let i = 0; i < 5; i++) await t.client().logIn(userB.email, userB.password);
    const intact = await verifyAuditChain(t.database.db);
    expect(intact.intact).toBe(true);
    expect(intact.rows).toBeGreaterThanOrEqual(6);

    // Someone with the owner's powers edits a row behind the application's back.
    const target = await t.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('user_id', '=', userB.userId)
      .orderBy('seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`grant update on audit_log to current_user`.execute(t.database.db);
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.database.db);
    await sql`update audit_log set outcome = 'failure' where seq = ${target.seq}`.execute(t.database.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.database.db);
    await sql`revoke update on audit_log from current_user`.execute(t.database.db);

    const broken = await verifyAuditChain(t.database.db);
    expect(broken).toMatchObject({
      intact: false,
      firstBadSeq: Number(target.seq),
      reason: 'contents do not match its hash',
    });
  });

  it('keeps the chain whole when many requests append at once', async () => {
    const appends = Array.from({ length: 20 }, (_, index) =>
      inScope(t.database.db, { siteId: siteA.id, userId: null }, (tx) =>
        recordAudit(tx, {
          occurredAt: t.clock.now(),
          userId: userA.userId,
          role: 'case_manager',
          siteId: siteA.id,
          action: 'test.concurrent',
          resourceType: 'test',
          resourceId: String(index),
          outcome: 'success',
          requestId: null,
        }),
      ),
    );
    await Promise.all(appends);
    const seqs = (await t.database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map(
      (row) => Number(row.seq),
    );
    expect(seqs.length).toBeGreaterThanOrEqual(20);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });
});
