import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { AssociationOrder, AssociationStatus, OrganizationKind } from './association.enums';

@InputType({ description: 'Narrows a list of associations. Every given condition must hold.' })
export class AssociationFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to look for in names (Finnish, Swedish or English); a word prefix matches, so "urheil" finds "Urheiluseura".',
  })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Home municipality codes, e.g. ["398", "098"].',
  })
  municipalityCodes?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Associations that work with any of these service areas.',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Associations that work in any of these languages (ISO 639-1).',
  })
  languages?: string[] | null;

  @Field(() => [AssociationStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: AssociationStatus[] | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: OrganizationKind[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only associations changed at or after this moment: for incremental sync.',
  })
  updatedSince?: Date | null;
}

@ArgsType()
export class AssociationsArgs extends PageArgsType {
  @Field(() => AssociationFilter, {
    nullable: true,
    description: 'Conditions the associations must meet.',
  })
  filter?: AssociationFilter | null;

  @Field(() => AssociationOrder, { nullable: true, description: 'Ordering; NAME when not given.' })
  orderBy?: AssociationOrder | null;
}
