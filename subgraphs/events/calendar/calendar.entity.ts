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

  /*
   * A method, so it answers for the plain `{ year, serviceAreaId }` references the other
   * subgraphs and the resolvers pass around as well as for instances.
   */
  @Field(() => ID, {
    description:
      "The calendar's identity: the year, and the service area after a colon (`2027`, `2027:<area id>`). Select it and a client cache with no configuration (Apollo Client's default `__typename:id`) keeps one calendar whatever lists each query asked for.",
  })
  id?(): string {
    return this.serviceAreaId ? `${this.year}:${this.serviceAreaId}` : String(this.year);
  }
}
