import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { BadUserInputError, type FieldProblem } from '../../core/errors';
import { isMunicipalityCode } from '../../core/municipalities';
import type { PublicGraph } from '../../core/public-graph';
import type { Validator } from '../../core/validation';
import { CategoryRef } from '../refs/category.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';

/** Who an announcement is for, or what a subscriber wants: stored as four columns. */
export interface AudienceValues {
  everyone: boolean;
  serviceAreaIds: string[];
  categoryIds: string[];
  municipalityCodes: string[];
}

@ObjectType({
  description:
    'Who something is for: everyone, or associations of any of these service areas, categories or municipalities.',
})
export class Audience {
  @Field(() => Boolean, { description: 'True: everyone; the lists are then empty.' })
  everyone!: boolean;

  @Field(() => [ServiceAreaRef], { description: 'Service areas.' })
  serviceAreas!: ServiceAreaRef[];

  @Field(() => [CategoryRef], { description: 'Directory categories.' })
  categories!: CategoryRef[];

  @Field(() => [String], { description: 'Municipalities, as Statistics Finland’s codes.' })
  municipalityCodes!: string[];
}

@InputType({
  description:
    'Who something is for: `everyone: true`, or at least one service area, category or municipality.',
})
export class AudienceInput {
  @Field(() => Boolean, { nullable: true, description: 'Everyone; default false.' })
  everyone?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Service areas.' })
  serviceAreaIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Directory categories.' })
  categoryIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Municipality codes, e.g. "398".' })
  municipalityCodes?: string[] | null;
}

export function audienceOf(values: AudienceValues): Audience {
  return {
    everyone: values.everyone,
    serviceAreas: values.serviceAreaIds.map((id) => ({ id })),
    categories: values.categoryIds.map((id) => ({ id })),
    municipalityCodes: values.municipalityCodes,
  };
}

/** Checks an audience's shape (the ids' existence is checked by the caller, through the graph). */
export function checkAudience(
  v: Validator,
  field: string,
  input: AudienceInput | null | undefined,
): AudienceValues {
  const serviceAreaIds = v.ids(`${field}.serviceAreaIds`, input?.serviceAreaIds) ?? [];
  const categoryIds = v.ids(`${field}.categoryIds`, input?.categoryIds) ?? [];
  const municipalityCodes = [...new Set((input?.municipalityCodes ?? []).map((c) => c.trim()))];
  municipalityCodes.forEach((code, i) => {
    if (!isMunicipalityCode(code)) {
      v.problem(
        `${field}.municipalityCodes[${i}]`,
        'MUNICIPALITY',
        `must be a Finnish municipality code, e.g. "398" for Lahti; got "${code}"`,
      );
    }
  });
  const everyone = input?.everyone ?? false;
  const narrowed = serviceAreaIds.length + categoryIds.length + municipalityCodes.length > 0;
  if (everyone && narrowed) {
    v.problem(
      field,
      'EVERYONE_OR_SOME',
      'is either everyone or some areas, categories or municipalities, not both',
    );
  } else if (!everyone && !narrowed) {
    v.problem(field, 'EMPTY', 'must be everyone, or name a service area, category or municipality');
  }
  return { everyone, serviceAreaIds, categoryIds, municipalityCodes };
}

/** The same audience gives the same key, whatever the order of its lists. */
export function audienceKey(a: AudienceValues): string {
  if (a.everyone) return 'everyone';
  const list = (xs: string[]) => [...xs].sort().join(',');
  return `a:${list(a.serviceAreaIds)}|c:${list(a.categoryIds)}|m:${list(a.municipalityCodes)}`;
}

/** Whether an audience's service areas and categories exist: the associations subgraph knows. */
export interface AudienceDirectory {
  /** BAD_USER_INPUT naming each unknown id. */
  requireKnown(field: string, audience: AudienceValues): Promise<void>;
}

const KNOWN = `query AudienceIds { serviceAreas { id } categories { id } }`;

/** Asks the public graph (one query per write that names ids). */
export function graphAudienceDirectory(graph: PublicGraph): AudienceDirectory {
  return {
    async requireKnown(field, audience) {
      if (audience.serviceAreaIds.length + audience.categoryIds.length === 0) return;
      const known = await graph.query<{
        serviceAreas: Array<{ id: string }>;
        categories: Array<{ id: string }>;
      }>(KNOWN);
      const areas = new Set(known.serviceAreas.map((a) => a.id.toLowerCase()));
      const categories = new Set(known.categories.map((c) => c.id.toLowerCase()));
      const problems: FieldProblem[] = [];
      audience.serviceAreaIds.forEach((id, i) => {
        if (!areas.has(id))
          problems.push({
            field: `${field}.serviceAreaIds[${i}]`,
            rule: 'UNKNOWN',
            message: `is not a service area: ${id}`,
          });
      });
      audience.categoryIds.forEach((id, i) => {
        if (!categories.has(id))
          problems.push({
            field: `${field}.categoryIds[${i}]`,
            rule: 'UNKNOWN',
            message: `is not a category: ${id}`,
          });
      });
      if (problems.length) throw new BadUserInputError(problems);
    },
  };
}
