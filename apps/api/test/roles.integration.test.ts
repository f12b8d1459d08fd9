import { randomUUID } from 'node:crypto';
import type { Role } from '@dermino/db';
import { findAuditEvents } from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';
import { buildASTSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../src/schema/type-defs.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const ROLES: Role[] = ['CLINICIAN', 'DATA', 'MANAGER', 'ADMIN'];
const ALL = ROLES;
const REGISTRY: Role[] = ['DATA', 'MANAGER', 'ADMIN'];
const DATA: Role[] = ['DATA', 'ADMIN'];
const JOBS: Role[] = ['DATA', 'MANAGER', 'ADMIN'];
const MANAGERS: Role[] = ['MANAGER', 'ADMIN'];
const ADMINS: Role[] = ['ADMIN'];
const LABELLERS: Role[] = ['CLINICIAN', 'DATA', 'ADMIN'];
const missing = randomUUID();

/**
 * Every operation of the schema with the roles that may run it, written out here on purpose (not read from
 * the permission map): a change to the map that is not also made here fails this test. Arguments are chosen
 * so that an allowed call has no lasting effect (unknown ids, invalid input).
 */
const OPERATIONS: { field: string; query: string; variables?: Record<string, unknown>; allowed: Role[] }[] = [
  { field: 'Query.health', query: '{ health { ok } }', allowed: ALL },
  { field: 'Query.me', query: '{ me { id role } }', allowed: ALL },
  { field: 'Query.cases', query: '{ cases(first: 1) { totalCount } }', allowed: ALL },
  { field: 'Query.case', query: `{ case(id: "${missing}") { id } }`, allowed: ALL },
  { field: 'Query.caseFacets', query: '{ caseFacets { sites } }', allowed: ALL },
  { field: 'Query.concepts', query: '{ concepts { code } }', allowed: ALL },
  { field: 'Query.datasets', query: '{ datasets(first: 1) { totalCount edges { node { id } } } }', allowed: REGISTRY },
  {
    field: 'Query.models',
    query: '{ models(first: 1) { totalCount edges { node { id } } } }',
    allowed: MANAGERS,
  },
  { field: 'Query.model', query: `{ model(id: "${missing}") { id } }`, allowed: MANAGERS },
  {
    field: 'Query.modelByAlias',
    query: '{ modelByAlias(alias: "no-such-alias") { id } }',
    allowed: MANAGERS,
  },
  { field: 'Query.evaluations', query: '{ evaluations(first: 1) { totalCount edges { node { id } } } }', allowed: MANAGERS },
  { field: 'Query.evaluation', query: `{ evaluation(id: "${missing}") { id } }`, allowed: MANAGERS },
  {
    field: 'Query.driftReports',
    query: '{ driftReports(first: 1) { totalCount edges { node { id } } } }',
    allowed: MANAGERS,
  },
  { field: 'Query.dataAudits', query: '{ dataAudits(first: 1) { totalCount edges { node { id } } } }', allowed: DATA },
  { field: 'Query.importRuns', query: '{ importRuns(first: 1) { totalCount edges { node { id } } } }', allowed: DATA },
  { field: 'Query.importRun', query: `{ importRun(id: "${missing}") { id } }`, allowed: DATA },
  {
    field: 'Query.jobs',
    query: '{ jobs(first: 1) { totalCount edges { cursor node { id } } } }',
    allowed: JOBS,
  },
  { field: 'Query.job', query: `{ job(id: "${missing}") { id } }`, allowed: JOBS },
  {
    field: 'Query.auditEvents',
    query: `{ auditEvents(filter: { entityType: ["Case"], entityId: ["${missing}"] }) { totalCount edges { node { id } } } }`,
    allowed: ADMINS,
  },
  { field: 'Query.users', query: '{ users { totalCount edges { node { email } } } }', allowed: ADMINS },
  {
    field: 'Query.predict',
    query: `{ predict(input: { imageId: "${missing}" }) { predicted { name } } }`,
    allowed: ALL,
  },
  {
    field: 'Query.similarCases',
    query: `{ similarCases(input: { imageId: "${missing}", modelId: "${missing}" }) { modelVersionId } }`,
    allowed: ALL,
  },
  {
    field: 'Mutation.rateSimilarCase',
    query: `mutation { rateSimilarCase(input: { modelId: "${missing}", queryImageId: "${missing}", resultImageId: "${missing}", helpful: true }) { id } }`,
    allowed: ALL,
  },
  {
    field: 'Query.datasetVersionLeakage',
    query: `{ datasetVersionLeakage(versionId: "${missing}") }`,
    allowed: REGISTRY,
  },
  {
    field: 'Mutation.freezeDatasetVersion',
    query:
      'mutation { freezeDatasetVersion(input: { name: "", filter: {}, split: "70/15/15", groupBy: LESION, seed: 1 }) { versionId } }',
    allowed: DATA,
  },
  {
    field: 'Mutation.addAnnotation',
    query: `mutation { addAnnotation(input: { caseId: "${missing}", concept: "mel", confirmation: CONSENSUS }) { id } }`,
    allowed: DATA,
  },
  {
    field: 'Query.compareModels',
    query: `{ compareModels(datasetVersionId: "${missing}", modelA: "${missing}", modelB: "${randomUUID()}") { n } }`,
    allowed: MANAGERS,
  },
  {
    field: 'Mutation.adjudicateAnnotation',
    query: `mutation { adjudicateAnnotation(input: { imageId: "${missing}", conceptCode: "mel" }) { id } }`,
    allowed: DATA,
  },
  { field: 'Query.embeddingModels', query: '{ embeddingModels { id } }', allowed: REGISTRY },
  {
    field: 'Query.embeddingProjection',
    query: `{ embeddingProjection(modelId: "${missing}") { method } }`,
    allowed: REGISTRY,
  },
  {
    field: 'Query.imageSummaries',
    query: `{ imageSummaries(ids: ["${missing}"]) { imageId } }`,
    allowed: DATA,
  },
  {
    field: 'Query.labellingQueue',
    query: '{ labellingQueue(first: 1, after: "not-a-cursor") { edges { cursor } } }',
    allowed: LABELLERS,
  },
  { field: 'Query.labellingProgress', query: '{ labellingProgress { labelled } }', allowed: ALL },
  { field: 'Query.readerAgreement', query: '{ readerAgreement { reader kappa } }', allowed: DATA },
  { field: 'Query.labelDisagreements', query: '{ labelDisagreements(first: 1) { codes } }', allowed: DATA },
  { field: 'Query.labelEfficiency', query: '{ labelEfficiency { method } }', allowed: MANAGERS },
  {
    // A champion id that is not the champion: refused before anything is frozen or queued.
    field: 'Mutation.retrainChampion',
    query: `mutation { retrainChampion(championId: "${missing}") { labels } }`,
    allowed: JOBS,
  },
  {
    field: 'Query.demoAnswerKeyScore',
    query: `{ demoAnswerKeyScore(driftReportId: "${missing}") { seed } }`,
    allowed: ADMINS,
  },
  {
    field: 'Mutation.submitLabel',
    query: `mutation { submitLabel(input: { imageId: "${missing}", code: "nv", suggestionShown: false }) { id } }`,
    allowed: LABELLERS,
  },
  {
    field: 'Mutation.undoLabel',
    query: `mutation { undoLabel(input: { imageId: "${missing}" }) { id } }`,
    allowed: LABELLERS,
  },
  { field: 'Mutation.logout', query: 'mutation { logout }', allowed: ALL },
  { field: 'Mutation.refreshSession', query: 'mutation { refreshSession { token } }', allowed: ALL },
  {
    field: 'Mutation.promoteModel',
    query: `mutation { promoteModel(input: { modelId: "${missing}", alias: "champion" }) { id } }`,
    allowed: MANAGERS,
  },
  {
    field: 'Mutation.enqueueJob',
    query: 'mutation($p: JSON!) { enqueueJob(input: { kind: QUALITY, payload: $p }) { id } }',
    variables: { p: [] },
    allowed: JOBS,
  },
  { field: 'Mutation.cancelJob', query: `mutation { cancelJob(id: "${missing}") { id } }`, allowed: JOBS },
  {
    field: 'Mutation.createUser',
    query:
      'mutation { createUser(input: { email: "not-an-email", name: "x", role: ADMIN, password: "p" }) { id } }',
    allowed: ADMINS,
  },
  {
    field: 'Mutation.setUserDisabled',
    query: `mutation { setUserDisabled(id: "${missing}", disabled: true) { id } }`,
    allowed: ADMINS,
  },
  { field: 'Mutation.unlockUser', query: `mutation { unlockUser(id: "${missing}") }`, allowed: ADMINS },
  {
    field: 'Mutation.revokeUserSessions',
    query: `mutation { revokeUserSessions(id: "${missing}") { id } }`,
    allowed: ADMINS,
  },
  {
    field: 'Mutation.changePassword',
    query: 'mutation { changePassword(input: { currentPassword: "wrong", newPassword: "x" }) }',
    allowed: ALL,
  },
];

let api: TestApi;
const users = {} as Record<Role, { id: string; role: Role }>;

beforeAll(async () => {
  api = await createTestApi();
  for (const role of ROLES) users[role] = await createTestUser(api.db, { role });
});
afterAll(() => api?.close());

describe('roles: every operation against every role', () => {
  it('the table lists every root field of the schema (login is public and tested in auth)', () => {
    const schema = buildASTSchema(loadTypeDefs());
    const fields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.keys(type.getFields()).map((name) => `${type.name}.${name}`),
    );
    expect(OPERATIONS.map((op) => op.field).sort()).toEqual(
      fields.filter((f) => f !== 'Mutation.login').sort(),
    );
  });

  const rows = OPERATIONS.flatMap((op) =>
    ROLES.map((role) => ({ ...op, role, allowed: op.allowed.includes(role) })),
  );
  it.each(rows)('$field as $role: allowed=$allowed', async ({ query, variables, role, allowed, field }) => {
    const result = await api.execute(query, variables, { token: api.tokenFor(users[role]) });
    const codes = errorCodes(result);
    if (allowed) {
      expect(codes).not.toContain('FORBIDDEN');
      expect(codes).not.toContain('UNAUTHENTICATED');
    } else {
      expect(codes).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].message).toContain(`Your role ${role} may not use ${field}`);
      // Refused before any resolver ran: no data at all, not a partial answer.
      expect(result.data).toBeUndefined();
    }
  });

  it.each(OPERATIONS)('$field without a session: UNAUTHENTICATED', async ({ query, variables }) => {
    const result = await api.execute(query, variables);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('roles: nested fields and fragments', () => {
  it('refuses a field an allowed root hides deeper down (User.disabled is for admins)', async () => {
    const clinician = await api.execute(
      '{ me { email disabled } }',
      {},
      { token: api.tokenFor(users.CLINICIAN) },
    );
    expect(errorCodes(clinician)).toEqual(['FORBIDDEN']);
    expect(clinician.errors?.[0].message).toContain('User.disabled (ADMIN)');
    const admin = await api.execute('{ me { disabled } }', {}, { token: api.tokenFor(users.ADMIN) });
    expect(admin.data).toEqual({ me: { disabled: false } });
  });

  it('refuses a forbidden field inside a named fragment and an inline fragment', async () => {
    const token = api.tokenFor(users.DATA);
    const named = await api.execute(
      'query { ...F } fragment F on Query { models(first: 1) { totalCount } }',
      {},
      { token },
    );
    expect(errorCodes(named)).toEqual(['FORBIDDEN']);
    const inline = await api.execute('query { ... on Query { users { totalCount } } }', {}, { token });
    expect(errorCodes(inline)).toEqual(['FORBIDDEN']);
  });

  it('refuses the whole operation when one of its fields is forbidden (no partial data)', async () => {
    const result = await api.execute(
      '{ me { id } users { totalCount } }',
      {},
      { token: api.tokenFor(users.MANAGER) },
    );
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeUndefined();
  });

  it('checks only the operation that runs, not another one in the same document', async () => {
    const result = await api.execute(
      'query Mine { me { id } } query Theirs { users { totalCount } }',
      {},
      { token: api.tokenFor(users.CLINICIAN) },
    );
    // Without operationName graphql refuses to pick; with it, only Mine is checked.
    expect(result.errors?.[0].message).toMatch(/operation name/i);
  });

  it('limits the job kinds the data team sees and queues (row level)', async () => {
    const token = api.tokenFor(users.DATA);
    const result = await api.execute('{ jobs(filter: { kind: [PRETRAIN] }) { totalCount } }', {}, { token });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].message).toMatch(/may not run or see PRETRAIN jobs/);
    const enqueue = await api.execute(
      'mutation($p: JSON!) { enqueueJob(input: { kind: FINETUNE, payload: $p }) { id } }',
      { p: {} },
      { token },
    );
    expect(errorCodes(enqueue)).toEqual(['FORBIDDEN']);
  });
});

describe('case reads are audited', () => {
  it('records a case.list event naming every case of a page a clinician reads, and case.read for one case', async () => {
    const created = await createTestCase(api.db, { site: 'scalp' });
    const token = api.tokenFor(users.CLINICIAN);
    const page = await api.execute(
      'query($f: CaseFilter) { cases(first: 5, filter: $f) { edges { node { id } } } }',
      { f: { source: [created.source] } },
      { token },
    );
    expect(page.data?.cases.edges).toEqual([{ node: { id: created.id } }]);
    const listed = await api.db.$queryRaw<{ userId: string; entityType: string }[]>`
      SELECT "userId", "entityType" FROM "AuditEvent"
      WHERE "action" = 'case.list' AND ("details"->'caseIds') @> jsonb_build_array(${created.id}::text)`;
    expect(listed).toEqual([{ userId: users.CLINICIAN.id, entityType: 'CaseList' }]);
    await api.execute(`{ case(id: "${created.id}") { id } }`, {}, { token });
    const read = await findAuditEvents(api.db, {
      entityType: 'Case',
      entityId: created.id,
      action: 'case.read',
    });
    expect(read.map((event) => event.userId)).toEqual([users.CLINICIAN.id]);
  });
});
