import { BASE_CONCEPTS, type ConceptSeed } from './concepts.js';

// ISIC archive diagnoses that HAM's seven do not cover, placed in the same taxonomy.
export const ISIC_CONCEPTS: ConceptSeed[] = [
  { code: 'sk', name: 'Seborrheic keratosis', parent: 'bkl', malignant: false },
  { code: 'solar-lentigo', name: 'Solar lentigo', parent: 'bkl', malignant: false },
  { code: 'lichenoid-keratosis', name: 'Lichenoid keratosis', parent: 'bkl', malignant: false },
  { code: 'scc', name: 'Squamous cell carcinoma', parent: 'keratinocytic', malignant: true },
  { code: 'atypical-melanocytic', name: 'Atypical melanocytic proliferation', parent: 'melanocytic' },
  { code: 'lentigo', name: 'Lentigo NOS', parent: 'melanocytic', malignant: false },
  { code: 'other', name: 'Other lesion', parent: 'skin-lesion' },
];

/** Fitzpatrick17k: three-partition groups, nine-partition groups under them, then the 114 conditions. */
const THREE_PARTITIONS: Record<string, { name: string; malignant: boolean }> = {
  'non-neoplastic': { name: 'Non-neoplastic condition', malignant: false },
  benign: { name: 'Benign neoplasm', malignant: false },
  malignant: { name: 'Malignant neoplasm', malignant: true },
};

export const FITZPATRICK_NINE_PARTITIONS: Record<string, string> = {
  inflammatory: 'non-neoplastic',
  genodermatoses: 'non-neoplastic',
  'benign dermal': 'benign',
  'benign epidermal': 'benign',
  'benign melanocyte': 'benign',
  'malignant cutaneous lymphoma': 'malignant',
  'malignant dermal': 'malignant',
  'malignant epidermal': 'malignant',
  'malignant melanoma': 'malignant',
};

/** The 114 Fitzpatrick17k labels (as spelt in the CSV, typos included) and their nine-partition group. */
export const FITZPATRICK_LABELS: [label: string, ninePartition: string][] = [
  ['acanthosis nigricans', 'inflammatory'],
  ['acne', 'inflammatory'],
  ['acne vulgaris', 'inflammatory'],
  ['acquired autoimmune bullous diseaseherpes gestationis', 'inflammatory'],
  ['acrodermatitis enteropathica', 'genodermatoses'],
  ['actinic keratosis', 'malignant epidermal'],
  ['allergic contact dermatitis', 'inflammatory'],
  ['aplasia cutis', 'inflammatory'],
  ['basal cell carcinoma', 'malignant epidermal'],
  ['basal cell carcinoma morpheiform', 'malignant epidermal'],
  ['becker nevus', 'benign dermal'],
  ['behcets disease', 'inflammatory'],
  ['calcinosis cutis', 'inflammatory'],
  ['cheilitis', 'inflammatory'],
  ['congenital nevus', 'benign melanocyte'],
  ['dariers disease', 'genodermatoses'],
  ['dermatofibroma', 'benign dermal'],
  ['dermatomyositis', 'inflammatory'],
  ['disseminated actinic porokeratosis', 'benign epidermal'],
  ['drug eruption', 'inflammatory'],
  ['drug induced pigmentary changes', 'inflammatory'],
  ['dyshidrotic eczema', 'inflammatory'],
  ['eczema', 'inflammatory'],
  ['ehlers danlos syndrome', 'genodermatoses'],
  ['epidermal nevus', 'benign epidermal'],
  ['epidermolysis bullosa', 'genodermatoses'],
  ['erythema annulare centrifigum', 'inflammatory'],
  ['erythema elevatum diutinum', 'inflammatory'],
  ['erythema multiforme', 'inflammatory'],
  ['erythema nodosum', 'inflammatory'],
  ['factitial dermatitis', 'inflammatory'],
  ['fixed eruptions', 'inflammatory'],
  ['folliculitis', 'inflammatory'],
  ['fordyce spots', 'benign dermal'],
  ['granuloma annulare', 'inflammatory'],
  ['granuloma pyogenic', 'benign dermal'],
  ['hailey hailey disease', 'genodermatoses'],
  ['halo nevus', 'benign melanocyte'],
  ['hidradenitis', 'inflammatory'],
  ['ichthyosis vulgaris', 'genodermatoses'],
  ['incontinentia pigmenti', 'genodermatoses'],
  ['juvenile xanthogranuloma', 'inflammatory'],
  ['kaposi sarcoma', 'malignant dermal'],
  ['keloid', 'inflammatory'],
  ['keratosis pilaris', 'inflammatory'],
  ['langerhans cell histiocytosis', 'inflammatory'],
  ['lentigo maligna', 'malignant melanoma'],
  ['lichen amyloidosis', 'inflammatory'],
  ['lichen planus', 'inflammatory'],
  ['lichen simplex', 'inflammatory'],
  ['livedo reticularis', 'inflammatory'],
  ['lupus erythematosus', 'inflammatory'],
  ['lupus subacute', 'inflammatory'],
  ['lyme disease', 'inflammatory'],
  ['lymphangioma', 'benign dermal'],
  ['malignant melanoma', 'malignant melanoma'],
  ['melanoma', 'malignant melanoma'],
  ['milia', 'benign epidermal'],
  ['mucinosis', 'inflammatory'],
  ['mucous cyst', 'benign dermal'],
  ['mycosis fungoides', 'malignant cutaneous lymphoma'],
  ['myiasis', 'inflammatory'],
  ['naevus comedonicus', 'benign epidermal'],
  ['necrobiosis lipoidica', 'inflammatory'],
  ['nematode infection', 'inflammatory'],
  ['neurodermatitis', 'inflammatory'],
  ['neurofibromatosis', 'genodermatoses'],
  ['neurotic excoriations', 'inflammatory'],
  ['neutrophilic dermatoses', 'inflammatory'],
  ['nevocytic nevus', 'benign melanocyte'],
  ['nevus sebaceous of jadassohn', 'benign epidermal'],
  ['papilomatosis confluentes and reticulate', 'inflammatory'],
  ['paronychia', 'inflammatory'],
  ['pediculosis lids', 'inflammatory'],
  ['perioral dermatitis', 'inflammatory'],
  ['photodermatoses', 'inflammatory'],
  ['pilar cyst', 'benign dermal'],
  ['pilomatricoma', 'benign dermal'],
  ['pityriasis lichenoides chronica', 'inflammatory'],
  ['pityriasis rosea', 'inflammatory'],
  ['pityriasis rubra pilaris', 'inflammatory'],
  ['porokeratosis actinic', 'benign epidermal'],
  ['porokeratosis of mibelli', 'benign epidermal'],
  ['porphyria', 'inflammatory'],
  ['port wine stain', 'benign dermal'],
  ['prurigo nodularis', 'benign epidermal'],
  ['psoriasis', 'inflammatory'],
  ['pustular psoriasis', 'inflammatory'],
  ['pyogenic granuloma', 'benign dermal'],
  ['rhinophyma', 'inflammatory'],
  ['rosacea', 'inflammatory'],
  ['sarcoidosis', 'inflammatory'],
  ['scabies', 'inflammatory'],
  ['scleroderma', 'inflammatory'],
  ['scleromyxedema', 'inflammatory'],
  ['seborrheic dermatitis', 'inflammatory'],
  ['seborrheic keratosis', 'benign epidermal'],
  ['solid cystic basal cell carcinoma', 'malignant epidermal'],
  ['squamous cell carcinoma', 'malignant epidermal'],
  ['stasis edema', 'inflammatory'],
  ['stevens johnson syndrome', 'inflammatory'],
  ['striae', 'inflammatory'],
  ['sun damaged skin', 'inflammatory'],
  ['superficial spreading melanoma ssm', 'malignant melanoma'],
  ['syringoma', 'benign dermal'],
  ['telangiectases', 'benign dermal'],
  ['tick bite', 'inflammatory'],
  ['tuberous sclerosis', 'genodermatoses'],
  ['tungiasis', 'inflammatory'],
  ['urticaria', 'inflammatory'],
  ['urticaria pigmentosa', 'inflammatory'],
  ['vitiligo', 'inflammatory'],
  ['xanthomas', 'inflammatory'],
  ['xeroderma pigmentosum', 'genodermatoses'],
];

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const fitzpatrickThreeCode = (partition: string) => `f17k3-${slugOf(partition)}`;
export const fitzpatrickNineCode = (partition: string) => `f17k9-${slugOf(partition)}`;
export const fitzpatrickLabelCode = (label: string) => `f17k-${slugOf(label)}`;

export const FITZPATRICK_CONCEPTS: ConceptSeed[] = [
  ...Object.entries(THREE_PARTITIONS).map(([partition, { name, malignant }]) => ({
    code: fitzpatrickThreeCode(partition),
    name,
    parent: 'skin-lesion',
    malignant,
  })),
  ...Object.entries(FITZPATRICK_NINE_PARTITIONS).map(([partition, three]) => ({
    code: fitzpatrickNineCode(partition),
    name: partition[0].toUpperCase() + partition.slice(1),
    parent: fitzpatrickThreeCode(three),
    malignant: THREE_PARTITIONS[three].malignant,
  })),
  ...FITZPATRICK_LABELS.map(([label, nine]) => ({
    code: fitzpatrickLabelCode(label),
    name: label[0].toUpperCase() + label.slice(1),
    parent: fitzpatrickNineCode(nine),
    malignant: THREE_PARTITIONS[FITZPATRICK_NINE_PARTITIONS[nine]].malignant,
  })),
];

/** Every concept the importers can map to, parents before children (the order seedConcepts needs). */
export const ALL_CONCEPTS: ConceptSeed[] = [...BASE_CONCEPTS, ...ISIC_CONCEPTS, ...FITZPATRICK_CONCEPTS];
