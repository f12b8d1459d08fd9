import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationField {
  typeName: string;
  fieldName: string;
}

export interface CollectOptions {
  /** A field whose whole answer anyone may see (login: the user who just proved the password). */
  isPublicSubtree?: (field: OperationField) => boolean;
}

/**
 * Every (type, field) the operation can touch, at any depth, with its fragments expanded as they are executed
 * (fragments of other operations in the document are not looked at). Meta fields (__typename, __schema and
 * everything under them) are left to the introspection setting.
 */
export function collectOperationFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  options: CollectOptions = {},
): OperationField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const seen = new Map<string, OperationField>();
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, inFragments: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fieldName = selection.name.value;
        if (fieldName.startsWith('__')) continue;
        const field = { typeName: parent.name, fieldName };
        seen.set(`${parent.name}.${fieldName}`, field);
        if (!selection.selectionSet || !isObjectType(parent) || options.isPublicSubtree?.(field)) continue;
        const type = parent.getFields()[fieldName]?.type;
        const child = type && getNamedType(type);
        if (child && isCompositeType(child)) walk(selection.selectionSet, child, inFragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, isCompositeType(typed) ? typed : parent, inFragments);
      } else {
        const fragment = fragments.get(selection.name.value);
        // Validation refuses fragment cycles; the guard keeps this walk finite regardless.
        if (!fragment || inFragments.has(fragment.name.value)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value);
        walk(
          fragment.selectionSet,
          isCompositeType(typed) ? typed : parent,
          new Set(inFragments).add(fragment.name.value),
        );
      }
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, new Set());
  return [...seen.values()];
}
