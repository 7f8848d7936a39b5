import { gql } from 'graphql-request';
import { eventId, serviceAreaId } from '../../demo/data';
import { fromHelsinkiLocal, helsinkiYear } from '../../subgraphs/core/time';
import { startTestHub, type TestHub } from '../setup/test-hub';

interface CalendarAnswer {
  calendar: {
    year: number;
    events: Array<{ id: string; kind: string; startsAt: string }>;
    milestones: Array<{ kind: string; startsOn: string; title: { fi: string } }>;
    applicationRounds: Array<{ id: string; closesAt: string; program: { kind: string } }>;
    bookingSeasons: Array<{ name: { fi: string }; applicationWindow: string }>;
  };
}

const CALENDAR = gql`
  query ($year: Int!, $area: ID) {
    calendar(year: $year, serviceAreaId: $area) {
      year
      events {
        id
        kind
        startsAt
      }
      milestones {
        kind
        startsOn
        title {
          fi
        }
      }
      applicationRounds {
        id
        closesAt
        program {
          kind
        }
      }
      bookingSeasons {
        name {
          fi
        }
        applicationWindow
      }
    }
  }
`;

describe('the cooperation calendar through the gateway', () => {
  let t: TestHub;
  const year = helsinkiYear(new Date());

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  /** The rounds whose window touches the year in Helsinki, from the public list of all rounds. */
  async function roundsOfYear(serviceAreaIds?: string[]): Promise<string[]> {
    const data = await t
      .client()
      .request<{ applicationRounds: Array<{ id: string; opensAt: string; closesAt: string }> }>(
        gql`
          query ($areas: [ID!]) {
            applicationRounds(filter: { serviceAreaIds: $areas }) {
              id
              opensAt
              closesAt
            }
          }
        `,
        { areas: serviceAreaIds ?? null },
      );
    const from = fromHelsinkiLocal(`${year}-01-01T00:00`).getTime();
    const to = fromHelsinkiLocal(`${year + 1}-01-01T00:00`).getTime();
    return data.applicationRounds
      .filter((r) => Date.parse(r.closesAt) >= from && Date.parse(r.opensAt) < to)
      .map((r) => r.id)
      .sort();
  }

  it('gathers the year from all four subgraphs: events, milestones, grant windows and booking seasons', async () => {
    const data = await t.client().request<CalendarAnswer>(CALENDAR, { year });
    const c = data.calendar;
    expect(c.year).toBe(year);
    expect(c.milestones.map((m) => m.kind).sort()).toEqual([
      'BUDGET',
      'DEADLINE',
      'SURVEY',
      'WELFARE_REPORT',
    ]);
    expect(c.applicationRounds.map((r) => r.id).sort()).toEqual(await roundsOfYear());
    // The continuous small-grant round spans the whole year, so it is always there.
    expect(c.applicationRounds.map((r) => r.program.kind)).toContain('SMALL');
    expect(c.bookingSeasons.map((s) => s.applicationWindow)).toEqual(['OPEN']);
    // Events in start order, no drafts for an anonymous caller.
    const starts = c.events.map((e) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(c.events.map((e) => e.id)).not.toContain(eventId('hyvinvointityopaja'));
  });

  it("narrows to one service area's calendar, keeping the city-wide items", async () => {
    const all = await t.client().request<CalendarAnswer>(CALENDAR, { year });
    const sports = await t
      .client()
      .request<CalendarAnswer>(CALENDAR, { year, area: serviceAreaId('sports') });
    expect(sports.calendar.milestones.map((m) => m.kind).sort()).toEqual([
      'BUDGET',
      'DEADLINE',
      'SURVEY',
    ]);
    expect(sports.calendar.applicationRounds.map((r) => r.id).sort()).toEqual(
      await roundsOfYear([serviceAreaId('sports')]),
    );
    expect(sports.calendar.bookingSeasons).toHaveLength(1);
    expect(sports.calendar.events.length).toBeLessThanOrEqual(all.calendar.events.length);
  });

  it('shows the spring association evening with its programme, places and waiting list', async () => {
    const data = await t.client().request<{ event: unknown }>(
      gql`
        query ($id: ID!) {
          event(id: $id) {
            keywords
            registration {
              capacity
              enrolled
              waitlisted
              placesLeft
            }
            agenda {
              title {
                fi
              }
              serviceArea {
                name {
                  fi
                }
              }
            }
          }
        }
      `,
      { id: eventId('yhdistysilta-kevat') },
    );
    expect(data.event).toEqual({
      keywords: ['yhteistyö', 'avustukset', 'tilat'],
      registration: { capacity: 20, enrolled: 18, waitlisted: 4, placesLeft: 2 },
      agenda: [
        { title: { fi: 'Yhteinen avaus' }, serviceArea: null },
        { title: { fi: 'Lyhyet alustukset ajankohtaisista teemoista' }, serviceArea: null },
        { title: { fi: 'Kulttuurin oma osio' }, serviceArea: { name: { fi: 'Kulttuuri' } } },
        { title: { fi: 'Liikunnan oma osio' }, serviceArea: { name: { fi: 'Liikunta' } } },
        {
          title: { fi: 'Hyvinvoinnin oma osio' },
          serviceArea: { name: { fi: 'Hyvinvointi ja terveyden edistäminen' } },
        },
        { title: { fi: 'Yhteenveto ja jatkosta sopiminen' }, serviceArea: null },
      ],
    });
  });

  it('refuses a calendar year out of range, naming the argument', async () => {
    const response = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ calendar(year: 1999) { year } }' }),
    });
    const body = (await response.json()) as {
      errors: Array<{ extensions: { code: string; fields: Array<{ field: string }> } }>;
    };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.fields[0].field).toBe('year');
  });
});
