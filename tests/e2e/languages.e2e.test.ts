import { associationId } from '../../demo/data';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * One language with a fallback chain, asked of any `LocalizedText` in the graph, so no client
 * writes its own "Swedish, else Finnish".
 */
describe('LocalizedText in one language with a fallback', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  const ask = (id: string, languages: string[]) =>
    postGraphQL(
      t.hub.gateway.graphqlUrl,
      `query ($id: ID!, $languages: [String!]!) {
        association(id: $id) {
          name { text(languages: $languages) language(languages: $languages) }
          serviceAreas { name { text(languages: $languages) } }
        }
      }`,
      { id, languages },
    );

  it('answers in the first language that has the text, and says which', async () => {
    const swedish = await ask(associationId('svenska-klubben'), ['sv', 'fi']);
    expect(swedish.body).toEqual({
      data: {
        association: {
          name: { text: 'Svenska klubben i Lahtis rf', language: 'sv' },
          serviceAreas: [
            { name: { text: 'Fostran och utbildning' } },
            { name: { text: 'Kultur' } },
          ],
        },
      },
    });
    const finnish = await ask(associationId('salpausselan-hiihtajat'), ['sv', 'en', 'fi']);
    expect(finnish.body).toMatchObject({
      data: {
        association: { name: { text: 'Salpausselän Hiihtäjät ry', language: 'fi' } },
      },
    });
    const none = await ask(associationId('salpausselan-hiihtajat'), ['en']);
    expect(none.body).toMatchObject({
      data: { association: { name: { text: null, language: null } } },
    });
  });

  it('works on the text of every subgraph, the shared type being one', async () => {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `{ facilities(first: 1) { edges { node { name { fi text(languages: ["en", "fi"]) } } } }
         grantPrograms { name { fi text(languages: ["sv", "fi"]) } } }`,
    );
    const data = (
      body as {
        data: {
          facilities: { edges: Array<{ node: { name: { fi: string; text: string } } }> };
          grantPrograms: Array<{ name: { fi: string; text: string } }>;
        };
      }
    ).data;
    const names = [
      ...data.facilities.edges.map((e) => e.node.name),
      ...data.grantPrograms.map((p) => p.name),
    ];
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name.text).toBeTruthy();
  });

  it('refuses a language it does not serve, naming it', async () => {
    const { body } = await ask(associationId('svenska-klubben'), ['sv', 'de']);
    const errors = (body as { errors: Array<{ message: string; extensions: { code: string } }> })
      .errors;
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0].message).toMatch(/languages\[1\]: must be fi, sv or en, got "de"/);
  });
});
