import { isAdmin, isCityStaff, requireThat } from '../../core/authorization';
import type { ConnectionResult, PageArgs } from '../../core/connection';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { CommunicationsData } from '../communications.repositories';
import type { Delivery } from './delivery.entity';
import type { DeliveryFilter } from './delivery.inputs';
import type { JobQueue } from './job-queue';

/** The delivery log for staff, and the reminder run on demand for admins. */
export class DeliveryService {
  constructor(
    private readonly data: CommunicationsData,
    private readonly identity: Identity,
    private readonly queue: JobQueue,
  ) {}

  list(filter: DeliveryFilter | null, args: PageArgs): Promise<ConnectionResult<Delivery>> {
    requireThat(this.identity, isCityStaff(this.identity), 'reading the delivery log (city staff)');
    return this.data.repositories.deliveries.page(
      {
        statuses: filter?.statuses ?? undefined,
        kinds: filter?.kinds ?? undefined,
        announcementId: filter?.announcementId
          ? requireUuid('filter.announcementId', filter.announcementId)
          : undefined,
      },
      args,
    );
  }

  async runReminders(): Promise<boolean> {
    requireThat(this.identity, isAdmin(this.identity), 'running reminders (admins)');
    await this.queue.remindNow();
    return true;
  }
}
