import { associationsSubgraph } from '../associations.subgraph';
import {
  makeAssociation,
  makeCategory,
  makeServiceArea,
  testBusinessId,
} from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const CREATE = `
  mutation Create($input: CreateAssociationInput!) {
    createAssociation(input: $input) {
      id name { fi sv } kind status municipalityCode businessId registerNumber foundedYear
      languages website email phone address { street postalCode city }
      categories { slug } serviceAreas { id } updatedAt
    }
  }`;
const UPDATE = `
  mutation Update($input: UpdateAssociationInput!) {
    updateAssociation(input: $input) { id name { fi } description { fi } memberCount status website updatedAt categories { slug } }
  }`;
const ARCHIVE = `mutation Archive($id: ID!) { archiveAssociation(id: $id) { id status } }`;

type Fields = Array<{ field: string; rule: string }>;
const fieldsOf = (answer: { errors: Array<{ extensions?: Record<string, unknown> }> }) =>
  (answer.errors[0]?.extensions?.fields as Fields | undefined)?.map((f) => `${f.field} ${f.rule}`);

describe('association mutations', () => {
  let subgraph: TestSubgraph;
  let staff: string;
  let admin: string;
  let category: string;
  let area: string;

  async function count(): Promise<number> {
    const rows: Array<{ n: string }> = await subgraph.db.query(
      'SELECT count(*) AS n FROM associations.association',
    );
    return Number(rows[0].n);
  }

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [] });
    admin = await subgraph.token({ role: 'admin' });
    category = await makeCategory(subgraph.db, { slug: 'youth-work' });
    area = await makeServiceArea(subgraph.db);
  });

  afterAll(() => subgraph.stop());

  describe('createAssociation', () => {
    it('lets city staff add an association, trimmed and normalised', async () => {
      const businessId = testBusinessId();
      const answer = await subgraph.request<{ createAssociation: Record<string, unknown> }>(
        CREATE,
        {
          input: {
            name: { fi: '  Hollolan Nuoret ry ', sv: ' ' },
            kind: 'REGISTERED_ASSOCIATION',
            municipalityCode: '098',
            businessId,
            registerNumber: '123.456',
            foundedYear: 1990,
            languages: ['FI', 'fi', 'sv'],
            website: 'https://nuoret.example',
            email: 'Info@Nuoret.Example',
            phone: '+358 3 123 4567',
            address: { street: 'Kirkkotie 1', postalCode: '15870', city: 'Hollola' },
            categoryIds: [category],
            serviceAreaIds: [area],
          },
        },
        staff,
      );
      expect(answer.errors).toEqual([]);
      expect(answer.data!.createAssociation).toMatchObject({
        name: { fi: 'Hollolan Nuoret ry', sv: null },
        kind: 'REGISTERED_ASSOCIATION',
        status: 'ACTIVE',
        municipalityCode: '098',
        businessId,
        registerNumber: '123456',
        languages: ['fi', 'sv'],
        email: 'info@nuoret.example',
        address: { street: 'Kirkkotie 1', postalCode: '15870', city: 'Hollola' },
        categories: [{ slug: 'youth-work' }],
        serviceAreas: [{ id: area }],
      });
    });

    it.each([
      ['input.name.fi REQUIRED', { name: { fi: '   ' } }],
      ['input.name.fi MAX_LENGTH', { name: { fi: 'x'.repeat(201) } }],
      ['input.businessId FORMAT', { businessId: '1234567' }],
      ['input.businessId CHECK_DIGIT', { businessId: '1234567-8' }],
      ['input.registerNumber FORMAT', { registerNumber: '12-34' }],
      ['input.email EMAIL', { email: 'not an email' }],
      ['input.website URL_SCHEME', { website: 'ftp://files.example' }],
      ['input.website URL', { website: 'www.example.fi' }],
      ['input.phone PHONE', { phone: 'call me' }],
      ['input.municipalityCode FORMAT', { municipalityCode: '39' }],
      ['input.municipalityCode MUNICIPALITY', { municipalityCode: '999' }],
      ['input.foundedYear MAX', { foundedYear: 2999 }],
      ['input.languages[0] LANGUAGE', { languages: ['finnish'] }],
      ['input.address.postalCode FORMAT', { address: { postalCode: '1511' } }],
      ['input.categoryIds[0] NOT_FOUND', { categoryIds: ['00000000-0000-4000-8000-000000000000'] }],
      ['input.serviceAreaIds[0] UUID', { serviceAreaIds: ['area-1'] }],
    ])('refuses %s and writes nothing', async (expected, bad) => {
      const before = await count();
      const answer = await subgraph.request(
        CREATE,
        {
          input: {
            name: { fi: 'Hyvä Yhdistys ry' },
            kind: 'REGISTERED_ASSOCIATION',
            municipalityCode: '398',
            ...bad,
          },
        },
        staff,
      );
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(answer)).toEqual([expected]);
      expect(await count()).toBe(before);
    });

    it('reports every problem of one input at once', async () => {
      const answer = await subgraph.request(
        CREATE,
        {
          input: {
            name: { fi: '' },
            kind: 'OTHER',
            municipalityCode: '000',
            email: 'x',
            website: 'mailto:x@example.fi',
          },
        },
        staff,
      );
      expect(fieldsOf(answer)).toEqual([
        'input.name.fi REQUIRED',
        'input.municipalityCode MUNICIPALITY',
        'input.website URL_SCHEME',
        'input.email EMAIL',
      ]);
    });

    it('refuses a business ID or register number another association has, as CONFLICT', async () => {
      const businessId = testBusinessId();
      await makeAssociation(subgraph.db, { businessId, registerNumber: '777777' });
      for (const taken of [{ businessId }, { registerNumber: '777.777' }]) {
        const before = await count();
        const answer = await subgraph.request(
          CREATE,
          {
            input: {
              name: { fi: 'Kaksoisolento ry' },
              kind: 'OTHER',
              municipalityCode: '398',
              ...taken,
            },
          },
          staff,
        );
        expect(errorCodes(answer)).toEqual(['CONFLICT']);
        expect(answer.errors[0].extensions?.field).toBe(`input.${Object.keys(taken)[0]}`);
        expect(await count()).toBe(before);
      }
    });

    it('is for city staff only', async () => {
      const representative = await subgraph.token({ role: 'representative', associationIds: [] });
      for (const token of [undefined, representative]) {
        const answer = await subgraph.request(
          CREATE,
          { input: { name: { fi: 'Luvaton ry' }, kind: 'OTHER', municipalityCode: '398' } },
          token,
        );
        expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      }
    });
  });

  describe('updateAssociation', () => {
    it("lets an association's representative change its profile", async () => {
      const id = await makeAssociation(subgraph.db, { name: { fi: 'Oma Yhdistys ry' } });
      const token = await subgraph.token({ role: 'representative', associationIds: [id] });
      const answer = await subgraph.request<{ updateAssociation: Record<string, unknown> }>(
        UPDATE,
        {
          input: {
            id,
            overwrite: true,
            description: { fi: 'Uusi kuvaus.' },
            memberCount: 42,
            website: 'https://oma.example',
            categoryIds: [category],
          },
        },
        token,
      );
      expect(answer.errors).toEqual([]);
      expect(answer.data!.updateAssociation).toMatchObject({
        name: { fi: 'Oma Yhdistys ry' },
        description: { fi: 'Uusi kuvaus.' },
        memberCount: 42,
        website: 'https://oma.example',
        categories: [{ slug: 'youth-work' }],
      });
    });

    it('keeps registry fields for staff: a representative may not rename or archive', async () => {
      const id = await makeAssociation(subgraph.db, { name: { fi: 'Pysyvä Nimi ry' } });
      const token = await subgraph.token({ role: 'representative', associationIds: [id] });
      const renamed = await subgraph.request(
        UPDATE,
        { input: { id, overwrite: true, name: { fi: 'Uusi Nimi ry' } } },
        token,
      );
      expect(errorCodes(renamed)).toEqual(['FORBIDDEN']);
      expect(renamed.errors[0].message).toContain('input.name');
      expect(errorCodes(await subgraph.request(ARCHIVE, { id }, token))).toEqual(['FORBIDDEN']);
      const rows: Array<{ name: { fi: string } }> = await subgraph.db.query(
        'SELECT name FROM associations.association WHERE id = $1',
        [id],
      );
      expect(rows[0].name.fi).toBe('Pysyvä Nimi ry');
    });

    it('refuses a representative of another association', async () => {
      const id = await makeAssociation(subgraph.db);
      const other = await subgraph.token({
        role: 'representative',
        associationIds: [await makeAssociation(subgraph.db)],
      });
      const answer = await subgraph.request(UPDATE, { input: { id, memberCount: 1 } }, other);
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
    });

    it('leaves omitted fields alone and clears fields given as null', async () => {
      const id = await makeAssociation(subgraph.db, { description: { fi: 'Vanha' } });
      await subgraph.request(
        UPDATE,
        { input: { id, overwrite: true, website: 'https://a.example' } },
        staff,
      );
      const answer = await subgraph.request<{ updateAssociation: Record<string, unknown> }>(
        UPDATE,
        { input: { id, overwrite: true, description: null } },
        staff,
      );
      expect(answer.data!.updateAssociation).toMatchObject({
        description: null,
        website: 'https://a.example',
      });
      const cleared = await subgraph.request(UPDATE, { input: { id, name: null } }, staff);
      expect(fieldsOf(cleared)).toEqual(['input.name REQUIRED']);
    });

    it('moves updatedAt only when something really changed', async () => {
      const id = await makeAssociation(subgraph.db, {
        updatedAt: new Date('2026-01-01T00:00:00Z'),
      });
      const same = await subgraph.request<{ updateAssociation: { updatedAt: string } }>(
        UPDATE,
        { input: { id, overwrite: true, status: 'ACTIVE' } },
        staff,
      );
      expect(same.data!.updateAssociation.updatedAt).toBe('2026-01-01T00:00:00.000Z');
      const changed = await subgraph.request<{ updateAssociation: { updatedAt: string } }>(
        UPDATE,
        { input: { id, overwrite: true, status: 'DORMANT' } },
        staff,
      );
      expect(changed.data!.updateAssociation.updatedAt).not.toBe('2026-01-01T00:00:00.000Z');
    });

    it('refuses to overwrite an edit made after the one the client saw (CONFLICT)', async () => {
      const id = await makeAssociation(subgraph.db, {
        updatedAt: new Date('2026-02-01T10:00:00Z'),
      });
      const first = await subgraph.request(
        UPDATE,
        { input: { id, memberCount: 10, expectedUpdatedAt: '2026-02-01T10:00:00.000Z' } },
        staff,
      );
      expect(first.errors).toEqual([]);
      const second = await subgraph.request(
        UPDATE,
        { input: { id, memberCount: 20, expectedUpdatedAt: '2026-02-01T10:00:00.000Z' } },
        staff,
      );
      expect(errorCodes(second)).toEqual(['CONFLICT']);
      const rows: Array<{ member_count: number }> = await subgraph.db.query(
        'SELECT member_count FROM associations.association WHERE id = $1',
        [id],
      );
      expect(rows[0].member_count).toBe(10);
    });

    it('answers NOT_FOUND for an association that does not exist', async () => {
      const answer = await subgraph.request(
        UPDATE,
        { input: { id: '00000000-0000-4000-8000-000000000001', overwrite: true, memberCount: 1 } },
        admin,
      );
      expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
    });
  });

  describe('archiveAssociation', () => {
    it('keeps the record and marks it DISSOLVED', async () => {
      const id = await makeAssociation(subgraph.db);
      const answer = await subgraph.request(ARCHIVE, { id }, staff);
      expect(answer.data).toEqual({ archiveAssociation: { id, status: 'DISSOLVED' } });
    });
  });
});
