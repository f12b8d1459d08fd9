import { AppError, JOB_KINDS, type JobKind, type Role } from '@dermino/db';

/** Row-level part of the permission map: the job kinds each role may see, queue and cancel. */
export const JOB_KINDS_BY_ROLE: Record<Role, readonly JobKind[]> = {
  ADMIN: JOB_KINDS,
  MANAGER: JOB_KINDS,
  DATA: ['QUALITY', 'IMPORT', 'AUDIT'],
  CLINICIAN: [],
};

export function requireJobKind(role: Role, kind: JobKind): void {
  if (!JOB_KINDS_BY_ROLE[role].includes(kind)) {
    throw new AppError('FORBIDDEN', {
      message: `Your role ${role} may not run or see ${kind} jobs (allowed: ${JOB_KINDS_BY_ROLE[role].join(', ') || 'none'}).`,
      details: { argument: 'kind' },
    });
  }
}
