import type { DbClient } from './client.js';
import { AppError } from './errors.js';
import type { RecordAuditEventInput } from './audit.js';

/** Several audit events in one statement (a page of 50 case reads costs one insert, not 50). */
export async function recordAuditEvents(db: DbClient, events: RecordAuditEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  try {
    const { count } = await db.auditEvent.createMany({ data: events });
    return count;
  } catch (error) {
    throw new AppError('INTERNAL', { message: `Cannot record ${events.length} audit events.`, cause: error });
  }
}
