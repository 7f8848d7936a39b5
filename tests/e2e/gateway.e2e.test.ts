import { READY_CACHE_MS } from '../../gateway/readiness';
import { gql } from 'graphql-request';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { associationId, ASSOCIATIONS, eventId, serviceAreaId, spaceId } from '../../demo/data';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

describe('the hub through the gateway', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(async () => {
    await t.stop();
  });

  it('resolves an event with its organizers from the associations subgraph', async () => {
    const data = await t.client().request(
      gql`
        query ($id: ID!) {
          event(id: $id) {
            title {
              fi
              sv
              en
            }
            kind
            status
            startsAt
            endsAt
            venue {
              id
            }
            organizers {
              id
              name {
                fi
                en
              }
              municipalityCode
            }
            serviceAreas {
              id
            }
          }
        }
      `,
      { id: eventId('yhdistysilta-kevat') },
    );
    expect(data).toEqual({
      event: {
        title: {
          fi: 'Yhdistysilta: kevät 2027',
          sv: 'Föreningskväll: våren 2027',
          en: 'Association evening: spring 2027',
        },
        kind: 'ASSOCIATION_EVENING',
        status: 'SCHEDULED',
        // 17:00 in Helsinki in March is 15:00 UTC (no summer time yet).
        startsAt: '2027-03-16T15:00:00.000Z',
        endsAt: '2027-03-16T18:00:00.000Z',
        venue: { id: spaceId('kirkkokatu-monitoimitalo', 'sali') },
        organizers: [
          {
            id: associationId('international-lahti'),
            name: { fi: 'Kansainvälinen Lahti ry', en: 'International Lahti Association' },
            municipalityCode: '398',
          },
          {
            id: associationId('lahden-mielenterveysseura'),
            name: { fi: 'Lahden Mielenterveysseura ry', en: null },
            municipalityCode: '398',
          },
        ].sort((a, b) => a.id.localeCompare(b.id)),
        serviceAreas: ['wellbeing', 'culture', 'sports', 'youth']
          .map((k) => ({ id: serviceAreaId(k) }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      },
    });
  });

  it("adds the events subgraph's Association.events to an association, hiding drafts", async () => {
    const data = await t.client().request(
      gql`
        query ($id: ID!) {
          association(id: $id) {
            name {
              fi
            }
            events(first: 2) {
              totalCount
              pageInfo {
                hasNextPage
                hasPreviousPage
              }
              edges {
                node {
                  title {
                    fi
                  }
                  startsAt
                }
              }
            }
          }
        }
      `,
      { id: associationId('international-lahti') },
    );
    expect(data).toEqual({
      association: {
        name: { fi: 'Kansainvälinen Lahti ry' },
        events: {
          totalCount: 3,
          pageInfo: { hasNextPage: true, hasPreviousPage: false },
          edges: [
            {
              node: {
                title: { fi: 'Yhdistysilta: syksy 2026' },
                startsAt: '2026-10-13T14:00:00.000Z',
              },
            },
            {
              node: {
                title: { fi: 'Yhdistysilta: kevät 2027' },
                startsAt: '2027-03-16T15:00:00.000Z',
              },
            },
          ],
        },
      },
    });
  });

  it('pages associations with keyset cursors in Finnish alphabetical order', async () => {
    const query = gql`
      query ($after: String) {
        associations(first: 12, after: $after, filter: { municipalityCodes: ["398"] }) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              name {
                fi
              }
            }
          }
        }
      }
    `;
    type Page = {
      associations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { name: { fi: string } } }>;
      };
    };
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await t.client().request<Page>(query, { after });
      names.push(...page.associations.edges.map((e) => e.node.name.fi));
      expect(page.associations.totalCount).toBe(
        ASSOCIATIONS.filter((a) => a.municipality === '398').length,
      );
      after = page.associations.pageInfo.hasNextPage ? page.associations.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    const expected = ASSOCIATIONS.filter((a) => a.municipality === '398')
      .map((a) => a.fi)
      .sort(new Intl.Collator('fi').compare);
    expect(pages).toBe(2);
    expect(names).toEqual(expected);
  });

  it('pages backwards with last and before', async () => {
    type Page = {
      associations: {
        pageInfo: { hasPreviousPage: boolean; startCursor: string };
        edges: Array<{ node: { name: { fi: string } } }>;
      };
    };
    const query = gql`
      query ($before: String) {
        associations(last: 4, before: $before) {
          pageInfo {
            hasPreviousPage
            startCursor
          }
          edges {
            node {
              name {
                fi
              }
            }
          }
        }
      }
    `;
    const all = ASSOCIATIONS.map((a) => a.fi).sort(new Intl.Collator('fi').compare);
    const last: Page = await t.client().request<Page>(query, {});
    expect(last.associations.edges.map((e) => e.node.name.fi)).toEqual(all.slice(-4));
    expect(last.associations.pageInfo.hasPreviousPage).toBe(true);
    const before: Page = await t
      .client()
      .request<Page>(query, { before: last.associations.pageInfo.startCursor });
    expect(before.associations.edges.map((e) => e.node.name.fi)).toEqual(all.slice(-8, -4));
  });

  it("continues an association's events after a cursor", async () => {
    type Events = {
      association: {
        events: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { title: { fi: string } } }>;
        };
      };
    };
    const query = gql`
      query ($id: ID!, $after: String) {
        association(id: $id) {
          events(first: 2, after: $after) {
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                title {
                  fi
                }
              }
            }
          }
        }
      }
    `;
    const id = associationId('international-lahti');
    const first: Events = await t.client().request<Events>(query, { id });
    const second: Events = await t
      .client()
      .request<Events>(query, { id, after: first.association.events.pageInfo.endCursor });
    expect(second.association.events.edges.map((e) => e.node.title.fi)).toEqual([
      'Monikulttuurinen perhepäivä',
    ]);
    expect(second.association.events.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ associations(first: 101) { totalCount } }',
    );
    expect(body.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'first', rule: 'RANGE', message: 'must be from 0 to 100, got 101' }],
      },
    });
  });

  it('refuses a malformed id and a bad business ID check digit with the field and the rule', async () => {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ a: association(id: "nope") { id } b: associationByBusinessId(businessId: "0112038-8") { id } }',
    );
    const fields = body.errors?.map((e) => (e.extensions as { fields: unknown[] }).fields[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'id', rule: 'UUID' }),
        expect.objectContaining({ field: 'businessId', rule: 'CHECK_DIGIT' }),
      ]),
    );
  });

  it('shows draft events to city staff only', async () => {
    const query = gql`
      query ($id: ID!) {
        event(id: $id) {
          status
        }
      }
    `;
    const id = eventId('hyvinvointityopaja');
    await expect(t.client().request(query, { id })).resolves.toEqual({ event: null });
    const staff = await t.token({ role: 'staff', serviceAreaIds: [serviceAreaId('wellbeing')] });
    await expect(t.client(staff).request(query, { id })).resolves.toEqual({
      event: { status: 'DRAFT' },
    });
  });

  it('answers a bad token with 401 UNAUTHENTICATED, never as anonymous', async () => {
    const { status, body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ serviceAreas { id } }',
      {},
      { authorization: 'Bearer not.a.token' },
    );
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('costs a constant number of SQL statements however many associations are listed (no N+1)', async () => {
    const query = gql`
      query ($first: Int!) {
        associations(first: $first) {
          edges {
            node {
              name {
                fi
              }
              serviceAreas {
                name {
                  fi
                }
                liaisons {
                  name
                }
              }
              events(first: 2) {
                totalCount
                edges {
                  node {
                    title {
                      fi
                    }
                  }
                }
              }
            }
          }
        }
      }
    `;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const count = async (first: number) => {
      spy.mockClear();
      await t.client().request(query, { first });
      return spy.mock.calls.length;
    };
    const few = await count(10);
    const many = await count(30);
    spy.mockRestore();
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });

  it('reports health and the readiness of each subgraph', async () => {
    const health = await fetch(`${t.hub.gateway.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.hub.gateway.url}/ready`);
    const body = (await ready.json()) as {
      status: string;
      subgraphs: Array<{ name: string; ok: boolean }>;
    };
    expect(ready.status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.subgraphs.map((s) => [s.name, s.ok])).toEqual([
      ['associations', true],
      ['facilities', true],
      ['grants', true],
      ['events', true],
      ['cooperation', true],
      ['communications', true],
    ]);
  });

  // Last: it stops the events subgraph.
  it('still answers with the other subgraphs when one is down, and /ready names it', async () => {
    await t.hub.subgraphs.events.stop();
    const { status, body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `query ($a: ID!, $e: ID!) { association(id: $a) { name { fi } } event(id: $e) { id } }`,
      { a: associationId('lahden-urheiluseura'), e: eventId('yhdistysilta-kevat') },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({
      association: { name: { fi: 'Lahden Urheiluseura ry' } },
      event: null,
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^The events service is unavailable/),
        path: ['event'],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'events' },
      }),
    ]);

    // /ready answers from a 2 s cache (so a flood of probes costs one check): wait it out.
    await new Promise((resolve) => setTimeout(resolve, READY_CACHE_MS));
    const ready = await fetch(`${t.hub.gateway.url}/ready`);
    const readiness = (await ready.json()) as {
      status: string;
      subgraphs: Array<{ name: string; ok: boolean }>;
    };
    expect(ready.status).toBe(503);
    expect(readiness.status).toBe('degraded');
    expect(readiness.subgraphs.filter((s) => !s.ok).map((s) => s.name)).toEqual(['events']);
  });
});
