import type { PublicGraph } from '../../core/public-graph';
import { helsinkiDaysBefore, helsinkiYear } from '../../core/time';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { CommunicationsData } from '../communications.repositories';
import { Topic } from '../announcement/announcement.enums';
import { DeliveryKind } from '../delivery/delivery.enums';
import type { JobQueue } from '../delivery/job-queue';
import type { Deadline } from '../delivery/messages';
import type { NotificationSubscription } from '../subscription/subscription.entity';

/**
 * The deadlines are owned by grants, facilities, events and cooperation; this subgraph
 * reads them through the public graph, where the cooperation calendar already gathers
 * them, instead of reading their tables or asking each to publish changes. (Why the graph:
 * it is one query, it sees exactly what the public sees, and a subgraph that is down
 * costs a delayed reminder, not a wrong one.)
 */
const DEADLINES = `query ReminderDeadlines($year: Int!) {
  calendar(year: $year) {
    applicationRounds { id closesAt name { fi sv en } program { name { fi sv en } serviceArea { id } } }
    bookingSeasons { id applicationsCloseAt name { fi sv en } serviceArea { id } }
    surveys { id closesAt status title { fi sv en } serviceAreas { id } }
    events { id kind status startsAt title { fi sv en } registration { closesAt } serviceAreas { id } series { id } }
  }
}`;

interface CalendarDeadlines {
  calendar: {
    applicationRounds: Array<{
      id: string;
      closesAt: string;
      name: LocalizedText | null;
      program: { name: LocalizedText; serviceArea: { id: string } | null };
    }> | null;
    bookingSeasons: Array<{
      id: string;
      applicationsCloseAt: string;
      name: LocalizedText;
      serviceArea: { id: string } | null;
    }> | null;
    surveys: Array<{
      id: string;
      closesAt: string;
      status: string;
      title: LocalizedText;
      serviceAreas: Array<{ id: string }>;
    }> | null;
    events: Array<{
      id: string;
      kind: string;
      status: string;
      startsAt: string;
      title: LocalizedText;
      registration: { closesAt: string | null } | null;
      serviceAreas: Array<{ id: string }>;
      series: { id: string } | null;
    }>;
  };
}

/**
 * An association's own event (COMMUNITY_EVENT) is its news to give, not the city's: its
 * sign-up deadline is never mailed to every subscriber of events (issue 29: one
 * representative's weekly event series mailed everyone 208 times).
 */
const CITY_EVENT_KINDS = new Set([
  'ASSOCIATION_EVENING',
  'FORUM',
  'EVENT_INFO',
  'WORKING_GROUP',
  'WORKSHOP',
  'JOINT_EVENT',
]);

/** The deadlines of two calendar years, with the topic each belongs to. */
export async function readDeadlines(
  graph: PublicGraph,
  now: Date,
): Promise<Array<{ topic: Topic; deadline: Deadline }>> {
  return (await readCalendar(graph, now)).deadlines;
}

/**
 * The calendar of this year and the next as the reminders read it: the deadlines, and the
 * events still to start (kind `event-start`, `closesAt` the start), whose reminders go only
 * to their own enrolled associations.
 */
export async function readCalendar(
  graph: PublicGraph,
  now: Date,
): Promise<{ deadlines: Array<{ topic: Topic; deadline: Deadline }>; starts: Deadline[] }> {
  const year = helsinkiYear(now);
  const result: Array<{ topic: Topic; deadline: Deadline }> = [];
  const starts = new Map<string, Deadline>();
  const seen = new Set<string>();
  const add = (topic: Topic, deadline: Deadline) => {
    const key = `${deadline.kind}:${deadline.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ topic, deadline });
  };
  for (const y of [year, year + 1]) {
    const { calendar } = await graph.query<CalendarDeadlines>(DEADLINES, { year: y });
    for (const r of calendar.applicationRounds ?? []) {
      const program = r.program.name;
      add(Topic.GRANTS, {
        kind: 'round',
        id: r.id,
        title: {
          fi: `Avustushaku: ${program.fi ?? ''}`,
          sv: program.sv ? `Bidragsansökan: ${program.sv}` : undefined,
          en: program.en ? `Grant round: ${program.en}` : undefined,
        },
        closesAt: r.closesAt,
        serviceAreaIds: r.program.serviceArea ? [r.program.serviceArea.id] : [],
      });
    }
    for (const s of calendar.bookingSeasons ?? []) {
      add(Topic.SPACES, {
        kind: 'season',
        id: s.id,
        title: {
          fi: `Kausivuorojen haku: ${s.name.fi ?? ''}`,
          sv: s.name.sv ? `Ansökan om säsongsturer: ${s.name.sv}` : undefined,
          en: s.name.en ? `Seasonal slots: ${s.name.en}` : undefined,
        },
        closesAt: s.applicationsCloseAt,
        serviceAreaIds: s.serviceArea ? [s.serviceArea.id] : [],
      });
    }
    for (const s of calendar.surveys ?? []) {
      if (s.status !== 'OPEN') continue;
      add(Topic.SURVEYS, {
        kind: 'survey',
        id: s.id,
        title: s.title,
        closesAt: s.closesAt,
        serviceAreaIds: s.serviceAreas.map((a) => a.id),
      });
    }
    for (const e of calendar.events) {
      if (e.status !== 'CANCELLED' && new Date(e.startsAt) > now) {
        starts.set(e.id, {
          kind: 'event-start',
          id: e.id,
          title: e.title,
          closesAt: e.startsAt,
          serviceAreaIds: e.serviceAreas.map((a) => a.id),
        });
      }
      if (!e.registration?.closesAt || e.status === 'CANCELLED') continue;
      if (!CITY_EVENT_KINDS.has(e.kind)) continue;
      // The occurrences of a series that close at the same moment are one deadline.
      const id = e.series ? `${e.series.id}@${e.registration.closesAt}` : e.id;
      add(Topic.EVENTS, {
        kind: e.series ? 'series' : 'event',
        id,
        title: {
          fi: `Ilmoittautuminen: ${e.title.fi ?? ''}`,
          sv: e.title.sv ? `Anmälan: ${e.title.sv}` : undefined,
          en: e.title.en ? `Sign-up: ${e.title.en}` : undefined,
        },
        closesAt: e.registration.closesAt,
        serviceAreaIds: e.serviceAreas.map((a) => a.id),
      });
    }
  }
  return { deadlines: result, starts: [...starts.values()] };
}

/**
 * The reminder that is due for a deadline now: the nearest offset whose day has come. A
 * hub that was down through the 14-day mark sends the 3-day one only, not both at once.
 */
export function dueOffset(closesAt: Date, now: Date, offsets: readonly number[]): number | null {
  if (closesAt <= now) return null;
  // Calendar days in Helsinki: "3 days before 16:00" is 16:00, also across a DST change.
  const due = offsets.filter((days) => now >= helsinkiDaysBefore(closesAt, days));
  return due.length ? Math.min(...due) : null;
}

/** A deadline for some areas concerns their subscribers and those who want everything. */
export function concerns(deadline: Deadline, s: NotificationSubscription): boolean {
  if (deadline.serviceAreaIds.length === 0 || s.everyone) return true;
  return s.serviceAreaIds.some((id) => deadline.serviceAreaIds.includes(id));
}

/**
 * Timed reminders: for each deadline whose reminder is due, a delivery to each confirmed
 * subscription of its topic that it concerns. The delivery's key names the deadline and
 * the offset, so each reminder goes once per subscription whichever replica runs the job
 * and however often.
 */
export class ReminderService {
  constructor(
    private readonly data: Pick<CommunicationsData, 'repositories' | 'transaction'>,
    private readonly graph: PublicGraph,
    private readonly queue: JobQueue,
    private readonly offsets: readonly number[],
    /** Days before an event starts that its enrolled associations are reminded. */
    private readonly startOffsets: readonly number[] = [1],
  ) {}

  async run(now = new Date()): Promise<number> {
    const { deadlines, starts } = await readCalendar(this.graph, now);
    const subscriptions = await this.data.repositories.subscriptions.liveOfTopics(
      Object.values(Topic),
    );
    let queued = 0;
    for (const { topic, deadline } of deadlines) {
      const days = dueOffset(new Date(deadline.closesAt), now, this.offsets);
      if (days === null) continue;
      const targets = subscriptions
        .filter((s) => s.topics.includes(topic) && concerns(deadline, s))
        .map((s) => s.id);
      if (targets.length === 0) continue;
      queued += await this.data.transaction(async ({ deliveries, connection }) => {
        const ids = await deliveries.insertMany(
          targets,
          DeliveryKind.REMINDER,
          `${deadline.kind}:${deadline.id}:${days}`,
          { deadline, days },
        );
        await this.queue.deliver(ids, connection);
        return ids.length;
      });
    }
    return queued + (await this.remindSignedUp(starts, now));
  }

  /**
   * An event about to start, told to its own enrolled associations (issue 29, item 5): their
   * contact persons and the subscriptions made for them with the EVENTS topic. A community
   * event's start is its association's news: never mailed to every subscriber of events.
   */
  private async remindSignedUp(starts: readonly Deadline[], now: Date): Promise<number> {
    const due = starts.flatMap((start) => {
      const days = dueOffset(new Date(start.closesAt), now, this.startOffsets);
      return days === null ? [] : [{ start, days }];
    });
    if (due.length === 0) return 0;
    const { signUps, subscriptions } = this.data.repositories;
    const enrolled = await signUps.enrolledIn(due.map((d) => d.start.id));
    const associations = [...new Set([...enrolled.values()].flat())];
    if (associations.length === 0) return 0;
    const followers = await subscriptions.ofAssociations(associations, Topic.EVENTS);
    let queued = 0;
    for (const { start, days } of due) {
      const theirs = new Set(enrolled.get(start.id) ?? []);
      const targets = followers.filter((f) => theirs.has(f.associationId)).map((f) => f.id);
      if (targets.length === 0) continue;
      queued += await this.data.transaction(async ({ deliveries, connection }) => {
        const ids = await deliveries.insertMany(
          targets,
          DeliveryKind.REMINDER,
          `starts:${start.id}:${days}`,
          { deadline: start, days },
        );
        await this.queue.deliver(ids, connection);
        return ids.length;
      });
    }
    return queued;
  }
}
