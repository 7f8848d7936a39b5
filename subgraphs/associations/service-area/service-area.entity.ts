import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';

@Directive('@key(fields: "id")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.ServiceArea,
})
@Entity({ name: 'service_area' })
export class ServiceArea {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name of the service area.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
