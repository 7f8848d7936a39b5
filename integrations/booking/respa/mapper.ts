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

const STATES: Record<string, ExternalReservationStatus> = {
  requested: 'REQUESTED',
  confirmed: 'CONFIRMED',
  denied: 'REJECTED',
  cancelled: 'CANCELLED',
};

export function toStatus(state: unknown): ExternalReservationStatus {
  const status = typeof state === 'string' ? STATES[state] : undefined;
  if (!status) bad(`unknown reservation state ${JSON.stringify(state)}`);
  return status;
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
