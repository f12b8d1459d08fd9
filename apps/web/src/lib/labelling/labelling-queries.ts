import 'server-only';
import { graphql } from '@/gql';

/** Annotations added since the champion was registered (null with no champion): labels it has not learnt from. */
export const labelsSinceChampionQuery = graphql(`
  query LabelsSinceChampion {
    labellingProgress {
      labelsSinceChampion
    }
  }
`);
