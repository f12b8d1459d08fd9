import { type CaseRelations, caseFromSql, caseJsonSql } from './case-json-sql.js';
import { Prisma } from './client.js';

/** A case-read audit event written by the page statement itself: one event listing the page's case ids. */
export interface CasePageAudit {
  userId: string;
  action: string;
  entityType: string;
  entityId: string;
}

/**
 * ONE statement for a page: the total matching `where` (ignoring the cursor; only when `withTotal`, a count of
 * every matching case being the dearest part of a page), the page (`limit` rows after the
 * keyset, plus one to tell if there is a next page) as JSON with the relations asked for (default all), and, when `audit` is given,
 * the audit event of the cases shown, inserted by the same statement (the embedded Postgres runs one statement
 * at a time, so each round trip counts; nothing is read without its audit row).
 */
export function buildCasePageSql(options: {
  where: Prisma.Sql;
  keyset: Prisma.Sql;
  limit: number;
  audit?: CasePageAudit | null;
  withTotal: boolean;
  relations?: CaseRelations;
}): Prisma.Sql {
  const { where, keyset, limit, audit } = options;
  const totalSql = options.withTotal
    ? Prisma.sql`(SELECT count(*)::int FROM "Case" k WHERE ${where})`
    : Prisma.sql`NULL::int`;
  const auditSql = audit
    ? Prisma.sql`, audit AS (
        INSERT INTO "AuditEvent" ("at", "userId", "action", "entityType", "entityId", "details")
        SELECT ${new Date()}, ${audit.userId}, ${audit.action}, ${audit.entityType}, ${audit.entityId},
          jsonb_build_object('caseIds', jsonb_agg(shown."id" ORDER BY shown."createdAt" DESC, shown."id" DESC))
        FROM (SELECT "id", "createdAt" FROM page ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}) shown
        HAVING count(*) > 0)`
    : Prisma.empty;
  return Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT * FROM "Case" k WHERE ${where} AND ${keyset} ORDER BY k."createdAt" DESC, k."id" DESC LIMIT ${limit + 1}
    )${auditSql}
    SELECT ${totalSql} AS "totalCount",
      coalesce((SELECT json_agg(${caseJsonSql(options.relations)} ORDER BY k."createdAt" DESC, k."id" DESC)
        FROM ${caseFromSql(Prisma.sql`page`)}), '[]'::json)
        AS "cases"`;
}
