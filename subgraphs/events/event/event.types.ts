import { Field, Int, ObjectType } from 'type-graphql';
import { LocalizedText } from '../../core/types/localized-text.type';
import { ServiceAreaRef } from '../refs/service-area.ref';

@ObjectType({ description: 'How to sign up for an event: capacity, when, and how full it is.' })
export class Registration {
  @Field(() => Int, { nullable: true, description: 'How many people fit; null for no limit.' })
  capacity!: number | null;

  @Field(() => Date, { nullable: true, description: 'Sign-up opens.' })
  opensAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Sign-up closes (the deadline).' })
  closesAt!: Date | null;

  @Field(() => Boolean, { description: 'True while sign-ups are taken.' })
  isOpen!: boolean;

  @Field(() => Int, { description: 'People enrolled.' })
  enrolled!: number;

  @Field(() => Int, { description: 'People on the waiting list.' })
  waitlisted!: number;

  @Field(() => Int, { nullable: true, description: 'Places left; null for no limit.' })
  placesLeft!: number | null;
}

@ObjectType({ description: 'One item of an event’s agenda.' })
export class AgendaItem {
  @Field(() => Date, { nullable: true, description: 'When it starts.' })
  startsAt!: Date | null;

  @Field(() => LocalizedText, { description: 'Title, e.g. "Palvelualueiden omat osiot".' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What happens.' })
  description!: LocalizedText | null;

  @Field(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area holding this part, if one.',
  })
  serviceArea!: ServiceAreaRef | null;
}

@ObjectType({ description: 'What participants thought: how many answered and the average rating.' })
export class FeedbackSummary {
  @Field(() => Int, { description: 'Answers given.' })
  count!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Average rating 1–5 to one decimal, e.g. "4.3"; null without answers.',
  })
  averageRating!: string | null;

  @Field(() => [Int], { description: 'Answers per rating: [ones, twos, threes, fours, fives].' })
  distribution!: number[];
}

export interface AgendaRow {
  eventId: string;
  startsAt: Date | null;
  title: LocalizedText;
  description: LocalizedText | null;
  serviceAreaId: string | null;
}

export interface EventCounts {
  eventId: string;
  enrolled: number;
  waitlisted: number;
  feedbackCount: number;
  ratingSum: number;
  distribution: number[];
}
