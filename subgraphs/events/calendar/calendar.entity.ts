import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The cooperation calendar (vuosikello) of one year, for the whole city or one service
 * area. Owned here; grants adds application rounds and facilities booking seasons, each
 * resolving its own fields for the same key.
 */
@Directive('@key(fields: "year serviceAreaId")')
@ObjectType('Calendar', {
  description: ENTITY_DESCRIPTIONS.Calendar,
})
export class Calendar {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The service area; null for the whole city.' })
  serviceAreaId!: string | null;
}
