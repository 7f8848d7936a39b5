import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import { HubError } from '../../subgraphs/core/errors';
import type { Identity } from '../../subgraphs/core/identity';
import { dataSubjectOf } from '../../subgraphs/core/personal-data/personal-data.service';
import { PersonalDataAction } from '../../subgraphs/core/personal-data/personal-data.types';
import { GraphQueryError, queryGraph } from '../graph-query';
import { SUBGRAPH_NAMES } from '../../subgraphs/core/subgraph.config';
import { gdprDocument, gdprErrors, type ServiceAnswer } from './gdpr.document';

/** Every subgraph, each asked by its own mutation, in the order the document lists them. */
const PERSONAL_DATA_SERVICES = SUBGRAPH_NAMES;

const ANSWER = `service requestId records { kind id fields { key value } disposition keptBecause }`;
const PERSONAL_DATA_MUTATION = `mutation PersonalData($input: PersonalDataRequestInput!) {
${PERSONAL_DATA_SERVICES.map((s) => `  ${s}: ${s}PersonalData(input: $input) { ${ANSWER} }`).join('\n')}
}`;

/** `dry_run` as the profile service sends it (helsinki-profile-gdpr-api reads these). */
const TRUE = ['true', 'True', 'TRUE', '1'];
const FALSE = ['false', 'False', 'FALSE', '0'];

type Refusal = { status: number; code: 'BAD_REQUEST' | 'UNAUTHENTICATED' | 'FORBIDDEN' };

class RouteRefusal extends Error {
  constructor(
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

function refuseBadRequest(message: string): never {
  throw new RouteRefusal({ status: 400, code: 'BAD_REQUEST' }, message);
}

/** The query parameters of one method: `email` (repeatable) and, for DELETE, `dry_run`. */
function readParameters(req: Request): { emails: string[]; dryRun: boolean } {
  const allowed = req.method === 'DELETE' ? ['email', 'dry_run'] : ['email'];
  const unknown = Object.keys(req.query).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    refuseBadRequest(
      `unknown query parameter ${unknown.join(', ')}; ${req.method} takes ${allowed.join(' and ')}`,
    );
  }
  const email = req.query.email;
  const emails = email === undefined ? [] : Array.isArray(email) ? email : [email];
  if (emails.some((e) => typeof e !== 'string')) refuseBadRequest('email must be an address');
  const dryRun = req.query.dry_run;
  if (
    dryRun !== undefined &&
    (typeof dryRun !== 'string' || ![...TRUE, ...FALSE].includes(dryRun))
  ) {
    refuseBadRequest('dry_run must be true or false');
  }
  return { emails: emails as string[], dryRun: TRUE.includes(dryRun as string) };
}

/** Whether the client asked for the erasure's report (RFC 7240) instead of the API's bare 204. */
function wantsRepresentation(req: Request): boolean {
  const prefer = req.headers.prefer;
  return /\breturn=representation\b/i.test(
    Array.isArray(prefer) ? prefer.join(',') : (prefer ?? ''),
  );
}

function refusalOf(code: unknown): Refusal | null {
  switch (code) {
    case 'BAD_USER_INPUT':
      return { status: 400, code: 'BAD_REQUEST' };
    case 'UNAUTHENTICATED':
      return { status: 401, code: 'UNAUTHENTICATED' };
    case 'FORBIDDEN':
      return { status: 403, code: 'FORBIDDEN' };
    default:
      return null;
  }
}

/**
 * A person's data across the six subgraphs, in the shape of the City of Helsinki's profile
 * GDPR API, so the city's profile service can call the hub as it calls its other services:
 *
 * - `GET /gdpr-api/v1/profiles/{subject}`: everything held of the person (200, a tree of
 *   nodes), or 204 when nothing is.
 * - `DELETE /gdpr-api/v1/profiles/{subject}[?dry_run=true]`: erasure, or its dry run; 204
 *   when done (or allowed). With `Prefer: return=representation` the answer is 200 with the
 *   tree, each record saying what erasure did (or would do) and why a record is kept.
 *
 * Only the person (a token whose `sub` is `{subject}`, with the `gdprquery` or `gdprdelete`
 * scope) or the data-protection role (a staff token with the `dataprotection` scope). Every
 * subgraph checks that again and logs the request before answering. Addresses find the
 * records kept by address: the person's own token's verified `email`, or the `email`
 * parameters the data-protection role gives.
 */
export function mountGdprApi<T extends BaseContext>(
  app: Express,
  apollo: ApolloServer<T>,
  identityOf: (req: Request) => Promise<Identity>,
  logError: (message: string, error: unknown) => void,
): void {
  const handle = async (req: Request, res: Response) => {
    const erasing = req.method === 'DELETE';
    try {
      const { emails, dryRun } = readParameters(req);
      const identity = await identityOf(req);
      if (identity.role === 'anonymous') {
        throw new RouteRefusal(
          { status: 401, code: 'UNAUTHENTICATED' },
          'a bearer token is required: the person’s own, or the data-protection role’s',
        );
      }
      const action = !erasing
        ? PersonalDataAction.EXPORT
        : dryRun
          ? PersonalDataAction.ERASE_DRY_RUN
          : PersonalDataAction.ERASE;
      const input = {
        subject: String(req.params.subject),
        // A person asking for themself is found by their token's verified address.
        emails: emails.length > 0 ? emails : identity.email ? [identity.email] : [],
        action,
      };
      // Checked here too, so a refusal costs no subgraph a request.
      dataSubjectOf(identity, input);
      const answers = await queryGraph<Record<string, ServiceAnswer>, T>(
        apollo,
        { authorization: req.headers.authorization, identity, internal: true } as unknown as T,
        PERSONAL_DATA_MUTATION,
        { input },
      );
      const document = gdprDocument(
        PERSONAL_DATA_SERVICES.map((s) => answers[s]),
        { dispositions: erasing },
      );
      res.setHeader('Cache-Control', 'no-store');
      if (erasing && wantsRepresentation(req)) {
        res.setHeader('Preference-Applied', 'return=representation');
        res.status(200).json(document ?? { key: 'CITY_ASSOCIATION_HUB', children: [] });
      } else if (erasing || document === null) {
        res.status(204).end();
      } else {
        res.status(200).json(document);
      }
    } catch (error) {
      // The route's own refusals, the shared check's (HubError) and the subgraphs' (by code).
      const refusal =
        error instanceof RouteRefusal
          ? error.refusal
          : error instanceof HubError || error instanceof GraphQueryError
            ? refusalOf(error.code)
            : null;
      res.setHeader('Cache-Control', 'no-store');
      if (refusal) {
        res.status(refusal.status).json(gdprErrors(refusal.code, (error as Error).message));
        return;
      }
      // A subgraph did not answer: what the others did stands, and asking again is safe
      // (what was erased is not found again).
      logError('GDPR request failed', error);
      res
        .status(503)
        .setHeader('Retry-After', '30')
        .json(gdprErrors('SERVICE_UNAVAILABLE', (error as Error).message));
    }
  };
  app.get('/gdpr-api/v1/profiles/:subject', handle);
  app.delete('/gdpr-api/v1/profiles/:subject', handle);
}
