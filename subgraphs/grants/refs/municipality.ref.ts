import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A municipality as the grants subgraph sees it: only its code. The associations subgraph
 * names it (`name { fi sv }`); grant statistics group by it.
 */
@Directive('@key(fields: "code")')
@ObjectType('Municipality', {
  description: ENTITY_DESCRIPTIONS.Municipality,
})
export class MunicipalityRef {
  @Field(() => String, { description: "Statistics Finland's three-digit municipality code." })
  code!: string;
}
