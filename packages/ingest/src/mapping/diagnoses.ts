import { FITZPATRICK_LABELS, fitzpatrickLabelCode } from '@dermino/db';
import type { Mapped } from './values.js';

/** HAM10000 `dx` codes are the registry's codes. */
export const HAM_DX = ['akiec', 'bcc', 'bkl', 'df', 'mel', 'nv', 'vasc'] as const;

/** The hmnist pixel CSVs' `label` column: 0 akiec, 1 bcc, 2 bkl, 3 df, 4 nv, 5 vasc, 6 mel. */
export const HMNIST_LABELS = ['akiec', 'bcc', 'bkl', 'df', 'nv', 'vasc', 'mel'] as const;

export function mapHamDx(raw: string): Mapped<string> {
  const dx = raw.trim().toLowerCase();
  return (HAM_DX as readonly string[]).includes(dx)
    ? { ok: true, value: dx }
    : { ok: false, reason: `unknown diagnosis "${raw}" (HAM10000 dx is one of ${HAM_DX.join(', ')})` };
}

/**
 * ISIC archive diagnosis names (the old `diagnosis` column and the newer `diagnosis_1..3` hierarchy), lower-cased,
 * onto registry codes. A coarse level maps onto a parent concept.
 */
export const ISIC_DIAGNOSES: Record<string, string> = {
  nevus: 'nv',
  'nevus, nos': 'nv',
  'blue nevus': 'nv',
  'nevus, spitz': 'nv',
  melanoma: 'mel',
  'melanoma, nos': 'mel',
  'melanoma invasive': 'mel',
  'melanoma in situ': 'mel',
  'melanoma metastasis': 'mel',
  'basal cell carcinoma': 'bcc',
  'actinic keratosis': 'akiec',
  'solar or actinic keratosis': 'akiec',
  'squamous cell carcinoma in situ': 'akiec',
  'squamous cell carcinoma in situ, bowens disease': 'akiec',
  'squamous cell carcinoma': 'scc',
  'squamous cell carcinoma, nos': 'scc',
  'pigmented benign keratosis': 'bkl',
  'seborrheic keratosis': 'sk',
  'solar lentigo': 'solar-lentigo',
  'lichen planus like keratosis': 'lichenoid-keratosis',
  'lichenoid keratosis': 'lichenoid-keratosis',
  'lentigo nos': 'lentigo',
  'lentigo simplex': 'lentigo',
  'atypical melanocytic proliferation': 'atypical-melanocytic',
  dermatofibroma: 'df',
  'vascular lesion': 'vasc',
  angioma: 'vasc',
  hemangioma: 'vasc',
  angiokeratoma: 'vasc',
  'pyogenic granuloma': 'vasc',
  other: 'other',
  'benign melanocytic proliferations': 'melanocytic',
  'malignant melanocytic proliferations (melanoma)': 'mel',
  'benign epidermal proliferations': 'keratinocytic',
  'malignant epidermal proliferations': 'keratinocytic',
  'malignant adnexal epithelial proliferations - follicular': 'bcc',
  'benign soft tissue proliferations - vascular': 'vasc',
  'benign soft tissue proliferations - fibro-histiocytic': 'df',
};

/** Levels with no concept of their own: the image is imported unlabelled, not refused. */
const ISIC_UNSPECIFIC = new Set(['benign', 'malignant', 'indeterminate', 'unknown', '']);

export function mapIsicDiagnosis(raw: string): Mapped<string | null> {
  const name = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (ISIC_UNSPECIFIC.has(name)) return { ok: true, value: null };
  const code = ISIC_DIAGNOSES[name];
  return code
    ? { ok: true, value: code }
    : { ok: false, reason: `unknown diagnosis "${raw}" (no ISIC mapping)` };
}

const FITZPATRICK_CODES = new Map(FITZPATRICK_LABELS.map(([label]) => [label, fitzpatrickLabelCode(label)]));

export function mapFitzpatrickLabel(raw: string): Mapped<string> {
  const code = FITZPATRICK_CODES.get(raw.trim().toLowerCase());
  return code
    ? { ok: true, value: code }
    : { ok: false, reason: `unknown diagnosis "${raw}" (not one of the 114 Fitzpatrick17k labels)` };
}
