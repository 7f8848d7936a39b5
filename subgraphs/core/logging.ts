import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { EnvReader } from './env';

export type { Logger } from 'pino';

/**
 * Structured JSON logs, one object per line, for every service. A request id ties the
 * gateway's line for a request to the subgraphs' lines for the fetches it made. Logs hold
 * no tokens and no personal data: no headers, no variables, no document text; an
 * operation is named by its name and hash.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const REQUEST_ID_HEADER = 'x-request-id';

/** LOG_LEVEL, read the same way by every service. */
export function readLogLevel(reader: EnvReader): LogLevel {
  return reader.oneOf('LOG_LEVEL', 'info', LOG_LEVELS);
}

export function createLogger(
  service: string,
  level: LogLevel = 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // A safety net: nothing logs these on purpose, and nothing will by accident either.
      redact: {
        paths: [
          'authorization',
          '*.authorization',
          'headers',
          '*.headers',
          'variables',
          '*.variables',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * The caller's request id when it is a plausible one (a load balancer's or the gateway's),
 * else a new one: an id that could carry anything else into the logs is not taken.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : randomUUID();
}

/** What a request's log line says beyond HTTP: filled in by the GraphQL layer. */
export interface RequestLogFields {
  operationName?: string | null;
  queryHash?: string;
  role?: string;
  errorCodes?: string[];
}

declare module 'express-serve-static-core' {
  interface Locals {
    requestId: string;
    logFields: RequestLogFields;
  }
}

/**
 * Gives every request an id (answered in the X-Request-Id header) and logs one line when
 * its answer is sent: method, path without the query string, status, duration and what
 * the GraphQL layer added.
 */
export function requestLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.locals.requestId = requestId;
    res.locals.logFields = {};
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      log.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          ...res.locals.logFields,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * Adds the operation's name, hash, the caller's role and any error codes to the request's
 * line. The services put that line's fields on their context as `logFields`.
 */
export function operationLoggingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, queryHash, response }) {
          const context = contextValue as {
            logFields?: RequestLogFields;
            identity?: { role: string };
          };
          const fields = context.logFields;
          if (!fields) return;
          fields.role = context.identity?.role;
          fields.operationName = operationName ?? null;
          fields.queryHash = queryHash;
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.length) {
            fields.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
          }
        },
      };
    },
  };
}
