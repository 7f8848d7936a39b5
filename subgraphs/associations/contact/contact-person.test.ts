import { associationsSubgraph } from '../associations.subgraph';
import { makeAssociation, makeContact } from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const CONTACTS = `
  query Contacts($id: ID!) {
    association(id: $id) { contacts { name role email phone isPublic } }
  }`;
const ADD = `
  mutation Add($input: AddContactPersonInput!) {
    addContactPerson(input: $input) { id name role title email phone isPublic }
  }`;
const UPDATE = `
  mutation Update($input: UpdateContactPersonInput!) {
    updateContactPerson(input: $input) { id name email isPublic }
  }`;
const REMOVE = `mutation Remove($id: ID!) { removeContactPerson(id: $id) { id contacts { id } } }`;

interface ContactsAnswer {
  association: { contacts: Array<{ name: string; email: string | null; phone: string | null }> };
}

describe('ContactPerson', () => {
  let subgraph: TestSubgraph;
  let associationId: string;
  let otherId: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    associationId = await makeAssociation(subgraph.db);
    otherId = await makeAssociation(subgraph.db);
    await makeContact(subgraph.db, associationId, {
      name: 'Julkinen Puheenjohtaja',
      email: 'pj@example.fi',
      phone: '040 111 2222',
      isPublic: true,
    });
    await makeContact(subgraph.db, associationId, {
      name: 'Yksityinen Sihteeri',
      role: 'SECRETARY',
      email: 'sihteeri@example.fi',
      phone: '040 333 4444',
      isPublic: false,
    });
  });

  afterAll(() => subgraph.stop());

  async function contactsSeenWith(token: string | undefined) {
    const answer = await subgraph.request<ContactsAnswer>(CONTACTS, { id: associationId }, token);
    expect(answer.errors).toEqual([]);
    return answer.data!.association.contacts.map((c) => [c.name, c.email, c.phone]);
  }

  describe('visibility of email and phone', () => {
    const everything = [
      ['Julkinen Puheenjohtaja', 'pj@example.fi', '040 111 2222'],
      ['Yksityinen Sihteeri', 'sihteeri@example.fi', '040 333 4444'],
    ];
    const publicOnly = [
      ['Julkinen Puheenjohtaja', 'pj@example.fi', '040 111 2222'],
      ['Yksityinen Sihteeri', null, null],
    ];

    it('shows only what a person agreed to publish to anonymous callers', async () => {
      expect(await contactsSeenWith(undefined)).toEqual(publicOnly);
    });

    it('shows only public details to a representative of another association', async () => {
      const token = await subgraph.token({ role: 'representative', associationIds: [otherId] });
      expect(await contactsSeenWith(token)).toEqual(publicOnly);
    });

    it("shows everything to the association's own representatives", async () => {
      const token = await subgraph.token({
        role: 'representative',
        associationIds: [associationId],
      });
      expect(await contactsSeenWith(token)).toEqual(everything);
    });

    it('shows everything to city staff and admins', async () => {
      expect(await contactsSeenWith(await subgraph.token({ role: 'staff' }))).toEqual(everything);
      expect(await contactsSeenWith(await subgraph.token({ role: 'admin' }))).toEqual(everything);
    });

    it('hides details whatever the query shape: aliases and fragments', async () => {
      const answer = await subgraph.request<Record<string, unknown>>(
        `query($id: ID!) {
          a: association(id: $id) { people: contacts { mail: email ...C } }
        }
        fragment C on ContactPerson { tel: phone name }`,
        { id: associationId },
      );
      expect(answer.data).toEqual({
        a: {
          people: [
            { mail: 'pj@example.fi', tel: '040 111 2222', name: 'Julkinen Puheenjohtaja' },
            { mail: null, tel: null, name: 'Yksityinen Sihteeri' },
          ],
        },
      });
    });

    it('hides details when the association is reached through _entities', async () => {
      const answer = await subgraph.request<{ _entities: unknown[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Association { contacts { email phone } } } }`,
        { r: [{ __typename: 'Association', id: associationId }] },
      );
      expect(answer.data!._entities).toEqual([
        {
          contacts: [
            { email: 'pj@example.fi', phone: '040 111 2222' },
            { email: null, phone: null },
          ],
        },
      ]);
    });
  });

  describe('addContactPerson, updateContactPerson, removeContactPerson', () => {
    it("lets the association's representative add, change and remove its people", async () => {
      const id = await makeAssociation(subgraph.db, {
        updatedAt: new Date('2026-01-01T00:00:00Z'),
      });
      const token = await subgraph.token({ role: 'representative', associationIds: [id] });
      const added = await subgraph.request<{ addContactPerson: { id: string } }>(
        ADD,
        {
          input: {
            associationId: id,
            name: ' Maija Meikäläinen ',
            role: 'TREASURER',
            email: 'maija@example.fi',
          },
        },
        token,
      );
      expect(added.errors).toEqual([]);
      expect(added.data!.addContactPerson).toMatchObject({
        name: 'Maija Meikäläinen',
        role: 'TREASURER',
        email: 'maija@example.fi',
        isPublic: false,
      });
      const personId = added.data!.addContactPerson.id;
      // A new person changes the association as the directory's incremental sync sees it.
      const touched: Array<{ updated_at: Date }> = await subgraph.db.query(
        'SELECT updated_at FROM associations.association WHERE id = $1',
        [id],
      );
      expect(touched[0].updated_at.getTime()).toBeGreaterThan(Date.parse('2026-01-02'));

      const updated = await subgraph.request(
        UPDATE,
        { input: { id: personId, expectedVersion: 1, isPublic: true, email: null } },
        token,
      );
      expect(updated.data).toEqual({
        updateContactPerson: {
          id: personId,
          name: 'Maija Meikäläinen',
          email: null,
          isPublic: true,
        },
      });

      const removed = await subgraph.request(REMOVE, { id: personId }, token);
      expect(removed.data).toEqual({ removeContactPerson: { id, contacts: [] } });
      const left: unknown[] = await subgraph.db.query(
        'SELECT 1 FROM associations.contact_person WHERE id = $1',
        [personId],
      );
      expect(left).toEqual([]);
    });

    it('refuses anyone else, and writes nothing', async () => {
      const stranger = await subgraph.token({ role: 'representative', associationIds: [otherId] });
      for (const token of [undefined, stranger]) {
        const answer = await subgraph.request(
          ADD,
          { input: { associationId, name: 'Tunkeilija', role: 'OTHER' } },
          token,
        );
        expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      }
      const rows: unknown[] = await subgraph.db.query(
        `SELECT 1 FROM associations.contact_person WHERE name = 'Tunkeilija'`,
      );
      expect(rows).toEqual([]);
    });

    it('names each bad field', async () => {
      const staff = await subgraph.token({ role: 'staff' });
      const answer = await subgraph.request(
        ADD,
        { input: { associationId, name: ' ', role: 'CHAIR', email: 'x@', phone: '12' } },
        staff,
      );
      expect(
        (answer.errors[0].extensions?.fields as Array<{ field: string; rule: string }>).map(
          (f) => `${f.field} ${f.rule}`,
        ),
      ).toEqual(['input.name REQUIRED', 'input.email EMAIL', 'input.phone PHONE']);
    });

    it('answers NOT_FOUND for a person or association that does not exist', async () => {
      const staff = await subgraph.token({ role: 'staff' });
      const missing = '00000000-0000-4000-8000-00000000000a';
      expect(errorCodes(await subgraph.request(REMOVE, { id: missing }, staff))).toEqual([
        'NOT_FOUND',
      ]);
      expect(
        errorCodes(
          await subgraph.request(
            ADD,
            { input: { associationId: missing, name: 'Ei ketään', role: 'CHAIR' } },
            staff,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
    });
  });
});
