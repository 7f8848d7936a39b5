import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { DeliveryKind, DeliveryStatus } from './delivery.enums';

@InputType({ description: 'Narrows the delivery log.' })
export class DeliveryFilter {
  @Field(() => [DeliveryStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: DeliveryStatus[] | null;

  @Field(() => [DeliveryKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: DeliveryKind[] | null;

  @Field(() => ID, { nullable: true, description: 'The deliveries of one announcement.' })
  announcementId?: string | null;
}

@ArgsType()
export class DeliveriesArgs extends PageArgsType {
  @Field(() => DeliveryFilter, { nullable: true, description: 'Conditions to meet.' })
  filter?: DeliveryFilter | null;
}
