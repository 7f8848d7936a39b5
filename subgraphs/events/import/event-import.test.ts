import { LinkedEventsClient } from '../../../integrations/linked-events/client';
import {
  LinkedEventsTestServer,
  linkedEvent,
} from '../../../integrations/linked-events/linked-events-test-server';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';
import { eventsSubgraph } from '../events.subgraph';
import { EventImportService } from './event-import.service';

describe(EventImportService.name, () => {
  let subgraph: TestSubgraph;
  let server: LinkedEventsTestServer;
  let importer: EventImportService;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
    server = await new LinkedEventsTestServer().start();
    for (let n = 1; n <= 7; n++) server.events.push(linkedEvent(n));
    const client = new LinkedEventsClient({
      baseUrl: server.baseUrl,
      pageSize: 3,
      timeoutMs: 500,
      backoffMs: 1,
      sleep: () => Promise.resolve(),
    });
    importer = new EventImportService(subgraph.db, 'LINKED_EVENTS', client);
  });

  afterAll(async () => {
    await server.stop();
    await subgraph.stop();
  });

  const count = async () =>
    (
      (await subgraph.db.query(
        `SELECT count(*)::int AS n FROM events.event WHERE source = 'LINKED_EVENTS'`,
      )) as Array<{ n: number }>
    )[0].n;

  it('imports every page, reporting progress, and a re-run changes nothing', async () => {
    const progress: Array<[number, number]> = [];
    const first = await importer.run({
      full: true,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(first).toMatchObject({ created: 7, updated: 0, unchanged: 0, failed: null });
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(await count()).toBe(7);
    const again = await importer.run({ full: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
  });

  it('shows imported events through the graph like any other', async () => {
    const answer = await subgraph.request<{
      events: {
        edges: Array<{ node: { title: { fi: string }; kind: string; keywords: string[] } }>;
      };
    }>(
      `{ events(filter: { search: "tapahtuma", from: "2027-01-01T00:00:00Z" }, first: 100) { edges { node { title { fi } kind keywords } } } }`,
    );
    expect(answer.data!.events.edges).toHaveLength(7);
    expect(answer.data!.events.edges[0].node).toMatchObject({
      kind: 'COMMUNITY_EVENT',
      keywords: ['musiikki'],
    });
  });

  it('asks only for changes next time, and applies a cancellation at the source', async () => {
    server.events[2] = linkedEvent(3, {
      event_status: 'EventCancelled',
      last_modified_time: '2026-11-20T10:00:00Z',
    });
    const before = server.requests.length;
    const report = await importer.run();
    expect(report).toMatchObject({ updated: 1, failed: null });
    expect(report.since).not.toBeNull();
    expect(server.requests[before].url).toContain('last_modified_since=');
    const rows: Array<{ status: string; sequence: number }> = await subgraph.db.query(
      `SELECT status, sequence FROM events.event WHERE source_id = 'lahti:agf0003'`,
    );
    // The change also raised the iCalendar SEQUENCE, so subscribed calendars update.
    expect(rows[0]).toEqual({ status: 'CANCELLED', sequence: 1 });
  });

  it('stops at a broken page with the reason, keeping the pages before it', async () => {
    server.events.push(
      ...Array.from({ length: 6 }, (_, i) =>
        linkedEvent(20 + i, { last_modified_time: `2026-11-21T10:0${i}:00Z` }),
      ),
    );
    server.brokenPage = 2;
    const report = await importer.run();
    expect(report.failed).toEqual({
      url: expect.stringContaining('page=2'),
      reason: expect.stringMatching(/did not answer with JSON/),
    });
    // Page 1 re-reads the boundary event (since is inclusive; unchanged) and two new ones.
    expect(report).toMatchObject({ created: 2, unchanged: 1 });
    server.brokenPage = null;
    const resumed = await importer.run();
    expect(resumed).toMatchObject({ created: 4, unchanged: 1, failed: null });
    expect(await count()).toBe(13);
  });

  it('cancels an event deleted at the source, keeping its row and what people gave for it', async () => {
    const before = await count();
    const deletedId = 'lahti:agf0005';
    server.events.push({
      id: deletedId,
      name: { fi: 'POISTETTU', sv: 'RADERAD', en: 'DELETED' },
      last_modified_time: '2026-11-22T10:00:00Z',
      deleted: true,
      replaced_by: 'lahti:agf0021',
    });
    const report = await importer.run();
    expect(report.failed).toBeNull();
    expect(report.cancelled).toEqual([{ sourceId: deletedId, replacedBy: 'lahti:agf0021' }]);
    const rows: Array<{ status: string }> = await subgraph.db.query(
      `SELECT status FROM events.event WHERE source_id = $1`,
      [deletedId],
    );
    expect(rows).toEqual([{ status: 'CANCELLED' }]);
    expect(await count()).toBe(before);
    // Asked again, the deletion changes nothing more.
    expect((await importer.run()).cancelled).toEqual([]);
  });

  it('stores an all-day event as whole Helsinki days and an online one with its link', async () => {
    server.events.push(
      linkedEvent(40, {
        start_time: '2027-05-01',
        end_time: '2027-05-02',
        virtualevent_url: 'https://teams.example/l/1',
        last_modified_time: '2026-11-23T10:00:00Z',
      }),
    );
    await importer.run();
    const rows: Array<{ all_day: boolean; starts_at: Date; ends_at: Date; online_url: string }> =
      await subgraph.db.query(
        `SELECT all_day, starts_at, ends_at, online_url FROM events.event WHERE source_id = 'lahti:agf0040'`,
      );
    expect(rows).toEqual([
      {
        all_day: true,
        starts_at: new Date('2027-04-30T21:00:00Z'),
        ends_at: new Date('2027-05-02T21:00:00Z'),
        online_url: 'https://teams.example/l/1',
      },
    ]);
  });
});
