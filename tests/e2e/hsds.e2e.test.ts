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
