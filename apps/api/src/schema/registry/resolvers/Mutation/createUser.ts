import { AppError, createUser as create, passwordProblem, recordAuditEvent } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/;

export const createUser: MutationResolvers['createUser'] = async (_parent, { input }, context) => {
  const admin = requireUser(context);
  const bad = (argument: string, message: string) =>
    new AppError('BAD_INPUT', { message, details: { argument } });
  if (!EMAIL.test(input.email))
    throw bad('input.email', `"${input.email.slice(0, 80)}" is not an email address.`);
  if (input.name.trim().length < 1 || input.name.length > 200)
    throw bad('input.name', 'The name must have 1 to 200 characters.');
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw bad('input.password', problem);
  const user = await create(context.db, { ...input, name: input.name.trim() });
  await recordAuditEvent(context.db, {
    userId: admin.id,
    action: 'user.create',
    entityType: 'User',
    entityId: user.id,
    details: { role: user.role },
  });
  return user;
};
