import { BookingSystemResponseError } from '../errors';
import type { BookingResource, BookingText, BusyTime, ExternalReservationStatus } from '../types';

/** Respa (6Aika resource reservation API) JSON, typed as far as the hub reads it. */
export interface RespaPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface RespaResource {
  id: string;
  name: BookingText;
  unit?: string | { id: string; name?: BookingText };
  people_capacity?: number | null;
}

export interface RespaReservation {
  id: number | string;
  resource: string;
  begin: string;
  end: string;
  state: string;
  event_subject?: string;
}

function bad(what: string): never {
  throw new BookingSystemResponseError('RESPA', what);
}

export function parsePage(body: unknown, what: string): RespaPage<unknown> {
  const page = body as Partial<RespaPage<unknown>>;
  if (!page || typeof page.count !== 'number' || !Array.isArray(page.results)) {
    bad(`${what} is not a {count, next, previous, results} page`);
  }
  return page as RespaPage<unknown>;
}

function text(value: unknown): BookingText {
  if (typeof value === 'string') return { fi: value };
  const t = (value ?? {}) as BookingText;
  return { fi: t.fi ?? t.en ?? t.sv, sv: t.sv, en: t.en };
}

export interface RespaUnit {
  id: string;
  name: BookingText;
}

export function toUnit(raw: unknown): { id: string; name: string | undefined } {
  const u = raw as Partial<RespaUnit>;
  if (typeof u?.id !== 'string') bad('a unit has no id');
  return { id: u.id, name: text(u.name).fi };
}

/** A resource; its unit is an id (looked up in `units`) or, when expanded, an object. */
export function toResource(
  raw: unknown,
  units: ReadonlyMap<string, string | undefined> = new Map(),
): BookingResource {
  const r = raw as Partial<RespaResource>;
  if (typeof r?.id !== 'string' || !r.name) bad('a resource has no id or name');
  const unit =
    typeof r.unit === 'object' && r.unit
      ? text(r.unit.name).fi
      : typeof r.unit === 'string'
        ? units.get(r.unit)
        : undefined;
  return {
    externalId: r.id,
    name: text(r.name),
    buildingName: unit,
    capacity: typeof r.people_capacity === 'number' ? r.people_capacity : undefined,
  };
}

/**
 * Every state in Respa's `Reservation.STATE_CHOICES` (resources/models/reservation.py in
 * City-of-Helsinki/respa): `created` (made, not yet processed) and `waiting_for_payment`
 * (a paid resource's reservation before the payment) hold their time like `requested`;
 * Respa's own `current()` leaves out only `cancelled` and `denied`.
 */
const STATES: Record<string, ExternalReservationStatus> = {
  created: 'REQUESTED',
  requested: 'REQUESTED',
  waiting_for_payment: 'REQUESTED',
  confirmed: 'CONFIRMED',
  denied: 'REJECTED',
  cancelled: 'CANCELLED',
};

/**
 * A state this code does not know yet (a future Respa may add one) counts as holding its
 * time: a slot shown busy by mistake costs a phone call, one shown free costs a double
 * booking; and one odd reservation must never make a whole calendar unreadable.
 */
export function toStatus(state: unknown): ExternalReservationStatus {
  return (typeof state === 'string' ? STATES[state] : undefined) ?? 'REQUESTED';
}

function date(value: unknown, field: string): Date {
  const d = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime()))
    bad(`reservation ${field} is not a timestamp: ${JSON.stringify(value)}`);
  return d;
}

export function toReservation(raw: unknown): { busy: BusyTime; status: ExternalReservationStatus } {
  const r = raw as Partial<RespaReservation>;
  if (r?.id === undefined || typeof r.resource !== 'string')
    bad('a reservation has no id or resource');
  return {
    busy: {
      externalId: String(r.id),
      resourceId: r.resource,
      startsAt: date(r.begin, 'begin'),
      endsAt: date(r.end, 'end'),
      title: r.event_subject,
    },
    status: toStatus(r.state),
  };
}
