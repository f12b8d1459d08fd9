import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';

export interface OperationSize {
  /** Deepest field nesting (a root field is depth 1). */
  depth: number;
  /** Fields asked for under another name. */
  aliases: number;
  /** Fields resolved if every page is full: a field under cases(first: 50) counts 50 times. */
  cost: number;
}

/** Arguments that bound how many items a list field returns. */
const PAGE_ARGUMENTS = ['first', 'k', 'take'];
const MAX_COUNTED_PAGE = 100;

function pageSize(
  field: FieldNode,
  parent: GraphQLCompositeType,
  variables: Record<string, unknown>,
): number {
  if (!isObjectType(parent)) return 1;
  const definition = parent.getFields()[field.name.value];
  if (!definition) return 1;
  for (const name of PAGE_ARGUMENTS) {
    const argument = definition.args.find((arg) => arg.name === name);
    if (!argument) continue;
    const node = field.arguments?.find((arg) => arg.name.value === name);
    const value = node ? valueFromAST(node.value, argument.type, variables) : argument.defaultValue;
    // Clamped at the largest list page (100): a bigger one is refused by its resolver, naming the argument.
    return typeof value === 'number' && value > 0 ? Math.min(value, MAX_COUNTED_PAGE) : 1;
  }
  return 1;
}

/** Walks the operation as executed: fragments expanded, each field weighted by the page sizes above it. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const size: OperationSize = { depth: 0, aliases: 0, cost: 0 };
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    depth: number,
    weight: number,
    inFragments: Set<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) size.aliases += 1;
        size.depth = Math.max(size.depth, depth);
        size.cost += weight;
        if (!selection.selectionSet || !isObjectType(parent)) continue;
        const type = parent.getFields()[selection.name.value]?.type;
        const child = type && getNamedType(type);
        if (child && isCompositeType(child)) {
          walk(
            selection.selectionSet,
            child,
            depth + 1,
            weight * pageSize(selection, parent, variables),
            inFragments,
          );
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, isCompositeType(typed) ? typed : parent, depth, weight, inFragments);
      } else {
        const fragment = fragments.get(selection.name.value);
        // Validation refuses fragment cycles; the guard keeps this walk finite regardless.
        if (!fragment || inFragments.has(fragment.name.value)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value);
        const next = new Set(inFragments).add(fragment.name.value);
        walk(fragment.selectionSet, isCompositeType(typed) ? typed : parent, depth, weight, next);
      }
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, 1, new Set());
  return size;
}
