import { randomUUID } from 'node:crypto';
import { createJob, finishJob, promoteModelVersion, type Role } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/session-token.js';
import { createTestApi, errorCodes, TEST_SECRET, type TestApi } from './support/test-api.js';
import { fingerprint } from './support/fingerprint.js';
import { createModelRow } from './support/model-fixtures.js';

let api: TestApi;
let source: string;
let alias: string;
let championId: string;
let otherModelId: string;
const users = {} as Record<Role, { id: string; role: Role; email: string }>;

beforeAll(async () => {
  api = await createTestApi();
  for (const role of ['CLINICIAN', 'DATA', 'MANAGER', 'ADMIN'] as Role[])
    users[role] = await createTestUser(api.db, { role });
  const created = await createTestCase(api.db, {
    annotations: [{ concept: 'mel', confirmation: 'HISTOPATHOLOGY' }],
  });
  source = created.source;
  alias = uniqueName('alias')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  championId = (await createModelRow(api.db)).id;
  otherModelId = (await createModelRow(api.db)).id;
  await promoteModelVersion(api.db, { id: championId, alias, updatedBy: null });
});
afterAll(() => api?.close());

const scope = () => ({
  userIds: Object.values(users).map((user) => user.id),
  aliases: [alias],
  emails: ['new-user@test.dermino.local', users.ADMIN.email],
  sources: [source],
});

interface BadInput {
  name: string;
  role?: Role;
  /** Raw Authorization header instead of a role's token. */
  authorization?: () => string;
  query: string | (() => string);
  variables?: () => Record<string, unknown>;
  code: string;
  message: RegExp;
}

const CASE_FIELDS = 'edges { node { id site images { id } annotations { id concept { code } } } }';
const deep = (levels: number) => `{ concepts { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } }`;
const bigCost = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: cases(first: 100) { ${CASE_FIELDS} }`).join(' ')} }`;
const forge = (claims: Record<string, unknown>) =>
  `Bearer ${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${'A'.repeat(43)}`;

const CASES: BadInput[] = [
  {
    name: 'a depth bomb',
    role: 'CLINICIAN',
    query: deep(30),
    code: 'BAD_USER_INPUT',
    message: /nested 32 levels deep; the limit is 10/,
  },
  {
    name: 'an alias bomb',
    role: 'CLINICIAN',
    query: `{ ${Array.from({ length: 40 }, (_, i) => `m${i}: me { id }`).join(' ')} }`,
    code: 'BAD_USER_INPUT',
    message: /40 aliases; the limit is 20/,
  },
  {
    name: 'a huge alias bomb (parser token limit)',
    role: 'CLINICIAN',
    query: `{ ${Array.from({ length: 3000 }, (_, i) => `m${i}: me { id }`).join(' ')} }`,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /more that 4000 tokens/,
  },
  {
    name: 'a query too costly to answer',
    role: 'CLINICIAN',
    query: bigCost,
    code: 'BAD_USER_INPUT',
    message: /could resolve \d+ fields; the limit is 5000/,
  },
  {
    name: 'first: 100000',
    role: 'CLINICIAN',
    query: '{ cases(first: 100000) { totalCount } }',
    code: 'BAD_USER_INPUT',
    message: /"first" must be from 1 to 100; got 100000/,
  },
  {
    name: 'first: 0',
    role: 'CLINICIAN',
    query: '{ cases(first: 0) { totalCount } }',
    code: 'BAD_USER_INPUT',
    message: /"first" must be from 1 to 100; got 0/,
  },
  {
    name: 'first: -5 on models',
    role: 'MANAGER',
    query: '{ models(first: -5) { id } }',
    code: 'BAD_USER_INPUT',
    message: /"first" must be from 1 to 100; got -5/,
  },
  {
    name: 'a malformed cursor',
    role: 'CLINICIAN',
    query: '{ cases(first: 5, after: "not a cursor!") { totalCount } }',
    code: 'BAD_USER_INPUT',
    message: /"after" is not a cursor from this API/,
  },
  {
    name: 'a forged cursor (valid base64, bad content)',
    role: 'CLINICIAN',
    query: () =>
      `{ cases(after: "${Buffer.from('case:yesterday|\'; DROP TABLE "Case"; --').toString('base64url')}") { totalCount } }`,
    code: 'BAD_USER_INPUT',
    message: /"after" is not a cursor/,
  },
  {
    name: 'an unknown enum value',
    role: 'CLINICIAN',
    query: '{ cases(filter: { skinType: [VII] }) { totalCount } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Value "VII" does not exist in "SkinType" enum/,
  },
  {
    name: 'an unknown enum value in a variable',
    role: 'MANAGER',
    query: 'query($k: ModelKind) { models(kind: $k) { id } }',
    variables: () => ({ k: 'DROP' }),
    code: 'BAD_USER_INPUT',
    message: /Value "DROP" does not exist in "ModelKind" enum/,
  },
  {
    name: 'SQL metacharacters as a diagnosis code',
    role: 'CLINICIAN',
    query: 'query($f: CaseFilter) { cases(filter: $f) { totalCount } }',
    variables: () => ({ f: { diagnosis: ['mel\'; DELETE FROM "Case"; --'] } }),
    code: 'BAD_USER_INPUT',
    message: /[Uu]nknown/,
  },
  {
    name: 'a 10,000-character site filter',
    role: 'CLINICIAN',
    query: 'query($f: CaseFilter) { cases(filter: $f) { totalCount } }',
    variables: () => ({ f: { site: ['x'.repeat(10_000)] } }),
    code: 'BAD_USER_INPUT',
    message: /filter.site has a value of 10000 characters; at most 200/,
  },
  {
    name: '1,000 values in one filter',
    role: 'CLINICIAN',
    query: 'query($f: CaseFilter) { cases(filter: $f) { totalCount } }',
    variables: () => ({ f: { source: Array.from({ length: 1000 }, (_, i) => `s${i}`) } }),
    code: 'BAD_USER_INPUT',
    message: /filter.source has 1000 values; at most 50/,
  },
  {
    name: 'a non-UUID id filter',
    role: 'MANAGER',
    query: '{ evaluations(modelId: "1 OR 1=1") { id } }',
    code: 'BAD_USER_INPUT',
    message: /"modelId" is not an id from this API/,
  },
  {
    name: 'an unknown field',
    role: 'CLINICIAN',
    query: '{ cases { passwordHash } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot query field "passwordHash"/,
  },
  {
    name: 'a token signed with another secret',
    authorization: () =>
      `Bearer ${signSessionToken({ sub: users.ADMIN.id, role: 'ADMIN' }, { secret: 'x'.repeat(40) }).token}`,
    query: '{ users { id } }',
    code: 'UNAUTHENTICATED',
    message: /invalid signature/,
  },
  {
    name: 'an expired token',
    authorization: () =>
      `Bearer ${signSessionToken({ sub: users.ADMIN.id, role: 'ADMIN' }, { secret: TEST_SECRET, now: new Date(Date.now() - 2 * 3_600_000) }).token}`,
    query: '{ users { id } }',
    code: 'UNAUTHENTICATED',
    message: /session expired/,
  },
  {
    name: 'a token whose claims were edited (role raised to ADMIN)',
    authorization: () =>
      forge({ sub: users.CLINICIAN.id, role: 'ADMIN', iat: 0, exp: 9e9, jti: randomUUID() }),
    query: '{ users { id } }',
    code: 'UNAUTHENTICATED',
    message: /invalid signature/,
  },
  {
    name: 'a token with no signature ("alg: none")',
    authorization: () =>
      `Bearer ${Buffer.from(JSON.stringify({ sub: users.ADMIN.id, role: 'ADMIN' })).toString('base64url')}.`,
    query: '{ users { id } }',
    code: 'UNAUTHENTICATED',
    message: /malformed/,
  },
  {
    name: 'a clinician promoting a model',
    role: 'CLINICIAN',
    query: () => `mutation { promoteModel(input: { modelId: "${otherModelId}", alias: "${alias}" }) { id } }`,
    code: 'FORBIDDEN',
    message: /CLINICIAN may not use Mutation.promoteModel/,
  },
  {
    name: 'the data team promoting a model',
    role: 'DATA',
    query: () => `mutation { promoteModel(input: { modelId: "${otherModelId}", alias: "${alias}" }) { id } }`,
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
    query: () => `mutation { setUserDisabled(id: "${users.ADMIN.id}", disabled: true) { id } }`,
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
      `mutation { logout promoteModel(input: { modelId: "${otherModelId}", alias: "${alias}" }) { id } }`,
    code: 'FORBIDDEN',
    message: /promoteModel/,
  },
  {
    name: 'an alias with SQL and upper case',
    role: 'MANAGER',
    query: () =>
      `mutation { promoteModel(input: { modelId: "${otherModelId}", alias: "Champion'; --" }) { id } }`,
    code: 'BAD_USER_INPUT',
    message: /must be lower-case letters, digits and dashes/,
  },
  {
    name: 'promoting an unknown model',
    role: 'MANAGER',
    query: () => `mutation { promoteModel(input: { modelId: "${randomUUID()}", alias: "${alias}" }) { id } }`,
    code: 'NOT_FOUND',
    message: /No model version with id/,
  },
  {
    name: 'promoting a model id that is not a UUID',
    role: 'MANAGER',
    query: () => `mutation { promoteModel(input: { modelId: "x' OR '1'='1", alias: "${alias}" }) { id } }`,
    code: 'NOT_FOUND',
    message: /No model version with id/,
  },
  {
    name: 'a user with an email that exists',
    role: 'ADMIN',
    query: () =>
      `mutation { createUser(input: { email: "${users.ADMIN.email.toUpperCase()}", name: "Dup", role: ADMIN, password: "long-enough-password" }) { id } }`,
    code: 'CONFLICT',
    message: /already exists/,
  },
  {
    name: 'a user with a short password',
    role: 'ADMIN',
    query:
      'mutation { createUser(input: { email: "new-user@test.dermino.local", name: "New", role: DATA, password: "short" }) { id } }',
    code: 'BAD_USER_INPUT',
    message: /password must have 12 to 200 characters/,
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
    query: () => `mutation { setUserDisabled(id: "${users.ADMIN.id}", disabled: true) { id } }`,
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

describe('bad input: a clear error and no change to the data', () => {
  it.each(CASES)('$name', async (bad) => {
    const before = await fingerprint(api.db, scope());
    const authorization =
      bad.authorization?.() ?? (bad.role ? `Bearer ${api.tokenFor(users[bad.role])}` : undefined);
    const query = typeof bad.query === 'function' ? bad.query() : bad.query;
    const result = await api.execute(query, bad.variables?.() ?? {}, { authorization });
    expect(errorCodes(result)).toEqual([bad.code]);
    expect(result.errors?.[0].message).toMatch(bad.message);
    expect(result.data?.promoteModel ?? result.data?.createUser ?? null).toBeNull();
    expect(await fingerprint(api.db, scope())).toBe(before);
  });

  it('cancelling a finished job: CONFLICT, the job stays finished', async () => {
    const job = await createJob(api.db, { kind: 'QUALITY', payload: {}, createdBy: users.DATA.id });
    await finishJob(api.db, job.id, { status: 'SUCCEEDED' });
    const before = await fingerprint(api.db, scope());
    const result = await api.execute(
      `mutation { cancelJob(id: "${job.id}") { id } }`,
      {},
      { token: api.tokenFor(users.DATA) },
    );
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(result.errors?.[0].message).toBe(`Job ${job.id} is already succeeded.`);
    expect(await fingerprint(api.db, scope())).toBe(before);
  });

  it('concurrent promotes of two models to one alias: both audited, the alias ends on one of them', async () => {
    const racing = uniqueName('race')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-');
    const token = api.tokenFor(users.MANAGER);
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

describe('rate limits', () => {
  it('refuses the predict over the per-user limit with RATE_LIMITED and when to retry', async () => {
    const limited = await createTestApi({ services: { predictLimit: { max: 2, windowMs: 60_000 } } });
    try {
      const token = limited.tokenFor(users.CLINICIAN);
      const query = `{ predict(input: { imageId: "${randomUUID()}" }) { predicted { name } } }`;
      for (let i = 0; i < 2; i += 1) {
        expect(errorCodes(await limited.execute(query, {}, { token }))).not.toContain('RATE_LIMITED');
      }
      const before = await fingerprint(api.db, scope());
      const refused = await limited.execute(query, {}, { token });
      expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
      expect(refused.errors?.[0].message).toMatch(
        /^Too many predict requests: at most 2 per 60 s; try again in \d+ s\.$/,
      );
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(await fingerprint(api.db, scope())).toBe(before);
      // Another user has a budget of their own.
      expect(
        errorCodes(await limited.execute(query, {}, { token: limited.tokenFor(users.DATA) })),
      ).not.toContain('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
