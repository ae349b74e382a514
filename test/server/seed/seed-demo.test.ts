import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenEscalationChains, escalationRoute } from '../../../shared/escalation.js';
import { ROLES } from '../../../shared/roles.js';
import { BODY_KINDS, CADENCES } from '../../../shared/bodies.js';
import { verifyPassword } from '../../../server/auth/password.js';
import { DEMO_PASSWORD } from '../../../server/seed/demo-partnership.js';
import { demoMeetingDates } from '../../../server/seed/seed-demo.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('the demo partnership', () => {
  let database: TestDatabase;
  beforeAll(() => {
    database = openSeededTestDatabase();
  });
  afterAll(() => database.dispose());

  const bodies = () =>
    database.db
      .selectFrom('bodies')
      .select(['id', 'name', 'short_name', 'parent_id as parentId', 'confidential', 'kind', 'cadence', 'tier'])
      .execute();

  it('reaches the SPB from every body, with no cycles', async () => {
    const all = await bodies();
    expect(all.length).toBeGreaterThanOrEqual(14);
    expect(brokenEscalationChains(all)).toEqual([]);
    const tops = all.filter((body) => body.parentId === null);
    expect(tops.map((body) => body.short_name)).toEqual(['SPB']);
  });

  it('escalates sub-group → JAG → CSP → SPB', async () => {
    const all = await bodies();
    const youthJag = all.find((body) => body.short_name === 'Youth JAG')!;
    expect(escalationRoute(all, youthJag.id).map((body) => body.short_name)).toEqual([
      'Youth JAG',
      'Charnwood JAG',
      'Charnwood CSP',
      'SPB',
    ]);
  });

  it('sits every body below its parent, with known kinds and cadences', async () => {
    const all = await bodies();
    const byId = new Map(all.map((body) => [body.id, body]));
    for (const body of all) {
      expect(BODY_KINDS).toContain(body.kind);
      expect(CADENCES).toContain(body.cadence);
      if (body.parentId !== null) expect(body.tier).toBeGreaterThanOrEqual(byId.get(body.parentId)!.tier);
    }
  });

  it('marks the sub-groups that discuss named individuals as confidential', async () => {
    const confidential = (await bodies()).filter((body) => body.confidential === 1).map((body) => body.short_name);
    expect(confidential.sort()).toEqual(['Adults at Risk', 'Youth JAG']);
  });

  it('gives every body a chair and only known roles', async () => {
    const memberships = await database.db.selectFrom('memberships').selectAll().execute();
    expect(memberships.every((membership) => (ROLES as readonly string[]).includes(membership.role))).toBe(true);
    for (const body of await bodies()) {
      const chairs = memberships.filter((membership) => membership.body_id === body.id && membership.role === 'chair');
      expect(chairs, `${body.name} has exactly one chair`).toHaveLength(1);
    }
  });

  it('has the documented demo logins with their roles', async () => {
    const roles = await database.db
      .selectFrom('users')
      .leftJoin('memberships', 'memberships.user_id', 'users.id')
      .leftJoin('bodies', 'bodies.id', 'memberships.body_id')
      .select(['users.email', 'bodies.short_name', 'memberships.role'])
      .where('users.email', 'like', '%@demo.quorum.test')
      .execute();
    const rolesOf = (local: string) =>
      roles
        .filter((row) => row.email === `${local}@demo.quorum.test` && row.short_name !== null)
        .map((row) => `${row.short_name}:${row.role}`)
        .sort();
    expect(rolesOf('chair.jag')).toEqual(['Charnwood CSP:member', 'Charnwood JAG:chair']);
    expect(rolesOf('member.jag')).toContain('Charnwood JAG:member');
    expect(rolesOf('observer.jag')).toEqual(['Charnwood JAG:observer']);
    expect(rolesOf('chair.csp')).toEqual(['Charnwood CSP:chair', 'SPB:member']);
    expect(rolesOf('chair.spb')).toContain('SPB:chair');
    expect(rolesOf('chair.youthjag')).toContain('Youth JAG:chair');
    expect(rolesOf('outsider')).toEqual([]);
    const users = new Set(roles.map((row) => row.email));
    expect(users.size).toBeGreaterThanOrEqual(20);
  });

  it('stores passwords only as scrypt hashes that verify', async () => {
    const users = await database.db.selectFrom('users').select(['email', 'password_hash']).execute();
    for (const user of users) {
      expect(user.password_hash).toMatch(/^scrypt\$/);
      expect(user.password_hash).not.toContain(DEMO_PASSWORD);
    }
    expect(new Set(users.map((user) => user.password_hash)).size).toBe(users.length); // salted
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.password_hash)).toBe(true);
  });

  it('gives every action an owner who sits on its body, and numbers them per body', async () => {
    const actions = await database.db
      .selectFrom('actions')
      .leftJoin('memberships', (join) =>
        join.onRef('memberships.body_id', '=', 'actions.body_id').onRef('memberships.user_id', '=', 'actions.owner_id'),
      )
      .select(['actions.reference', 'memberships.role'])
      .execute();
    expect(actions.length).toBeGreaterThanOrEqual(20);
    expect(actions.filter((action) => action.role === null)).toEqual([]);
    expect(actions.map((action) => action.reference)).toContain('JAG-0001');
  });

  it('gives every body past and upcoming meetings', async () => {
    const now = new Date().toISOString();
    const meetings = await database.db.selectFrom('meetings').select(['body_id', 'starts_at', 'status']).execute();
    for (const body of await bodies()) {
      const own = meetings.filter((meeting) => meeting.body_id === body.id);
      expect(own.some((meeting) => meeting.starts_at < now && meeting.status === 'closed')).toBe(true);
      expect(own.some((meeting) => meeting.starts_at > now && meeting.status === 'scheduled')).toBe(true);
    }
  });
});

describe('demo meeting dates', () => {
  it('fall on Tuesdays at 10:00 London time, in British Summer Time too', () => {
    const meetings = demoMeetingDates('bi-monthly', new Date('2026-11-22T12:00:00Z'));
    expect(meetings).toEqual([
      { startsAt: '2026-09-22T09:00:00.000Z', past: true },
      { startsAt: '2026-11-17T10:00:00.000Z', past: true },
      { startsAt: '2026-11-24T10:00:00.000Z', past: false },
      { startsAt: '2027-01-19T10:00:00.000Z', past: false },
    ]);
  });
});
