import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YtjCompany } from './types';

/** What the test server does with one request instead of answering normally. */
export type YtjMisbehaviour =
  { status: number; retryAfter?: string; body?: string } | { delayMs: number } | { body: string };

/**
 * A stand-in for the YTJ open data API v3 in tests: answers `GET /companies?businessId=…`
 * the way the real one does, from companies the test puts in, and misbehaves on demand
 * (429 with Retry-After, 500, slow answers, malformed bodies), one queued misbehaviour per
 * request.
 */
export class YtjOpenDataTestServer {
  readonly companies = new Map<string, YtjCompany>();
  readonly requests: string[] = [];
  private readonly queue: YtjMisbehaviour[] = [];
  private server: Server | undefined;
  private port = 0;

  /** Stays valid after stop(), so a test can ask a server that no longer listens. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/opendata-ytj-api/v3`;
  }

  add(company: YtjCompany): this {
    this.companies.set(company.businessId.value, company);
    return this;
  }

  misbehave(...next: YtjMisbehaviour[]): this {
    this.queue.push(...next);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const trouble = this.queue.shift();
      if (trouble && 'delayMs' in trouble) {
        setTimeout(() => this.answer(req.url ?? '', res), trouble.delayMs);
        return;
      }
      if (trouble && 'status' in trouble) {
        res.writeHead(trouble.status, {
          'content-type': 'application/json',
          ...(trouble.retryAfter ? { 'retry-after': trouble.retryAfter } : {}),
        });
        res.end(trouble.body ?? JSON.stringify({ message: 'Service error' }));
        return;
      }
      if (trouble) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(trouble.body);
        return;
      }
      this.answer(req.url ?? '', res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private answer(url: string, res: import('node:http').ServerResponse): void {
    const parsed = new URL(url, 'http://localhost');
    if (parsed.pathname !== '/opendata-ytj-api/v3/companies') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not found' }));
      return;
    }
    const businessId = parsed.searchParams.get('businessId') ?? '';
    const company = this.companies.get(businessId);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ totalResults: company ? 1 : 0, companies: company ? [company] : [] }));
  }
}

/**
 * A YTJ v3 company record for a registered association, in the real API's shape (PRH's
 * /opendata-ytj-api/v3/companies answers as public clients of it record them): the register
 * entry's descriptions name its type ("Rekisterissä", code 1), the register is the REK code
 * (3 = Yhdistysrekisteri) and the keeper the authority code (2 = PRH); addresses carry their
 * c/o line in `co` and post offices in capitals; codes are strings, address types numbers.
 */
export function ytjAssociation(
  businessId: string,
  name: string,
  extra: Partial<YtjCompany> = {},
): YtjCompany {
  return {
    businessId: { value: businessId, registrationDate: '1995-03-01' },
    names: [{ name, type: '1', registrationDate: '1995-03-01', endDate: null, version: 1 }],
    addresses: [
      {
        type: 2,
        co: null,
        street: 'Vapaudenkatu',
        buildingNumber: '10',
        postCode: '15110',
        postOffices: [
          { city: 'LAHTI', languageCode: '1', municipalityCode: '398' },
          { city: 'LAHTIS', languageCode: '2', municipalityCode: '398' },
        ],
        registrationDate: '2010-01-01',
      },
    ],
    registeredEntries: [
      {
        type: '1',
        descriptions: [
          { languageCode: '3', description: 'Registered' },
          { languageCode: '2', description: 'Registrerad' },
          { languageCode: '1', description: 'Rekisterissä' },
        ],
        registrationDate: '1995-03-01',
        endDate: null,
        register: '3',
        authority: '2',
      },
    ],
    endDate: null,
    lastModified: '2025-06-01T08:00:00',
    ...extra,
  };
}
