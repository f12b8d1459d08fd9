import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/session-token.js';
import {
  type BadInput,
  type BadInputFixture,
  createBadInputFixture,
  expectRefused,
  scopeOf,
} from './support/bad-input.js';
import { fingerprint } from './support/fingerprint.js';
import { createTestApi, errorCodes, TEST_SECRET } from './support/test-api.js';

// Bad queries: limits (depth, aliases, cost, page size), cursors, enums, filters, tokens; and rate limits.
// Bad mutations are in bad-input-mutations.integration.test.ts.

let fixture: BadInputFixture;

beforeAll(async () => {
  fixture = await createBadInputFixture(await createTestApi());
});
afterAll(() => fixture?.api.close());

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
    query: '{ models(first: -5) { totalCount } }',
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
    query: 'query($k: ModelKind!) { models(filter: { kind: [$k] }) { totalCount } }',
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
    query: '{ evaluations(filter: { modelId: ["1 OR 1=1"] }) { totalCount } }',
    code: 'BAD_USER_INPUT',
    message: /"filter.modelId" is not an id from this API/,
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
      `Bearer ${signSessionToken({ sub: fixture.users.ADMIN.id, role: 'ADMIN' }, { secret: 'x'.repeat(40) }).token}`,
    query: '{ users { totalCount } }',
    code: 'UNAUTHENTICATED',
    message: /invalid signature/,
  },
  {
    name: 'an expired token',
    authorization: () =>
      `Bearer ${signSessionToken({ sub: fixture.users.ADMIN.id, role: 'ADMIN' }, { secret: TEST_SECRET, now: new Date(Date.now() - 2 * 3_600_000) }).token}`,
    query: '{ users { totalCount } }',
    code: 'UNAUTHENTICATED',
    message: /session expired/,
  },
  {
    name: 'a token whose claims were edited (role raised to ADMIN)',
    authorization: () =>
      forge({ sub: fixture.users.CLINICIAN.id, role: 'ADMIN', iat: 0, exp: 9e9, jti: randomUUID() }),
    query: '{ users { totalCount } }',
    code: 'UNAUTHENTICATED',
    message: /invalid signature/,
  },
  {
    name: 'a token with no signature ("alg: none")',
    authorization: () =>
      `Bearer ${Buffer.from(JSON.stringify({ sub: fixture.users.ADMIN.id, role: 'ADMIN' })).toString('base64url')}.`,
    query: '{ users { totalCount } }',
    code: 'UNAUTHENTICATED',
    message: /malformed/,
  },
];

describe('bad queries: a clear error and no change to the data', () => {
  it.each(CASES)('$name', (bad) => expectRefused(fixture, bad));
});

describe('rate limits', () => {
  it('refuses the predict over the per-user limit with RATE_LIMITED and when to retry', async () => {
    const { api } = fixture;
    const limited = await createTestApi({ services: { predictLimit: { max: 2, windowMs: 60_000 } } });
    try {
      const token = limited.tokenFor(fixture.users.CLINICIAN);
      const query = `{ predict(input: { imageId: "${randomUUID()}" }) { predicted { name } } }`;
      for (let i = 0; i < 2; i += 1) {
        expect(errorCodes(await limited.execute(query, {}, { token }))).not.toContain('RATE_LIMITED');
      }
      const before = await fingerprint(api.db, scopeOf(fixture));
      const refused = await limited.execute(query, {}, { token });
      expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
      expect(refused.errors?.[0].message).toMatch(
        /^Too many predict requests: at most 2 per 60 s; try again in \d+ s\.$/,
      );
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(await fingerprint(api.db, scopeOf(fixture))).toBe(before);
      // Another user has a budget of their own.
      expect(
        errorCodes(await limited.execute(query, {}, { token: limited.tokenFor(fixture.users.DATA) })),
      ).not.toContain('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
