import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';

@ObjectType({
  description:
    'A named city employee whose job includes cooperation with associations in one service area (yhdistysyhteyshenkilö). Public: being findable is the job.',
})
@Entity({ name: 'city_liaison' })
export class CityLiaison {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'service_area_id', type: 'uuid' })
  serviceAreaId!: string;

  @Field(() => String, { description: 'Full name.' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Kulttuurituottaja".' })
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Work email.' })
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => Boolean, {
    description:
      "True for the city's association coordinator (järjestökoordinaattori), who coordinates all areas.",
  })
  @Column({ name: 'is_coordinator', type: 'boolean', default: false })
  isCoordinator!: boolean;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'What they can help associations with.',
  })
  @Column({ type: 'jsonb', nullable: true })
  responsibilities!: LocalizedText | null;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
