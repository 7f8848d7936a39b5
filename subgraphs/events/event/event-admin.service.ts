import { randomUUID } from 'node:crypto';
import type { DomainEventBus } from '../../core/domain-events';
import { type EventVenues, HOLDING_STATUSES, venueChanged } from './event-venue';
import { expectedVersionOf, OVERWRITE } from '../../core/versioning';
import type { EventsData } from '../events.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  isAdmin,
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import {
  addDays,
  fromHelsinkiLocal,
  helsinkiDate,
  helsinkiMinuteOfDay,
  isoWeekday,
} from '../../core/time';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { Validator } from '../../core/validation';
import type { Event } from './event.entity';
import { EventKind, EventStatus, SeriesFrequency } from './event.enums';
import { type EventValues } from './event-admin.repository';
import type { EventLoaders } from '../events.loaders';
import {
  type CreateEventInput,
  type CreateEventSeriesInput,
  type EventFields,
  type UpdateEventInput,
} from './event-admin.inputs';

const MAX_LENGTH_MS = 14 * 86_400_000;

/** The dates of a series, in Helsinki: weekly on the weekday, or monthly on the nth weekday. */
export function seriesDates(
  first: string,
  frequency: SeriesFrequency,
  interval: number,
  occurrences: number,
): string[] {
  if (frequency === SeriesFrequency.WEEKLY) {
    return Array.from({ length: occurrences }, (_, k) => addDays(first, 7 * interval * k));
  }
  const weekday = isoWeekday(first);
  const nth = Math.ceil(Number(first.slice(8, 10)) / 7);
  const dates: string[] = [];
  for (let k = 0; k < occurrences; k++) {
    const month = Number(first.slice(5, 7)) - 1 + interval * k;
    const year = Number(first.slice(0, 4)) + Math.floor(month / 12);
    const firstOfMonth = `${year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    let date = addDays(firstOfMonth, (weekday - isoWeekday(firstOfMonth) + 7) % 7);
    // The nth weekday, or the last one when the month has fewer (a fifth Friday).
    for (let i = 1; i < nth && addDays(date, 7).slice(0, 7) === date.slice(0, 7); i++)
      date = addDays(date, 7);
    dates.push(date);
  }
  return dates;
}

/**
 * Creating and changing events: city staff for their service areas' events, an
 * association's representatives for the community events it organises. A change to one
 * occurrence of a series makes it an exception; the rest of the series stays.
 */
export class EventAdminService {
  constructor(
    private readonly data: EventsData,
    private readonly loaders: EventLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly venues: EventVenues,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Who answers for an event: staff of its areas (any staff if it has none), or its organisers for community events. */
  mayManage(
    kind: EventKind,
    organizerIds: readonly string[],
    serviceAreaIds: readonly string[],
  ): boolean {
    if (isAdmin(this.identity)) return true;
    if (this.identity.role === 'staff') {
      return (
        serviceAreaIds.length === 0 ||
        serviceAreaIds.some((id) => worksInServiceArea(this.identity, id))
      );
    }
    return (
      kind === EventKind.COMMUNITY_EVENT &&
      organizerIds.some((id) => representsAssociation(this.identity, id))
    );
  }

  /**
   * Who an event names speaks for them (issue 29, item 5): a representative lists only the
   * associations they represent as organisers (naming another would put the event under
   * that association's name and give its representatives rights over it), and only staff
   * tag service areas (a tag gives that area's staff rights and the city's voice).
   */
  private checkWhoIsNamed(
    v: Validator,
    organizerIds: readonly string[],
    serviceAreaIds: readonly string[],
  ): void {
    if (isCityStaff(this.identity)) return;
    const others = organizerIds.filter((id) => !representsAssociation(this.identity, id));
    if (others.length > 0) {
      v.problem(
        'input.organizerIds',
        'OWN_ASSOCIATIONS',
        `list only associations you represent as organisers, not ${others.join(', ')}`,
      );
    }
    if (serviceAreaIds.length > 0) {
      v.problem('input.serviceAreaIds', 'STAFF_ONLY', "only the city's staff tag service areas");
    }
  }

  async create(input: CreateEventInput): Promise<Event> {
    const [id] = await this.insert(
      input,
      [{ startsAt: input.startsAt, endsAt: input.endsAt }],
      null,
    );
    return this.fresh(id);
  }

  async createSeries(input: CreateEventSeriesInput): Promise<Event[]> {
    const v = new Validator();
    const interval = v.int('input.interval', input.interval ?? 1, { min: 1, max: 12 }) ?? 1;
    v.int('input.occurrences', input.occurrences, { min: 1, max: 104 });
    v.throwIfInvalid();
    // The wall-clock time and length of the first occurrence repeat: 17:00 stays 17:00 across DST.
    const minute = helsinkiMinuteOfDay(input.startsAt);
    const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const length = input.endsAt.getTime() - input.startsAt.getTime();
    const times = seriesDates(
      helsinkiDate(input.startsAt),
      input.frequency,
      interval,
      input.occurrences,
    ).map((date) => {
      const startsAt = fromHelsinkiLocal(`${date}T${clock}`);
      return { startsAt, endsAt: new Date(startsAt.getTime() + length) };
    });
    const ids = await this.insert(input, times, {
      frequency: input.frequency,
      interval,
      occurrences: input.occurrences,
    });
    const events = await this.loaders.event.loadMany(ids);
    return events.filter((e): e is Event => e !== null && !(e instanceof Error));
  }

  async update(input: UpdateEventInput): Promise<Event> {
    const event = await this.existing(requireUuid('input.id', input.id));
    await this.requireManager(event, 'changing an event');
    const v = new Validator();
    for (const field of ['title', 'startsAt', 'endsAt', 'status'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values = this.checkFields(v, input, event.kind);
    if (input.title)
      values.title = v.localized('input.title', input.title, { max: 300, required: true })!;
    if (input.status) values.status = input.status;
    const startsAt = input.startsAt ?? event.startsAt;
    const endsAt = input.endsAt ?? event.endsAt;
    this.checkTimes(
      v,
      startsAt,
      endsAt,
      values.registration_closes_at !== undefined
        ? values.registration_closes_at
        : event.registrationClosesAt,
    );
    if (input.startsAt) values.starts_at = input.startsAt;
    if (input.endsAt) values.ends_at = input.endsAt;
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    // Where, when and whether it takes place: what its hold on a city space follows.
    const venue =
      values.venue_space_id !== undefined
        ? (values.venue_space_id as string | null)
        : event.venueSpaceId;
    const status = (values.status as EventStatus | undefined) ?? event.status;
    const holdMoves =
      (venue !== null || event.venueSpaceId !== null) &&
      (venue !== event.venueSpaceId ||
        startsAt.getTime() !== event.startsAt.getTime() ||
        endsAt.getTime() !== event.endsAt.getTime() ||
        status !== event.status);
    // A new venue must exist; an event that will take place must fit the venue it holds.
    if (holdMoves && (venue !== event.venueSpaceId || HOLDING_STATUSES.has(status))) {
      const title = (values.title ?? event.title).fi ?? '';
      await this.venues.hold(venue, [{ eventId: event.id, startsAt, endsAt }], status, title);
    }
    await this.data.transaction(async ({ eventAdmin }, connection) => {
      await eventAdmin.update(event.id, values, expected);
      if (holdMoves) await this.events.record(connection, venueChanged(event.id, this.now()));
    });
    if (holdMoves) this.events.wake();
    return this.fresh(event.id);
  }

  /** Cancelling is one decision about the event as it is now, whatever its version. */
  cancel(id: string): Promise<Event> {
    return this.update({ id, status: EventStatus.CANCELLED, ...OVERWRITE });
  }

  private async insert(
    input: CreateEventInput,
    times: Array<{ startsAt: Date; endsAt: Date }>,
    series: { frequency: SeriesFrequency; interval: number; occurrences: number } | null,
  ): Promise<string[]> {
    const v = new Validator();
    const title = v.localized('input.title', input.title, { max: 300, required: true });
    const organizerIds = v.ids('input.organizerIds', input.organizerIds) ?? [];
    const serviceAreaIds = v.ids('input.serviceAreaIds', input.serviceAreaIds) ?? [];
    const values = this.checkFields(v, input, input.kind);
    const status = input.status ?? EventStatus.DRAFT;
    if (status !== EventStatus.DRAFT && status !== EventStatus.SCHEDULED) {
      v.problem('input.status', 'NEW_STATUS', 'a new event is DRAFT or SCHEDULED');
    }
    this.checkTimes(v, input.startsAt, input.endsAt, values.registration_closes_at ?? null);
    v.throwIfInvalid();
    requireThat(
      this.identity,
      this.mayManage(input.kind, organizerIds, serviceAreaIds),
      'creating this event (staff of its service areas, or the organising association for a community event)',
    );
    this.checkWhoIsNamed(v, organizerIds, serviceAreaIds);
    v.throwIfInvalid();
    await requireAssociations(this.associations, organizerIds);
    const venue = (values.venue_space_id as string | null | undefined) ?? null;
    // The ids are made here so that the venue can be held for these very events first.
    const occurrences = times.map((time) => ({ ...time, eventId: randomUUID() }));
    await this.venues.hold(venue, occurrences, status, title!.fi ?? '');
    const created = await this.data.transaction(async ({ eventAdmin: repository }, connection) => {
      const seriesId = series
        ? await repository.insertSeries(series, this.identity.subject ?? 'unknown')
        : null;
      const ids: string[] = [];
      for (const { eventId: id, startsAt, endsAt } of occurrences) {
        const row = {
          ...values,
          title: title!,
          kind: input.kind,
          status,
          starts_at: startsAt,
          ends_at: endsAt,
        };
        await repository.insert(id, row, { seriesId, organizerIds, serviceAreaIds });
        if (venue) await this.events.record(connection, venueChanged(id, this.now()));
        ids.push(id);
      }
      return ids;
    });
    if (venue) this.events.wake();
    return created;
  }

  private checkTimes(
    v: Validator,
    startsAt: Date,
    endsAt: Date,
    registrationClosesAt: Date | null,
  ): void {
    if (endsAt <= startsAt)
      v.problem('input.endsAt', 'AFTER_START', 'must be later than the start');
    else if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS)
      v.problem('input.endsAt', 'MAX_LENGTH', 'an event lasts at most 14 days');
    if (registrationClosesAt && registrationClosesAt > startsAt) {
      v.problem(
        'input.registrationClosesAt',
        'BEFORE_START',
        'sign-ups close at the latest when the event starts',
      );
    }
  }

  private checkFields(v: Validator, input: EventFields, kind: EventKind): EventValues {
    const values: EventValues = {};
    const set = <K extends keyof EventValues>(key: K, value: EventValues[K] | undefined) => {
      if (value !== undefined) values[key] = value;
    };
    set(
      'description',
      v.localized('input.description', input.description, { max: 10_000 }) as
        LocalizedText | null | undefined,
    );
    if (input.venueSpaceId !== undefined) {
      set(
        'venue_space_id',
        input.venueSpaceId === null
          ? null
          : (v.ids('input.venueSpaceId', [input.venueSpaceId])?.[0] ?? null),
      );
    }
    if (input.workingGroupId !== undefined) {
      // A reference into the cooperation subgraph: a plain id, resolved by the gateway.
      set(
        'working_group_id',
        input.workingGroupId === null
          ? null
          : (v.ids('input.workingGroupId', [input.workingGroupId])?.[0] ?? null),
      );
      if (input.workingGroupId && kind !== EventKind.WORKING_GROUP) {
        v.problem(
          'input.workingGroupId',
          'KIND',
          'links only WORKING_GROUP events to a working group',
        );
      }
    }
    set('location', v.text('input.location', input.location, { max: 300 }));
    set('online_url', v.url('input.onlineUrl', input.onlineUrl));
    if (input.keywords !== undefined) {
      const keywords = (input.keywords ?? []).map((k) => k.trim().toLowerCase()).filter(Boolean);
      if (keywords.length > 20)
        v.problem('input.keywords', 'MAX_ITEMS', 'must list at most 20 keywords');
      set('keywords', [...new Set(keywords)]);
    }
    set(
      'audience',
      v.localized('input.audience', input.audience, { max: 300 }) as
        LocalizedText | null | undefined,
    );
    set('is_free', input.isFree ?? undefined);
    if (input.materials !== undefined) {
      set(
        'materials',
        (input.materials ?? []).map((m, i) => ({
          title: v.text(`input.materials[${i}].title`, m.title, { max: 200, required: true }) ?? '',
          url: v.url(`input.materials[${i}].url`, m.url) ?? '',
        })),
      );
    }
    set('capacity', v.int('input.capacity', input.capacity, { min: 1, max: 100_000 }));
    set('registration_closes_at', input.registrationClosesAt);
    set('feedback_from_attendees_only', input.feedbackFromAttendeesOnly ?? undefined);
    if (input.notes) {
      if (kind !== EventKind.WORKING_GROUP) {
        v.problem('input.notes', 'KIND', "keeps a WORKING_GROUP meeting's notes only");
      }
      set(
        'notes',
        v.localized('input.notes', input.notes, { max: 50_000 }) as LocalizedText | undefined,
      );
    } else if (input.notes === null) {
      set('notes', null);
    }
    return values;
  }

  /** Whether the caller may manage this event (see mayManage). */
  async isManager(event: Event): Promise<boolean> {
    const [organizers, areas] = await Promise.all([
      this.loaders.organizerIdsOfEvent.load(event.id),
      this.loaders.serviceAreaIdsOfEvent.load(event.id),
    ]);
    return this.mayManage(
      event.kind,
      organizers.map((l) => l.otherId),
      areas.map((l) => l.otherId),
    );
  }

  /** FORBIDDEN unless the caller may manage the event. */
  async requireManager(event: Event, action: string): Promise<void> {
    requireThat(
      this.identity,
      await this.isManager(event),
      `${action} (staff of its service areas, or the organising association for a community event)`,
    );
  }

  private async existing(id: string): Promise<Event> {
    const event = await this.loaders.event.load(id);
    if (!event) throw new NotFoundError('Event', id);
    return event;
  }

  private async fresh(id: string): Promise<Event> {
    this.loaders.event.clear(id);
    return this.existing(id);
  }
}
