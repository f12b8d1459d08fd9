import type { ConceptRef } from '@/lib/cases/case-queries';

// Text, not colour alone, carries the meaning (colour-blind readers and greyscale prints).
export function DiagnosisBadge({ concept }: { concept: Pick<ConceptRef, 'malignant'> | null }) {
  if (!concept) return <span className="badge">No label</span>;
  if (concept.malignant === true) return <span className="badge badge--alert">Malignant</span>;
  if (concept.malignant === false) return <span className="badge badge--ok">Benign</span>;
  return null;
}
