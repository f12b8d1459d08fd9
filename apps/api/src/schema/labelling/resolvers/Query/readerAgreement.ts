import { cohenKappa } from '@dermino/analytics';
import { findReaderAdjudicationPairs } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const readerAgreement: QueryResolvers['readerAgreement'] = async (_parent, _args, context) => {
  const byReader = new Map<string, { reader: string; mine: string[]; adjudicated: string[] }>();
  for (const pair of await findReaderAdjudicationPairs(context.db)) {
    const entry = byReader.get(pair.readerId) ?? { reader: pair.reader, mine: [], adjudicated: [] };
    entry.mine.push(pair.readerCode);
    entry.adjudicated.push(pair.adjudicatedCode);
    byReader.set(pair.readerId, entry);
  }
  return [...byReader.values()].map(({ reader, mine, adjudicated }) => {
    const kappa = cohenKappa(mine, adjudicated);
    return {
      reader,
      labels: mine.length,
      agreement: mine.filter((code, i) => code === adjudicated[i]).length / mine.length,
      kappa: Number.isNaN(kappa) ? null : kappa,
    };
  });
};
