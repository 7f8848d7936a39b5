import { associationId, serviceAreaId } from '../../demo/data';
import { helsinkiYear } from '../../subgraphs/core/time';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * The cooperation model's seven keys (seed 000, "Yhteistyön avaimet"), each walked through
 * the gateway over the demo by the user it serves: what the key asks for is in the graph,
 * and the user can find and use it.
 */
describe('the seven keys of cooperation, walked by their users', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  async function graph<T>(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
    const answer = body as { data?: T; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  it('1 Agile cooperation: an association finds its liaison at the city and the coordinator', async () => {
    const { serviceAreas } = await graph<{
      serviceAreas: Array<{
        id: string;
        liaisons: Array<{ name: string; email: string | null; isCoordinator: boolean }>;
      }>;
    }>(`{ serviceAreas { id liaisons { name email isCoordinator } } }`);
    const sports = serviceAreas.find((a) => a.id === serviceAreaId('sports'))!;
    expect(sports.liaisons.length).toBeGreaterThan(0);
    expect(sports.liaisons[0].email).toMatch(/@/);
    expect(serviceAreas.some((a) => a.liaisons.some((l) => l.isCoordinator))).toBe(true);
  });

  it('2 Open interaction: a representative finds the association evenings and signs up; working groups have associations in them', async () => {
    const { events } = await graph<{
      events: { edges: Array<{ node: { agenda: unknown[] } }> };
    }>(
      `{ events(filter: { kinds: [ASSOCIATION_EVENING], from: null }) { edges { node { agenda { title { fi } } } } } }`,
    );
    expect(events.edges.some((e) => e.node.agenda.length > 3)).toBe(true);
    // The next evening, planned by staff two weeks ahead, whatever day this runs.
    const admin = await t.token({ role: 'admin', subject: 'koordinaattori' });
    const startsAt = new Date(Date.now() + 14 * 86_400_000);
    const { createEvent } = await graph<{ createEvent: { id: string } }>(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: { fi: 'Yhdistysilta' },
          kind: 'ASSOCIATION_EVENING',
          status: 'SCHEDULED',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
          capacity: 40,
        },
      },
      admin,
    );
    const representative = await t.token({
      role: 'representative',
      associationIds: [associationId('lahden-shakki')],
    });
    const { enrol } = await graph<{ enrol: { status: string } }>(
      `mutation ($input: EnrolInput!) { enrol(input: $input) { status } }`,
      {
        input: {
          eventId: createEvent.id,
          associationId: associationId('lahden-shakki'),
          people: 2,
        },
      },
      representative,
    );
    expect(enrol.status).toBe('ENROLLED');
    const { workingGroups } = await graph<{
      workingGroups: Array<{ members: Array<{ association: { id: string } | null }> }>;
    }>(`{ workingGroups { members { association { id } } } }`);
    expect(workingGroups.some((g) => g.members.some((m) => m.association !== null))).toBe(true);
  });

  it('3 Accessible communication: announcements in the reader’s language, each with the communication guide', async () => {
    const { announcements } = await graph<{
      announcements: {
        edges: Array<{
          node: {
            title: { text: string; language: string };
            guide: { slug: string; title: { sv: string } };
          };
        }>;
      };
    }>(`{ announcements(first: 5) { edges { node {
      title { text(languages: ["sv", "fi"]) language(languages: ["sv", "fi"]) }
      guide { slug title { sv } } } } } }`);
    const nodes = announcements.edges.map((e) => e.node);
    expect(nodes.map((n) => n.guide.slug)).toEqual(nodes.map(() => 'viestintaohje'));
    expect(nodes.some((n) => n.title.language === 'sv')).toBe(true);
    expect(nodes[0].guide.title.sv).toBe('Kommunikationsanvisning');
    const { subscribe } = await graph<{ subscribe: { message: string } }>(
      `mutation { subscribe(input: { address: "info@foreningen.example", topics: [GENERAL], audience: { everyone: true }, language: "sv" }) { message } }`,
    );
    expect(subscribe.message).toMatch(/bekräftelselänk/);
  });

  it('4 Clear space cooperation: a representative finds a free space, its guide and the space working group', async () => {
    const { spaces } = await graph<{
      spaces: {
        edges: Array<{
          node: {
            guide: { slug: string; workingGroup: { theme: string } };
            pricing: { isFree: boolean };
          };
        }>;
      };
    }>(`{ spaces(filter: { freeForAssociations: true }, first: 3) { edges { node {
      pricing { isFree } guide { slug workingGroup { theme } } } } } }`);
    expect(spaces.edges.length).toBeGreaterThan(0);
    for (const { node } of spaces.edges) {
      expect(node.pricing.isFree).toBe(true);
      expect(node.guide).toEqual({ slug: 'tilaopas', workingGroup: { theme: 'SPACES' } });
    }
  });

  it('5 Fair grants: an association finds the open rounds, the grant rules, who got what and the whole support', async () => {
    const data = await graph<{
      applicationRounds: unknown[];
      rules: { kind: string };
      awardedGrants: { totalCount: number };
      grantStatistics: { total: { awardedCount: number } };
      supportStatistics: {
        total: { spaceSubsidy: { amount: string }; total: { amount: string } };
      };
    }>(
      `query ($years: [Int!]!) {
        applicationRounds(filter: { statuses: [OPEN] }) { closesAt }
        rules: guide(slug: "avustussaanto") { kind }
        awardedGrants(first: 1) { totalCount }
        grantStatistics(groupBy: [YEAR]) { total { awardedCount } }
        supportStatistics(filter: { years: $years }) {
          total { spaceSubsidy { amount } total { amount } }
        }
      }`,
      // This year and the next: the demo's bookings of the coming weeks fall in one of them.
      { years: [helsinkiYear(new Date()), helsinkiYear(new Date()) + 1] },
    );
    expect(data.applicationRounds.length).toBeGreaterThan(0);
    expect(data.rules.kind).toBe('RULES');
    expect(data.awardedGrants.totalCount).toBeGreaterThan(0);
    expect(data.grantStatistics.total.awardedCount).toBeGreaterThan(0);
    // Equal treatment judged by the whole support: the spaces lent count, not only money.
    expect(Number(data.supportStatistics.total.spaceSubsidy.amount)).toBeGreaterThan(0);
    expect(Number(data.supportStatistics.total.total.amount)).toBeGreaterThan(
      Number(data.supportStatistics.total.spaceSubsidy.amount),
    );
  });

  it('6 Joint events: an organiser finds the event guide, the equipment list and the joint events', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const data = await graph<{
      guide: { title: { fi: string }; body: { fi: string } };
      equipmentItems: { edges: Array<{ node: { quantity: number; available: number } }> };
      events: { totalCount: number };
    }>(
      `query ($from: DateTime!, $to: DateTime!) {
        guide(slug: "tapahtumayhteistyo") { title { fi } body { fi } }
        equipmentItems(first: 20) { edges { node { quantity available(from: $from, to: $to) } } }
        events(filter: { kinds: [JOINT_EVENT], from: null }) { totalCount }
      }`,
      { from, to },
    );
    expect(data.guide.title.fi).toBe('Tapahtuman järjestämisopas');
    expect(data.guide.body.fi).toContain('## Kaupungin tuki');
    expect(data.equipmentItems.edges.length).toBeGreaterThan(0);
    for (const { node } of data.equipmentItems.edges) {
      expect(node.available).toBeLessThanOrEqual(node.quantity);
    }
    expect(data.events.totalCount).toBeGreaterThan(0);
  });

  it('7 Goal-oriented co-development: an analyst reads survey results, indicators and the goals’ progress', async () => {
    const data = await graph<{
      surveys: { edges: Array<{ node: { results: { questions: unknown[] } | null } }> };
      indicators: Array<{ values: unknown[] }>;
      goals: Array<{ depth: number; progress: string | null }>;
    }>(`{ surveys(filter: { statuses: [CLOSED] }, first: 2) { edges { node { results { questions { agreeShare } } } } }
      indicators { values { period } }
      goals { depth progress } }`);
    expect(data.surveys.edges.every((e) => (e.node.results?.questions.length ?? 0) > 0)).toBe(true);
    expect(data.indicators.filter((i) => i.values.length > 0).length).toBeGreaterThan(3);
    const top = data.goals.find((g) => g.depth === 0)!;
    // The demo's milestones: 2 of 3 (weight 1) and 1 of 3 (weight 2) → 0.4444.
    expect(top.progress).toBe('0.4444');
  });
});
