import http from 'node:http';
import { createDb, findAuditEvents, recordLoginFailure } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import type {} from '@dermino/db/testing/global-setup';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApi, startApi } from '../src/app.js';
import { TEST_SECRET } from './support/test-api.js';

const db = createDb({ url: inject('databaseUrl') });
let api: RunningApi;
let adminToken: string;

/** POST /graphql from a chosen loopback address (the API throttles per client address). */
function gql(
  query: string,
  variables: unknown,
  options: { token?: string; from?: string } = {},
): Promise<any> {
  const body = JSON.stringify({ query, variables });
  const url = new URL(`${api.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const login = (email: string, password: string, from?: string) =>
  gql(LOGIN, { input: { email, password } }, { from });
const codeOf = (result: any) => result.errors?.[0]?.extensions?.code ?? 'OK';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  api = await startApi({
    databaseUrl: inject('databaseUrl'),
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    config: { sessionSecret: TEST_SECRET, home: '.', nodeEnv: 'production', version: '0.1.0' },
  });
  const admin = await createTestUser(db, { role: 'ADMIN' });
  adminToken = (await login(admin.email, admin.password)).data.login.token;
});

afterAll(async () => {
  await api?.close();
  await db.$disconnect();
});

describe('login throttling', () => {
  it('answers 4 wrong passwords in a row, then backs off (RATE_LIMITED with retryAfterSeconds), even for the right one', async () => {
    const user = await createTestUser(db);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(codeOf(await login(user.email, 'wrong password!!')));
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const refused = await login(user.email, user.password);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors[0].extensions.retryAfterSeconds).toBe(1);
    await sleep(1100);
    expect(codeOf(await login(user.email, user.password))).toBe('OK');
    const actions = (await findAuditEvents(db, { entityType: 'Login', entityId: user.email })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'user.login.failed')).toHaveLength(4);
    expect(actions).toContain('user.login.refused');
  });

  it('locks an account after 10 failures until an admin unlocks it, all audited', async () => {
    const user = await createTestUser(db);
    // Nine failures long ago (their backoff is over), then the tenth over HTTP.
    const past = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < 9; i++) await recordLoginFailure(db, { email: user.email, address: null, now: past });
    expect(codeOf(await login(user.email, 'wrong password!!'))).toBe('UNAUTHENTICATED');
    const locked = await login(user.email, user.password);
    expect(codeOf(locked)).toBe('FORBIDDEN');
    expect(locked.errors[0].message).toBe(
      'This account is locked after too many failed logins; an administrator can unlock it.',
    );
    const unlock = 'mutation($id: ID!) { unlockUser(id: $id) }';
    const byUser = await gql(unlock, { id: user.id }, { token: (await clinicianSession()).token });
    expect(codeOf(byUser)).toBe('FORBIDDEN');
    expect((await gql(unlock, { id: user.id }, { token: adminToken })).data.unlockUser).toBe(true);
    expect(codeOf(await login(user.email, user.password))).toBe('OK');
    expect((await gql(unlock, { id: user.id }, { token: adminToken })).data.unlockUser).toBe(false);
    const events = await findAuditEvents(db, { entityType: 'Login', entityId: user.email });
    expect(events.map((e) => e.action)).toContain('user.lockout');
    const unlocks = await findAuditEvents(db, { entityType: 'User', entityId: user.id });
    expect(unlocks.filter((e) => e.action === 'user.unlock').map((e) => e.details)).toEqual([
      { wasLocked: false },
      { wasLocked: true },
    ]);
  });

  it('throttles one client address trying many accounts, not the others', async () => {
    const from = '127.0.0.7';
    const codes = [];
    for (let i = 0; i < 12; i++)
      codes.push(codeOf(await login(`${uniqueName('nobody')}@x.test`, 'wrong password!!', from)));
    expect(codes.slice(0, 11)).toEqual(Array(11).fill('UNAUTHENTICATED'));
    expect(codes[11]).toBe('RATE_LIMITED');
    const other = await createTestUser(db);
    expect(codeOf(await login(other.email, other.password, '127.0.0.8'))).toBe('OK');
  });
});

/** A fresh clinician's session: admin-only mutations refuse it. */
async function clinicianSession() {
  const user = await createTestUser(db);
  return (await login(user.email, user.password)).data.login as { token: string };
}

describe('password policy and sessions', () => {
  const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
  const create = (password: string) =>
    gql(
      CREATE,
      { input: { email: `${uniqueName('new')}@x.test`, name: 'N', role: 'CLINICIAN', password } },
      { token: adminToken },
    );

  it('refuses a short, a common or a padded common password on user creation, naming the field', async () => {
    for (const [password, message] of [
      ['short pass', 'The password must have at least 12 characters (it has 10).'],
      ['qwerty123456', 'The password is in the list of common passwords; choose another.'],
      ['Sunshine2024!', 'The password is in the list of common passwords; choose another.'],
      ['aaaaaaaaaaaaaaaa', 'The password repeats one or two characters; choose another.'],
    ]) {
      const result = await create(password);
      expect(result.errors[0]).toMatchObject({
        message,
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.password' },
      });
    }
    expect((await create('correct horse battery staple')).data.createUser.id).toBeTruthy();
  });

  it('an admin revokes all sessions of a user; a password change revokes the changer`s own', async () => {
    const user = await createTestUser(db);
    const first = (await login(user.email, user.password)).data.login.token;
    const ME = '{ me { email } }';
    expect((await gql(ME, {}, { token: first })).data.me.email).toBe(user.email);
    const revoke = await gql(
      'mutation($id: ID!) { revokeUserSessions(id: $id) { id } }',
      { id: user.id },
      { token: adminToken },
    );
    expect(revoke.data.revokeUserSessions.id).toBe(user.id);
    const refused = await gql(ME, {}, { token: first });
    expect(refused.errors[0].message).toBe(
      'This session was revoked (a password change or an administrator); log in again.',
    );
    await sleep(1100);
    const second = (await login(user.email, user.password)).data.login.token;
    const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
    const wrong = await gql(
      CHANGE,
      { input: { currentPassword: 'nope', newPassword: 'a fine new passphrase' } },
      { token: second },
    );
    expect(wrong.errors[0]).toMatchObject({
      message: 'The current password is wrong.',
      extensions: { argument: 'input.currentPassword' },
    });
    const common = await gql(
      CHANGE,
      { input: { currentPassword: user.password, newPassword: '1qaz2wsx3edc' } },
      { token: second },
    );
    expect(common.errors[0].extensions.argument).toBe('input.newPassword');
    const changed = await gql(
      CHANGE,
      { input: { currentPassword: user.password, newPassword: 'a fine new passphrase' } },
      { token: second },
    );
    expect(changed.data.changePassword).toBe(true);
    expect(codeOf(await gql(ME, {}, { token: second }))).toBe('UNAUTHENTICATED');
    await sleep(1100);
    expect(codeOf(await login(user.email, user.password))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(user.email, 'a fine new passphrase'))).toBe('OK');
    const actions = (await findAuditEvents(db, { entityType: 'User', entityId: user.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['user.sessions.revoke', 'user.password.change']));
  });
});
