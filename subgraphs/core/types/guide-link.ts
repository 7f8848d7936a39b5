import { Directive, Field, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../entity-descriptions';

/**
 * The handbook's guides that other subgraphs link to where they are needed (issue 32,
 * item 1): a space's page to the space guide, an event's support request to the event
 * organising guide, an announcement to the communication guide. By slug, the guide's
 * second key, so the link holds on any installation; the cooperation subgraph answers
 * null for a slug its handbook lacks.
 */
export const GUIDE_SLUGS = {
  SPACES: 'tilaopas',
  EVENTS: 'tapahtumayhteistyo',
  COMMUNICATION: 'viestintaohje',
} as const;

/** A guide as a subgraph that links to it sees it: its slug. */
@Directive('@key(fields: "slug", resolvable: false)')
@ObjectType('Guide', { description: ENTITY_DESCRIPTIONS.Guide })
export class GuideLink {
  @Field(() => String, { description: 'Address part, e.g. "yhdistysillan-huoneentaulu".' })
  slug!: string;
}
