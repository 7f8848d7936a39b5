import { givenOnly, Validator } from '../../core/validation';
import type { Address } from '../../core/types/address.type';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { helsinkiYear } from '../../core/time';
import type { AssociationStatus, OrganizationKind } from './association.enums';
import type {
  AssociationProfileFields,
  CreateAssociationInput,
  UpdateAssociationInput,
} from './association.inputs';
import { businessIdProblem } from './business-id';

/**
 * Checked, normalised association fields. A key is present only when the input gave it, so
 * an update writes exactly what the client sent; null means "clear".
 */
export interface AssociationChanges {
  name?: LocalizedText;
  description?: LocalizedText | null;
  kind?: OrganizationKind;
  status?: AssociationStatus;
  municipalityCode?: string;
  businessId?: string | null;
  registerNumber?: string | null;
  foundedYear?: number | null;
  memberCount?: number | null;
  languages?: string[];
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: Address | null;
  categoryIds?: string[];
  serviceAreaIds?: string[];
}

/** The fields a representative may change; everything else is for staff. */
export const PROFILE_FIELDS: ReadonlyArray<keyof AssociationChanges> = [
  'description',
  'memberCount',
  'languages',
  'categoryIds',
  'website',
  'email',
  'phone',
  'address',
];

/** Register of Associations numbers: up to six digits, written "123456" or "123.456". */
const REGISTER_NUMBER = /^\d{1,3}(\.?\d{3})?$/;

export function checkBusinessId(v: Validator, field: string, value: string | null | undefined) {
  const text = v.text(field, value, { max: 9 });
  if (!text) return text;
  const problem = businessIdProblem(text);
  if (problem === 'FORMAT') {
    v.problem(field, 'FORMAT', 'must look like 1234567-8 (seven digits, a hyphen, a check digit)');
  } else if (problem === 'CHECK_DIGIT') {
    v.problem(field, 'CHECK_DIGIT', `${text} has a wrong check digit`);
  }
  return text;
}

function checkRegisterNumber(v: Validator, field: string, value: string | null | undefined) {
  const text = v.text(field, value, { max: 7 });
  if (!text) return text;
  if (!REGISTER_NUMBER.test(text)) {
    v.problem(
      field,
      'FORMAT',
      'must be a register number of up to six digits, e.g. "123456" or "123.456"',
    );
    return text;
  }
  return text.replace('.', '');
}

function checkProfile(v: Validator, input: AssociationProfileFields) {
  return {
    description: v.localized('input.description', input.description, { max: 5000 }),
    memberCount: v.int('input.memberCount', input.memberCount, { min: 0, max: 10_000_000 }),
    languages: v.languageCodes('input.languages', input.languages),
    categoryIds: v.ids('input.categoryIds', input.categoryIds),
    website: v.url('input.website', input.website),
    email: v.email('input.email', input.email),
    phone: v.phone('input.phone', input.phone),
    address: v.address('input.address', input.address),
  };
}

function checkRegistry(
  v: Validator,
  input: CreateAssociationInput | UpdateAssociationInput,
  now: Date,
) {
  const year = helsinkiYear(now);
  return {
    // Null here is refused by the callers (required on create, not clearable on update).
    municipalityCode:
      v.municipalityCode('input.municipalityCode', input.municipalityCode) ?? undefined,
    businessId: checkBusinessId(v, 'input.businessId', input.businessId),
    registerNumber: checkRegisterNumber(v, 'input.registerNumber', input.registerNumber),
    foundedYear: v.int('input.foundedYear', input.foundedYear, {
      min: 1500,
      max: year,
      maxMessage: `must not be in the future (it is ${year} now)`,
    }),
    serviceAreaIds: v.ids('input.serviceAreaIds', input.serviceAreaIds),
    kind: input.kind ?? undefined,
    status: input.status ?? undefined,
  };
}

/** The rest of the input checked alongside the name; throws if anything was wrong. */
function checkedChanges(
  v: Validator,
  name: LocalizedText | null | undefined,
  input: CreateAssociationInput | UpdateAssociationInput,
  now: Date,
): AssociationChanges {
  const changes = givenOnly({
    name: name ?? undefined,
    ...checkRegistry(v, input, now),
    ...checkProfile(v, input),
  });
  v.throwIfInvalid();
  return changes;
}

/** Checks a whole new association; throws BAD_USER_INPUT naming every problem. */
export function checkCreateAssociation(
  input: CreateAssociationInput,
  now: Date,
): AssociationChanges {
  const v = new Validator();
  const name = v.localized('input.name', input.name, { max: 200, required: true });
  if (!input.municipalityCode?.trim()) {
    v.problem('input.municipalityCode', 'REQUIRED', 'is required');
  }
  return checkedChanges(v, name, input, now);
}

/** Checks the given fields of an update; null on a required field is a problem, not a clear. */
export function checkUpdateAssociation(
  input: UpdateAssociationInput,
  now: Date,
): AssociationChanges {
  const v = new Validator();
  for (const field of ['name', 'kind', 'status', 'municipalityCode'] as const) {
    if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
  }
  const name = input.name
    ? v.localized('input.name', input.name, { max: 200, required: true })
    : undefined;
  return checkedChanges(v, name, input, now);
}
