import { gql } from 'graphql-request';
import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ASSOCIATIONS, associationId, serviceAreaId, spaceId } from '../../demo/data';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * A year's calendar with 5,000 events, each with organizers, a venue and service areas
 * resolved through the gateway: every subgraph answers with the same number of SQL
 * statements as for a year of 50. Counted per subgraph by the schema each statement reads.
 */
const QUERY = gql`
  query ($year: Int!) {
    calendar(year: $year) {
      events {
        title {
          fi
        }
        organizers {
          name {
            fi
          }
        }
        serviceAreas {
          name {
            fi
          }
        }
        venue {
          name {
            fi
          }
          facility {
            name {
              fi
            }
          }
        }
        registration {
          enrolled
        }
      }
      milestones {
        title {
          fi
        }
      }
      applicationRounds {
        program {
          name {
            fi
          }
        }
      }
      bookingSeasons {
        name {
          fi
        }
      }
    }
  }
`;

describe('a calendar year of 5,000 events', () => {
  let t: TestHub;
  let db: Client;

  beforeAll(async () => {
    // This test counts statements, not time: a loaded CI machine may take a while for 5,000.
    t = await startTestHub({ SUBGRAPH_TIMEOUT_MS: '30000' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.stop();
  });

  async function addEvents(year: number, count: number): Promise<void> {
    await db.query(
      `INSERT INTO events.event (title, kind, status, starts_at, ends_at, venue_space_id)
       SELECT jsonb_build_object('fi', 'Kuormitus ' || i), 'COMMUNITY_EVENT', 'SCHEDULED',
              make_timestamptz($1, 1, 1, 12, 0, 0, 'UTC') + (i % 360) * interval '1 day',
              make_timestamptz($1, 1, 1, 14, 0, 0, 'UTC') + (i % 360) * interval '1 day',
              ($2::uuid[])[1 + i % 3]
         FROM generate_series(1, $3) AS i`,
      [
        year,
        [
          spaceId('kisapuisto', 'halli'),
          spaceId('paakirjasto', 'auditorio'),
          spaceId('hollola-monari', 'sali'),
        ],
        count,
      ],
    );
    const organizers = ASSOCIATIONS.slice(0, 10).map((a) => associationId(a.key));
    await db.query(
      `INSERT INTO events.event_organizer (event_id, association_id)
       SELECT e.id, ($2::uuid[])[1 + (row_number() OVER (ORDER BY e.id))::int % 10]
         FROM events.event e WHERE e.starts_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'UTC') AND e.title->>'fi' LIKE 'Kuormitus %'`,
      [year, organizers],
    );
    await db.query(
      `INSERT INTO events.event_service_area (event_id, service_area_id)
       SELECT e.id, $2 FROM events.event e WHERE e.starts_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'UTC') AND e.title->>'fi' LIKE 'Kuormitus %'`,
      [year, serviceAreaId('culture')],
    );
  }

  async function statementsPerSubgraph(
    year: number,
  ): Promise<{ counts: Record<string, number>; events: number }> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const data = await t.client().request<{ calendar: { events: unknown[] } }>(QUERY, { year });
      const counts: Record<string, number> = {};
      for (const [sql] of spy.mock.calls) {
        // TypeORM writes "schema"."table"; hand-written SQL schema.table.
        const schema =
          /\b(associations|facilities|grants|events)"?\./.exec(String(sql))?.[1] ?? 'other';
        counts[schema] = (counts[schema] ?? 0) + 1;
      }
      return { counts, events: data.calendar.events.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('costs the same statements per subgraph for 5,000 events as for 50', async () => {
    await addEvents(2031, 50);
    await addEvents(2032, 5_000);
    const small = await statementsPerSubgraph(2031);
    const large = await statementsPerSubgraph(2032);
    expect(small.events).toBe(50);
    expect(large.events).toBe(5_000);
    expect(large.counts).toEqual(small.counts);
    // Seen: events 4, facilities 3, associations 2, grants 1.
    for (const count of Object.values(large.counts)) expect(count).toBeLessThanOrEqual(5);
    expect(Object.keys(large.counts).sort()).toEqual([
      'associations',
      'events',
      'facilities',
      'grants',
    ]);
  });
});
