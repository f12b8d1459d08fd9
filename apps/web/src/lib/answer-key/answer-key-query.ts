import 'server-only';
import { graphql } from '@/gql';

/** The detectors against the demo's answer key (admins only; the API refuses every other role). */
export const demoAnswerKeyScoreQuery = graphql(`
  query DemoAnswerKeyScore {
    demoAnswerKeyScore {
      seed
      images
      plantedDrift { site month }
      plantedWrongLabels
      plantedNearDuplicates
      drift {
        reportId createdAt stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths
        detectionDelay siteNamedMonths
        months { month drifted alarmed siteNamed }
      }
      audit {
        auditId createdAt embeddingWarning
        labelIssues { flagged planted truePositives precision recall }
        nearDuplicates { flagged planted truePositives precision recall }
      }
    }
  }
`);
