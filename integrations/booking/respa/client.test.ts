import {
  BookingSystemRequestError,
  BookingSystemResponseError,
  BookingSystemUnavailableError,
} from '../errors';
import { RespaClient } from './client';
import { RespaApiTestServer } from './respa-test-server';

const noWait = () => Promise.resolve();

describe(RespaClient.name, () => {
  let server: RespaApiTestServer;
  let client: RespaClient;

  beforeEach(async () => {
    server = await new RespaApiTestServer('secret').start();
    for (let i = 1; i <= 150; i++) {
      server.resources.push({
        id: `res${i}`,
        name: { fi: `Tila ${i}`, sv: `Lokal ${i}`, en: `Room ${i}` },
        people_capacity: i,
      });
    }
    client = new RespaClient({
      baseUrl: server.baseUrl,
      apiToken: 'secret',
      // Room for a busy machine: only the stall test below waits for a timeout, on its own.
      timeoutMs: 10_000,
      backoffMs: 1,
      sleep: noWait,
    });
  });

  afterEach(() => server.stop());

  it('follows next links through every page of resources, keeping fi/sv/en names and the unit’s name', async () => {
    const resources = await client.listResources();
    expect(resources).toHaveLength(150);
    expect(resources[149]).toEqual({
      externalId: 'res150',
      name: { fi: 'Tila 150', sv: 'Lokal 150', en: 'Room 150' },
      buildingName: undefined,
      capacity: 150,
    });
    expect(server.requests.filter((r) => r.url.startsWith('/respa/v1/resource/'))).toHaveLength(2);
  });

  it('reads requested and confirmed reservations as busy, not denied or cancelled ones', async () => {
    server.reservations.push(
      {
        id: 1,
        resource: 'res1',
        begin: '2027-01-12T15:00:00Z',
        end: '2027-01-12T16:00:00Z',
        state: 'confirmed',
      },
      {
        id: 2,
        resource: 'res1',
        begin: '2027-01-12T16:00:00Z',
        end: '2027-01-12T17:00:00Z',
        state: 'requested',
      },
      {
        id: 3,
        resource: 'res1',
        begin: '2027-01-12T17:00:00Z',
        end: '2027-01-12T18:00:00Z',
        state: 'denied',
      },
      {
        id: 4,
        resource: 'res1',
        begin: '2027-01-12T18:00:00Z',
        end: '2027-01-12T19:00:00Z',
        state: 'cancelled',
      },
    );
    const busy = await client.busyTimes(
      ['res1'],
      new Date('2027-01-12T00:00:00Z'),
      new Date('2027-01-13T00:00:00Z'),
    );
    expect(busy.map((b) => b.externalId)).toEqual(['1', '2']);
  });

  it("reads every state in Respa's STATE_CHOICES, and an unknown one as busy rather than refusing the calendar", async () => {
    // Shapes as Respa's /v1/reservation/ serialises them (id, resource, begin, end, state).
    const states = [
      'created',
      'waiting_for_payment',
      'requested',
      'confirmed',
      'denied',
      'cancelled',
      'on_hold_2030',
    ];
    states.forEach((state, i) =>
      server.reservations.push({
        id: 10 + i,
        resource: 'res1',
        begin: `2027-01-13T${String(8 + i).padStart(2, '0')}:00:00Z`,
        end: `2027-01-13T${String(9 + i).padStart(2, '0')}:00:00Z`,
        state,
      }),
    );
    const busy = await client.busyTimes(
      ['res1'],
      new Date('2027-01-13T00:00:00Z'),
      new Date('2027-01-14T00:00:00Z'),
    );
    // created, waiting_for_payment, requested, confirmed, and the unknown one; not denied or cancelled.
    expect(busy.map((b) => b.externalId)).toEqual(['10', '11', '12', '13', '16']);
  });

  it("takes a paid resource's 201 waiting_for_payment as a reservation made, not a failure", async () => {
    server.paidResources.add('res3');
    const made = await client.submitReservation({
      resourceId: 'res3',
      startsAt: new Date('2027-01-12T15:00:00Z'),
      endsAt: new Date('2027-01-12T16:00:00Z'),
      purpose: 'Sählyvuoro',
      attendees: 10,
      reserverName: 'Lahden Sähly ry',
    });
    expect(made).toEqual({ externalId: '1000', status: 'REQUESTED' });
    expect(await client.reservationStatus('1000')).toBe('REQUESTED');
  });

  it('makes, reads and cancels a reservation', async () => {
    const made = await client.submitReservation({
      resourceId: 'res2',
      startsAt: new Date('2027-01-12T15:00:00Z'),
      endsAt: new Date('2027-01-12T16:00:00Z'),
      purpose: 'Kuoroharjoitus',
      attendees: 12,
      reserverName: 'Lahden Laulajat ry',
    });
    expect(made).toEqual({ externalId: '1000', status: 'REQUESTED' });
    expect(JSON.parse(server.requests.at(-1)!.body)).toMatchObject({
      resource: 'res2',
      event_subject: 'Kuoroharjoitus',
      number_of_participants: 12,
    });
    expect(await client.reservationStatus('1000')).toBe('REQUESTED');
    await client.cancelReservation('1000');
    expect(await client.reservationStatus('1000')).toBe('CANCELLED');
  });

  it('reports Respa refusing an overlapping reservation as a request error, and never retries a POST', async () => {
    server.reservations.push({
      id: 5,
      resource: 'res3',
      begin: '2027-01-12T15:00:00Z',
      end: '2027-01-12T16:00:00Z',
      state: 'confirmed',
    });
    const request = {
      resourceId: 'res3',
      startsAt: new Date('2027-01-12T15:30:00Z'),
      endsAt: new Date('2027-01-12T16:30:00Z'),
      purpose: 'x',
      reserverName: 'y',
    };
    await expect(client.submitReservation(request)).rejects.toMatchObject({ status: 400 });
    server.misbehave({ status: 500 });
    const before = server.requests.length;
    await expect(
      client.submitReservation({ ...request, resourceId: 'res4' }),
    ).rejects.toBeInstanceOf(BookingSystemUnavailableError);
    expect(server.requests.length - before).toBe(1);
  });

  it('needs its token to write', async () => {
    const anonymous = new RespaClient({ baseUrl: server.baseUrl, backoffMs: 1, sleep: noWait });
    await expect(anonymous.cancelReservation('1')).rejects.toBeInstanceOf(
      BookingSystemRequestError,
    );
  });

  it('retries reads through 5xx and stalls, then gives up as unavailable', async () => {
    server.misbehave({ status: 503 });
    expect(await client.listResources()).toHaveLength(150);
    const impatient = new RespaClient({
      baseUrl: server.baseUrl,
      apiToken: 'secret',
      timeoutMs: 300,
      backoffMs: 1,
      sleep: noWait,
    });
    server.misbehave({ delayMs: 1000 }, { delayMs: 1000 }, { delayMs: 1000 });
    await expect(impatient.listResources()).rejects.toBeInstanceOf(BookingSystemUnavailableError);
  });

  it('refuses a body that is not a Respa page', async () => {
    server.misbehave({ body: '<html>maintenance</html>' });
    await expect(client.listResources()).rejects.toBeInstanceOf(BookingSystemResponseError);
    server.misbehave({ body: JSON.stringify({ results: 'none' }) });
    await expect(client.listResources()).rejects.toThrow(
      /not a \{count, next, previous, results\} page/,
    );
  });
});
