import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 28, item 12: two people editing one thing never lose an edit silently. For every
 * editable entity the issue names, through the gateway: an update names the version its
 * author read, the second of two edits of one version is CONFLICT naming the current
 * version and writes nothing, an update naming no version is refused, and `overwrite: true`
 * is the explicit way to write over whatever is there.
 */
interface Editable {
  entity: string;
  /** The mutation, its input type and the field it changes (a value per call). */
  mutation: string;
  inputType: string;
  change(n: number): Record<string, unknown>;
  /** Reads the id and version of one such thing (making one when the demo has none). */
  find(): Promise<{ id: string; version: number }>;
  /** What the field reads as now, to see that a refused edit wrote nothing. */
  read(id: string): Promise<unknown>;
  /** Who edits it, when an admin may not (a grant application is its applicant's). */
  editor?: string;
}

describe('no lost updates', () => {
  let t: TestHub;
  let admin: string;

  beforeAll(async () => {
    t = await startTestHub();
    admin = await t.token({ role: 'admin' });
  });
  afterAll(() => t.stop());

  async function ask(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const answer = await postGraphQL(t.hub.gateway.graphqlUrl, query, variables, {
      authorization: `Bearer ${token}`,
    });
    return answer.body as {
      data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
      errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
  }

  async function data(query: string, variables: Record<string, unknown> = {}) {
    const answer = await ask(query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  const fi = (n: number) => ({ fi: `Muokkaus ${n}` });

  const editables: Editable[] = [
    {
      entity: 'Association',
      mutation: 'updateAssociation',
      inputType: 'UpdateAssociationInput',
      change: (n) => ({ memberCount: 1000 + n }),
      find: async () =>
        (await data(`{ associations(first: 1) { edges { node { id version } } } }`)).associations
          .edges[0].node,
      read: async (id) =>
        (await data(`query ($id: ID!) { association(id: $id) { memberCount } }`, { id }))
          .association.memberCount,
    },
    {
      entity: 'ContactPerson',
      mutation: 'updateContactPerson',
      inputType: 'UpdateContactPersonInput',
      change: (n) => ({ name: `Henkilö ${n}` }),
      find: async () => {
        const { associations } = await data(
          `{ associations(first: 20) { edges { node { contacts { id version } } } } }`,
        );
        return associations.edges.flatMap(
          (e: { node: { contacts: unknown[] } }) => e.node.contacts,
        )[0];
      },
      read: async (id) => {
        const { associations } = await data(
          `{ associations(first: 20) { edges { node { contacts { id name } } } } }`,
        );
        return associations.edges
          .flatMap((e: { node: { contacts: Array<{ id: string }> } }) => e.node.contacts)
          .find((c: { id: string }) => c.id === id).name;
      },
    },
    {
      entity: 'Announcement',
      mutation: 'updateAnnouncement',
      inputType: 'UpdateAnnouncementInput',
      change: (n) => ({ title: fi(n) }),
      find: async () =>
        (
          await data(
            `mutation { createAnnouncement(input: { title: { fi: "Luonnos" }, body: { fi: "Kesken." }, topic: GENERAL, audience: { everyone: true } }) { id version } }`,
          )
        ).createAnnouncement,
      read: async (id) =>
        (await data(`query ($id: ID!) { announcement(id: $id) { title { fi } } }`, { id }))
          .announcement.title.fi,
    },
    {
      entity: 'Event',
      mutation: 'updateEvent',
      inputType: 'UpdateEventInput',
      change: (n) => ({ title: fi(n) }),
      find: async () =>
        (await data(`{ events(first: 1) { edges { node { id version } } } }`)).events.edges[0].node,
      read: async (id) =>
        (await data(`query ($id: ID!) { event(id: $id) { title { fi } } }`, { id })).event.title.fi,
    },
    {
      entity: 'Survey',
      mutation: 'updateSurvey',
      inputType: 'UpdateSurveyInput',
      change: (n) => ({ title: fi(n) }),
      find: async () =>
        (
          await data(
            `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id version } }`,
            {
              input: {
                title: { fi: 'Kysely' },
                audience: 'ASSOCIATIONS',
                opensAt: '2030-01-01T10:00:00+02:00',
                closesAt: '2030-02-01T10:00:00+02:00',
                anonymous: false,
                questions: [{ text: { fi: 'Sujuuko?' }, kind: 'LIKERT_5', required: true }],
              },
            },
          )
        ).createSurvey,
      read: async (id) =>
        (await data(`query ($id: ID!) { survey(id: $id) { title { fi } } }`, { id })).survey.title
          .fi,
    },
    {
      entity: 'WorkingGroup',
      mutation: 'updateWorkingGroup',
      inputType: 'UpdateWorkingGroupInput',
      change: (n) => ({ name: fi(n) }),
      find: async () => (await data(`{ workingGroups { id version } }`)).workingGroups[0],
      read: async (id) =>
        (await data(`query ($id: ID!) { workingGroup(id: $id) { name { fi } } }`, { id }))
          .workingGroup.name.fi,
    },
    {
      entity: 'GrantApplication',
      mutation: 'updateGrantApplication',
      inputType: 'UpdateGrantApplicationInput',
      change: (n) => ({ title: `Hakemus ${n}` }),
      find: async function (this: Editable) {
        const { grantApplications } = await data(
          `{ grantApplications(first: 100) { edges { node { id version status applicant { id } } } } }`,
        );
        const draft = grantApplications.edges
          .map((e: { node: unknown }) => e.node)
          .find((a: { status: string }) => a.status === 'DRAFT');
        this.editor = await t.token({
          role: 'representative',
          associationIds: [draft.applicant.id],
        });
        return draft;
      },
      read: async (id) =>
        (await data(`query ($id: ID!) { grantApplication(id: $id) { title } }`, { id }))
          .grantApplication.title,
    },
    {
      entity: 'Facility',
      mutation: 'updateFacility',
      inputType: 'UpdateFacilityInput',
      change: (n) => ({ description: fi(n) }),
      find: async () =>
        (await data(`{ facilities(first: 1) { edges { node { id version } } } }`)).facilities
          .edges[0].node,
      read: async (id) =>
        (await data(`query ($id: ID!) { facility(id: $id) { description { fi } } }`, { id }))
          .facility.description?.fi,
    },
    {
      entity: 'Space',
      mutation: 'updateSpace',
      inputType: 'UpdateSpaceInput',
      change: (n) => ({ capacity: 10 + n }),
      find: async () =>
        (await data(`{ spaces(first: 1) { edges { node { id version } } } }`)).spaces.edges[0].node,
      read: async (id) =>
        (await data(`query ($id: ID!) { space(id: $id) { capacity } }`, { id })).space.capacity,
    },
    {
      entity: 'ApplicationRound',
      mutation: 'updateApplicationRound',
      inputType: 'UpdateApplicationRoundInput',
      change: (n) => ({ name: fi(n) }),
      find: async () => (await data(`{ applicationRounds { id version } }`)).applicationRounds[0],
      read: async (id) => {
        const { applicationRounds } = await data(`{ applicationRounds { id name { fi } } }`);
        return applicationRounds.find((r: { id: string }) => r.id === id).name.fi;
      },
    },
  ];

  it('asks every update mutation of the composed schema for the version it was made on', async () => {
    const { __schema } = await data(
      `{ __schema { mutationType { fields { name args { type { ofType { name inputFields { name } } } } } } } }`,
    );
    const updates = __schema.mutationType.fields.filter((f: { name: string }) =>
      f.name.startsWith('update'),
    );
    expect(updates.length).toBeGreaterThanOrEqual(19);
    const lacking = updates
      .filter(
        (f: { args: Array<{ type: { ofType: { inputFields: Array<{ name: string }> } } }> }) => {
          const fields = f.args[0].type.ofType.inputFields.map((i) => i.name);
          return !fields.includes('expectedVersion') || !fields.includes('overwrite');
        },
      )
      .map((f: { name: string }) => f.name);
    expect(lacking).toEqual([]);
  });

  describe.each(editables.map((e) => [e.entity, e] as const))('%s', (_name, editable) => {
    const update = (input: Record<string, unknown>) =>
      ask(
        `mutation ($input: ${editable.inputType}!) { ${editable.mutation}(input: $input) { id version } }`,
        { input },
        editable.editor,
      );

    it('takes the first of two edits of one version and refuses the second with CONFLICT naming the current version', async () => {
      const { id, version } = await editable.find();
      expect(version).toEqual(expect.any(Number));
      const first = await update({ id, expectedVersion: version, ...editable.change(1) });
      expect(first.errors).toBeUndefined();
      expect(first.data![editable.mutation]).toEqual({ id, version: version + 1 });
      const kept = await editable.read(id);

      const second = await update({ id, expectedVersion: version, ...editable.change(2) });
      expect(second.data).toBeNull();
      expect(second.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'input.expectedVersion',
        currentVersion: version + 1,
      });
      expect(second.errors![0].message).toMatch(
        new RegExp(`is at version ${version + 1}, not ${version}`),
      );
      expect(await editable.read(id)).toEqual(kept);

      // The second author reads again and applies the change to the current version.
      const retried = await update({ id, expectedVersion: version + 1, ...editable.change(2) });
      expect(retried.errors).toBeUndefined();
      expect(retried.data![editable.mutation].version).toBe(version + 2);
    });

    it('refuses an update that names no version, and writes over any with overwrite: true', async () => {
      const { id, version } = await editable.find();
      const before = await editable.read(id);
      const unnamed = await update({ id, ...editable.change(3) });
      expect(unnamed.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'input.expectedVersion', rule: 'REQUIRED' })],
      });
      expect(await editable.read(id)).toEqual(before);

      const overwritten = await update({ id, overwrite: true, ...editable.change(4) });
      expect(overwritten.errors).toBeUndefined();
      expect(overwritten.data![editable.mutation].version).toBeGreaterThan(version);
      expect(await editable.read(id)).not.toEqual(before);
    });
  });
});
