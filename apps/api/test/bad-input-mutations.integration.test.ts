import { randomUUID } from 'node:crypto';
import { createJob, finishJob } from '@dermino/db';
import { uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BadInput,
  type BadInputFixture,
  createBadInputFixture,
  expectRefused,
  scopeOf,
} from './support/bad-input.js';
import { fingerprint } from './support/fingerprint.js';
import { createTestApi, errorCodes } from './support/test-api.js';

// Bad mutations: wrong roles, bad arguments, unknown ids, conflicts, races.
// Bad queries (limits, cursors, filters, tokens) are in bad-input-queries.integration.test.ts.

let fixture: BadInputFixture;

beforeAll(async () => {
  fixture = await createBadInputFixture(await createTestApi());
});
afterAll(() => fixture?.api.close());

const CASES: BadInput[] = [
  {
    name: 'a clinician promoting a model',
    role: 'CLINICIAN',
    query: () =>
      `mutation { promoteModel(input: { modelId: "${fixture.otherModelId}", alias: "${fixture.alias}" }) { id } }`,
    code: 'FORBIDDEN',
    message: /CLINICIAN may not use Mutation.promoteModel/,
  },
  {
    name: 'the data team promoting a model',
    role: 'DATA',
    query: () =>
      `mutation { promoteModel(input: { modelId: "${fixture.otherModelId}", alias: "${fixture.alias}" }) { id } }`,
    code: 'FORBIDDEN',
    message: /DATA may not use Mutation.promoteModel/,
  },
  {
    name: 'a manager creating a user',
    role: 'MANAGER',
    query:
      'mutation { createUser(input: { email: "new-user@test.dermino.local", name: "New", role: ADMIN, password: "long-enough-password" }) { id } }',
    code: 'FORBIDDEN',
    message: /MANAGER may not use Mutation.createUser/,
  },
  {
    name: 'the data team disabling the admin',
    role: 'DATA',
    query: () => `mutation { setUserDisabled(id: "${fixture.users.ADMIN.id}", disabled: true) { id } }`,
    code: 'FORBIDDEN',
    message: /DATA may not use Mutation.setUserDisabled/,
  },
  {
    name: 'the data team queueing a pretraining job',
    role: 'DATA',
    query: 'mutation($p: JSON!) { enqueueJob(input: { kind: PRETRAIN, payload: $p }) { id } }',
    variables: () => ({ p: { preset: 'tiny' } }),
    code: 'FORBIDDEN',
    message: /may not run or see PRETRAIN jobs/,
  },
  {
    name: 'a clinician queueing any job',
    role: 'CLINICIAN',
    query: 'mutation($p: JSON!) { enqueueJob(input: { kind: QUALITY, payload: $p }) { id } }',
    variables: () => ({ p: {} }),
    code: 'FORBIDDEN',
    message: /CLINICIAN may not use Mutation.enqueueJob/,
  },
  {
    name: 'a forbidden mutation hidden behind an allowed one',
    role: 'CLINICIAN',
    query: () =>
      `mutation { logout promoteModel(input: { modelId: "${fixture.otherModelId}", alias: "${fixture.alias}" }) { id } }`,
    code: 'FORBIDDEN',
    message: /promoteModel/,
  },
  {
    name: 'an alias with SQL and upper case',
    role: 'MANAGER',
    query: () =>
      `mutation { promoteModel(input: { modelId: "${fixture.otherModelId}", alias: "Champion'; --" }) { id } }`,
    code: 'BAD_USER_INPUT',
    message: /must be lower-case letters, digits and dashes/,
  },
  {
    name: 'promoting an unknown model',
    role: 'MANAGER',
    query: () =>
      `mutation { promoteModel(input: { modelId: "${randomUUID()}", alias: "${fixture.alias}" }) { id } }`,
    code: 'NOT_FOUND',
    message: /No model version with id/,
  },
  {
    name: 'promoting a model id that is not a UUID',
    role: 'MANAGER',
    query: () =>
      `mutation { promoteModel(input: { modelId: "x' OR '1'='1", alias: "${fixture.alias}" }) { id } }`,
    code: 'NOT_FOUND',
    message: /No model version with id/,
  },
  {
    name: 'a user with an email that exists',
    role: 'ADMIN',
    query: () =>
      `mutation { createUser(input: { email: "${fixture.users.ADMIN.email.toUpperCase()}", name: "Dup", role: ADMIN, password: "long-enough-password" }) { id } }`,
    code: 'CONFLICT',
    message: /already exists/,
  },
  {
    name: 'a user with a short password',
    role: 'ADMIN',
    query:
      'mutation { createUser(input: { email: "new-user@test.dermino.local", name: "New", role: DATA, password: "short" }) { id } }',
    code: 'BAD_USER_INPUT',
    message: /password must have at least 12 characters \(it has 5\)/,
  },
  {
    name: 'a user with an unknown role',
    role: 'ADMIN',
    query:
      'mutation { createUser(input: { email: "new-user@test.dermino.local", name: "New", role: ROOT, password: "long-enough-password" }) { id } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Value "ROOT" does not exist in "Role" enum/,
  },
  {
    name: 'an admin disabling themselves',
    role: 'ADMIN',
    query: () => `mutation { setUserDisabled(id: "${fixture.users.ADMIN.id}", disabled: true) { id } }`,
    code: 'BAD_USER_INPUT',
    message: /cannot disable your own account/,
  },
  {
    name: 'a job payload that is not an object',
    role: 'MANAGER',
    query: 'mutation($p: JSON!) { enqueueJob(input: { kind: EVALUATE, payload: $p }) { id } }',
    variables: () => ({ p: 'DROP TABLE "Job"' }),
    code: 'BAD_USER_INPUT',
    message: /payload must be a JSON object/,
  },
  {
    name: 'a 100 KiB job payload',
    role: 'MANAGER',
    query: 'mutation($p: JSON!) { enqueueJob(input: { kind: EVALUATE, payload: $p }) { id } }',
    variables: () => ({ p: { blob: 'x'.repeat(100_000) } }),
    code: 'BAD_USER_INPUT',
    message: /larger than 16 KiB/,
  },
  {
    name: 'a JSON literal written into the query',
    role: 'MANAGER',
    query: 'mutation { enqueueJob(input: { kind: EVALUATE, payload: { a: 1 } }) { id } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /passed as variables/,
  },
  {
    name: 'cancelling a job that does not exist',
    role: 'MANAGER',
    query: () => `mutation { cancelJob(id: "${randomUUID()}") { id } }`,
    code: 'NOT_FOUND',
    message: /No job with id/,
  },
];

describe('bad mutations: a clear error and no change to the data', () => {
  it.each(CASES)('$name', (bad) => expectRefused(fixture, bad));

  it('cancelling a finished job: CONFLICT, the job stays finished', async () => {
    const { api } = fixture;
    const job = await createJob(api.db, { kind: 'QUALITY', payload: {}, createdBy: fixture.users.DATA.id });
    await finishJob(api.db, job.id, { status: 'SUCCEEDED' });
    const before = await fingerprint(api.db, scopeOf(fixture));
    const result = await api.execute(
      `mutation { cancelJob(id: "${job.id}") { id } }`,
      {},
      { token: api.tokenFor(fixture.users.DATA) },
    );
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(result.errors?.[0].message).toBe(`Job ${job.id} is already succeeded.`);
    expect(await fingerprint(api.db, scopeOf(fixture))).toBe(before);
  });

  it('concurrent promotes of two models to one alias: both audited, the alias ends on one of them', async () => {
    const { api, championId, otherModelId } = fixture;
    const racing = uniqueName('race')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-');
    const token = api.tokenFor(fixture.users.MANAGER);
    const promote = (id: string) =>
      api.execute(
        `mutation { promoteModel(input: { modelId: "${id}", alias: "${racing}" }) { id } }`,
        {},
        { token },
      );
    const results = await Promise.all([promote(championId), promote(otherModelId)]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const holder = await api.db.modelAlias.findUniqueOrThrow({ where: { alias: racing } });
    expect([championId, otherModelId]).toContain(holder.modelVersionId);
    const moves = await api.db.auditEvent.findMany({
      where: { action: 'model.alias', details: { path: ['alias'], equals: racing } },
    });
    expect(moves).toHaveLength(2);
    // The last move recorded is the alias' final holder.
    const last = moves.sort((a, b) => Number(a.id - b.id)).at(-1)!;
    expect((last.details as { to: string }).to).toBe(holder.modelVersionId);
  });
});
