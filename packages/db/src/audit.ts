import type { DbClient } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

export interface RecordAuditEventInput {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

export const auditEventSelect = {
  id: true,
  at: true,
  userId: true,
  action: true,
  entityType: true,
  entityId: true,
  details: true,
} satisfies Prisma.AuditEventSelect;

export type AuditEventRecord = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

export async function recordAuditEvent(
  db: DbClient,
  input: RecordAuditEventInput,
): Promise<AuditEventRecord> {
  try {
    return await db.auditEvent.create({ data: input, select: auditEventSelect });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('BAD_INPUT', {
        message: `Cannot record audit event ${input.action}: no user with id ${input.userId}.`,
        cause: error,
      });
    }
    throw new AppError('INTERNAL', { message: `Cannot record audit event ${input.action}.`, cause: error });
  }
}

/** Newest first; for audit views and tests. */
export async function findAuditEvents(
  db: DbClient,
  options: { entityType: string; entityId: string; action?: string; take?: number },
): Promise<AuditEventRecord[]> {
  return db.auditEvent.findMany({
    where: { entityType: options.entityType, entityId: options.entityId, action: options.action },
    orderBy: { id: 'desc' },
    take: options.take ?? 50,
    select: auditEventSelect,
  });
}
