export interface ConceptNode {
  id: string;
  code: string;
  name: string;
  parent: { id: string } | null;
}

export interface ConceptOption {
  code: string;
  name: string;
  depth: number;
}

/**
 * Concepts in taxonomy order (each parent followed by its children, siblings by name) with their depth,
 * so a flat <select> can show the tree. A parent missing from the list makes its children roots;
 * each concept is listed exactly once, even if the data has a parent cycle.
 */
export function buildConceptOptions(concepts: readonly ConceptNode[]): ConceptOption[] {
  const known = new Set(concepts.map((concept) => concept.id));
  const children = new Map<string | null, ConceptNode[]>();
  for (const concept of concepts) {
    const parentId = concept.parent && known.has(concept.parent.id) ? concept.parent.id : null;
    const siblings = children.get(parentId) ?? [];
    siblings.push(concept);
    children.set(parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name));
  const options: ConceptOption[] = [];
  const visited = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    for (const concept of children.get(parentId) ?? []) {
      if (visited.has(concept.id)) continue;
      visited.add(concept.id);
      options.push({ code: concept.code, name: concept.name, depth });
      visit(concept.id, depth + 1);
    }
  };
  visit(null, 0);
  // Concepts caught in a parent cycle are unreachable from a root; list them rather than hide them.
  for (const concept of concepts) {
    if (visited.has(concept.id)) continue;
    visited.add(concept.id);
    options.push({ code: concept.code, name: concept.name, depth: 0 });
    visit(concept.id, 1);
  }
  return options;
}
