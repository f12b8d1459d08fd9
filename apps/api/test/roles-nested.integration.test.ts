import type { Role } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

// roles.integration.test.ts runs every root field as every role; this table does the same for the fields
// below the root that have a rule of their own in the permission map.
const ROLES: Role[] = ['CLINICIAN', 'DATA', 'MANAGER', 'ADMIN'];
const REGISTRY: Role[] = ['DATA', 'MANAGER', 'ADMIN'];
const JOBS: Role[] = ['DATA', 'MANAGER', 'ADMIN'];
const ADMINS: Role[] = ['ADMIN'];

const NESTED: { field: string; query: string; allowed: Role[] }[] = [
  { field: 'User.disabled', query: '{ me { disabled } }', allowed: ADMINS },
  {
    field: 'DatasetVersion.composition',
    query: '{ datasets(first: 5) { edges { node { versions { composition { total cells { split count } } } } } } }',
    allowed: REGISTRY,
  },
  { field: 'Job.logs', query: '{ jobs(first: 2) { edges { node { logs(last: 2) { message } } } } }', allowed: JOBS },
  { field: 'Job.curve', query: '{ jobs(first: 2) { edges { node { curve { step } } } } }', allowed: JOBS },
  { field: 'Job.healthCurve', query: '{ jobs(first: 2) { edges { node { healthCurve { step } } } } }', allowed: JOBS },
];

let api: TestApi;
const users = {} as Record<Role, { id: string; role: Role }>;

beforeAll(async () => {
  api = await createTestApi();
  for (const role of ROLES) users[role] = await createTestUser(api.db, { role });
});
afterAll(() => api?.close());

describe('roles: fields below the root with a rule of their own', () => {
  it('the table lists every such field of the permission map', () => {
    const ruled = Object.entries(PERMISSIONS)
      .filter(([type]) => type !== 'Query' && type !== 'Mutation')
      .flatMap(([type, rule]) => Object.keys(rule.fields ?? {}).map((field) => `${type}.${field}`));
    expect(NESTED.map((row) => row.field).sort()).toEqual(ruled.sort());
  });

  const rows = NESTED.flatMap((row) =>
    ROLES.map((role) => ({ ...row, role, allowed: row.allowed.includes(role) })),
  );
  it.each(rows)('$field as $role: allowed=$allowed', async ({ field, query, role, allowed }) => {
    const result = await api.execute(query, {}, { token: api.tokenFor(users[role]) });
    if (allowed) {
      expect(result.errors).toBeUndefined();
    } else {
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].message).toContain(`${field} (`);
      expect(result.data).toBeUndefined();
    }
  });
});
