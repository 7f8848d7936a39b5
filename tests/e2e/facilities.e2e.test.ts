import { gql } from 'graphql-request';
import { associationId, serviceAreaId, spaceId } from '../../demo/data';
import { fromHelsinkiLocal } from '../../subgraphs/core/time';
import { upcomingWeekday } from '../../demo/schedule';
import { helsinkiDate } from '../../subgraphs/facilities/space/availability';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/** The same dates the demo seed used for its reservations. */
const nextWeekday = (weekday: number, weeks = 0) =>
  upcomingWeekday(helsinkiDate(new Date()), weekday, weeks);

describe('facilities through the gateway', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('lists a service area’s facilities with their spaces, joined from the associations subgraph', async () => {
    const data = await t.client().request<{
      serviceAreas: Array<{ id: string; name: { fi: string }; facilities: unknown[] }>;
    }>(gql`
      {
        serviceAreas {
          id
          name {
            fi
          }
          facilities {
            name {
              fi
            }
            kind
            municipalityCode
            openingHours {
              weekday
              opens
              closes
            }
            spaces {
              name {
                fi
              }
            }
          }
        }
      }
    `);
    const sports = data.serviceAreas.find((a) => a.id === serviceAreaId('sports'))!;
    expect(sports).toEqual({
      id: serviceAreaId('sports'),
      name: { fi: 'Liikunta' },
      facilities: [
        {
          name: { fi: 'Kisapuiston liikuntahalli' },
          kind: 'SPORTS_CENTRE',
          municipalityCode: '398',
          openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            weekday,
            opens: '07:00',
            closes: '22:00',
          })),
          spaces: [
            { name: { fi: 'Palloiluhalli' } },
            { name: { fi: 'Palloiluhalli, lohko A' } },
            { name: { fi: 'Palloiluhalli, lohko B' } },
            { name: { fi: 'Tekonurmikenttä' } },
          ],
        },
      ],
    });
  });

  it('shows the split hall: a reserved half takes the whole hall but not the other half', async () => {
    const monday = nextWeekday(1);
    const query = gql`
      query ($filter: SpaceFilter) {
        spaces(filter: $filter) {
          edges {
            node {
              name {
                fi
              }
              parent {
                name {
                  fi
                }
              }
            }
          }
        }
      }
    `;
    const free = await t
      .client()
      .request<{ spaces: { edges: Array<{ node: { name: { fi: string } } }> } }>(query, {
        filter: {
          types: ['GYM'],
          freeBetween: {
            from: fromHelsinkiLocal(`${monday}T18:00`).toISOString(),
            to: fromHelsinkiLocal(`${monday}T19:00`).toISOString(),
          },
        },
      });
    expect(free.spaces.edges.map((e) => e.node.name.fi)).toEqual(['Palloiluhalli, lohko B']);
  });

  it('shows an association’s reservations with space and association names to its representative only', async () => {
    const query = gql`
      query ($id: ID!) {
        association(id: $id) {
          name {
            fi
          }
          reservations(first: 1, statuses: [CONFIRMED]) {
            totalCount
            edges {
              node {
                status
                purpose
                space {
                  name {
                    fi
                  }
                  facility {
                    name {
                      fi
                    }
                  }
                }
                association {
                  name {
                    fi
                  }
                }
              }
            }
          }
        }
      }
    `;
    const id = associationId('lahden-ladies-floorball');
    const token = await t.token({ role: 'representative', associationIds: [id] });
    const data = await t.client(token).request(query, { id });
    expect(data).toEqual({
      association: {
        name: { fi: 'Lahden Salibandyseura ry' },
        reservations: {
          totalCount: 4,
          edges: [
            {
              node: {
                status: 'CONFIRMED',
                purpose: 'Salibandyharjoitus',
                space: {
                  name: { fi: 'Palloiluhalli, lohko A' },
                  facility: { name: { fi: 'Kisapuiston liikuntahalli' } },
                },
                association: { name: { fi: 'Lahden Salibandyseura ry' } },
              },
            },
          ],
        },
      },
    });
    const anonymous = await postGraphQL(t.hub.gateway.graphqlUrl, query, { id });
    expect(anonymous.body.errors?.map((e) => (e.extensions as { code: string }).code)).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('takes a reservation request through the gateway and refuses the same time twice', async () => {
    const id = associationId('lahden-shakki');
    const token = await t.token({ role: 'representative', associationIds: [id] });
    const friday = nextWeekday(5, 2);
    const mutation = gql`
      mutation ($input: RequestReservationInput!) {
        requestReservation(input: $input) {
          status
          space {
            name {
              fi
            }
          }
          association {
            name {
              fi
            }
          }
        }
      }
    `;
    const input = {
      spaceId: spaceId('paakirjasto', 'ryhmatila'),
      associationId: id,
      purpose: 'Pikashakkiturnaus',
      attendees: 10,
      startsAt: fromHelsinkiLocal(`${friday}T17:00`).toISOString(),
      endsAt: fromHelsinkiLocal(`${friday}T19:00`).toISOString(),
    };
    const first = await t.client(token).request(mutation, { input });
    expect(first).toEqual({
      requestReservation: {
        status: 'REQUESTED',
        space: { name: { fi: 'Ryhmätila Lukupesä' } },
        association: { name: { fi: 'Lahden Shakkikerho' } },
      },
    });
    const second = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      mutation,
      { input },
      { authorization: `Bearer ${token}` },
    );
    expect(second.body.errors?.map((e) => (e.extensions as { code: string }).code)).toEqual([
      'CONFLICT',
    ]);
  });

  it('shows the open booking season and lendable equipment from the demo', async () => {
    const data = await t.client().request<{
      bookingSeasons: Array<{ applicationWindow: string; serviceArea: { name: { fi: string } } }>;
      equipmentItems: { totalCount: number };
    }>(gql`
      {
        bookingSeasons {
          applicationWindow
          serviceArea {
            name {
              fi
            }
          }
        }
        equipmentItems {
          totalCount
        }
      }
    `);
    expect(data.bookingSeasons).toEqual([
      { applicationWindow: 'OPEN', serviceArea: { name: { fi: 'Liikunta' } } },
    ]);
    expect(data.equipmentItems.totalCount).toBe(3);
  });
});
