import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@dermino/db';

export interface FingerprintScope {
  /** Rows these users own or caused: uploads, feedback, revoked sessions, audit events, jobs. */
  userIds: string[];
  /** Model aliases whose target must not move. */
  aliases?: string[];
  /** Accounts that must not appear, change role or be disabled. */
  emails?: string[];
  /** Cases, images and annotations of these sources. */
  sources?: string[];
  /** Files under this folder (an image store) must stay as they are. */
  folder?: string;
}

function listFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

/**
 * What a bad request could have changed, read from the database (and the image store): equal before and
 * after means the request left the data alone. Scoped to the test's own rows, because other test files
 * write to the same database at the same time.
 */
export async function fingerprint(db: Db, scope: FingerprintScope): Promise<string> {
  const byUser = { userId: { in: scope.userIds } };
  const [uploads, feedback, revoked, audits, jobs, aliases, users, cases, images, annotations] =
    await Promise.all([
      db.upload.count({ where: byUser }),
      db.similarCaseFeedback.count({ where: byUser }),
      db.revokedSession.count({ where: byUser }),
      db.auditEvent.count({ where: { ...byUser, action: { notIn: ['case.read', 'case.list'] } } }),
      db.job.findMany({
        where: { createdBy: { in: scope.userIds } },
        select: { id: true, status: true },
        orderBy: { id: 'asc' },
      }),
      db.modelAlias.findMany({
        where: { alias: { in: scope.aliases ?? [] } },
        select: { alias: true, modelVersionId: true },
        orderBy: { alias: 'asc' },
      }),
      db.user.findMany({
        where: { OR: [{ email: { in: scope.emails ?? [] } }, { id: { in: scope.userIds } }] },
        select: { email: true, role: true, disabled: true },
        orderBy: { email: 'asc' },
      }),
      db.case.count({ where: { source: { in: scope.sources ?? [] } } }),
      db.image.count({ where: { source: { in: scope.sources ?? [] } } }),
      db.annotation.count({
        where: {
          OR: [
            { case: { source: { in: scope.sources ?? [] } } },
            { image: { source: { in: scope.sources ?? [] } } },
          ],
        },
      }),
    ]);
  const files = scope.folder ? listFiles(path.join(scope.folder)) : [];
  return JSON.stringify({
    uploads,
    feedback,
    revoked,
    audits,
    jobs,
    aliases,
    users,
    cases,
    images,
    annotations,
    files,
  });
}
