import { listUsers } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const users: QueryResolvers['users'] = (_parent, _args, { db }) => listUsers(db);
