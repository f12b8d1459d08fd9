/** The benchmarked page: cases(first: 50) with patient, images, annotations and diagnosis. */
export const BENCH_QUERY = `query Cases($first: Int) { cases(first: $first) { totalCount pageInfo { endCursor hasNextPage }
  edges { node { id site source createdAt patient { sex skinType ageBand }
    images { id modality thumbnailUrl } annotations { id confirmation annotator concept { code name } }
    diagnosis { code } } } } }`;
