import { addDays, fromHelsinkiLocal, helsinkiDate, isoWeekday } from '../subgraphs/core/time';
import { EVENTS, type DemoEvent } from './data';
import { demoId } from './ids';

/**
 * Everything in the demo that is booked at a time relative to the day it is written: the
 * reservations of the coming weeks and the weekly open café. Planned here, as plain data
 * from `now`, so that one test can plan the demo for every day of two years and check
 * what PostgreSQL would refuse or a user would find wrong; the seeds only write the plan.
 *
 * Rules of the plan, the same a booking clerk follows: nothing on a day the building is
 * closed, nothing outside its opening hours, and nothing on top of what already holds the
 * space (the demo's fixed events first, then the reservations, then the café), the split
 * hall's halves counting as the whole hall. A weekly series passes over a week it cannot
 * have and still gets its number of occurrences, as a real series with exceptions would.
 */

/** Opening hours by facility: [ISO weekday, opens, closes] in Helsinki time. */
export type WeeklyHours = ReadonlyArray<readonly [number, string, string]>;

const WEEKDAYS_8_21 = [1, 2, 3, 4, 5].map((d) => [d, '08:00', '21:00'] as const);
const WEEKENDS_10_16 = [6, 7].map((d) => [d, '10:00', '16:00'] as const);

export const FACILITY_HOURS: Readonly<Record<string, WeeklyHours>> = {
  'kirkkokatu-monitoimitalo': [...WEEKDAYS_8_21, ...WEEKENDS_10_16],
  paakirjasto: [
    ...[1, 2, 3, 4, 5].map((d) => [d, '09:00', '20:00'] as const),
    [6, '10:00', '16:00'],
  ],
  'nuorisotalo-kolmio': [1, 2, 3, 4, 5].map((d) => [d, '12:00', '21:00'] as const),
  kisapuisto: [1, 2, 3, 4, 5, 6, 7].map((d) => [d, '07:00', '22:00'] as const),
  'hollola-monari': [...WEEKDAYS_8_21, ...WEEKENDS_10_16],
  'heinola-kylpylä': [1, 2, 3, 4].map((d) => [d, '08:00', '20:00'] as const),
  'orimattila-nuorisotalo': [1, 2, 3, 4, 5].map((d) => [d, '13:00', '21:00'] as const),
};

/** Month-days every demo facility is closed: Independence Day and Christmas Eve. */
const CLOSED_MONTH_DAYS = ['12-06', '12-24'];

/** The closed dates written for the demo: this year's and next year's. */
export function demoClosedDates(year: number): string[] {
  return [year, year + 1].flatMap((y) => CLOSED_MONTH_DAYS.map((md) => `${y}-${md}`));
}

/** Whether every demo facility is closed on a date. */
export function isDemoClosedDay(date: string): boolean {
  return CLOSED_MONTH_DAYS.includes(date.slice(5));
}

/** A space of the demo, "facility/space"; the split hall's halves name their whole. */
export type SpacePath = string;

/** The spaces whose bookings exclude each other: the hall and its halves, else itself. */
export function conflictingSpaces(path: SpacePath): SpacePath[] {
  if (path === 'kisapuisto/halli') return [path, 'kisapuisto/halli-a', 'kisapuisto/halli-b'];
  if (path === 'kisapuisto/halli-a' || path === 'kisapuisto/halli-b') {
    return [path, 'kisapuisto/halli'];
  }
  return [path];
}

/** Whether [from, to) on a date lies inside the facility's opening hours of that weekday. */
export function insideDemoHours(path: SpacePath, date: string, from: string, to: string): boolean {
  const hours = FACILITY_HOURS[path.split('/')[0]] ?? [];
  return hours.some(([weekday, opens, closes]) => {
    return weekday === isoWeekday(date) && opens <= from && to <= closes;
  });
}

export interface DemoBooking {
  id: string;
  space: SpacePath;
  /** Helsinki date and wall-clock times. */
  date: string;
  from: string;
  to: string;
  startsAt: Date;
  endsAt: Date;
}

export interface DemoReservation extends DemoBooking {
  association: string;
  status: 'CONFIRMED' | 'REQUESTED' | 'REJECTED';
  purpose: string;
}

export interface DemoCafe extends DemoBooking {
  /** 0 … 11, the occurrence's place in its series. */
  occurrence: number;
}

export interface DemoBookings {
  /** The Helsinki date of `now`. */
  today: string;
  reservations: DemoReservation[];
  cafe: DemoCafe[];
}

function booking(id: string, space: SpacePath, date: string, from: string, to: string) {
  return {
    id,
    space,
    date,
    from,
    to,
    startsAt: fromHelsinkiLocal(`${date}T${from}`),
    endsAt: fromHelsinkiLocal(`${date}T${to}`),
  };
}

/** The demo's fixed events at a city space, as bookings. */
export function demoEventBookings(events: readonly DemoEvent[] = EVENTS): DemoBooking[] {
  return events.flatMap((e) => {
    if (!e.venue || e.status === 'CANCELLED') return [];
    const startsAt = fromHelsinkiLocal(e.starts);
    const endsAt = new Date(startsAt.getTime() + e.hours * 3_600_000);
    const [date, from] = e.starts.split('T');
    const to = new Date(Date.parse(`${e.starts}Z`) + e.hours * 3_600_000).toISOString();
    return [
      { ...booking(e.key, e.venue.join('/'), date, from, to.slice(11, 16)), startsAt, endsAt },
    ];
  });
}

/** Whether a booking overlaps one of `taken` in the same space, a half or its whole. */
export function overlapsAny(b: DemoBooking, taken: readonly DemoBooking[]): boolean {
  const spaces = conflictingSpaces(b.space);
  return taken.some(
    (t) => spaces.includes(t.space) && t.startsAt < b.endsAt && b.startsAt < t.endsAt,
  );
}

/** The first date after `today` on an ISO weekday, `weeks` weeks further on. */
export function weekdayAfter(today: string, weekday: number, weeks = 0): string {
  return addDays(today, ((weekday - isoWeekday(today) + 7) % 7 || 7) + 7 * weeks);
}

/**
 * The given weekday (1 = Monday) after `today`, `weeks` further on, moved a week later while
 * the demo facilities are closed that day. For tests that need a day the demo holds open.
 */
export function upcomingWeekday(today: string, weekday: number, weeks = 0): string {
  let date = weekdayAfter(today, weekday, weeks);
  while (isDemoClosedDay(date)) date = addDays(date, 7);
  return date;
}

interface SeriesSpec {
  space: SpacePath;
  association: string;
  weekday: number;
  from: string;
  to: string;
  purpose: string;
}

/** Four weeks of regular evenings, with free time left around them. */
const WEEKLY: SeriesSpec[] = [
  {
    space: 'kirkkokatu-monitoimitalo/sali',
    association: 'lahden-kuorolaiset',
    weekday: 2,
    from: '17:00',
    to: '19:00',
    purpose: 'Kuoroharjoitus',
  },
  {
    space: 'kisapuisto/halli-a',
    association: 'lahden-ladies-floorball',
    weekday: 1,
    from: '18:00',
    to: '20:00',
    purpose: 'Salibandyharjoitus',
  },
  {
    space: 'kisapuisto/halli',
    association: 'lahden-urheiluseura',
    weekday: 4,
    from: '17:00',
    to: '19:00',
    purpose: 'Lasten liikuntakerho',
  },
  {
    space: 'nuorisotalo-kolmio/bandikämppä',
    association: 'orimattila-youth-band',
    weekday: 3,
    from: '16:00',
    to: '18:00',
    purpose: 'Bänditreenit',
  },
];
const WEEKLY_OCCURRENCES = 4;

/** Single requests and decisions, each in a given week from today. */
const SINGLE: Array<SeriesSpec & { status: DemoReservation['status']; week: number }> = [
  {
    space: 'kirkkokatu-monitoimitalo/keittio',
    association: 'orimattilan-marttayhdistys',
    status: 'REQUESTED',
    weekday: 6,
    from: '10:00',
    to: '13:00',
    purpose: 'Kokkikurssi',
    week: 1,
  },
  {
    space: 'paakirjasto/ryhmatila',
    association: 'lahden-shakki',
    status: 'REQUESTED',
    weekday: 3,
    from: '17:00',
    to: '19:00',
    purpose: 'Shakkikerho',
    week: 0,
  },
  {
    space: 'kirkkokatu-monitoimitalo/kokoushuone',
    association: 'lahden-mielenterveysseura',
    status: 'CONFIRMED',
    weekday: 5,
    from: '12:00',
    to: '14:00',
    purpose: 'Vertaistukiryhmä',
    week: 0,
  },
  {
    space: 'hollola-monari/sali',
    association: 'hollolan-kotiseutu',
    status: 'CONFIRMED',
    weekday: 6,
    from: '12:00',
    to: '16:00',
    purpose: 'Kotiseutujuhla',
    week: 2,
  },
  {
    space: 'kisapuisto/kentta',
    association: 'lahden-urheiluseura',
    status: 'REJECTED',
    weekday: 7,
    from: '10:00',
    to: '12:00',
    purpose: 'Harjoitusottelu',
    week: 1,
  },
];

const CAFE_SPACE: SpacePath = 'kirkkokatu-monitoimitalo/kokoushuone';
export const CAFE_OCCURRENCES = 12;

/**
 * The first `count` dates of a weekday from `first` on, a week apart, that the space can
 * have: open that day, inside its hours, free of everything in `taken`. Bounded: a year of
 * weeks is far more than any demo series needs.
 */
function plan(
  first: string,
  count: number,
  make: (date: string, n: number) => DemoBooking,
  taken: readonly DemoBooking[],
): DemoBooking[] {
  const made: DemoBooking[] = [];
  for (let week = 0; made.length < count && week < 52; week++) {
    const date = addDays(first, 7 * week);
    const candidate = make(date, made.length);
    if (isDemoClosedDay(date)) continue;
    if (!insideDemoHours(candidate.space, date, candidate.from, candidate.to)) continue;
    if (overlapsAny(candidate, [...taken, ...made])) continue;
    made.push(candidate);
  }
  return made;
}

/** What the demo books, planned from `now`: see the module's comment for the rules. */
export function demoBookings(now: Date): DemoBookings {
  const today = helsinkiDate(now);
  const taken: DemoBooking[] = demoEventBookings();
  const reservations: DemoReservation[] = [];
  const reserve = (
    spec: SeriesSpec & { status: DemoReservation['status'] },
    first: string,
    count: number,
  ) => {
    const made = plan(
      first,
      count,
      (date) => ({
        ...booking(
          demoId('reservation', `${spec.space}/${date}`),
          spec.space,
          date,
          spec.from,
          spec.to,
        ),
        association: spec.association,
        status: spec.status,
        purpose: spec.purpose,
      }),
      taken,
    ) as DemoReservation[];
    reservations.push(...made);
    taken.push(...made);
  };
  for (const spec of WEEKLY) {
    reserve(
      { ...spec, status: 'CONFIRMED' },
      weekdayAfter(today, spec.weekday),
      WEEKLY_OCCURRENCES,
    );
  }
  for (const spec of SINGLE) reserve(spec, weekdayAfter(today, spec.weekday, spec.week), 1);

  // The weekly open café, from three days ago: every week has one, the past ones too.
  const cafe = plan(
    addDays(today, -3),
    CAFE_OCCURRENCES,
    (date, n) => ({
      ...booking(demoId('event', `avoin-kahvila/${n}`), CAFE_SPACE, date, '14:00', '16:00'),
      occurrence: n,
    }),
    taken,
  ) as DemoCafe[];
  return { today, reservations, cafe };
}
