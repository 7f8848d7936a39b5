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
      // Room for a busy machine: no test here waits for a timeout.
      timeoutMs: 10_000,
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
      allDay: false,
      status: 'SCHEDULED',
      location: 'Lahden kaupunginkirjasto, Kirkkokatu 31',
      onlineUrl: null,
      keywords: ['musiikki'],
      isFree: false,
      modifiedAt: new Date(Date.UTC(2026, 9, 1) + 60_000),
    });
    expect(server.requests[0].url).toContain('include=location%2Ckeywords');
    // Deletions reach an incremental import only when asked for.
    expect(server.requests[0].url).toContain('show_deleted=true');
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

  /**
   * Records in the shapes Linked Events serves them (City of Helsinki's linkedevents
   * EventSerializer and its API docs at api.hel.fi/linkedevents/v1/): dates alone for
   * events of whole days, `location: null` with the place in `location_extra_info`,
   * `virtualevent_url`, HTML with character references, a recurring super event, and a
   * deleted record (id, `POISTETTU`, `last_modified_time`, `deleted`, `replaced_by`).
   */
  describe('real-world records', () => {
    const only = async (...records: unknown[]) => {
      server.events.splice(0, server.events.length, ...(records as never[]));
      return client.page(client.firstPage(null).replace('page_size=2', 'page_size=20'));
    };

    it('reads date-only times as whole Helsinki days, the end date being the last day', async () => {
      const { events } = await only(
        linkedEvent(1, { start_time: '2027-05-01', end_time: '2027-05-02' }),
        linkedEvent(2, { start_time: '2027-05-01', end_time: null }),
        linkedEvent(3, {
          start_time: '2027-06-11T21:00:00Z',
          has_start_time: false,
          end_time: null,
        }),
      );
      expect(
        events.map((e) => [e.allDay, e.startsAt.toISOString(), e.endsAt.toISOString()]),
      ).toEqual([
        // Helsinki midnight is 21:00 UTC the day before in summer.
        [true, '2027-04-30T21:00:00.000Z', '2027-05-02T21:00:00.000Z'],
        [true, '2027-04-30T21:00:00.000Z', '2027-05-01T21:00:00.000Z'],
        // 21:00 UTC on 11 June is 12 June in Helsinki.
        [true, '2027-06-11T21:00:00.000Z', '2027-06-12T21:00:00.000Z'],
      ]);
    });

    it('keeps a place given only as extra info, and the online link', async () => {
      const { events } = await only(
        linkedEvent(1, {
          location: null,
          location_extra_info: { fi: 'Kirjaston pihalla, Kirkkokatu 31' },
          virtualevent_url: 'https://teams.example/l/meetup-join/123',
        }),
      );
      expect(events[0]).toMatchObject({
        location: 'Kirjaston pihalla, Kirkkokatu 31',
        onlineUrl: 'https://teams.example/l/meetup-join/123',
      });
    });

    it('decodes every HTML character reference', async () => {
      const { events } = await only(
        linkedEvent(1, {
          name: { fi: 'Satutuokio', sv: 'Sagostund: Barn &lt; 7 &aring;r' },
          short_description: {
            fi: '<p>Lapset &amp; aikuiset&nbsp;&ndash; &#8222;tervetuloa&#8221;</p>',
          },
        }),
      );
      expect(events[0].title.sv).toBe('Sagostund: Barn < 7 år');
      expect(events[0].description?.fi).toBe('Lapset & aikuiset – „tervetuloa”');
    });

    it("reads a deleted record as a deletion, not a broken page, and skips a recurring series' umbrella", async () => {
      const page = await only(
        linkedEvent(1),
        {
          id: 'lahti:agf0002',
          name: { fi: 'POISTETTU', sv: 'RADERAD', en: 'DELETED' },
          last_modified_time: '2026-10-02T08:00:00Z',
          deleted: true,
          replaced_by: 'lahti:agf0099',
        },
        linkedEvent(3, {
          super_event_type: 'recurring',
          start_time: '2027-01-01T10:00:00Z',
          end_time: '2027-06-30T12:00:00Z',
        }),
        linkedEvent(4, { super_event: { '@id': 'https://api.example/event/lahti:agf0003/' } }),
      );
      expect(page.deletions).toEqual([
        {
          sourceId: 'lahti:agf0002',
          replacedBy: 'lahti:agf0099',
          modifiedAt: new Date('2026-10-02T08:00:00Z'),
        },
      ]);
      // The series' occurrence is imported; the umbrella spanning half a year is not.
      expect(page.events.map((e) => e.sourceId)).toEqual(['lahti:agf0001', 'lahti:agf0004']);
    });
  });
});
