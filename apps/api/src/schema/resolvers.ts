import type { Resolvers } from '../generated/resolvers-types.js';
import { login } from './auth/resolvers/Mutation/login.js';
import { logout } from './auth/resolvers/Mutation/logout.js';
import { me } from './auth/resolvers/Query/me.js';
import { DateTime } from './base/resolvers/DateTime.js';
import { health } from './base/resolvers/Query/health.js';
import { Case } from './cases/resolvers/Case.js';
import { Image } from './cases/resolvers/Image.js';
import { caseById } from './cases/resolvers/Query/case.js';
import { caseFacets } from './cases/resolvers/Query/caseFacets.js';
import { cases } from './cases/resolvers/Query/cases.js';
import { DiagnosisConcept } from './concepts/resolvers/DiagnosisConcept.js';
import { concepts } from './concepts/resolvers/Query/concepts.js';
import { datasets } from './datasets/resolvers/Query/datasets.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: { health, me, cases, case: caseById, caseFacets, concepts, datasets },
  Mutation: { login, logout },
  Case,
  Image,
  DiagnosisConcept,
};
