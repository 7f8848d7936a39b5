import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The 360Giving package schema (tests/schemas, written from the standard's own schemas) as
 * an ajv validator: exports are checked against the standard, not against our writer.
 */
export function threeSixtyGivingValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(join(__dirname, '..', 'schemas', '360giving-package.schema.json'), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

export type HsdsRecord = 'organization' | 'service' | 'location';

/**
 * The HSDS 3 schemas (tests/schemas/hsds-3.schema.json, written from the Open Referral
 * specification's own, commits named inside): a record, or a page of records as the HSDS
 * API pages them. Returns the errors, none when valid.
 */
export function hsdsErrors(body: unknown, record: HsdsRecord, paged = false): unknown[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(
    JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'hsds-3.schema.json'), 'utf8')),
  );
  const id = 'https://city-association-hub.example/schemas/hsds-3.schema.json';
  const check = (definition: string, value: unknown) => {
    const validate = ajv.getSchema(`${id}#/definitions/${definition}`)!;
    return validate(value) ? [] : (validate.errors ?? []);
  };
  if (!paged) return check(record, body);
  const contents = (body as { contents?: unknown[] }).contents ?? [];
  return [...check('page', body), ...contents.flatMap((item) => check(record, item))];
}

/**
 * The City of Helsinki profile GDPR API's bodies (tests/schemas/helsinki-profile-gdpr-api
 * .schema.json, written from the API's OpenAPI description, commit named inside): a `Node`
 * tree or an `ErrorResponse`. Returns the errors, none when valid.
 */
export function gdprApiErrors(body: unknown, definition: 'Node' | 'ErrorResponse'): unknown[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(
    JSON.parse(
      readFileSync(
        join(__dirname, '..', 'schemas', 'helsinki-profile-gdpr-api.schema.json'),
        'utf8',
      ),
    ),
  );
  const validate = ajv.getSchema(
    `https://city-association-hub.example/schemas/helsinki-profile-gdpr-api.schema.json#/definitions/${definition}`,
  )!;
  return validate(body) ? [] : (validate.errors ?? []);
}
