import { randomUUID } from 'node:crypto';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { cooperationSubgraph } from '../cooperation.subgraph';
import { analyseAtStart } from '../../core/finnish/search-terms';

const CREATE = `mutation ($input: CreateGuideInput!) { createGuide(input: $input) { id slug version } }`;
const UPDATE = `mutation ($input: UpdateGuideInput!) { updateGuide(input: $input) { version title { fi } position } }`;
const READ = `query ($slug: String!) { guide(slug: $slug) { id kind audience version title { fi } body { fi }
  versions { version title { fi } } first: atVersion(version: 1) { body { fi } } } }`;

describe('the handbook', () => {
  let subgraph: TestSubgraph;
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(cooperationSubgraph);
    staff = await subgraph.token({ role: 'staff' });
  });
  afterAll(() => subgraph.stop());

  const create = async (slug: string, extra: Record<string, unknown> = {}) => {
    const answer = await subgraph.request<{ createGuide: { id: string; version: number } }>(
      CREATE,
      {
        input: {
          slug,
          kind: 'ROLE_CARD',
          title: { fi: 'Yhdistysillan huoneentaulu' },
          body: { fi: '# Ennen iltaa\n\n- Kutsu yhdistykset' },
          ...extra,
        },
      },
      staff,
    );
    expect(answer.errors).toEqual([]);
    return answer.data!.createGuide;
  };

  it('keeps every version of a guide, readable by anyone, and moves it in the contents without a new version', async () => {
    const { id, version } = await create('yhdistysillan-huoneentaulu');
    expect(version).toBe(1);
    const changed = await subgraph.request(
      UPDATE,
      {
        input: {
          id,
          expectedVersion: 1,
          body: { fi: '# Ennen iltaa\n\n- Kutsu yhdistykset\n- Varaa tila' },
        },
      },
      staff,
    );
    expect(changed.data).toEqual({
      updateGuide: { version: 2, title: { fi: 'Yhdistysillan huoneentaulu' }, position: 0 },
    });
    const moved = await subgraph.request(
      UPDATE,
      { input: { id, expectedVersion: 2, position: 3 } },
      staff,
    );
    expect(moved.data).toEqual({
      updateGuide: { version: 2, title: { fi: 'Yhdistysillan huoneentaulu' }, position: 3 },
    });
    const read = await subgraph.request<{ guide: Record<string, unknown> }>(READ, {
      slug: 'Yhdistysillan-Huoneentaulu',
    });
    expect(read.data!.guide).toMatchObject({
      kind: 'ROLE_CARD',
      audience: 'EVERYONE',
      version: 2,
      body: { fi: '# Ennen iltaa\n\n- Kutsu yhdistykset\n- Varaa tila' },
      versions: [{ version: 2 }, { version: 1 }],
      first: { body: { fi: '# Ennen iltaa\n\n- Kutsu yhdistykset' } },
    });
  });

  it('refuses a change made on an outdated version, so a colleague’s text is not overwritten', async () => {
    const { id } = await create('avustussaanto', { kind: 'RULES' });
    const edit = (text: string) =>
      subgraph.request(UPDATE, { input: { id, expectedVersion: 1, body: { fi: text } } }, staff);
    const [a, b] = await Promise.all([edit('Versio A'), edit('Versio B')]);
    expect([errorCodes(a)[0] ?? 'OK', errorCodes(b)[0] ?? 'OK'].sort()).toEqual(['CONFLICT', 'OK']);
    const versions = (
      await subgraph.request<{ guide: { versions: unknown[]; version: number } }>(READ, {
        slug: 'avustussaanto',
      })
    ).data!.guide;
    expect(versions.version).toBe(2);
    expect(versions.versions).toHaveLength(2);
  });

  it('gives a taken slug CONFLICT, names every broken rule, and lets only staff write', async () => {
    await create('roolit-ja-vastuut', { kind: 'GUIDE' });
    const again = await subgraph.request(
      CREATE,
      {
        input: { slug: 'roolit-ja-vastuut', kind: 'GUIDE', title: { fi: 'x' }, body: { fi: 'y' } },
      },
      staff,
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const bad = await subgraph.request(
      CREATE,
      { input: { slug: 'Ääkköset ja välit', kind: 'GUIDE', title: { fi: '' }, body: { fi: ' ' } } },
      staff,
    );
    expect(brokenRules(bad).sort()).toEqual([
      'input.body.fi REQUIRED',
      'input.slug SLUG',
      'input.title.fi REQUIRED',
    ]);
    const representative = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    const input = {
      slug: 'tarkistuslista',
      kind: 'CHECKLIST',
      title: { fi: 'x' },
      body: { fi: 'y' },
    };
    expect(errorCodes(await subgraph.request(CREATE, { input }, representative))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await subgraph.request(CREATE, { input }))).toEqual(['FORBIDDEN']);
    const list = await subgraph.request<{ guides: Array<{ kind: string }> }>(
      `{ guides(kind: GUIDE) { kind slug } }`,
    );
    expect(list.data!.guides.map((g) => g.kind)).toEqual(['GUIDE']);
  });

  it('finds guides with the directory’s Finnish search, the new text once changed, and names the keeping working group', async () => {
    const SEARCH = `query ($q: String!) { guides(search: $q) { slug } }`;
    const found = async (q: string) =>
      (await subgraph.request<{ guides: Array<{ slug: string }> }>(SEARCH, { q })).data!.guides.map(
        (g) => g.slug,
      );
    const [group] = await subgraph.db.query(
      `INSERT INTO cooperation.working_group (name, theme) VALUES ('{"fi":"Tilatyöryhmä"}', 'SPACES') RETURNING id`,
    );
    const { id } = await create('tilaopas-koe', {
      title: { fi: 'Tilaopas' },
      body: { fi: 'Avaimet noudetaan palvelupisteestä.' },
      workingGroupId: group.id,
    });
    // Inflected and compound words meet their base forms: "avain" in "Avaimet", "piste".
    expect(await found('avain')).toEqual(['tilaopas-koe']);
    expect(await found('palvelupisteen avaimista')).toEqual(['tilaopas-koe']);
    expect(await found('avain sauna')).toEqual([]);
    const keeper = await subgraph.request<{ guide: { workingGroup: { name: { fi: string } } } }>(
      `{ guide(slug: "tilaopas-koe") { workingGroup { name { fi } } } }`,
    );
    expect(keeper.data!.guide.workingGroup.name.fi).toBe('Tilatyöryhmä');

    await subgraph.request(
      UPDATE,
      { input: { id, overwrite: true, body: { fi: 'Siivous tehdään käytön jälkeen.' } } },
      staff,
    );
    expect(await found('siivouksen')).toEqual(['tilaopas-koe']);
    expect(await found('avain')).toEqual([]);

    // Rows written without terms (the demo's SQL) are analysed at start, without a version.
    await subgraph.db.query(
      `UPDATE cooperation.guide SET search_terms = '{}', search_terms_by = NULL WHERE id = $1`,
      [id],
    );
    expect(await found('siivous')).toEqual([]);
    await analyseAtStart(subgraph.db, 'cooperation.guide', () => undefined);
    expect(await found('siivous')).toEqual(['tilaopas-koe']);
    const [{ version }] = await subgraph.db.query(
      `SELECT version FROM cooperation.guide WHERE id = $1`,
      [id],
    );
    expect(version).toBe(2);

    const unknown = await subgraph.request(
      UPDATE,
      { input: { id, overwrite: true, workingGroupId: randomUUID() } },
      staff,
    );
    expect(brokenRules(unknown)).toEqual(['input.workingGroupId UNKNOWN']);
  });

  it('lets only the staff who keep its working group change a guide the group keeps', async () => {
    const culture = randomUUID();
    const [group] = await subgraph.db.query(
      `INSERT INTO cooperation.working_group (name, theme, service_area_ids)
       VALUES ('{"fi":"Kulttuurin työryhmä"}', 'EVENTS', $1) RETURNING id`,
      [[culture]],
    );
    const keeper = await subgraph.token({ role: 'staff', serviceAreaIds: [culture] });
    const other = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
    const made = await subgraph.request<{ createGuide: { id: string } }>(
      CREATE,
      {
        input: {
          slug: 'kulttuuriopas',
          kind: 'GUIDE',
          title: { fi: 'Kulttuuriopas' },
          body: { fi: 'Ohje.' },
          workingGroupId: group.id,
        },
      },
      keeper,
    );
    expect(made.errors).toEqual([]);
    const id = made.data!.createGuide.id;
    const change = (token: string) =>
      subgraph.request(
        UPDATE,
        { input: { id, overwrite: true, body: { fi: 'Uusi ohje.' } } },
        token,
      );
    expect(errorCodes(await change(other))).toEqual(['FORBIDDEN']);
    expect((await change(keeper)).errors).toEqual([]);
    // Nor can another area's staff hand their guide to the group, or remove this one.
    const { id: own } = await create('oma-opas');
    expect(
      errorCodes(
        await subgraph.request(
          UPDATE,
          { input: { id: own, overwrite: true, workingGroupId: group.id } },
          other,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await subgraph.request(`mutation ($id: ID!) { removeGuide(id: $id) }`, { id }, other),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
