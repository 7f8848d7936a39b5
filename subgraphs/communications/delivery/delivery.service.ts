import { isAdmin, isCityStaff, requireThat } from '../../core/authorization';
import type { ConnectionResult, PageArgs } from '../../core/connection';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { CommunicationsData } from '../communications.repositories';
import type { Delivery } from './delivery.entity';
import type { DeliveryFilter } from './delivery.inputs';
import { HubError, UpstreamUnavailableError } from '../../core/errors';

/** The delivery log for staff, and the reminder run on demand for admins. */
export class DeliveryService {
  constructor(
    private readonly data: CommunicationsData,
    private readonly identity: Identity,
    /** One reminder run, now: queues what has come due and says how many. */
    private readonly remindNow: () => Promise<number>,
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

  /**
   * Runs the reminders in this request, so the admin who asks learns whether the run worked:
   * a failure (the calendar could not be read) is an error naming why, never a silent retry.
   */
  async runReminders(): Promise<boolean> {
    requireThat(this.identity, isAdmin(this.identity), 'running reminders (admins)');
    try {
      await this.remindNow();
    } catch (error) {
      if (error instanceof HubError) throw error;
      throw new UpstreamUnavailableError(
        'the reminder run',
        error instanceof Error ? error.message : String(error),
      );
    }
    return true;
  }
}
