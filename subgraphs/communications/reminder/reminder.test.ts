import { fromHelsinkiLocal } from '../../core/time';
import type { PublicGraph } from '../../core/public-graph';
import type { NotificationSubscription } from '../subscription/subscription.entity';
import { concerns, dueOffset, readDeadlines } from './reminder.service';

const DAY = 86_400_000;
const now = new Date('2027-03-10T10:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * DAY).toISOString();

/** One calendar year as the graph answers it: a deadline of each kind, and some that are none. */
const graph: PublicGraph = {
  async query<T>(_document: string, variables?: Record<string, unknown>): Promise<T> {
    const calendar =
      variables?.year === 2027
        ? {
            applicationRounds: [
              {
                id: 'r1',
                closesAt: inDays(3),
                name: null,
                program: { name: { fi: 'Toiminta-avustus' }, serviceArea: { id: 'sports' } },
              },
            ],
            bookingSeasons: [
              {
                id: 's1',
                applicationsCloseAt: inDays(14),
                name: { fi: 'Syyskausi' },
                serviceArea: null,
              },
            ],
            surveys: [
              {
                id: 'k1',
                closesAt: inDays(2),
                status: 'OPEN',
                title: { fi: 'Yhdistyskysely' },
                serviceAreas: [],
              },
              {
                id: 'k2',
                closesAt: inDays(2),
                status: 'CLOSED',
                title: { fi: 'Suljettu' },
                serviceAreas: [],
              },
            ],
            events: [
              {
                id: 'e1',
                kind: 'ASSOCIATION_EVENING',
                status: 'SCHEDULED',
                title: { fi: 'Yhdistysilta' },
                registration: { closesAt: inDays(1) },
                serviceAreas: [{ id: 'culture' }],
                series: null,
              },
              {
                id: 'e2',
                kind: 'FORUM',
                status: 'CANCELLED',
                title: { fi: 'Peruttu' },
                registration: { closesAt: inDays(1) },
                serviceAreas: [],
                series: null,
              },
              {
                id: 'e3',
                kind: 'WORKSHOP',
                status: 'SCHEDULED',
                title: { fi: 'Ilman ilmoittautumista' },
                registration: null,
                serviceAreas: [],
                series: null,
              },
              // A representative's weekly event with a sign-up: the association's news,
              // not the city's, so no reminder to every subscriber of events.
              {
                id: 'e4',
                kind: 'COMMUNITY_EVENT',
                status: 'SCHEDULED',
                title: { fi: 'Seuran oma ilta' },
                registration: { closesAt: inDays(1) },
                serviceAreas: [],
                series: null,
              },
              // Two occurrences of the city's workshop series closing at one moment: one
              // deadline, one reminder; a third closing later is a deadline of its own.
              ...[inDays(2), inDays(2), inDays(9)].map((closesAt, n) => ({
                id: `w${n}`,
                kind: 'WORKSHOP',
                status: 'SCHEDULED',
                title: { fi: 'Työpaja' },
                registration: { closesAt },
                serviceAreas: [],
                series: { id: 'ws' },
              })),
            ],
          }
        : { applicationRounds: null, bookingSeasons: [], surveys: null, events: [] };
    return { calendar } as T;
  },
};

describe('reminders', () => {
  it('reads a deadline of each kind from the calendar, leaving out closed surveys, cancelled events, events without sign-up and associations’ own events, with one deadline per series and closing time', async () => {
    const deadlines = await readDeadlines(graph, now);
    expect(
      deadlines.map((d) => [d.topic, d.deadline.kind, d.deadline.id, d.deadline.title.fi]),
    ).toEqual([
      ['GRANTS', 'round', 'r1', 'Avustushaku: Toiminta-avustus'],
      ['SPACES', 'season', 's1', 'Kausivuorojen haku: Syyskausi'],
      ['SURVEYS', 'survey', 'k1', 'Yhdistyskysely'],
      ['EVENTS', 'event', 'e1', 'Ilmoittautuminen: Yhdistysilta'],
      ['EVENTS', 'series', `ws@${inDays(2)}`, 'Ilmoittautuminen: Työpaja'],
      ['EVENTS', 'series', `ws@${inDays(9)}`, 'Ilmoittautuminen: Työpaja'],
    ]);
  });

  it('is due at the nearest offset whose day has come, and not after the deadline', () => {
    const offsets = [14, 3];
    expect(dueOffset(new Date(inDays(20)), now, offsets)).toBeNull();
    expect(dueOffset(new Date(inDays(14)), now, offsets)).toBe(14);
    expect(dueOffset(new Date(inDays(10)), now, offsets)).toBe(14);
    // Down through the 14-day mark: only the 3-day reminder, not both.
    expect(dueOffset(new Date(inDays(2)), now, offsets)).toBe(3);
    expect(dueOffset(new Date(inDays(-1)), now, offsets)).toBeNull();
  });

  it('counts Helsinki calendar days across a daylight-saving change: 16:00 three days before 16:00', () => {
    const offsets = [14, 3];
    // Spring: the deadline is in summer time (+03), three days before is winter time (+02).
    const spring = fromHelsinkiLocal('2027-03-30T16:00');
    expect(dueOffset(spring, fromHelsinkiLocal('2027-03-27T15:30'), offsets)).toBe(14);
    expect(dueOffset(spring, fromHelsinkiLocal('2027-03-27T16:00'), offsets)).toBe(3);
    // Autumn: the other way round, where 72 hours would say 17:00.
    const autumn = fromHelsinkiLocal('2027-11-02T16:00');
    expect(dueOffset(autumn, fromHelsinkiLocal('2027-10-30T16:30'), offsets)).toBe(3);
    // A deadline on the night of the change itself, and the 14-day mark before it.
    const onTheNight = fromHelsinkiLocal('2027-10-31T12:00');
    expect(dueOffset(onTheNight, fromHelsinkiLocal('2027-10-17T11:59'), offsets)).toBeNull();
    expect(dueOffset(onTheNight, fromHelsinkiLocal('2027-10-17T12:00'), offsets)).toBe(14);
    expect(dueOffset(onTheNight, fromHelsinkiLocal('2027-10-28T12:00'), offsets)).toBe(3);
  });

  it('concerns the subscribers of its areas and those who want everything; a city-wide one concerns all', () => {
    const subscriber = (everyone: boolean, serviceAreaIds: string[]) =>
      ({ everyone, serviceAreaIds }) as NotificationSubscription;
    const sports = {
      kind: 'round',
      id: 'r1',
      title: { fi: 'x' },
      closesAt: inDays(3),
      serviceAreaIds: ['sports'],
    };
    expect(concerns(sports, subscriber(false, ['sports', 'youth']))).toBe(true);
    expect(concerns(sports, subscriber(false, ['culture']))).toBe(false);
    expect(concerns(sports, subscriber(true, []))).toBe(true);
    expect(concerns({ ...sports, serviceAreaIds: [] }, subscriber(false, ['culture']))).toBe(true);
  });
});
