import { DEMO_PASSWORD, DEMO_USERS, findAuditEvents } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/session-token.js';
import { createTestApi, errorCodes, TEST_SECRET, type TestApi } from './support/test-api.js';

const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) { token expiresAt user { id email name role } }
  }
`;
const ME = '{ me { email role } }';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(() => api?.close());

describe('login', () => {
  it.each(DEMO_USERS)(
    'logs in the seeded demo user $email, whose token then works',
    async ({ email, role }) => {
      const result = await api.execute(LOGIN, { email, password: DEMO_PASSWORD });
      expect(result.errors).toBeUndefined();
      const { token, expiresAt, user } = result.data!.login;
      expect(user).toMatchObject({ email, role });
      const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(0.95);
      expect(hours).toBeLessThanOrEqual(1);
      expect((await api.execute(ME, {}, { token })).data).toEqual({ me: { email, role } });
    },
  );

  it('accepts the email in any case and audits the login', async () => {
    const user = await createTestUser(api.db, { role: 'DATA' });
    const result = await api.execute(LOGIN, { email: user.email.toUpperCase(), password: user.password });
    expect(result.data?.login.user.id).toBe(user.id);
    const events = await findAuditEvents(api.db, {
      entityType: 'User',
      entityId: user.id,
      action: 'user.login',
    });
    expect(events).toHaveLength(1);
  });

  it('gives the same error for a wrong password and an unknown email', async () => {
    const wrongPassword = await api.execute(LOGIN, { email: DEMO_USERS[0].email, password: 'dermino-demo!' });
    const unknownEmail = await api.execute(LOGIN, { email: 'nobody@dermino.local', password: DEMO_PASSWORD });
    for (const result of [wrongPassword, unknownEmail]) {
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors?.[0].message).toBe('Wrong email or password.');
      expect(result.data).toBeNull();
    }
  });

  it('refuses a disabled account after a correct password', async () => {
    const user = await createTestUser(api.db);
    await api.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    const result = await api.execute(LOGIN, { email: user.email, password: user.password });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('sessions', () => {
  const CASES = '{ cases(first: 1) { totalCount } }';

  it('refuses every operation but login without a token', async () => {
    for (const query of [CASES, ME, '{ datasets { totalCount } }', '{ health { ok } }', 'mutation { logout }']) {
      const result = await api.execute(query);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors?.[0].message).toMatch(/^Log in first/);
      expect(result.data).toBeUndefined();
    }
  });

  it('refuses a query hiding a field in a fragment', async () => {
    const result = await api.execute('query { ...F } fragment F on Query { cases(first: 1) { totalCount } }');
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token signed with another secret', async () => {
    const user = await createTestUser(api.db, { role: 'ADMIN' });
    const forged = signSessionToken(
      { sub: user.id, role: 'ADMIN' },
      { secret: 'not-the-server-secret-0123456789abc' },
    );
    const result = await api.execute(CASES, {}, { token: forged.token });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors?.[0].message).toMatch(/invalid signature/);
  });

  it('refuses an expired token', async () => {
    const user = await createTestUser(api.db);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const expired = signSessionToken(
      { sub: user.id, role: user.role },
      { secret: TEST_SECRET, now: twoHoursAgo },
    );
    const result = await api.execute(CASES, {}, { token: expired.token });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors?.[0].message).toMatch(/^The session expired at .*; log in again\.$/);
  });

  it('refuses a garbage header and a token of a disabled user', async () => {
    const garbage = await api.execute(CASES, {}, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(errorCodes(garbage)).toEqual(['UNAUTHENTICATED']);
    const user = await createTestUser(api.db);
    const token = api.tokenFor(user);
    await api.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    const disabled = await api.execute(CASES, {}, { token });
    expect(disabled.errors?.[0].message).toMatch(/disabled/);
  });

  it('still lets login through with a stale token', async () => {
    const result = await api.execute(
      LOGIN,
      { email: DEMO_USERS[3].email, password: DEMO_PASSWORD },
      { token: 'stale.token' },
    );
    expect(result.data?.login.user.email).toBe(DEMO_USERS[3].email);
  });

  it('logs out (audited): the token is refused afterwards, another session of the user still works', async () => {
    const user = await createTestUser(api.db);
    const token = api.tokenFor(user);
    const other = api.tokenFor(user);
    const result = await api.execute('mutation { logout }', {}, { token });
    expect(result.data).toEqual({ logout: true });
    expect(
      await findAuditEvents(api.db, { entityType: 'User', entityId: user.id, action: 'user.logout' }),
    ).toHaveLength(1);
    const after = await api.execute(ME, {}, { token });
    expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.errors?.[0].message).toBe('This session was logged out; log in again.');
    expect((await api.execute(ME, {}, { token: other })).data?.me).toBeTruthy();
  });

  it('refreshSession swaps the token for a new one and revokes the old', async () => {
    const user = await createTestUser(api.db, { role: 'MANAGER' });
    const token = api.tokenFor(user);
    const result = await api.execute(
      'mutation { refreshSession { token expiresAt user { id } } }',
      {},
      { token },
    );
    expect(result.data?.refreshSession.user.id).toBe(user.id);
    const fresh = result.data!.refreshSession.token as string;
    expect(fresh).not.toBe(token);
    expect((await api.execute(ME, {}, { token: fresh })).data?.me.role).toBe('MANAGER');
    expect(errorCodes(await api.execute(ME, {}, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('takes the role from the database, not the token: a demoted admin loses admin fields at once', async () => {
    const user = await createTestUser(api.db, { role: 'MANAGER' });
    const token = api.tokenFor(user);
    expect((await api.execute('{ datasets { totalCount } }', {}, { token })).errors).toBeUndefined();
    await api.db.user.update({ where: { id: user.id }, data: { role: 'CLINICIAN' } });
    expect(errorCodes(await api.execute('{ datasets { totalCount } }', {}, { token }))).toEqual(['FORBIDDEN']);
  });
});
