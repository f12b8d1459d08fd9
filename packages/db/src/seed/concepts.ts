import type { DbClient } from '../client.js';

export interface ConceptSeed {
  code: string;
  name: string;
  parent?: string;
  malignant?: boolean;
}

/** The HAM10000 seven and the taxonomy above them; importers add more (ISIC, Fitzpatrick17k). */
export const BASE_CONCEPTS: ConceptSeed[] = [
  { code: 'skin-lesion', name: 'Skin lesion' },
  { code: 'melanocytic', name: 'Melanocytic lesion', parent: 'skin-lesion' },
  { code: 'keratinocytic', name: 'Keratinocytic lesion', parent: 'skin-lesion' },
  { code: 'dermal', name: 'Dermal and vascular lesion', parent: 'skin-lesion' },
  { code: 'nv', name: 'Melanocytic nevus', parent: 'melanocytic', malignant: false },
  { code: 'mel', name: 'Melanoma', parent: 'melanocytic', malignant: true },
  { code: 'bkl', name: 'Benign keratosis-like lesion', parent: 'keratinocytic', malignant: false },
  { code: 'bcc', name: 'Basal cell carcinoma', parent: 'keratinocytic', malignant: true },
  {
    code: 'akiec',
    name: 'Actinic keratosis / intraepithelial carcinoma',
    parent: 'keratinocytic',
    malignant: true,
  },
  { code: 'df', name: 'Dermatofibroma', parent: 'dermal', malignant: false },
  { code: 'vasc', name: 'Vascular lesion', parent: 'dermal', malignant: false },
];

/** Idempotent: inserts missing concepts parents-first, leaves existing ones alone. */
export async function seedConcepts(db: DbClient, concepts: ConceptSeed[] = BASE_CONCEPTS): Promise<number> {
  let created = 0;
  for (const concept of concepts) {
    const existing = await db.diagnosisConcept.findUnique({ where: { code: concept.code }, select: { id: true } });
    if (existing) continue;
    const parent = concept.parent
      ? await db.diagnosisConcept.findUnique({ where: { code: concept.parent }, select: { id: true } })
      : null;
    await db.diagnosisConcept.create({
      data: { code: concept.code, name: concept.name, malignant: concept.malignant ?? null, parentId: parent?.id },
    });
    created++;
  }
  return created;
}
