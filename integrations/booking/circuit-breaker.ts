import { BookingSystemCircuitOpenError, BookingSystemUnavailableError } from './errors';
import type { BookingSystem } from './types';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * Stops hammering a booking system that is down: after `failureThreshold` consecutive
 * unavailability failures, calls fail at once for `cooldownMs`; then one call is tried,
 * and its success closes the circuit again. Refusals (4xx) do not count: the system is up.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    readonly system: string,
    private readonly options: CircuitBreakerOptions,
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** True while calls are being refused. */
  get isOpen(): boolean {
    return this.openUntil > this.now();
  }

  async call<T>(operation: () => Promise<T>): Promise<T> {
    if (this.isOpen) throw new BookingSystemCircuitOpenError(this.system, new Date(this.openUntil));
    try {
      const result = await operation();
      this.failures = 0;
      this.openUntil = 0;
      return result;
    } catch (error) {
      if (error instanceof BookingSystemUnavailableError) {
        this.failures += 1;
        if (this.failures >= this.options.failureThreshold) {
          this.openUntil = this.now() + this.options.cooldownMs;
        }
      }
      throw error;
    }
  }
}

/** A booking system whose every call goes through a circuit breaker. */
export function withCircuitBreaker(
  system: BookingSystem,
  breaker: CircuitBreaker,
): BookingSystem & { breaker: CircuitBreaker } {
  return {
    kind: system.kind,
    acceptsReservations: system.acceptsReservations,
    breaker,
    listResources: () => breaker.call(() => system.listResources()),
    busyTimes: (ids, from, to) => breaker.call(() => system.busyTimes(ids, from, to)),
    submitReservation: (request) => breaker.call(() => system.submitReservation(request)),
    cancelReservation: (id) => breaker.call(() => system.cancelReservation(id)),
    reservationStatus: (id) => breaker.call(() => system.reservationStatus(id)),
    // A policy check, not a call to the system: the breaker has no say in it.
    ...(system.externalIdProblem
      ? { externalIdProblem: (id: string) => system.externalIdProblem!(id) }
      : {}),
  };
}
