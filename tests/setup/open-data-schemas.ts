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
