import { randomUUID } from 'node:crypto';
import { fromHelsinkiLocal } from '../../core/time';
import type { PublicGraph } from '../../core/public-graph';
import { eventsSubgraph } from '../events.subgraph';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const SERIES = `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }`;

interface Call {
  document: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/**
 * The events subgraph's side of an event holding its venue (issue 29, item 2), with the
 * facilities subgraph stood in by a graph that answers `holdVenue` as told: the hold is asked
 * before anything is written, with the caller's own token, once for a whole series, and each
 * outcome becomes the caller's answer (CONFLICT for a lost race) with nothing written unless
 * the venue is held.
 */
describe('an event asks the facilities subgraph to hold its venue before it is written', () => {
  let subgraph: TestSubgraph;
  const calls: Call[] = [];
  let answer: Record<string, unknown> = {};
  const graph: PublicGraph = {
    query: <T>(
      document: string,
      variables: Record<string, unknown> = {},
      as: { authorization?: string } = {},
    ) => {
      calls.push({ document, variables, authorization: as.authorization });
      return Promise.resolve(answer as T);
    },
  };
  const areaId = randomUUID();
  const venue = randomUUID();
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph, { graph });
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    calls.length = 0;
  });

  const input = (title: string, status = 'SCHEDULED') => ({
    title: { fi: title },
    kind: 'ASSOCIATION_EVENING',
    status,
    serviceAreaIds: [areaId],
    venueSpaceId: venue,
    startsAt: fromHelsinkiLocal('2027-03-10T18:00').toISOString(),
    endsAt: fromHelsinkiLocal('2027-03-10T20:00').toISOString(),
  });
  const written = async (title: string) => {
    const [{ n }] = await subgraph.db.query(
      `SELECT count(*)::int AS n FROM events.event WHERE title->>'fi' = $1`,
      [title],
    );
    return n as number;
  };
  it('holds with the caller’s token and writes the event under the id it held for', async () => {
    answer = { holdVenue: { outcome: 'HELD', occurrences: [] } };
    const created = await subgraph.request<{ createEvent: { id: string } }>(
      CREATE,
      { input: input('Pidetty ilta') },
      staff,
    );
    expect(created.errors).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0].document).toMatch(/holdVenue/);
    expect(calls[0].authorization).toBe(`Bearer ${staff}`);
    const asked = calls[0].variables.input as {
      spaceId: string;
      occurrences: Array<{ eventId: string }>;
    };
    expect(asked.spaceId).toBe(venue);
    expect(asked.occurrences.map((o) => o.eventId)).toEqual([created.data!.createEvent.id]);
  });

  it('answers a race lost at the facilities’ constraint with CONFLICT, and writes nothing', async () => {
    answer = { holdVenue: { outcome: 'TAKEN_MEANWHILE', occurrences: [] } };
    const lost = await subgraph.request(CREATE, { input: input('Hävinnyt ilta') }, staff);
    expect(errorCodes(lost)).toEqual(['CONFLICT']);
    expect(lost.errors[0].message).toMatch(/^input\.venueSpaceId: /);
    expect(await written('Hävinnyt ilta')).toBe(0);
  });

  it('names each occurrence that does not fit, and writes none of the series', async () => {
    answer = {
      holdVenue: {
        outcome: 'DOES_NOT_FIT',
        occurrences: [
          { check: { fits: true, closedOn: [], outsideOpeningHours: false, clashes: [] } },
          {
            check: {
              fits: false,
              closedOn: ['2027-03-24'],
              outsideOpeningHours: false,
              clashes: [],
            },
          },
          { check: { fits: true, closedOn: [], outsideOpeningHours: false, clashes: [] } },
        ],
      },
    };
    const refused = await subgraph.request(
      SERIES,
      { input: { ...input('Sarja'), frequency: 'WEEKLY', occurrences: 3 } },
      staff,
    );
    expect(brokenRules(refused)).toEqual(['input.venueSpaceId VENUE_CLOSED']);
    expect(refused.errors[0].message).toMatch(/closed on 24\.3\.2027 \(occurrence 2\)/);
    // One round trip for the whole series.
    expect(calls).toHaveLength(1);
    expect((calls[0].variables.input as { occurrences: unknown[] }).occurrences).toHaveLength(3);
    expect(await written('Sarja')).toBe(0);
  });

  it('only asks whether the space exists for a draft, and refuses a made-up one', async () => {
    answer = { space: null };
    const draft = await subgraph.request(CREATE, { input: input('Luonnos', 'DRAFT') }, staff);
    expect(brokenRules(draft)).toEqual(['input.venueSpaceId EXISTS']);
    expect(calls).toHaveLength(1);
    expect(calls[0].document).not.toMatch(/holdVenue/);
    expect(await written('Luonnos')).toBe(0);
  });
});
