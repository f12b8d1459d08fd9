import { type GraphQLSchema, isObjectType } from 'graphql';
import { PERMISSIONS } from './permissions.js';

/** Every problem between the schema and the permission map, one line each; empty when they agree. */
export function findPermissionGaps(schema: GraphQLSchema, permissions = PERMISSIONS): string[] {
  const problems: string[] = [];
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rule = permissions[type.name];
    if (!rule) {
      problems.push(`type ${type.name} has no entry in the permission map`);
      continue;
    }
    const fields = type.getFields();
    for (const field of Object.keys(rule.fields ?? {})) {
      if (!fields[field])
        problems.push(`${type.name}.${field} is in the permission map but not in the schema`);
    }
    if (!roots.has(type.name)) continue;
    for (const field of Object.keys(fields)) {
      if (!rule.fields?.[field])
        problems.push(`root field ${type.name}.${field} has no entry in the permission map`);
    }
  }
  for (const name of Object.keys(permissions)) {
    if (!schema.getType(name)) problems.push(`type ${name} is in the permission map but not in the schema`);
  }
  return problems;
}

export function assertPermissionCoverage(schema: GraphQLSchema): void {
  const problems = findPermissionGaps(schema);
  if (problems.length > 0) {
    throw new Error(`The permission map does not match the schema:\n  - ${problems.join('\n  - ')}`);
  }
}
