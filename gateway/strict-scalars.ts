import { type GraphQLSchema, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseDateTime, parseDecimal } from '../subgraphs/core/scalars';

/** The hub's scalars and the check each subgraph applies to them. */
const CHECKS: Record<string, (value: unknown) => unknown> = {
  DateTime: parseDateTime,
  Decimal: parseDecimal,
};

/**
 * A schema built from the supergraph's SDL accepts any value for a custom scalar, so a bad
 * date reached a subgraph and came back as a failed fetch (an internal error to the
 * client). With the subgraphs' own checks on the gateway's scalars, a bad literal is a
 * GRAPHQL_VALIDATION_FAILED and a bad variable a BAD_USER_INPUT naming it, before any
 * planning. Values pass on unchanged: the subgraph parses them itself.
 */
export function applyStrictScalars(schema: GraphQLSchema): void {
  for (const [name, check] of Object.entries(CHECKS)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.parseValue = (value: unknown) => {
      check(value);
      return value;
    };
    type.parseLiteral = (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be given as a string`);
      check(ast.value);
      return ast.value;
    };
  }
}
