import type { CircuitBreaker } from '../../../integrations/booking/circuit-breaker';
import type { BookingSystem, BookingSystemKind } from '../../../integrations/booking/types';
import type { Space } from '../space/space.entity';
import { BookingSystemKind as SpaceBookingSystem } from '../space/space.enums';

export type GuardedBookingSystem = BookingSystem & { breaker?: CircuitBreaker };

/**
 * The booking systems this deployment is connected to. A space linked to a system that is
 * not configured is served from the hub's own database, as a LOCAL space would be: the
 * demo runs with no systems, and a city connects them one at a time.
 */
export class BookingBridge {
  constructor(
    private readonly systems: Partial<Record<BookingSystemKind, GuardedBookingSystem>>,
    /** Busy times older than this count as stale even when the system answers. */
    readonly staleAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  static none(): BookingBridge {
    return new BookingBridge({}, 60 * 60_000);
  }

  configured(): GuardedBookingSystem[] {
    return Object.values(this.systems);
  }

  /** Why a space may not be linked to `externalId` in `kind`'s system; null when it may. */
  async externalIdProblem(kind: BookingSystemKind, externalId: string): Promise<string | null> {
    return (await this.systems[kind]?.externalIdProblem?.(externalId)) ?? null;
  }

  /** The connected system of record for a space, or undefined when the hub is the record. */
  systemOf(space: Pick<Space, 'bookingSystem'>): GuardedBookingSystem | undefined {
    if (space.bookingSystem === SpaceBookingSystem.LOCAL) return undefined;
    return this.systems[space.bookingSystem];
  }

  /**
   * Whether a space's availability may be out of date: its system is connected but was not
   * synced lately, or its circuit is open (the system is down).
   */
  isStale(space: Pick<Space, 'bookingSystem' | 'lastSyncedAt'>): boolean {
    const system = this.systemOf(space);
    if (!system) return false;
    if (system.breaker?.isOpen) return true;
    return !space.lastSyncedAt || this.now() - space.lastSyncedAt.getTime() > this.staleAfterMs;
  }
}
