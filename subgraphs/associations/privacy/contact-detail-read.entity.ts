import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description:
    'One request that showed a contact person’s unpublished email or phone: who, when, which fields. Kept for the city’s data-protection role (GDPR article 5(2)).',
})
@Entity({ name: 'contact_detail_read' })
export class ContactDetailRead {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Date, { description: 'When the details were read.' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The reader’s token subject.' })
  @Column({ name: 'reader_subject', type: 'text', nullable: true })
  readerSubject!: string | null;

  @Field(() => String, { description: 'The reader’s role: representative, staff or admin.' })
  @Column({ name: 'reader_role', type: 'text' })
  readerRole!: string;

  @Field(() => ID, { description: 'The contact person read (it may since have been erased).' })
  @Column({ name: 'contact_person_id', type: 'uuid' })
  contactPersonId!: string;

  @Field(() => ID, { description: 'The association the person is a contact of.' })
  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Field(() => [String], { description: 'The fields shown: `email`, `phone` or both.' })
  @Column({ type: 'text', array: true })
  fields!: string[];
}
