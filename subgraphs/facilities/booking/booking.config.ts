import { CircuitBreaker, withCircuitBreaker } from '../../../integrations/booking/circuit-breaker';
import { IcsClient } from '../../../integrations/booking/ics/client';
import { RespaClient } from '../../../integrations/booking/respa/client';
import { TimmiClient } from '../../../integrations/booking/timmi/client';
import type { BookingSystem, BookingSystemKind } from '../../../integrations/booking/types';
import type { EnvReader } from '../../core/env';
import { BookingBridge, type GuardedBookingSystem } from './booking-bridge';

/** Which booking systems a deployment connects, and how patiently it talks to them. */
export interface BookingConfig {
  timmi: { baseUrl: string; adminAreaId: string } | null;
  respa: { baseUrl: string; apiToken: string | undefined } | null;
  icsEnabled: boolean;
  /**
   * Calendar feeds on this machine may be fetched (BOOKING_ICS_ALLOW_LOOPBACK): for a feed
   * server on a developer's laptop and the tests' stand-ins; never private or internal
   * addresses (docs/security.md, the outbound policy).
   */
  icsAllowLoopback: boolean;
  timeoutMs: number;
  retries: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** 0 turns the background sync off (`npm run booking:sync` still works). */
  syncIntervalMs: number;
  syncDaysAhead: number;
  staleAfterMs: number;
}

/** The BOOKING_* variables, read the same way by `npm start` and the facilities subgraph. */
export function readBookingConfig(env: EnvReader): BookingConfig {
  const timmiUrl = env.url('BOOKING_TIMMI_URL', undefined, ['https:', 'http:']);
  const timmiArea = env.optional('BOOKING_TIMMI_ADMIN_AREA');
  if (timmiUrl && !timmiArea) {
    env.problem(
      'BOOKING_TIMMI_ADMIN_AREA is required with BOOKING_TIMMI_URL (the admin area read as a guest)',
    );
  }
  const respaUrl = env.url('BOOKING_RESPA_URL', undefined, ['https:', 'http:']);
  return {
    timmi: timmiUrl ? { baseUrl: timmiUrl, adminAreaId: timmiArea ?? '' } : null,
    respa: respaUrl ? { baseUrl: respaUrl, apiToken: env.optional('BOOKING_RESPA_TOKEN') } : null,
    icsEnabled: env.boolean('BOOKING_ICS_ENABLED', false),
    icsAllowLoopback: env.boolean('BOOKING_ICS_ALLOW_LOOPBACK', false),
    timeoutMs: env.int('BOOKING_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    retries: env.int('BOOKING_RETRIES', 2, { min: 0, max: 10 }),
    breakerFailures: env.int('BOOKING_BREAKER_FAILURES', 3, { min: 1, max: 100 }),
    breakerCooldownMs:
      env.int('BOOKING_BREAKER_COOLDOWN_SECONDS', 60, { min: 1, max: 3600 }) * 1000,
    syncIntervalMs: env.int('BOOKING_SYNC_INTERVAL_MINUTES', 15, { min: 0, max: 1440 }) * 60_000,
    syncDaysAhead: env.int('BOOKING_SYNC_DAYS_AHEAD', 180, { min: 1, max: 730 }),
    staleAfterMs: env.int('BOOKING_STALE_AFTER_MINUTES', 60, { min: 1, max: 10_080 }) * 60_000,
  };
}

/** The configured clients, each behind its own circuit breaker. */
export function createBookingBridge(config: BookingConfig): BookingBridge {
  const http = { timeoutMs: config.timeoutMs, retries: config.retries };
  const systems: Partial<Record<BookingSystemKind, GuardedBookingSystem>> = {};
  const guard = (system: BookingSystem) =>
    withCircuitBreaker(
      system,
      new CircuitBreaker(system.kind, {
        failureThreshold: config.breakerFailures,
        cooldownMs: config.breakerCooldownMs,
      }),
    );
  if (config.timmi) systems.TIMMI = guard(new TimmiClient({ ...config.timmi, ...http }));
  if (config.respa) systems.RESPA = guard(new RespaClient({ ...config.respa, ...http }));
  if (config.icsEnabled) {
    systems.ICS = guard(new IcsClient({ ...http, allowLoopback: config.icsAllowLoopback }));
  }
  return new BookingBridge(systems, config.staleAfterMs);
}
