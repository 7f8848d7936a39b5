import { parse } from 'csv-parse/sync';
import { associationId } from '../../demo/data';
import { hsdsErrors } from '../setup/open-data-schemas';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * The directory as Open Referral HSDS 3 through the gateway (issue 33, part 2): every answer
 * checked against the specification's schemas (tests/schemas/hsds-3.schema.json), paging as
 * the HSDS API pages, `modified_after` for incremental sync, and a change seen at once.
 */
describe('GET /hsds/v3 over the demo directory', () => {
  let t: TestHub;
  const get = async (path: string) => {
    const response = await fetch(`${t.hub.gateway.url}/hsds/v3${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('says what it is', async () => {
    const { status, body } = await get('/');
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: '3.0', publisher: { name: expect.any(String) } });
  });

  it('pages the organizations, every one valid, the pages adding up to the total', async () => {
    const first = await get('/organizations?per_page=7');
    expect(first.status).toBe(200);
    expect(hsdsErrors(first.body, 'organization', true)).toEqual([]);
    const total = first.body.total_items as number;
    expect(total).toBeGreaterThan(7);
    expect(first.body).toMatchObject({
      page_number: 1,
      size: 7,
      first_page: true,
      last_page: false,
    });
    const ids = new Set<string>();
    for (let page = 1; page <= (first.body.total_pages as number); page++) {
      const { body } = await get(`/organizations?per_page=7&page=${page}`);
      for (const o of body.contents as Array<{ id: string }>) ids.add(o.id);
    }
    expect(ids.size).toBe(total);
    const beyond = await get(
      `/organizations?per_page=7&page=${(first.body.total_pages as number) + 1}`,
    );
    expect(beyond.body).toMatchObject({ empty: true, size: 0, contents: [] });
  });

  it('gives one organization whole: its services, location and only its public contacts', async () => {
    const id = associationId('lahden-urheiluseura');
    const { status, body } = await get(`/organizations/${id}`);
    expect(status).toBe(200);
    expect(hsdsErrors(body, 'organization')).toEqual([]);
    expect(body).toMatchObject({ id, name: 'Lahden Urheiluseura ry' });
    const services = body.services as Array<{ id: string }>;
    expect(services.length).toBeGreaterThan(0);
    // Each contact listed agreed to be published: the anonymous graph shows their email.
    for (const contact of body.contacts as Array<{ email?: string }>) {
      expect(contact.email).toMatch(/@/);
    }
    const service = await get(`/services/${services[0].id}`);
    expect(service.status).toBe(200);
    expect(hsdsErrors(service.body, 'service')).toEqual([]);
    expect(service.body).toMatchObject({ organization_id: id, organization: { id } });
    expect((await get(`/organizations/${'0'.repeat(8)}-0000-4000-8000-000000000000`)).status).toBe(
      404,
    );
  });

  it('lists services and locations, valid, and the services of one organization', async () => {
    const services = await get('/services?per_page=100');
    expect(hsdsErrors(services.body, 'service', true)).toEqual([]);
    expect(services.body.total_items as number).toBeGreaterThan(0);
    const id = associationId('lahden-urheiluseura');
    const own = await get(`/services?organization_id=${id}`);
    expect(
      (own.body.contents as Array<{ organization_id: string }>).every(
        (s) => s.organization_id === id,
      ),
    ).toBe(true);
    const locations = await get('/locations');
    expect(hsdsErrors(locations.body, 'location', true)).toEqual([]);
    const first = (locations.body.contents as Array<{ id: string }>)[0];
    expect(hsdsErrors((await get(`/locations/${first.id}`)).body, 'location')).toEqual([]);
  });

  it('gives what changed since a sync, and a change at once', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await get(`/organizations?modified_after=${future}`)).body).toMatchObject({
      total_items: 0,
      empty: true,
    });
    const since = new Date().toISOString();
    const id = associationId('lahden-urheiluseura');
    const admin = await t.token({ role: 'admin' });
    const renamed = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation ($input: UpdateAssociationInput!) { updateAssociation(input: $input) { id } }`,
      {
        input: {
          id,
          overwrite: true,
          description: { fi: 'Yleisurheilua, hiihtoa ja suunnistusta.' },
        },
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(renamed.body.errors).toBeUndefined();
    const changed = await get(`/organizations?modified_after=${since}`);
    expect(changed.body.contents).toEqual([
      expect.objectContaining({ id, description: 'Yleisurheilua, hiihtoa ja suunnistusta.' }),
    ]);
  });

  it("serves the same records as the standard's tables, listed in a data package", async () => {
    const { status, body } = await get('/tabular/datapackage.json');
    expect(status).toBe(200);
    const resources = body.resources as Array<{
      name: string;
      path: string;
      schema: { fields: Array<{ name: string }> };
    }>;
    const tables: Record<string, Array<Record<string, string>>> = {};
    for (const resource of resources) {
      const response = await fetch(`${t.hub.gateway.url}/hsds/v3/tabular/${resource.path}`);
      expect(response.headers.get('content-type')).toMatch(/text\/csv/);
      const text = await response.text();
      // Read by an independent parser; the header is the data package's fields, in order.
      const [header] = parse(text, { to_line: 1 }) as string[][];
      expect(header).toEqual(resource.schema.fields.map((f) => f.name));
      tables[resource.name] = parse(text, { columns: true }) as Array<Record<string, string>>;
    }
    // The specification's required fields are filled, ids are UUIDs, references resolve.
    const required: Record<string, string[]> = {
      organization: ['id', 'name', 'description'],
      service: ['id', 'name', 'status'],
      location: ['id', 'location_type'],
      address: [
        'id',
        'address_1',
        'city',
        'state_province',
        'postal_code',
        'country',
        'address_type',
      ],
      organization_identifier: ['id', 'identifier_type', 'identifier'],
      phone: ['id', 'number'],
    };
    for (const [table, fields] of Object.entries(required)) {
      for (const row of tables[table]) {
        for (const field of fields)
          expect({ table, field, value: row[field] }).toEqual({
            table,
            field,
            value: expect.stringMatching(/./),
          });
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      }
    }
    const organizations = new Set(tables.organization.map((o) => o.id));
    const locations = new Set(tables.location.map((l) => l.id));
    expect(tables.service.every((s) => organizations.has(s.organization_id))).toBe(true);
    expect(tables.address.every((a) => locations.has(a.location_id))).toBe(true);
    expect(tables.service_at_location.every((l) => locations.has(l.location_id))).toBe(true);
    expect(tables.organization).toHaveLength(
      (await get('/organizations')).body.total_items as number,
    );
    expect(tables.location.length).toBeGreaterThan(0);
    expect((await fetch(`${t.hub.gateway.url}/hsds/v3/tabular/secrets.csv`)).status).toBe(404);
    // A name every object has is no table either.
    expect((await fetch(`${t.hub.gateway.url}/hsds/v3/tabular/constructor.csv`)).status).toBe(404);
  });

  it('refuses a bad parameter, naming it, and never answers 500', async () => {
    for (const [query, name] of [
      ['page=0', 'page'],
      ['per_page=1000', 'per_page'],
      ['modified_after=eilen', 'modified_after'],
      ['page=1e3', 'page'],
    ]) {
      const { status, body } = await get(`/organizations?${query}`);
      expect(status).toBe(400);
      expect(body.error).toContain(name);
    }
  });
});
