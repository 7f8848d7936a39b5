import {
  type GraphQLField,
  type GraphQLInputType,
  GraphQLNonNull,
  type GraphQLOutputType,
  getNamedType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  isUnionType,
} from 'graphql';
import { hostileValue, literal, type Random, type ValuePools } from './hostile-values';

export interface FuzzRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** Whether a field can be selected without arguments. */
const callableBare = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((a) => !(a.type instanceof GraphQLNonNull));

/**
 * What to ask of a result: its leaves, and the leaves of the objects one level down (so
 * relation fields and their loaders run too), bounded so that no request trips the limits.
 */
export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || !(isObjectType(named) || isInterfaceType(named))) {
    return '{ __typename }';
  }
  const parts: string[] = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (!callableBare(field)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth < 2) parts.push(`${field.name} ${selectionFor(field.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/**
 * One request for a root field with hostile arguments: as variables, or (when `inline`)
 * written into the document as literals, which reach different code (parseLiteral).
 */
export function fuzzRequest(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  random: Random,
  pools: ValuePools,
): FuzzRequest {
  const inline = random.chance(0.3);
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    const required = arg.type instanceof GraphQLNonNull;
    if (!required && random.chance(0.4)) continue;
    const value = hostileValue(arg.type as GraphQLInputType, arg.name, random, pools);
    if (inline) {
      args.push(`${arg.name}: ${literal(arg.type, value)}`);
    } else {
      definitions.push(`$${arg.name}: ${String(arg.type)}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = value;
    }
  }
  const call = args.length ? `${field.name}(${args.join(', ')})` : field.name;
  const header = definitions.length ? `${kind} Fuzz(${definitions.join(', ')})` : `${kind} Fuzz`;
  return { query: `${header} { ${call} ${selectionFor(field.type)} }`, variables };
}
