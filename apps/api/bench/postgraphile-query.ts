/**
 * The benchmarked page asked of PostGraphile v5 (amber preset, default inflection): the 50 newest cases with
 * patient, images, annotations (of the case, and of each image, as the API's `annotations` holds both) with their
 * concept, the total and pageInfo. The API's computed fields (thumbnailUrl, diagnosis) have no column to ask for.
 */
export const POSTGRAPHILE_QUERY = `query Cases($first: Int) {
  allCases(first: $first, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { totalCount pageInfo { endCursor hasNextPage }
    edges { node { rowId site source createdAt patientByPatientId { sex skinType ageBand }
      imagesByCaseId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId modality
        annotationsByImageId { nodes { ...annotation } } } }
      annotationsByCaseId { nodes { ...annotation } } } } } }
fragment annotation on Annotation { rowId confirmation annotator diagnosisConceptByConceptId { code name } }`;

interface ApiPage {
  cases: { totalCount: number; edges: { node: { id: string; images: unknown[]; annotations: unknown[] } }[] };
}
interface Annotations {
  nodes: unknown[];
}
interface PostGraphilePage {
  allCases: {
    totalCount: number;
    edges: {
      node: {
        rowId: string;
        imagesByCaseId: { nodes: { annotationsByImageId: Annotations }[] };
        annotationsByCaseId: Annotations;
      };
    }[];
  };
}

/** One line per case: id, images, annotations; the same for both answers when they hold the same page. */
function summarize(cases: { id: string; images: number; annotations: number }[], total: number): string {
  return [
    `total ${total}`,
    ...cases.map((c) => `${c.id} ${c.images} images ${c.annotations} annotations`),
  ].join('\n');
}

/**
 * Throws unless PostGraphile's answer holds the page the API answered: `expected` cases, the same ids in the
 * same order, the same image and annotation counts, the same total. Both are response bodies ({ data, errors }).
 */
export function checkSamePage(apiBody: unknown, postGraphileBody: unknown, expected: number): void {
  const api = (apiBody as { data?: ApiPage }).data?.cases;
  const pgl = (postGraphileBody as { data?: PostGraphilePage }).data?.allCases;
  if (!api || api.edges.length !== expected)
    throw new Error(`the API did not answer ${expected} cases: ${JSON.stringify(apiBody).slice(0, 300)}`);
  if (!pgl || pgl.edges.length !== expected)
    throw new Error(
      `PostGraphile did not answer ${expected} cases: ${JSON.stringify(postGraphileBody).slice(0, 300)}`,
    );
  const fromApi = summarize(
    api.edges.map(({ node }) => ({
      id: node.id,
      images: node.images.length,
      annotations: node.annotations.length,
    })),
    api.totalCount,
  );
  const fromPostGraphile = summarize(
    pgl.edges.map(({ node }) => ({
      id: node.rowId,
      images: node.imagesByCaseId.nodes.length,
      annotations:
        node.annotationsByCaseId.nodes.length +
        node.imagesByCaseId.nodes.reduce((sum, image) => sum + image.annotationsByImageId.nodes.length, 0),
    })),
    pgl.totalCount,
  );
  if (fromApi !== fromPostGraphile)
    throw new Error(
      `PostGraphile's page differs from the API's:\nAPI:\n${fromApi}\nPostGraphile:\n${fromPostGraphile}`,
    );
}
