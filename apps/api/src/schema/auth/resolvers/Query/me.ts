import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const me: QueryResolvers['me'] = (_parent, _args, { user }) => user;
