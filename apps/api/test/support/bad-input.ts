import { promoteModelVersion, type Role } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { expect } from 'vitest';
import { fingerprint } from './fingerprint.js';
import { createModelRow } from './model-fixtures.js';
import { errorCodes, type TestApi } from './test-api.js';

/** One malformed or hostile request and the error it must get. */
export interface BadInput {
  name: string;
  role?: Role;
  /** Raw Authorization header instead of a role's token. */
  authorization?: () => string;
  query: string | (() => string);
  variables?: () => Record<string, unknown>;
  code: string;
  message: RegExp;
}

export interface BadInputFixture {
  api: TestApi;
  users: Record<Role, { id: string; role: Role; email: string }>;
  source: string;
  alias: string;
  championId: string;
  otherModelId: string;
}

/** A user of each role, a labelled case and two models, one holding a fresh alias. */
export async function createBadInputFixture(api: TestApi): Promise<BadInputFixture> {
  const users = {} as BadInputFixture['users'];
  for (const role of ['CLINICIAN', 'DATA', 'MANAGER', 'ADMIN'] as Role[])
    users[role] = await createTestUser(api.db, { role });
  const created = await createTestCase(api.db, {
    annotations: [{ concept: 'mel', confirmation: 'HISTOPATHOLOGY' }],
  });
  const alias = uniqueName('alias')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  const championId = (await createModelRow(api.db)).id;
  const otherModelId = (await createModelRow(api.db)).id;
  await promoteModelVersion(api.db, { id: championId, alias, updatedBy: null });
  return { api, users, source: created.source, alias, championId, otherModelId };
}

/** What the fixture's bad requests could change (see fingerprint). */
export const scopeOf = (fixture: BadInputFixture) => ({
  userIds: Object.values(fixture.users).map((user) => user.id),
  aliases: [fixture.alias],
  emails: ['new-user@test.dermino.local', fixture.users.ADMIN.email],
  sources: [fixture.source],
});

/** Sends the request and checks the error code, the message and that nothing changed. */
export async function expectRefused(fixture: BadInputFixture, bad: BadInput): Promise<void> {
  const { api, users } = fixture;
  const before = await fingerprint(api.db, scopeOf(fixture));
  const authorization =
    bad.authorization?.() ?? (bad.role ? `Bearer ${api.tokenFor(users[bad.role])}` : undefined);
  const query = typeof bad.query === 'function' ? bad.query() : bad.query;
  const result = await api.execute(query, bad.variables?.() ?? {}, { authorization });
  expect(errorCodes(result)).toEqual([bad.code]);
  expect(result.errors?.[0].message).toMatch(bad.message);
  expect(result.data?.promoteModel ?? result.data?.createUser ?? null).toBeNull();
  expect(await fingerprint(api.db, scopeOf(fixture))).toBe(before);
}
