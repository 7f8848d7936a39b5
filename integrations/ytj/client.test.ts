import { YtjClient, retryAfterMs } from './client';
import {
  YtjRateLimitedError,
  YtjRequestError,
  YtjResponseError,
  YtjUnavailableError,
} from './errors';
import { titleCase } from './mapper';
import { YtjOpenDataTestServer, ytjAssociation } from './ytj-test-server';

describe(YtjClient.name, () => {
  let ytj: YtjOpenDataTestServer;
  const sleeps: number[] = [];
  const client = (options: ConstructorParameters<typeof YtjClient>[0] = {}) =>
    new YtjClient({
      baseUrl: ytj.baseUrl,
      // Generous: a busy CI machine once took over 200 ms to answer, and the client retried.
      timeoutMs: 3000,
      retries: 2,
      backoffMs: 10,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });

  beforeEach(async () => {
    sleeps.length = 0;
    ytj = await new YtjOpenDataTestServer().start();
    ytj.add(
      ytjAssociation('1572860-0', 'Lahden Urheiluseura ry', {
        names: [
          { name: 'Lahden Urheiluseura ry', type: '1', version: 2, endDate: null },
          { name: 'Lahden Urheiluseura', type: '1', version: 1, endDate: '2001-01-01' },
          { name: 'Lahtis Idrottsförening rf', type: '2', version: 1, endDate: null },
        ],
      }),
    );
  });

  afterEach(() => ytj.stop());

  it('reads a company and maps names, address and register entries', async () => {
    expect(await client().findByBusinessId('1572860-0')).toEqual({
      businessId: '1572860-0',
      name: 'Lahden Urheiluseura ry',
      otherNames: ['Lahtis Idrottsförening rf'],
      address: {
        careOf: null,
        street: 'Vapaudenkatu 10',
        postalCode: '15110',
        city: 'Lahti',
        municipalityCode: '398',
      },
      registeredEntries: [
        {
          type: '1',
          description: { fi: 'Rekisterissä', sv: 'Registrerad', en: 'Registered' },
          register: '3',
          registerName: 'Yhdistysrekisteri',
          authority: '2',
          authorityName: 'Patentti- ja rekisterihallitus',
          since: '1995-03-01',
        },
      ],
      inRegisterOfAssociations: true,
      endDate: null,
      lastModified: '2025-06-01T08:00:00',
    });
    expect(ytj.requests).toEqual(['/opendata-ytj-api/v3/companies?businessId=1572860-0']);
  });

  it('keeps the c/o line, and tells the Register of Associations from a tax register entry', async () => {
    ytj.add(
      ytjAssociation('2345678-1', 'Kylän Kuoro ry', {
        addresses: [
          {
            type: 2,
            co: 'Matti Virtanen',
            street: 'Kirkkokatu',
            buildingNumber: '3',
            apartmentNumber: '4',
            postCode: '15140',
            postOffices: [{ city: 'LAHTI', languageCode: '1', municipalityCode: '398' }],
          },
        ],
        registeredEntries: [
          // Unregistered until 2004, then in the Register of Associations; an ended VAT entry.
          {
            type: '0',
            register: '3',
            authority: '2',
            registrationDate: '2001-05-01',
            endDate: '2004-01-31',
          },
          {
            type: '1',
            register: '3',
            authority: '2',
            registrationDate: '2004-02-01',
            endDate: null,
          },
          {
            type: '80',
            register: '6',
            authority: '1',
            registrationDate: '2010-01-01',
            endDate: '2015-12-31',
          },
        ],
      }),
    );
    const record = (await client().findByBusinessId('2345678-1'))!;
    expect(record.address).toEqual({
      careOf: 'c/o Matti Virtanen',
      street: 'Kirkkokatu 3 4',
      postalCode: '15140',
      city: 'Lahti',
      municipalityCode: '398',
    });
    expect(
      record.registeredEntries.map((e) => [e.register, e.registerName, e.authorityName]),
    ).toEqual([['3', 'Yhdistysrekisteri', 'Patentti- ja rekisterihallitus']]);
    expect(record.inRegisterOfAssociations).toBe(true);
    ytj.add(
      ytjAssociation('3456789-2', 'Vain ALV ry', {
        registeredEntries: [{ type: '80', register: '6', authority: '1' }],
      }),
    );
    expect((await client().findByBusinessId('3456789-2'))!.inRegisterOfAssociations).toBe(false);
  });

  it('answers null for a business ID YTJ does not know', async () => {
    expect(await client().findByBusinessId('0000000-0')).toBeNull();
  });

  it('waits as long as a 429 Retry-After says, then succeeds', async () => {
    ytj.misbehave({ status: 429, retryAfter: '3' });
    expect((await client().findByBusinessId('1572860-0'))?.name).toBe('Lahden Urheiluseura ry');
    expect(sleeps).toEqual([3000]);
    expect(ytj.requests).toHaveLength(2);
  });

  it('gives up with YtjRateLimitedError when told to wait longer than it may', async () => {
    ytj.misbehave({ status: 429, retryAfter: '3600' });
    await expect(client().findByBusinessId('1572860-0')).rejects.toBeInstanceOf(
      YtjRateLimitedError,
    );
    expect(ytj.requests).toHaveLength(1);
  });

  it('retries a 500 with growing backoff and succeeds', async () => {
    ytj.misbehave({ status: 500 }, { status: 503 });
    expect((await client().findByBusinessId('1572860-0'))?.businessId).toBe('1572860-0');
    expect(sleeps).toEqual([10, 20]);
  });

  it('turns lasting 500s into YtjUnavailableError after the retries', async () => {
    ytj.misbehave({ status: 500 }, { status: 500 }, { status: 500 });
    await expect(client().findByBusinessId('1572860-0')).rejects.toThrow(
      new YtjUnavailableError('YTJ answered 500'),
    );
    expect(ytj.requests).toHaveLength(3);
  });

  it('times out a stalled answer and retries it', async () => {
    ytj.misbehave({ delayMs: 5000 });
    expect((await client({ timeoutMs: 500 }).findByBusinessId('1572860-0'))?.name).toBe(
      'Lahden Urheiluseura ry',
    );
    expect(ytj.requests).toHaveLength(2);
  });

  it('names the timeout when every attempt stalls', async () => {
    ytj.misbehave({ delayMs: 1000 }, { delayMs: 1000 }, { delayMs: 1000 });
    await expect(client({ timeoutMs: 200 }).findByBusinessId('1572860-0')).rejects.toThrow(
      /no answer within 200 ms/,
    );
  });

  it('refuses malformed JSON and wrongly shaped answers with YtjResponseError', async () => {
    ytj.misbehave({ body: '{"companies": [' });
    await expect(client().findByBusinessId('1572860-0')).rejects.toBeInstanceOf(YtjResponseError);
    ytj.misbehave({ body: '{"companies": [{"names": []}]}' });
    await expect(client().findByBusinessId('1572860-0')).rejects.toThrow(/lacks businessId/);
    ytj.misbehave({ body: '{"results": []}' });
    await expect(client().findByBusinessId('1572860-0')).rejects.toThrow(/without a companies/);
  });

  it('does not retry a request YTJ refuses (400)', async () => {
    ytj.misbehave({ status: 400, body: '{"message":"Invalid businessId"}' });
    await expect(client().findByBusinessId('x')).rejects.toBeInstanceOf(YtjRequestError);
    expect(ytj.requests).toHaveLength(1);
  });

  it('fails with YtjUnavailableError when nothing listens', async () => {
    const baseUrl = ytj.baseUrl;
    await ytj.stop();
    await expect(client({ baseUrl }).findByBusinessId('1572860-0')).rejects.toBeInstanceOf(
      YtjUnavailableError,
    );
  });
});

describe(titleCase.name, () => {
  it('writes capitalised place names the way people do', () => {
    expect(titleCase('HÄMEENLINNA')).toBe('Hämeenlinna');
    expect(titleCase('MÄNTTÄ-VILPPULA')).toBe('Mänttä-Vilppula');
    expect(titleCase('KOSKI TL')).toBe('Koski Tl');
  });
});

describe(retryAfterMs.name, () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('5')).toBe(5000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(
      10_000,
    );
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
  });
});
