import {
  addDays,
  fromHelsinkiLocal,
  helsinkiDate,
  helsinkiMinuteOfDay,
  helsinkiYear,
  isoWeekday,
} from '../subgraphs/core/time';
import { awkwardDays } from '../subgraphs/core/holidays';
import { associationSurveyWindow } from './cooperation';
import { EVENTS } from './data';
import { demoMilestones, demoSignUpTimes, springSignUpsClose } from './events';
import { demoEquipmentLoan, demoSeason } from './facilities';
import { applicationTimeline, demoRounds } from './grants';
import {
  CAFE_OCCURRENCES,
  type DemoBooking,
  demoBookings,
  demoClosedDates,
  demoEventBookings,
  FACILITY_HOURS,
} from './schedule';

/**
 * The demo is written as of the day `npm start` first runs, so it must hold on every day.
 * Here it is planned for every day of 2027 and the leap year 2028 (each Finnish public
 * holiday, both daylight-saving changes and both year ends among them), at three times of
 * day, and checked for what PostgreSQL would refuse or a user would find wrong. The checks
 * read the plan's moments through the product's own Helsinki-time functions, not through
 * the dates the planner worked with. demo-seed.test.ts writes the riskiest days for real.
 */

/** The hall's halves take the whole hall and back: as the facilities schema has them. */
const PARENT: Record<string, string> = {
  'kisapuisto/halli-a': 'kisapuisto/halli',
  'kisapuisto/halli-b': 'kisapuisto/halli',
};
const exclude = (a: string, b: string) => a === b || PARENT[a] === b || PARENT[b] === a;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Why a booking is wrong, or null: a closed day, outside the hours, over midnight. */
function outsideOpening(b: DemoBooking, closed: ReadonlySet<string>): string | null {
  const day = helsinkiDate(b.startsAt);
  if (helsinkiDate(new Date(b.endsAt.getTime() - 1)) !== day) return `${b.id} crosses midnight`;
  if (closed.has(day)) return `${b.space} on closed ${day}`;
  const from = helsinkiMinuteOfDay(b.startsAt);
  const to = helsinkiMinuteOfDay(b.endsAt);
  const open = (FACILITY_HOURS[b.space.split('/')[0]] ?? []).some(
    ([weekday, opens, closes]) =>
      weekday === isoWeekday(day) && minutes(opens) <= from && to <= minutes(closes),
  );
  return open ? null : `${b.space} ${day} ${from}–${to} outside opening hours`;
}

function overlaps(bookings: readonly DemoBooking[]): string[] {
  const found: string[] = [];
  for (const [i, a] of bookings.entries()) {
    for (const b of bookings.slice(i + 1)) {
      if (exclude(a.space, b.space) && a.startsAt < b.endsAt && b.startsAt < a.endsAt) {
        found.push(`${a.space} ${a.startsAt.toISOString()} overlaps ${b.space}`);
      }
    }
  }
  return found;
}

/** Every problem of the demo planned as of `now`; empty when it holds. */
function problemsOn(now: Date): string[] {
  const problems: string[] = [];
  const year = helsinkiYear(now);
  const closed = new Set(demoClosedDates(year));
  const { reservations, cafe } = demoBookings(now);

  const ids = [...reservations, ...cafe].map((b) => b.id);
  if (new Set(ids).size !== ids.length) problems.push('two bookings share an id');
  if (reservations.length !== 4 * 4 + 5) problems.push(`${reservations.length} reservations`);
  if (cafe.length !== CAFE_OCCURRENCES) problems.push(`${cafe.length} cafés`);
  for (const r of reservations) {
    if (r.startsAt <= now) problems.push(`reservation ${r.id} is not in the coming weeks`);
    if (r.startsAt.getTime() > now.getTime() + 70 * 86_400_000) {
      problems.push(`reservation ${r.space} on ${helsinkiDate(r.startsAt)} is too far`);
    }
  }
  if (!cafe.some((c) => c.startsAt > now)) problems.push('no café to come');
  // The association survey is open now and for weeks to come, and closes at a midnight.
  const survey = associationSurveyWindow(now);
  if (!(survey.opensAt < now && survey.closesAt.getTime() > now.getTime() + 28 * 86_400_000)) {
    problems.push('the association survey is not open now and for four weeks');
  }
  if (helsinkiMinuteOfDay(survey.closesAt) !== 0) {
    problems.push(`the association survey closes at ${survey.closesAt.toISOString()}`);
  }
  // Held (not rejected) reservations, the cafés and the fixed events at city spaces.
  const held = [...reservations.filter((r) => r.status !== 'REJECTED'), ...cafe];
  problems.push(...overlaps([...held, ...demoEventBookings()]));
  for (const b of [...reservations, ...cafe]) {
    const wrong = outsideOpening(b, closed);
    if (wrong) problems.push(wrong);
  }

  const season = demoSeason(now);
  if (
    !(season.applicationsOpenAt <= now && now < season.applicationsCloseAt) ||
    helsinkiDate(season.applicationsCloseAt) >= season.startsOn ||
    season.startsOn >= season.endsOn
  ) {
    problems.push('the season is not in order');
  }
  const loan = demoEquipmentLoan(now);
  if (!(now < loan.startsAt && loan.startsAt < loan.endsAt)) problems.push('the loan is wrong');
  if (closed.has(helsinkiDate(loan.startsAt))) problems.push('tents picked up on a closed day');

  const rounds = demoRounds(now);
  if (new Set(rounds.map((r) => r.id)).size !== rounds.length) problems.push('round ids repeat');
  const open = rounds.filter((r) => r.opensAt <= now && now < r.closesAt && !r.continuous);
  if (!open.some((r) => r.program === 'culture-project')) problems.push('no open project round');
  for (const r of rounds) {
    if (!(r.opensAt < r.closesAt && r.closesAt < r.decisionExpectedAt)) {
      problems.push(`round ${r.program}/${r.year} window out of order`);
    }
    if (r.year < year - 2 || r.year > year) problems.push(`round ${r.program}: year ${r.year}`);
    for (const a of r.applications) {
      const t = applicationTimeline(r, a, now);
      const times = t.history.map((h) => h.at.getTime());
      if (times.some((at, i) => at > now.getTime() || (i > 0 && at < times[i - 1]))) {
        problems.push(`${a.title}: history out of order or in the future`);
      }
      const steps = [t.submittedAt, t.decidedAt, t.paidAt].filter((x): x is Date => x !== null);
      if (steps.some((at, i) => at > now || (i > 0 && at < steps[i - 1]))) {
        problems.push(`${a.title}: submitted, decided, paid out of order`);
      }
      if (t.submittedAt && (t.submittedAt < r.opensAt || t.submittedAt > r.closesAt)) {
        problems.push(`${a.title}: submitted outside its round`);
      }
    }
  }

  const milestones = demoMilestones(year);
  for (const y of [year, year + 1]) {
    const inYear = milestones.filter((m) => m.startsOn.startsWith(`${y}-`));
    if (inYear.length !== 4) problems.push(`${inYear.length} milestones in ${y}`);
  }
  for (const m of milestones) {
    if (m.startsOn > m.endsOn || m.endsOn.slice(0, 4) !== m.startsOn.slice(0, 4)) {
      problems.push(`milestone ${m.title} leaves its year`);
    }
  }
  if (new Set(milestones.map((m) => m.id)).size !== milestones.length) {
    problems.push('milestone ids repeat');
  }
  // Sign-ups before now and before they closed, which is before the evening.
  const closes = springSignUpsClose();
  const spring = EVENTS.find((e) => e.key === 'yhdistysilta-kevat')!;
  if (!(closes < fromHelsinkiLocal(spring.starts)))
    problems.push('sign-ups close after the evening');
  for (const at of demoSignUpTimes(now)) {
    if (at > now || at > closes)
      problems.push(`a sign-up at ${at.toISOString()} after the deadline`);
  }
  return problems;
}

/** Every day from `first` to `last` at noon, and the year's awkward days round the clock. */
function moments(first: string, last: string): Date[] {
  const all: Date[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    all.push(fromHelsinkiLocal(`${day}T12:00`));
  }
  const years = [Number(first.slice(0, 4)), Number(last.slice(0, 4))];
  for (const day of [...new Set(years)].flatMap(awkwardDays)) {
    for (const time of ['00:00', '00:30', '03:30', '23:30', '23:59']) {
      all.push(fromHelsinkiLocal(`${day}T${time}`));
    }
  }
  return all;
}

describe('the demo, planned for every day', () => {
  it('holds on every day of 2027 and 2028, and round the clock on holidays, DST changes and year ends', () => {
    const failures: string[] = [];
    for (const now of moments('2027-01-01', '2028-12-31')) {
      for (const problem of problemsOn(now)) failures.push(`${now.toISOString()}: ${problem}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('holds on the days that broke it and on the awkward days of 2026', () => {
    const days = [
      '2026-12-06T09:00', // Independence Day: the first week's Sunday went a week on, onto the next
      '2026-11-29T12:00',
      '2026-12-20T12:00',
      '2026-12-24T12:00',
      '2026-12-31T23:59',
      '2026-03-29T03:30', // the hour that does not exist in Helsinki: 03:00 became 04:00
      '2026-10-25T03:30', // the hour that happens twice
    ];
    for (const local of days) {
      expect({ at: local, problems: problemsOn(fromHelsinkiLocal(local)) }).toEqual({
        at: local,
        problems: [],
      });
    }
  });

  it('finds an overlap and a closed day when there is one (the checks can fail)', () => {
    const now = fromHelsinkiLocal('2026-12-01T12:00');
    const [first] = demoBookings(now).reservations;
    const twice = [first, { ...first, id: 'copy' }];
    expect(overlaps(twice)).toHaveLength(1);
    const onHoliday = {
      ...first,
      startsAt: fromHelsinkiLocal(`2026-12-24T${first.from}`),
      endsAt: fromHelsinkiLocal(`2026-12-24T${first.to}`),
    };
    expect(outsideOpening(onHoliday, new Set(demoClosedDates(2026)))).toMatch(/closed 2026-12-24/);
    const night = {
      ...first,
      startsAt: fromHelsinkiLocal('2026-12-02T22:00'),
      endsAt: fromHelsinkiLocal('2026-12-02T23:00'),
    };
    expect(outsideOpening(night, new Set())).toMatch(/outside opening hours/);
  });

  it('keeps the fixed events out of the weekly series: the choir gives way to the spring evening', () => {
    // 16 March 2027 is a Tuesday, the choir's evening, and the spring association evening
    // holds the hall from 17:00.
    const spring = EVENTS.find((e) => e.key === 'yhdistysilta-kevat')!;
    expect(spring.starts).toBe('2027-03-16T17:00');
    const { reservations } = demoBookings(fromHelsinkiLocal('2027-03-01T12:00'));
    const choir = reservations.filter((r) => r.purpose === 'Kuoroharjoitus').map((r) => r.date);
    expect(choir).toEqual(['2027-03-02', '2027-03-09', '2027-03-23', '2027-03-30']);
  });
});
