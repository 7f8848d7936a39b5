import type { DataSource } from 'typeorm';
import type { Progress } from '../../core/progress';
import type { BusyTime } from '../../../integrations/booking/types';
import type { BookingBridge, GuardedBookingSystem } from './booking-bridge';
import { BookingSyncRepository } from './booking-sync.repository';
import type { DomainEvent, DomainEventBus } from '../../core/domain-events';
import { SupportLedger } from '../../core/support-ledger';
import { Facility } from '../facility/facility.entity';
import { Reservation } from '../reservation/reservation.entity';
import type { ReservationStatus } from '../reservation/reservation.enums';
import { reservationEvent } from '../reservation/reservation.events';
import { Space } from '../space/space.entity';

export interface SystemSyncReport {
  system: string;
  ok: boolean;
  error?: string;
  /** Resources the system lists that no space is linked to yet: for staff to link. */
  unlinkedResources: Array<{ externalId: string; name: string }>;
  spaces: number;
  busyAdded: number;
  busyRemoved: number;
  /** Hub requests that appeared in the system (entered by staff, or decided there). */
  confirmed: string[];
  rejected: string[];
  cancelled: string[];
}

export interface SyncOptions {
  /** How far ahead busy times are copied. */
  daysAhead: number;
  onProgress?: Progress;
  now?: () => Date;
}

const DAY = 86_400_000;
/** One sync at a time across every facilities replica (and `npm run booking:sync`). */
const SYNC_LOCK_KEY = 7_241_004;

/**
 * Copies what the connected booking systems know into the hub: busy times per linked space
 * (so availability and requests see them), and the fate of requests made in the hub. A
 * system that fails keeps its last copy; its spaces turn stale and the failure is recorded.
 */
export class BookingSyncService {
  constructor(
    private readonly db: DataSource,
    private readonly bridge: BookingBridge,
    /** What a sync changes is told like any change: decisions to people, busy times to caches. */
    private readonly events: DomainEventBus,
  ) {}

  /**
   * Syncs every configured system, unless another replica is syncing right now (then it
   * returns null: that replica's copy is as good as ours would be).
   */
  async syncAll(options: SyncOptions): Promise<SystemSyncReport[] | null> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [
        SYNC_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return null;
      try {
        const reports: SystemSyncReport[] = [];
        for (const system of this.bridge.configured())
          reports.push(await this.sync(system, options));
        return reports;
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SYNC_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }

  async sync(system: GuardedBookingSystem, options: SyncOptions): Promise<SystemSyncReport> {
    const repository = new BookingSyncRepository(this.db);
    const now = (options.now ?? (() => new Date()))();
    // From a day back: a booking that started yesterday evening may still be running.
    const from = new Date(now.getTime() - DAY);
    const to = new Date(now.getTime() + options.daysAhead * DAY);
    const report: SystemSyncReport = {
      system: system.kind,
      ok: true,
      unlinkedResources: [],
      spaces: 0,
      busyAdded: 0,
      busyRemoved: 0,
      confirmed: [],
      rejected: [],
      cancelled: [],
    };
    try {
      const spaces = await repository.linkedSpaces(system.kind);
      report.spaces = spaces.length;
      const linked = new Set(spaces.map((s) => s.externalId));
      report.unlinkedResources = (await system.listResources())
        .filter((r) => !linked.has(r.externalId))
        .map((r) => ({ externalId: r.externalId, name: r.name.fi ?? r.externalId }));
      const spaceIds = spaces.map((s) => s.id);
      const { busy, failed } = await this.fetchBusyTimes(system, [...linked], from, to);
      await this.settleRequests(system, repository, spaceIds, busy, report, now);
      // Bookings that are our own reservations are shown as those, not as busy times.
      const ours = await repository.externalIdsOfReservations(spaceIds);
      for (const [i, space] of spaces.entries()) {
        // A feed that failed keeps the busy times it had: nothing is known to have changed.
        if (failed.has(space.externalId)) continue;
        const own = busy.filter(
          (b) => b.resourceId === space.externalId && !ours.has(b.externalId),
        );
        const changed = await this.db.transaction(async (manager) => {
          const counts = await new BookingSyncRepository(manager).replaceBusyTimes(
            space.id,
            system.kind,
            from,
            to,
            own,
          );
          if (counts.added + counts.removed > 0) {
            await this.events.record(manager, busyTimesChanged(space.id, system.kind, now));
          }
          return counts;
        });
        report.busyAdded += changed.added;
        report.busyRemoved += changed.removed;
        options.onProgress?.(i + 1, spaces.length);
      }
      await repository.markSynced(spaceIds.filter((_, i) => !failed.has(spaces[i].externalId)));
      if (failed.size > 0) {
        report.ok = false;
        report.error = `${failed.size} of ${linked.size} feeds failed: ${[...failed.values()].join('; ')}`;
      }
      await repository.recordAttempt(system.kind, report.error ?? null);
      this.events.wake();
    } catch (error) {
      report.ok = false;
      report.error = error instanceof Error ? error.message : String(error);
      await repository.recordAttempt(system.kind, report.error);
    }
    return report;
  }

  /**
   * Busy times of the linked resources. An ICS space has a feed of its own, typed by staff:
   * each is fetched on its own, and one that fails (refused by the outbound policy, down,
   * malformed) is named in `failed` without stopping the others. A system with one API
   * answers for all its resources at once, or fails as a whole.
   */
  private async fetchBusyTimes(
    system: GuardedBookingSystem,
    resourceIds: string[],
    from: Date,
    to: Date,
  ): Promise<{ busy: BusyTime[]; failed: Map<string, string> }> {
    const failed = new Map<string, string>();
    if (system.kind !== 'ICS') {
      return { busy: await system.busyTimes(resourceIds, from, to), failed };
    }
    const busy: BusyTime[] = [];
    for (const id of resourceIds) {
      try {
        busy.push(...(await system.busyTimes([id], from, to)));
      } catch (error) {
        failed.set(id, error instanceof Error ? error.message : String(error));
      }
    }
    return { busy, failed };
  }

  /**
   * TIMMI takes no bookings from outside: when a booking with exactly a reservation's
   * space and times appears there, staff have entered it, and the reservation is confirmed
   * and linked to it. Respa takes them itself: its state of each request is copied.
   */
  private async settleRequests(
    system: GuardedBookingSystem,
    repository: BookingSyncRepository,
    spaceIds: string[],
    busy: readonly BusyTime[],
    report: SystemSyncReport,
    now: Date,
  ): Promise<void> {
    const unsettled = await repository.unsettled(spaceIds);
    const spaces = await repository.linkedSpaces(system.kind);
    const externalOf = new Map(spaces.map((s) => [s.id, s.externalId]));
    for (const reservation of unsettled) {
      if (!system.acceptsReservations) {
        const match = busy.find(
          (b) =>
            b.resourceId === externalOf.get(reservation.spaceId) &&
            b.startsAt.getTime() === reservation.startsAt.getTime() &&
            b.endsAt.getTime() === reservation.endsAt.getTime(),
        );
        if (match && (await this.settle(reservation.id, 'CONFIRMED', match.externalId, now))) {
          report.confirmed.push(reservation.id);
        }
        continue;
      }
      if (!reservation.externalId) continue;
      const status = await system.reservationStatus(reservation.externalId);
      if (status === 'REQUESTED') continue;
      if (!(await this.settle(reservation.id, status, null, now))) continue;
      (status === 'CONFIRMED'
        ? report.confirmed
        : status === 'REJECTED'
          ? report.rejected
          : report.cancelled
      ).push(reservation.id);
    }
  }
  /**
   * A decision the booking system made (staff entered the request in TIMMI, Respa decided
   * it) is the same decision as one made in the hub: it is told in the same transaction, so
   * the association hears of it and an event's support part follows (issue 29, item 4).
   */
  private async settle(
    id: string,
    status: 'CONFIRMED' | 'REJECTED' | 'CANCELLED',
    externalId: string | null,
    now: Date,
  ): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const before = await new BookingSyncRepository(manager).settle(id, status, externalId);
      if (before === null) return false;
      // Linking a reservation staff confirmed in the hub to its booking is no new decision.
      if (before === status) return true;
      const reservation = await manager.getRepository(Reservation).findOneByOrFail({ id });
      const space = await manager.getRepository(Space).findOneByOrFail({ id: reservation.spaceId });
      const facility = await manager.getRepository(Facility).findOneBy({ id: space.facilityId });
      const type = status === 'CANCELLED' ? 'reservation.cancelled' : 'reservation.decided';
      const supportPartId = await new SupportLedger(manager, 'facilities').partOf(id);
      await this.events.record(
        manager,
        reservationEvent(
          type,
          reservation,
          space,
          facility,
          status as ReservationStatus,
          null,
          now,
          supportPartId,
        ),
      );
      return true;
    });
  }
}

/** Runs the sync every `intervalMs` in the background; the first run starts at once. */
export function startSyncJob(
  service: BookingSyncService,
  options: SyncOptions & { intervalMs: number; log: (line: string) => void },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = service.syncAll(options).then(
      (reports) => {
        if (reports === null) options.log('booking sync skipped: another replica is syncing');
        for (const r of reports ?? []) {
          options.log(
            r.ok
              ? `booking sync ${r.system}: ${r.spaces} spaces, +${r.busyAdded}/-${r.busyRemoved} busy times, ${r.confirmed.length} confirmed`
              : `booking sync ${r.system} failed: ${r.error}`,
          );
        }
      },
      (error: unknown) => options.log(`booking sync failed: ${String(error)}`),
    );
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** A space's busy times from a booking system changed. */
function busyTimesChanged(spaceId: string, system: string, at: Date): DomainEvent {
  return {
    type: 'space.busy-times-changed',
    entity: { type: 'Space', id: spaceId },
    sequence: at.getTime(),
    associationId: null,
    occurredAt: at.toISOString(),
    data: { system },
  };
}
