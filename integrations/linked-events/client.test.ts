import { LinkedEventsResponseError, LinkedEventsUnavailableError } from './errors';
import { LinkedEventsClient } from './client';
import { LinkedEventsTestServer, linkedEvent } from './linked-events-test-server';

const noWait = () => Promise.resolve();

describe(LinkedEventsClient.name, () => {
  let server: LinkedEventsTestServer;
  let client: LinkedEventsClient;

  beforeEach(async () => {
    server = await new LinkedEventsTestServer().start();
    for (let n = 1; n <= 5; n++) server.events.push(linkedEvent(n));
    client = new LinkedEventsClient({
      baseUrl: server.baseUrl,
      pageSize: 2,
      timeoutMs: 300,
      backoffMs: 1,
      sleep: noWait,
    });
  });

  afterEach(() => server.stop());

  it('reads a page as checked events: plain text, statuses, place, keywords, free or not', async () => {
    const page = await client.page(client.firstPage(null));
    expect(page.count).toBe(5);
    expect(page.next).toMatch(/page=2/);
    expect(page.events[0]).toEqual({
      sourceId: 'lahti:agf0001',
      title: { fi: 'Tapahtuma 1', sv: 'Evenemang 1' },
      description: { fi: 'Kuvaus 1 & lisää' },
      startsAt: new Date('2027-02-11T15:00:00Z'),
      endsAt: new Date('2027-02-11T17:00:00Z'),
      status: 'SCHEDULED',
      location: 'Lahden kaupunginkirjasto, Kirkkokatu 31',
      keywords: ['musiikki'],
      isFree: false,
      modifiedAt: new Date(Date.UTC(2026, 9, 1) + 60_000),
    });
    expect(server.requests[0].url).toContain('include=location%2Ckeywords');
  });

  it('maps schema.org statuses and gives an open-ended event two hours', async () => {
    server.events.splice(
      0,
      5,
      linkedEvent(9, {
        event_status: 'EventCancelled',
        end_time: null,
        name: { en: 'Only English' },
      }),
    );
    const [event] = (await client.page(client.firstPage(null))).events;
    expect(event).toMatchObject({
      status: 'CANCELLED',
      title: { fi: 'Only English', en: 'Only English' },
    });
    expect(event.endsAt.getTime() - event.startsAt.getTime()).toBe(2 * 3_600_000);
  });

  it('asks only for what changed since a moment', async () => {
    const page = await client.page(client.firstPage(new Date(Date.UTC(2026, 9, 1) + 4 * 60_000)));
    expect(page.events.map((e) => e.sourceId)).toEqual(['lahti:agf0004', 'lahti:agf0005']);
  });

  it('refuses a broken page and an event without a start, and retries a 500', async () => {
    server.brokenPage = 2;
    const first = await client.page(client.firstPage(null));
    await expect(client.page(first.next!)).rejects.toBeInstanceOf(LinkedEventsResponseError);
    server.events.push(linkedEvent(6, { start_time: 'soon' }));
    server.brokenPage = null;
    await expect(
      client.page(client.firstPage(null).replace('page_size=2', 'page_size=10')),
    ).rejects.toThrow(/no valid start_time/);
    server.events.pop();
    server.misbehave({ status: 500 });
    expect((await client.page(client.firstPage(null))).events).toHaveLength(2);
    server.misbehave({ status: 503 }, { status: 503 }, { status: 503 });
    await expect(client.page(client.firstPage(null))).rejects.toBeInstanceOf(
      LinkedEventsUnavailableError,
    );
  });
});
