import { associationId, ASSOCIATIONS } from '../../demo/data';
import { ASSOCIATION_CATEGORIES, CATEGORIES, CONTACTS } from '../../demo/directory';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/** The association directory as a regional site and the city's web team use it. */
describe('the directory through the gateway', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('searches associations by text and municipality, paged', async () => {
    const query = `
      query ($after: String) {
        associations(filter: { search: "seura", municipalityCodes: ["398"] }, first: 2, after: $after) {
          totalCount
          edges { node { name { fi } municipalityCode } }
          pageInfo { hasNextPage endCursor }
        }
      }`;
    type Page = {
      associations: {
        totalCount: number;
        edges: Array<{ node: { name: { fi: string }; municipalityCode: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await t.client().request<Page>(query);
    const second = await t
      .client()
      .request<Page>(query, { after: first.associations.pageInfo.endCursor });
    expect(first.associations.totalCount).toBe(3);
    expect(first.associations.pageInfo.hasNextPage).toBe(true);
    expect(second.associations.pageInfo.hasNextPage).toBe(false);
    const found = [...first.associations.edges, ...second.associations.edges].map((e) => e.node);
    expect(found).toHaveLength(3);
    expect(new Set(found.map((n) => n.name.fi))).toEqual(
      new Set([
        'Lahden Urheiluseura ry',
        'Lahden Mielenterveysseura ry',
        'Lahden Salibandyseura ry',
      ]),
    );
    expect(found.every((n) => n.municipalityCode === '398')).toBe(true);
  });

  it("builds one association's page: categories, activities, public contacts, service areas", async () => {
    const data = await t.client().request(
      `query ($id: ID!) {
        association(id: $id) {
          name { fi en }
          categories { slug name { fi } }
          activities { name { fi } isFree schedule }
          contacts { name role email phone }
          serviceAreas { name { fi } liaisons { name isCoordinator } }
        }
      }`,
      { id: associationId('lahden-urheiluseura') },
    );
    expect(data).toEqual({
      association: {
        name: { fi: 'Lahden Urheiluseura ry', en: 'Lahti Sports Club' },
        categories: [
          { slug: 'sports', name: { fi: 'Liikunta ja urheilu' } },
          { slug: 'children-youth', name: { fi: 'Lapset ja nuoret' } },
        ],
        activities: [
          {
            name: { fi: 'Aikuisten kuntojuoksuryhmä' },
            isFree: true,
            schedule: 'Sunnuntaisin klo 10',
          },
          {
            name: { fi: 'Lasten yleisurheilukoulu' },
            isFree: false,
            schedule: 'Tiistaisin ja torstaisin 17–18, touko–syyskuu',
          },
        ],
        contacts: [
          {
            name: 'Kari Mäkinen',
            role: 'CHAIR',
            email: 'kari.makinen@example.fi',
            phone: '+358 40 010 0001',
          },
          // Did not agree to publish: anonymous callers get the name only.
          { name: 'Laura Nieminen', role: 'SECRETARY', email: null, phone: null },
        ],
        serviceAreas: [
          {
            name: { fi: 'Liikunta' },
            liaisons: [{ name: expect.any(String), isCoordinator: false }],
          },
        ],
      },
    });
  });

  it("gives a representative their own association's private contacts, not others'", async () => {
    const own = associationId('lahden-urheiluseura');
    const token = await t.token({ role: 'representative', associationIds: [own] });
    const query = `query ($a: ID!, $b: ID!) {
      own: association(id: $a) { contacts { name email } }
      other: association(id: $b) { contacts { name email } }
    }`;
    const data = await t
      .client(token)
      .request(query, { a: own, b: associationId('lahden-mielenterveysseura') });
    expect(data).toEqual({
      own: {
        contacts: [
          { name: 'Kari Mäkinen', email: 'kari.makinen@example.fi' },
          { name: 'Laura Nieminen', email: 'laura.nieminen@example.fi' },
        ],
      },
      other: { contacts: [{ name: 'Pirjo Salminen', email: null }] },
    });
  });

  it('counts associations per category for facets, every demo category in use', async () => {
    const data = await t.client().request<{
      categories: Array<{ slug: string; associationCount: number }>;
    }>(`{ categories { slug associationCount } }`);
    const expected = CATEGORIES.map((c) => ({
      slug: c.slug,
      associationCount: Object.values(ASSOCIATION_CATEGORIES).filter((s) => s.includes(c.slug))
        .length,
    }));
    expect(data.categories).toEqual(expected);
    expect(data.categories.every((c) => c.associationCount > 0)).toBe(true);
    // The demo data is consistent: every categorised and contacted association exists.
    const keys = new Set(ASSOCIATIONS.map((a) => a.key));
    expect(Object.keys(ASSOCIATION_CATEGORIES).filter((k) => !keys.has(k))).toEqual([]);
    expect(CONTACTS.filter((c) => !keys.has(c.association))).toEqual([]);
  });

  it('lets city staff add an association that the directory then finds', async () => {
    const staff = await t.token({ role: 'staff' });
    const created = await t
      .client(staff)
      .request<{ createAssociation: { id: string } }>(
        `mutation ($input: CreateAssociationInput!) { createAssociation(input: $input) { id } }`,
        {
          input: {
            name: { fi: 'Nastolan Soutajat ry', sv: 'Nastola roddare rf' },
            kind: 'REGISTERED_ASSOCIATION',
            municipalityCode: '398',
          },
        },
      );
    const found = await t
      .client()
      .request(
        `{ associations(filter: { search: "roddare" }) { edges { node { id name { fi } } } } }`,
      );
    expect(found).toEqual({
      associations: {
        edges: [
          { node: { id: created.createAssociation.id, name: { fi: 'Nastolan Soutajat ry' } } },
        ],
      },
    });
  });

  it('names municipalities in Finnish and Swedish, for a site that keeps no list of its own', async () => {
    const data = await t.client().request<{
      municipalities: Array<{ code: string; name: { fi: string; sv: string } }>;
      some: Array<{ code: string; name: { fi: string; sv: string } }>;
      municipality: { name: { sv: string } } | null;
      none: unknown;
      association: { municipalityCode: string; municipality: { name: { fi: string; sv: string } } };
    }>(
      `query ($id: ID!) {
        municipalities { code name { fi sv } }
        some: municipalities(codes: ["398", "091", "098", "599"]) { code name { fi sv } }
        municipality(code: "853") { name { sv } }
        none: municipality(code: "999") { code }
        association(id: $id) { municipalityCode municipality { name { fi sv } } }
      }`,
      { id: associationId('lahden-urheiluseura') },
    );
    // Statistics Finland's classification: 309 municipalities, codes unique and in order.
    const codes = data.municipalities.map((m) => m.code);
    expect(codes).toHaveLength(309);
    expect(new Set(codes).size).toBe(309);
    expect([...codes].sort()).toEqual(codes);
    expect(data.some).toEqual([
      { code: '398', name: { fi: 'Lahti', sv: 'Lahtis' } },
      { code: '091', name: { fi: 'Helsinki', sv: 'Helsingfors' } },
      { code: '098', name: { fi: 'Hollola', sv: 'Hollola' } },
      { code: '599', name: { fi: 'Pedersören kunta', sv: 'Pedersöre' } },
    ]);
    expect(data.municipality).toEqual({ name: { sv: 'Åbo' } });
    expect(data.none).toBeNull();
    expect(data.association).toEqual({
      municipalityCode: '398',
      municipality: { name: { fi: 'Lahti', sv: 'Lahtis' } },
    });
    const refused = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ municipalities(codes: ["398", "999", "12"]) { code } }',
    );
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({ field: 'codes[1]', rule: 'MUNICIPALITY' }),
        expect.objectContaining({ field: 'codes[2]', rule: 'FORMAT' }),
      ],
    });
  });
});
