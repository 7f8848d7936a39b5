import {
  BookingSystemResponseError,
  BookingSystemUnavailableError,
  BookingSystemUnsupportedError,
} from '../errors';
import { TimmiClient } from './client';
import { WebTimmiTestServer } from './webtimmi-test-server';

const noWait = () => Promise.resolve();

describe(TimmiClient.name, () => {
  let server: WebTimmiTestServer;
  let client: TimmiClient;

  beforeEach(async () => {
    server = await new WebTimmiTestServer().start();
    server.roomParts.push(
      {
        roomPartId: 101,
        roomPartName: 'Liikuntasali A',
        buildingName: 'Kivimaan koulu',
        maxPersons: 60,
      },
      { roomPartId: 102, roomPartName: 'Liikuntasali B', buildingName: 'Kivimaan koulu' },
    );
    server.episodes.push(
      {
        eventBookingId: 9001,
        roomPartId: 101,
        startDateInMills: Date.parse('2027-01-12T15:00:00Z'),
        endDateInMills: Date.parse('2027-01-12T17:00:00Z'),
        name: 'Salibandy',
      },
      {
        eventBookingId: 9002,
        roomPartId: 102,
        startDateInMills: Date.parse('2027-01-12T15:00:00Z'),
        endDateInMills: Date.parse('2027-01-12T16:00:00Z'),
      },
      {
        eventBookingId: 9003,
        roomPartId: 101,
        startDateInMills: Date.parse('2027-02-01T15:00:00Z'),
        endDateInMills: Date.parse('2027-02-01T16:00:00Z'),
      },
    );
    client = new TimmiClient({
      baseUrl: server.baseUrl,
      adminAreaId: '7',
      // Room for a busy machine: only the stall below waits for a timeout, on its own client.
      timeoutMs: 10_000,
      backoffMs: 1,
      sleep: noWait,
    });
  });

  afterEach(() => server.stop());

  it('lists room parts after logging in as a guest of the admin area', async () => {
    expect(await client.listResources()).toEqual([
      {
        externalId: '101',
        name: { fi: 'Liikuntasali A' },
        buildingName: 'Kivimaan koulu',
        capacity: 60,
      },
      {
        externalId: '102',
        name: { fi: 'Liikuntasali B' },
        buildingName: 'Kivimaan koulu',
        capacity: undefined,
      },
    ]);
    expect(server.requests[0].url).toBe('/WebTimmi/login.do?loginAsGuest=true&adminAreaId=7');
  });

  it('reads the bookings of room parts in a range as busy times', async () => {
    const busy = await client.busyTimes(
      ['101'],
      new Date('2027-01-12T00:00:00Z'),
      new Date('2027-01-13T00:00:00Z'),
    );
    expect(busy).toEqual([
      {
        externalId: '9001/101',
        resourceId: '101',
        startsAt: new Date('2027-01-12T15:00:00Z'),
        endsAt: new Date('2027-01-12T17:00:00Z'),
        title: 'Salibandy',
      },
    ]);
    expect(server.requests.at(-1)!.url).toContain('actionCode=getEpisodes&roomPartIds=101');
  });

  it('logs in again once when the session has expired (the login page instead of JSON)', async () => {
    await client.listResources();
    server.expireSessions();
    expect(await client.listResources()).toHaveLength(2);
    expect(server.logins).toBe(2);
  });

  it('retries a 500 and then succeeds', async () => {
    server.misbehave({ status: 500 });
    expect(await client.listResources()).toHaveLength(2);
  });

  it('gives up with an unavailable error after repeated 500s or a stall', async () => {
    server.misbehave({ status: 500 }, { status: 502 }, { status: 503 });
    await expect(client.listResources()).rejects.toBeInstanceOf(BookingSystemUnavailableError);
    const impatient = new TimmiClient({
      baseUrl: server.baseUrl,
      adminAreaId: '7',
      timeoutMs: 300,
      backoffMs: 1,
      sleep: noWait,
    });
    server.misbehave({ delayMs: 1000 }, { delayMs: 1000 }, { delayMs: 1000 });
    await expect(impatient.listResources()).rejects.toThrow(/timed out after 300 ms/);
  });

  it('refuses a malformed body with a response error', async () => {
    await client.listResources();
    server.misbehave({ body: '{"roomParts": ' });
    await expect(client.listResources()).rejects.toBeInstanceOf(BookingSystemResponseError);
    server.misbehave({
      body: JSON.stringify([{ eventBookingId: 1, roomPartId: 101, startDateInMills: 'soon' }]),
    });
    await expect(client.busyTimes(['101'], new Date(0), new Date())).rejects.toThrow(
      /startDateInMills/,
    );
  });

  it('takes no reservations: the public calendar is read-only', async () => {
    expect(client.acceptsReservations).toBe(false);
    await expect(client.submitReservation()).rejects.toBeInstanceOf(BookingSystemUnsupportedError);
  });
});
