import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The cooperation calendar (vuosikello) of one year, for the whole city or one service
 * area. The events subgraph owns it and its root field; this subgraph adds the booking
 * seasons, so the year at a glance shows when to apply for weekly slots.
 *
 * Each subgraph declares its own class for a shared entity: type-graphql attaches field
 * resolvers to the class in one global registry, so a class shared by two subgraphs would
 * carry the other's fields (and their types) into this schema.
 */
@Directive('@key(fields: "year serviceAreaId")')
@ObjectType('Calendar', {
  description: ENTITY_DESCRIPTIONS.Calendar,
})
export class CalendarRef {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The service area; null for the whole city.' })
  serviceAreaId!: string | null;
}
