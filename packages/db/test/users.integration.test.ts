import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '../src/audit.js';
import { revokeUserSessions } from '../src/auth/user-sessions.js';
import type { Db } from '../src/client.js';
import { getImageStorage } from '../src/images.js';
import { getSessionUser, revokeSession } from '../src/sessions.js';
import { createTestCase, createTestUser, uniqueName } from '../src/testing/factories.js';
import { authenticateUser, createUser, getUserById } from '../src/users.js';
import { connectTestDb } from './support/test-db.js';

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await connectTestDb());
});
afterAll(() => close?.());

describe('authenticateUser', () => {
  it('returns the user without its password hash', async () => {
    const user = await createTestUser(db, { role: 'MANAGER' });
    const found = await authenticateUser(db, {
      email: ` ${user.email.toUpperCase()} `,
      password: user.password,
    });
    expect(found).toMatchObject({ id: user.id, role: 'MANAGER' });
    expect(found).not.toHaveProperty('passwordHash');
  });

  it('fails the same way for a wrong password and an unknown email', async () => {
    const user = await createTestUser(db);
    // One at a time: a second attempt started before the first is awaited rejects unobserved meanwhile, which
    // vitest reports as an unhandled rejection (the db suite failed so in CI with every test passing).
    const attempts = [
      () => authenticateUser(db, { email: user.email, password: 'wrong' }),
      () => authenticateUser(db, { email: `${uniqueName('ghost')}@x.local`, password: user.password }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Wrong email or password.',
      });
    }
  });

  it('refuses a second user with the same email as CONFLICT', async () => {
    const user = await createTestUser(db);
    await expect(
      createUser(db, { email: user.email, name: 'Twin', role: 'DATA', password: 'x' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `A user with email ${user.email} already exists.`,
    });
  });
});

describe('getSessionUser', () => {
  it('reads the user as getUserById does, and whether the token id was logged out, in one statement', async () => {
    const user = await createTestUser(db, { role: 'DATA' });
    await revokeUserSessions(db, { id: user.id });
    const jti = uniqueName('jti');
    const live = await getSessionUser(db, { userId: user.id, jti });
    expect(live).toEqual({ user: await getUserById(db, { id: user.id }), revoked: false });
    expect(live.user?.sessionsValidFrom).toBeInstanceOf(Date);
    await revokeSession(db, { jti, userId: user.id, expiresAt: new Date(Date.now() + 60_000) });
    expect((await getSessionUser(db, { userId: user.id, jti })).revoked).toBe(true);
  });

  it('gives no user for an unknown id', async () => {
    expect(await getSessionUser(db, { userId: uniqueName('ghost'), jti: uniqueName('jti') })).toEqual({
      user: null,
      revoked: false,
    });
  });
});

describe('audit and images', () => {
  it('maps an unknown user of an audit event to BAD_INPUT', async () => {
    await expect(
      recordAuditEvent(db, {
        userId: uniqueName('ghost'),
        action: 'case.read',
        entityType: 'Case',
        entityId: 'x',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('finds the storage key of a stored image and explains the others', async () => {
    const created = await createTestCase(db, { images: [{ storageKey: 'ab/cdef' }, {}] });
    expect(await getImageStorage(db, { imageId: created.images[0].id })).toMatchObject({
      storageKey: 'ab/cdef',
    });
    await expect(getImageStorage(db, { imageId: created.images[1].id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no stored file/),
    });
    await expect(getImageStorage(db, { imageId: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
