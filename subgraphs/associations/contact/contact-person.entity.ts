import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Field, ID, ObjectType, Int } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ContactRole } from './contact-person.enums';

/**
 * Personal data (GDPR). `email` and `phone` are resolved by ContactPersonResolver, which
 * returns them only to those allowed to see them; the class fields hold the stored values.
 */
@ObjectType({
  description:
    "A named person of an association (yhteyshenkilö). Email and phone are personal data: they are shown only when the person agreed to publish them, or to city staff and the association's own representatives; otherwise null.",
})
@Entity({ name: 'contact_person' })
export class ContactPerson {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The association this person acts for.' })
  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Field(() => String, { description: 'Full name.' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => ContactRole, { description: 'Role in the association.' })
  @Column({ type: 'text' })
  role!: ContactRole;

  @Field(() => String, {
    nullable: true,
    description: 'Role in their own words, e.g. "Nuorisovastaava".',
  })
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => Boolean, {
    description: 'True when the person agreed to publish their email and phone.',
  })
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
