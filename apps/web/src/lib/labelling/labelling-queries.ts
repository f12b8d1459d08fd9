import 'server-only';
import { graphql } from '@/gql';
import type { LabelEfficiencyQuery, LabellingQueueQuery, SecondReadsQuery } from '@/gql/graphql';

/** Annotations added since the champion was registered (null with no champion): labels it has not learnt from. */
export const labelsSinceChampionQuery = graphql(`
  query LabelsSinceChampion {
    labellingProgress {
      labelsSinceChampion
    }
  }
`);

/** The champion's label-efficiency curve: balanced accuracy (95% interval) against the labels each head learnt from. */
export const labelEfficiencyQuery = graphql(`
  query LabelEfficiency {
    labelEfficiency {
      backbone { id name }
      method
      points {
        model { id name }
        labels
        balancedAccuracy { value ciLow ciHigh }
        pixelBaseline { value ciLow ciHigh }
        evaluatedAt
        champion
      }
    }
  }
`);

export type LabelEfficiencyData = NonNullable<LabelEfficiencyQuery['labelEfficiency']>;

// No annotations of the image's own case: a second reader reads blind to the first reader's answer.
export const labellingTaskFragment = graphql(`
  fragment LabellingTaskFields on LabellingTask {
    id round reason expiresAt outcome code suggestionAccepted
    image { id }
    case { id site patient { pseudonym skinType } }
    suggestion { code probability }
    similarCases { similarity image { id } case { id } diagnosis { concept { code name } } }
    otherLesions { id site diagnosis { code } }
  }
`);

/** One page of the reader's queue (`after`: the previous page's endCursor, to go on in the same batch). */
export const labellingQueueQuery = graphql(`
  query LabellingQueue($first: Int, $after: String, $strategy: LabellingStrategy, $filter: LabellingFilter) {
    labellingQueue(first: $first, after: $after, strategy: $strategy, filter: $filter) {
      edges { node { ...LabellingTaskFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type LabellingTaskFields = LabellingQueueQuery['labellingQueue']['edges'][number]['node'];

export const labellingWorkbenchQuery = graphql(`
  query LabellingWorkbench { labellingProgress { labelled } concepts { code name } }
`);

/** Where the champion looked on a registry image (the API audits it as a prediction on the case). */
export const explainImageQuery = graphql(`
  query ExplainImage($imageId: ID!) {
    predict(input: { imageId: $imageId }) { explanation { method gridSize values } }
  }
`);

export const submitLabelMutation = graphql(`
  mutation SubmitLabel($input: SubmitLabelInput!) { submitLabel(input: $input) { outcome code suggestionAccepted } }
`);

export const undoLabelMutation = graphql(`
  mutation UndoLabel($input: UndoLabelInput!) { undoLabel(input: $input) { outcome } }
`);

/** The data team's adjudication list and each reader's agreement (Cohen's kappa) with adjudicated labels. */
export const secondReadsQuery = graphql(`
  query SecondReads {
    labelDisagreements(first: 50) { image { id } codes }
    readerAgreement { reader labels agreement kappa }
  }
`);

export type ReaderAgreementRow = SecondReadsQuery['readerAgreement'][number];
export type LabelDisagreementRow = SecondReadsQuery['labelDisagreements'][number];
