import type { NextFunction, Request, Response } from 'express';
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from './errors';

/**
 * Text PostgreSQL cannot store: a NUL character (text columns refuse it) or half of a UTF-16
 * surrogate pair (it has no UTF-8 form). Refused where text comes in, naming the field,
 * instead of failing in SQL as an internal error or being stored mangled.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function unstorableTextReason(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000'
    ? 'must not contain a NUL character (U+0000)'
    : 'must not contain an unpaired UTF-16 surrogate (not valid Unicode text)';
}

/** How deeply variables may nest: real inputs are a few levels; 8,000 overflowed a stack. */
export const MAX_JSON_NESTING = 32;

export interface JsonProblem {
  field: string;
  rule: 'NESTING' | 'UNSTORABLE_TEXT';
  message: string;
}

/**
 * The first problem in a parsed JSON value, walked with an explicit stack (a recursive walk
 * is exactly what deep nesting breaks). Keys are checked as well as values.
 */
export function findJsonProblem(
  root: unknown,
  rootPath: string,
  maxNesting = MAX_JSON_NESTING,
): JsonProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: rootPath, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const reason = unstorableTextReason(value);
      if (reason) return { field: path, rule: 'UNSTORABLE_TEXT', message: reason };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxNesting) {
      return {
        field: path,
        rule: 'NESTING',
        message: `nests lists and objects more than ${maxNesting} levels deep`,
      };
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) =>
        stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }),
      );
    } else {
      for (const [key, item] of Object.entries(value)) {
        const reason = unstorableTextReason(key);
        if (reason) return { field: `${path}.<key>`, rule: 'UNSTORABLE_TEXT', message: reason };
        stack.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return null;
}

function refuse(res: Response, problem: JsonProblem): void {
  res.status(400).json({
    errors: [
      {
        message: `${problem.field}: ${problem.message}`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [problem] },
      },
    ],
  });
}

/** The parts of a GET request that Apollo reads as JSON. */
function getRequestJson(req: Request): Array<[string, unknown]> {
  const parts: Array<[string, unknown]> = [];
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value !== 'string') continue;
    if (name === 'variables' || name === 'extensions') {
      try {
        parts.push([name, JSON.parse(value)]);
      } catch {
        // Not JSON: Apollo answers that itself.
      }
    } else parts.push([name, value]);
  }
  return parts;
}

/**
 * Express middleware for /graphql, after the JSON body parser and before Apollo: a body
 * whose variables nest too deep or hold text PostgreSQL cannot store is a 400
 * BAD_USER_INPUT naming the place (`variables.input.name.fi`), before anything else
 * (the response cache's key, the planner, a resolver) touches it.
 */
export function requestGuard(maxNesting = MAX_JSON_NESTING) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parts: Array<[string, unknown]> =
      req.method === 'GET'
        ? getRequestJson(req)
        : req.body && typeof req.body === 'object'
          ? Object.entries(req.body as Record<string, unknown>)
          : [];
    for (const [name, value] of parts) {
      const problem = findJsonProblem(value, name, maxNesting);
      if (problem) {
        refuse(res, problem);
        return;
      }
    }
    next();
  };
}

/**
 * The same rule for text written into the document itself (`search: "a\u0000b"`): a
 * validation error naming the field and argument. Lone surrogates cannot be written in a
 * GraphQL document (its lexer refuses them), but `\u0000` can.
 */
export const UnstorableTextRule: ValidationRule = (context) => {
  const check = (value: ValueNode, path: string): void => {
    if (value.kind === Kind.STRING) {
      const reason = unstorableTextReason(value.value);
      if (reason) {
        context.reportError(new GraphQLError(`${path}: ${reason}`, { nodes: [value] }));
      }
    } else if (value.kind === Kind.LIST) {
      value.values.forEach((item, i) => check(item, `${path}[${i}]`));
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) check(field.value, `${path}.${field.name.value}`);
    }
  };
  return {
    Argument(node: ArgumentNode) {
      const field = context.getFieldDef()?.name ?? context.getDirective()?.name ?? '';
      check(node.value, field ? `${field}(${node.name.value})` : node.name.value);
    },
  };
};

/**
 * For plain HTTP routes (feeds, exports): a query parameter holding unstorable text is a
 * 400 naming the parameter, in the routes' own `{ error }` shape.
 */
export function queryParameterGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = findJsonProblem(req.query, 'query', 4);
    if (problem) {
      const parameter = problem.field.replace(/^query\./, '');
      res.status(400).json({ error: `Query parameter ${parameter}: ${problem.message}` });
      return;
    }
    next();
  };
}

/**
 * The operation a request names must be in its document, and be a query or a mutation: an
 * unknown operationName, a document of several operations without one, or a subscription
 * (the hub serves none over HTTP) is the client's mistake, refused with 400 and a code before
 * anything runs. Without this, the gateway's executor and graphql-js met them as internal
 * errors (HTTP 500).
 */
export function operationResolutionPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `The document has no operation named "${request.operationName}"`
                : 'The document has several operations: name the one to run in operationName',
              {
                extensions: {
                  code: 'OPERATION_RESOLUTION_FAILURE',
                  http: { status: 400, headers: new Map() },
                },
              },
            );
          }
          if (operation.operation === 'subscription') {
            throw new GraphQLError(
              'Subscriptions are not served over HTTP: ask with a query, or subscribe to e-mail and webhooks (subscribe)',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400, headers: new Map() } } },
            );
          }
        },
      };
    },
  };
}
