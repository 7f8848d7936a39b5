import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { SpaceType } from './space.enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A bookable room, hall, gym, field or kitchen inside a facility.' })
@Entity({ name: 'space' })
export class Space {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Field(() => LocalizedText, { description: 'Name of the space.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => SpaceType, { description: 'What kind of space it is.' })
  @Column({ type: 'text' })
  type!: SpaceType;

  @Field(() => Int, { nullable: true, description: 'How many people it holds.' })
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Field(() => Boolean, { description: 'Reachable and usable with a wheelchair.' })
  @Column({ type: 'boolean', default: false })
  accessible!: boolean;
}
