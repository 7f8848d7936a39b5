import { randomUUID } from 'node:crypto';
import { associationId, eventId, serviceAreaId, spaceId } from '../../demo/data';
import { upcomingWeekday } from '../../demo/schedule';
import { fromHelsinkiLocal } from '../../subgraphs/core/time';
import { helsinkiDate } from '../../subgraphs/facilities/space/availability';
import { accessRules, type Cell } from '../setup/access-rules';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * The table of who may read and do what (docs/access-rules.json, shown in docs/access.md),
 * walked through the gateway: for every row and role, the row's first operation is tried on
 * the caller's own association or area and on someone else's, and must be allowed or
 * refused exactly as the table says. Docs and test read the same data, so they cannot drift.
 */

type Role = 'anonymous' | 'representative' | 'staff' | 'admin';
const ROLES: Role[] = ['anonymous', 'representative', 'staff', 'admin'];
type Outcome = 'allowed' | 'refused';
type Target = 'own' | 'other';

/** The rows of the access table, by their "what". */
function accessTable(): Map<string, Record<Role, Cell>> {
  return new Map(accessRules().map(({ what, ...access }) => [what, access]));
}

// Whose is "own": a representative of the sports club, staff of the culture service area.
const OWN_ASSOCIATION = associationId('lahden-urheiluseura');
const OTHER_ASSOCIATION = associationId('lahden-mielenterveysseura');
const OWN_AREA = serviceAreaId('culture');
const OTHER_AREA = serviceAreaId('wellbeing');
// A space of each area, for reservations.
const SPACE = {
  own: spaceId('paakirjasto', 'ryhmatila'),
  other: spaceId('kirkkokatu-monitoimitalo', 'kokoushuone'),
};

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<Record<string, unknown>>;
}

const codes = (answer: Answer) =>
  (answer.errors ?? []).map((e) => (e.extensions as { code?: string } | undefined)?.code);

/**
 * A write is allowed when it went through, refused when FORBIDDEN, or NOT_FOUND for a thing
 * the caller may not even see (another association's reservation: its existence is private
 * too). Anything else means the probe itself is broken.
 */
function judgeWrite(answer: Answer, field: string, hiddenFromOutsiders = false): Outcome {
  if (!answer.errors?.length && answer.data?.[field]) return 'allowed';
  if (codes(answer).includes('FORBIDDEN')) return 'refused';
  if (hiddenFromOutsiders && codes(answer).includes('NOT_FOUND')) return 'refused';
  throw new Error(`${field}: neither allowed nor refused: ${JSON.stringify(answer)}`);
}

type Send = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ status: number; body: Answer }>;

/** Tries the mutation `field(input:)` and judges the answer. */
async function attempt(
  send: Send,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  options: { hiddenFromOutsiders?: boolean } = {},
): Promise<Outcome> {
  const { body } = await send(
    `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename } }`,
    { input },
  );
  return judgeWrite(body, field, options.hiddenFromOutsiders);
}

describe('who may read and do what (the access table, walked for every role)', () => {
  let t: TestHub;
  const tokens = {} as Record<Role, string | undefined>;
  let slot = 0;
  /** Makes names and numbers unique within the run. */
  let counter = 0;
  let openRound: Record<Target, string>;
  /** A grant program run by the staff member's own area, and one run by another. */
  let program: Record<Target, string>;

  const send = (token: string | undefined, query: string, variables: Record<string, unknown>) =>
    postGraphQL(
      t.hub.gateway.graphqlUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    ) as Promise<{ status: number; body: Answer }>;

  const as =
    (role: Role) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      send(tokens[role], query, variables);

  /** The same role as another person: for what each person may do once (feedback). */
  const asSomeoneElse =
    (role: Role) =>
    async (query: string, variables: Record<string, unknown> = {}) =>
      send(
        role === 'anonymous'
          ? undefined
          : await t.token({
              role,
              subject: `${role}-${counter++}`,
              associationIds: role === 'representative' ? [OWN_ASSOCIATION] : [],
              serviceAreaIds: role === 'staff' ? [OWN_AREA] : [],
            }),
        query,
        variables,
      );

  /** A fresh hour on some coming weekday evening, on the spaces' grid, never the same twice. */
  function nextSlot(): { startsAt: string; endsAt: string } {
    const n = slot++;
    const day = upcomingWeekday(helsinkiDate(new Date()), 1 + (n % 5), 2 + Math.floor(n / 10));
    const hour = 17 + (Math.floor(n / 5) % 2);
    return {
      startsAt: fromHelsinkiLocal(`${day}T${hour}:00`).toISOString(),
      endsAt: fromHelsinkiLocal(`${day}T${hour + 1}:00`).toISOString(),
    };
  }

  /** Some future hour for an event (events have no booking grid). */
  let eventHour = 0;
  function eventTime(): { startsAt: string; endsAt: string } {
    const starts = new Date(Date.now() + 30 * 86_400_000 + eventHour++ * 3_600_000);
    return {
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
    };
  }

  /** A representative of `association` (not the one walked) asks for a space: a reservation to decide. */
  async function requestedReservation(space: string): Promise<string> {
    const token = await t.token({
      role: 'representative',
      subject: 'setup',
      associationIds: [OTHER_ASSOCIATION],
    });
    const answer = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation ($input: RequestReservationInput!) { requestReservation(input: $input) { id } }`,
      {
        input: {
          spaceId: space,
          associationId: OTHER_ASSOCIATION,
          purpose: 'Kokous',
          attendees: 5,
          ...nextSlot(),
        },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.body.errors).toBeUndefined();
    return (answer.body.data!.requestReservation as { id: string }).id;
  }

  /** A submitted application in a round of the target area's program, to review. */
  async function submittedApplication(target: Target): Promise<string> {
    const token = await t.token({
      role: 'representative',
      subject: 'setup',
      associationIds: [OTHER_ASSOCIATION],
    });
    const headers = { authorization: `Bearer ${token}` };
    const created = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation ($input: CreateGrantApplicationInput!) { createGrantApplication(input: $input) { id } }`,
      {
        input: {
          roundId: openRound[target],
          associationId: OTHER_ASSOCIATION,
          title: 'Kerho',
          requestedAmount: '500.00',
        },
      },
      headers,
    );
    expect(created.body.errors).toBeUndefined();
    const id = (created.body.data!.createGrantApplication as { id: string }).id;
    const submitted = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation ($input: GrantApplicationStepInput!) { submitGrantApplication(input: $input) { status } }`,
      { input: { id } },
      headers,
    );
    expect(submitted.body.errors).toBeUndefined();
    return id;
  }

  const association = (target: Target) => (target === 'own' ? OWN_ASSOCIATION : OTHER_ASSOCIATION);
  const area = (target: Target) => (target === 'own' ? OWN_AREA : OTHER_AREA);

  /** One probe per table row: it tries the row's first operation as `role` on `target`. */
  const PROBES: Record<string, (role: Role, target: Target) => Promise<Outcome>> = {
    'read the public graph: directory, spaces, published events, grant rounds and awards, calendar':
      async (role) => {
        const { body } = await as(role)(
          `query ($year: Int!) {
            associations(first: 2) { totalCount }
            spaces(first: 2) { totalCount }
            events(first: 2) { totalCount }
            applicationRounds { id }
            awardedGrants(first: 2) { totalCount }
            calendar(year: $year) { milestones { kind } }
          }`,
          { year: new Date().getFullYear() },
        );
        const d = body.data as Record<string, { totalCount?: number }> | null;
        return !body.errors &&
          d &&
          d.associations.totalCount! > 0 &&
          d.spaces.totalCount! > 0 &&
          d.events.totalCount! > 0
          ? 'allowed'
          : 'refused';
      },

    'read the email and phone of a contact person who has not made them public': async (
      role,
      target,
    ) => {
      // An alias and a fragment: the rule holds whatever the shape.
      const { body } = await as(role)(
        `query ($id: ID!) { a: association(id: $id) { ...People } }
         fragment People on Association { people: contacts { name mail: email phone } }`,
        { id: association(target) },
      );
      expect(body.errors).toBeUndefined();
      const people = (
        body.data!.a as {
          people: Array<{ name: string; mail: string | null; phone: string | null }>;
        }
      ).people;
      const hidden = people.filter((p) => ['Laura Nieminen', 'Pirjo Salminen'].includes(p.name));
      expect(hidden).toHaveLength(1);
      if (hidden[0].mail && hidden[0].phone) return 'allowed';
      expect([hidden[0].mail, hidden[0].phone]).toEqual([null, null]);
      return 'refused';
    },

    "read an association's reservations, equipment loans and season applications": async (
      role,
      target,
    ) => {
      const { body } = await as(role)(
        `query ($id: ID!) { association(id: $id) { name { fi } reservations(first: 5) { totalCount } equipmentReservations { id } seasonApplications { id } } }`,
        { id: association(target) },
      );
      const a = body.data!.association as Record<string, unknown>;
      // The association itself is public: a refusal costs only the private fields.
      expect(a.name).toBeTruthy();
      const fields = [a.reservations, a.equipmentReservations, a.seasonApplications];
      if (fields.every((f) => f !== null) && !body.errors) return 'allowed';
      expect(fields).toEqual([null, null, null]);
      expect(codes(body)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      return 'refused';
    },

    "read an association's grant applications, drafts included": async (role, target) => {
      const { body } = await as(role)(
        `query ($id: ID!) { association(id: $id) { name { fi } grantApplications { totalCount } } }`,
        { id: association(target) },
      );
      const a = body.data!.association as Record<string, unknown>;
      expect(a.name).toBeTruthy();
      if (a.grantApplications !== null && !body.errors) return 'allowed';
      expect(codes(body)).toEqual(['FORBIDDEN']);
      return 'refused';
    },

    'read the feedback comments on an event': async (role) => {
      const { body } = await as(role)(
        `query ($id: ID!) { event(id: $id) { feedback { rating comment } } }`,
        {
          id: eventId('yhdistysilta-syksy'),
        },
      );
      const event = body.data?.event as { feedback: unknown[] | null } | null;
      if (event?.feedback && event.feedback.length > 0 && !body.errors) return 'allowed';
      expect(codes(body)).toEqual(['FORBIDDEN']);
      return 'refused';
    },

    '`createAssociation`, `archiveAssociation`': async (role) =>
      attempt(as(role), 'createAssociation', 'CreateAssociationInput', {
        name: { fi: `Testiyhdistys ${counter++} ry` },
        kind: 'REGISTERED_ASSOCIATION',
        municipalityCode: '398',
      }),

    '`updateAssociation` (the profile), `add/update/removeActivity`, `add/update/removeContactPerson`':
      async (role, target) =>
        attempt(as(role), 'updateAssociation', 'UpdateAssociationInput', {
          id: association(target),
          overwrite: true,
          memberCount: 100 + counter++,
        }),

    '`createCategory`, `updateCategory`, `createServiceArea`': async (role) =>
      attempt(as(role), 'createCategory', 'CreateCategoryInput', {
        slug: `testi-${counter++}`,
        name: { fi: 'Testi' },
      }),

    '`updateServiceArea`, `add/update/removeCityLiaison`': async (role, target) =>
      attempt(as(role), 'updateServiceArea', 'UpdateServiceAreaInput', {
        id: area(target),
        overwrite: true,
        sortOrder: 10 + (target === 'own' ? 1 : 3),
      }),

    "`holdVenue` (the events subgraph asks it with the caller's token while it writes an event at a city space; a pending hold lapses in five minutes, at most 250 per account)":
      async (role) => {
        // Far beyond every other probe's times, so that the pending hold is in no one's way.
        const starts = new Date(Date.now() + 400 * 86_400_000 + counter++ * 3_600_000);
        return attempt(as(role), 'holdVenue', 'HoldVenueInput', {
          spaceId: SPACE.own,
          occurrences: [
            {
              eventId: randomUUID(),
              startsAt: starts.toISOString(),
              endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
            },
          ],
        });
      },

    '`createFacility`, `updateFacility`, `createSpace`, `updateSpace`, opening hours, `blockSpaceTime`':
      async (role, target) =>
        attempt(as(role), 'createFacility', 'CreateFacilityInput', {
          name: { fi: `Testitalo ${counter++}` },
          kind: 'LIBRARY',
          address: { street: 'Testikatu 1', postalCode: '15100', city: 'Lahti' },
          municipalityCode: '398',
          serviceAreaId: area(target),
        }),

    '`requestReservation`, `requestEquipment`, `applyForSeasonSlot`': async (role, target) =>
      attempt(as(role), 'requestReservation', 'RequestReservationInput', {
        spaceId: SPACE.own,
        associationId: association(target),
        purpose: 'Kokous',
        attendees: 5,
        ...nextSlot(),
      }),

    '`decideReservation`, `decideEquipmentReservation`, `allocateSeasonSlot`': async (
      role,
      target,
    ) =>
      attempt(
        as(role),
        'decideReservation',
        'DecideReservationInput',
        { id: await requestedReservation(SPACE[target]), decision: 'CONFIRM' },
        { hiddenFromOutsiders: true },
      ),

    '`createEvent`: a community event the association organises': async (role, target) =>
      attempt(as(role), 'createEvent', 'CreateEventInput', {
        title: { fi: 'Avoimet ovet' },
        kind: 'COMMUNITY_EVENT',
        ...eventTime(),
        organizerIds: [association(target)],
      }),

    '`createEvent`: an event of a service area': async (role, target) =>
      attempt(as(role), 'createEvent', 'CreateEventInput', {
        title: { fi: 'Yhdistysilta' },
        kind: 'ASSOCIATION_EVENING',
        ...eventTime(),
        serviceAreaIds: [area(target)],
      }),

    '`enrol`': async (role, target) =>
      attempt(as(role), 'enrol', 'EnrolInput', {
        eventId: enrollable,
        associationId: association(target),
        people: 1,
      }),

    // Each person gives feedback on an event once: every try is by another person.
    '`giveFeedback`': async (role, target) =>
      attempt(asSomeoneElse(role), 'giveFeedback', 'GiveFeedbackInput', {
        eventId: eventId('yhdistysilta-syksy'),
        rating: 4,
        associationId: association(target),
      }),

    '`createGrantApplication`, `updateGrantApplication`, `submitGrantApplication`, `withdrawGrantApplication`':
      async (role, target) =>
        attempt(as(role), 'createGrantApplication', 'CreateGrantApplicationInput', {
          roundId: openRound.own,
          associationId: association(target),
          title: 'Kerho',
          requestedAmount: '300.00',
        }),

    '`startGrantReview`, `decideGrantApplication`, `markGrantPaid`': async (role, target) =>
      attempt(
        as(role),
        'startGrantReview',
        'GrantApplicationStepInput',
        { id: await submittedApplication(target) },
        // An application is private to its applicant and staff: others are told NOT_FOUND.
        { hiddenFromOutsiders: true },
      ),

    '`createGrantProgram`, `updateGrantProgram`, `createApplicationRound`, `updateApplicationRound`':
      async (role, target) => {
        const year = new Date().getFullYear() + 2;
        return attempt(as(role), 'createApplicationRound', 'CreateApplicationRoundInput', {
          programId: program[target],
          year,
          opensAt: `${year}-01-0${1 + (counter++ % 9)}T08:00:00Z`,
          closesAt: `${year}-02-01T14:00:00Z`,
        });
      },

    '`createMilestone`, `updateMilestone`, `removeMilestone` of a service area': async (
      role,
      target,
    ) =>
      attempt(as(role), 'createMilestone', 'CreateMilestoneInput', {
        title: { fi: 'Hyvinvointikertomuksen työpaja' },
        kind: 'WELFARE_REPORT',
        startsOn: '2030-03-12',
        endsOn: '2030-03-12',
        serviceAreaId: area(target),
      }),

    '`createSurvey`, `updateSurvey`, `openSurvey`, `closeSurvey`': async (role, target) =>
      attempt(as(role), 'createSurvey', 'CreateSurveyInput', surveyInput([area(target)])),

    '`submitSurveyResponse`, `changeSurveyResponse` for an association': async (role, target) => {
      const survey = await openSurvey();
      return attempt(as(role), 'submitSurveyResponse', 'SubmitSurveyResponseInput', {
        surveyId: survey.id,
        associationId: association(target),
        answers: [{ questionId: survey.questionId, choice: 4 }],
      });
    },

    "read a survey's results before it closes, and export its answers (`answersCsv`)": async (
      role,
    ) => {
      const { body } = await as(role)(
        `query ($id: ID!) { survey(id: $id) { status results { responseCount } } }`,
        { id: (await openSurvey()).id },
      );
      const survey = body.data!.survey as { status: string; results: unknown };
      expect(survey.status).toBe('OPEN');
      return survey.results !== null ? 'allowed' : 'refused';
    },

    '`createIndicator`, `recordIndicatorValue`, `createGuide`, `updateGuide`': async (role) =>
      attempt(as(role), 'createIndicator', 'CreateIndicatorInput', {
        name: { fi: `Mittari ${counter++}` },
        kind: 'RESULT',
      }),

    '`createGoal`, `updateGoal`': async (role) =>
      attempt(as(role), 'createGoal', 'CreateGoalInput', { name: { fi: `Tavoite ${counter++}` } }),

    '`createAnnouncement`, `publishAnnouncement`, `withdrawAnnouncement`; read drafts, `subscriberCounts` and `deliveries`':
      async (role) =>
        attempt(as(role), 'createAnnouncement', 'CreateAnnouncementInput', {
          title: { fi: `Tiedote ${counter++}` },
          body: { fi: 'Teksti.' },
          topic: 'GENERAL',
          audience: { everyone: true },
        }),

    '`subscribe` an e-mail address (double opt-in), `confirmSubscription`, `unsubscribe`': async (
      role,
    ) =>
      attempt(as(role), 'subscribe', 'SubscribeInput', {
        address: `tilaaja${counter++}@seura.example`,
        topics: ['GENERAL'],
        audience: { everyone: true },
      }),

    '`subscribe` a webhook': async (role) =>
      attempt(as(role), 'subscribe', 'SubscribeInput', {
        channel: 'WEBHOOK',
        address: `https://127.0.0.1/hooks/${counter++}`,
        topics: ['GENERAL'],
        audience: { everyone: true },
      }),

    '`runReminders`': async (role) => {
      const { body } = await as(role)('mutation { runReminders }');
      return judgeWrite(body, 'runReminders');
    },

    '`createWorkingGroup`, its members and its plan': async (role, target) =>
      attempt(as(role), 'createWorkingGroup', 'CreateWorkingGroupInput', {
        name: { fi: `Työryhmä ${counter++}` },
        theme: 'OTHER',
        serviceAreaIds: [area(target)],
      }),
  };

  function surveyInput(serviceAreaIds: string[]) {
    return {
      title: { fi: `Kysely ${counter++}` },
      audience: 'ASSOCIATIONS',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      anonymous: false,
      serviceAreaIds,
      questions: [{ text: { fi: 'Sujuuko yhteistyö?' }, kind: 'LIKERT_5', required: true }],
    };
  }

  /** One open association survey for the probes that answer or read one, made by an admin. */
  let open: Promise<{ id: string; questionId: string }> | undefined;
  function openSurvey(): Promise<{ id: string; questionId: string }> {
    open ??= (async () => {
      const created = await as('admin')(
        `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id questions { id } } }`,
        { input: surveyInput([]) },
      );
      const survey = created.body.data!.createSurvey as {
        id: string;
        questions: Array<{ id: string }>;
      };
      const opened = await as('admin')(`mutation ($id: ID!) { openSurvey(id: $id) { id } }`, {
        id: survey.id,
      });
      expect(opened.body.errors).toBeUndefined();
      return { id: survey.id, questionId: survey.questions[0].id };
    })();
    return open;
  }

  let enrollable: string;

  beforeAll(async () => {
    t = await startTestHub();
    tokens.anonymous = undefined;
    tokens.representative = await t.token({
      role: 'representative',
      subject: 'rep',
      associationIds: [OWN_ASSOCIATION],
    });
    tokens.staff = await t.token({ role: 'staff', subject: 'staff', serviceAreaIds: [OWN_AREA] });
    tokens.admin = await t.token({ role: 'admin', subject: 'admin' });

    const rounds = await as('anonymous')(
      `{ applicationRounds(filter: { statuses: [OPEN] }) { id program { id serviceArea { id } } } }`,
    );
    const open = rounds.body.data!.applicationRounds as Array<{
      id: string;
      program: { id: string; serviceArea: { id: string } | null };
    }>;
    const inArea = (id: string) => open.find((r) => r.program.serviceArea?.id === id);
    const elsewhere = open.find(
      (r) => r.program.serviceArea && r.program.serviceArea.id !== OWN_AREA,
    );
    openRound = { own: inArea(OWN_AREA)!.id, other: elsewhere!.id };
    program = { own: inArea(OWN_AREA)!.program.id, other: elsewhere!.program.id };

    const created = await as('admin')(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: { fi: 'Ilmoittautumisilta' },
          kind: 'ASSOCIATION_EVENING',
          status: 'SCHEDULED',
          capacity: 500,
          ...eventTime(),
          serviceAreaIds: [OWN_AREA],
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    enrollable = (created.body.data!.createEvent as { id: string }).id;
  });

  afterAll(() => t.stop());

  it('has a probe for every row of the access table, and a row for every probe', () => {
    expect([...accessTable().keys()].sort()).toEqual(Object.keys(PROBES).sort());
  });

  it('allows no more to a subgraph reached directly, past the gateway, through _entities', async () => {
    const direct = (name: 'associations' | 'facilities', query: string, token?: string) =>
      postGraphQL(
        t.hub.subgraphs[name].graphqlUrl,
        query,
        { r: [{ __typename: 'Association', id: OWN_ASSOCIATION }] },
        token ? { authorization: `Bearer ${token}` } : {},
      );
    const contacts = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Association { contacts { name email phone } } } }`;
    const hidden = (answer: Awaited<ReturnType<typeof direct>>) =>
      (
        answer.body.data!._entities as Array<{
          contacts: Array<{ name: string; email: string | null; phone: string | null }>;
        }>
      )[0].contacts.find((c) => c.name === 'Laura Nieminen');
    expect(hidden(await direct('associations', contacts))).toMatchObject({
      email: null,
      phone: null,
    });
    const stranger = await t.token({ role: 'representative', associationIds: [OTHER_ASSOCIATION] });
    expect(hidden(await direct('associations', contacts, stranger))).toMatchObject({ email: null });
    expect(hidden(await direct('associations', contacts, tokens.representative))).toMatchObject({
      email: 'laura.nieminen@example.fi',
    });

    const reservations = await direct(
      'facilities',
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Association { reservations { totalCount } } } }`,
    );
    expect(codes(reservations.body)).toEqual(['FORBIDDEN']);
    const badToken = await direct(
      'facilities',
      contacts.replace('contacts { name email phone }', 'reservations { totalCount }'),
      'not-a-token',
    );
    expect(badToken.status).toBe(401);
  });

  for (const role of ROLES) {
    it(`walks the table as ${role}`, async () => {
      const mismatches: string[] = [];
      for (const [what, access] of accessTable()) {
        const cell = access[role];
        const expected: Array<[Target, Outcome]> =
          cell === 'yes'
            ? [
                ['own', 'allowed'],
                ['other', 'allowed'],
              ]
            : cell === 'own'
              ? [
                  ['own', 'allowed'],
                  ['other', 'refused'],
                ]
              : [
                  ['own', 'refused'],
                  ['other', 'refused'],
                ];
        for (const [target, outcome] of expected) {
          const actual = await PROBES[what](role, target);
          if (actual !== outcome)
            mismatches.push(`${what} (${target}): expected ${outcome}, got ${actual}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
