import { Client } from 'pg';
import { SUBGRAPH_NAMES } from '../../subgraphs/core/subgraph.config';
import { gdprApiErrors } from '../setup/open-data-schemas';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 33, part 3, through the gateway: one person's data across the six subgraphs,
 * exported and erased in the shape of the City of Helsinki's profile GDPR API, with every
 * statistic the same after the erasure as before; and the log of who read a contact's
 * unpublished details.
 *
 * The person is the demo's signed-in user (subject "demo": the demo's enrolments,
 * reservations and grant applications are theirs) who is also a contact person of an
 * association (kari.makinen@example.fi, subscribed to decision mails through the contact
 * register); the test adds their feedback, a working-group seat and an answer to a staff
 * survey that is not anonymous.
 */
const SUBJECT = 'demo';
const EMAIL = 'kari.makinen@example.fi';

interface GdprNode {
  key: string;
  value?: string;
  children?: GdprNode[];
}

/** The records of one kind in one service's branch. */
function records(document: GdprNode, service: string, kind: string): GdprNode[] {
  const branch = document.children?.find((c) => c.key === service);
  return (branch?.children ?? []).filter((c) => c.key === kind);
}

function valueOf(record: GdprNode, key: string): string | undefined {
  return record.children?.find((c) => c.key === key)?.value;
}

describe('a person’s data across the federation (GDPR)', () => {
  let t: TestHub;
  let db: Client;
  let dataProtection: string;
  let own: string;
  let feedbackEventId: string;
  let surveyId: string;
  let workingGroupId: string;
  let contactPersonId: string;

  async function gdpr(
    method: 'GET' | 'DELETE',
    query: string,
    token: string | null,
    headers: Record<string, string> = {},
    subject = SUBJECT,
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const response = await fetch(
      `${t.hub.gateway.url}/gdpr-api/v1/profiles/${encodeURIComponent(subject)}${query}`,
      { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } },
    );
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : null,
      headers: response.headers,
    };
  }

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    const { rows } = await db.query<{ n: string }>(sql, parameters);
    return Number(rows[0].n);
  }

  beforeAll(async () => {
    t = await startTestHub();
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    dataProtection = await t.token({
      role: 'staff',
      subject: 'tietosuojavastaava',
      scopes: ['dataprotection'],
    });
    own = await t.token({
      role: 'staff',
      subject: SUBJECT,
      scopes: ['gdprquery', 'gdprdelete'],
      email: EMAIL,
    });
    // The person's feedback on an event they enrolled for.
    ({
      rows: [{ event_id: feedbackEventId }],
    } = await db.query<{ event_id: string }>(
      `INSERT INTO events.feedback (event_id, respondent, respondent_role, rating, comment)
       SELECT event_id, $1, 'representative', 2, 'Liian ahdas sali, terveisin Kari'
         FROM events.enrolment WHERE enrolled_by = $1 LIMIT 1
       RETURNING event_id`,
      [SUBJECT],
    ));
    // A seat in a working group, by address.
    ({
      rows: [{ working_group_id: workingGroupId }],
    } = await db.query<{ working_group_id: string }>(
      `INSERT INTO cooperation.working_group_member (working_group_id, name, role, email, phone)
       SELECT id, 'Kari Mäkinen', 'MEMBER', $1, '+358 40 010 0001' FROM cooperation.working_group LIMIT 1
       RETURNING working_group_id`,
      [EMAIL],
    ));
    // A staff survey that is not anonymous, answered by the person.
    ({
      rows: [{ id: surveyId }],
    } = await db.query<{ id: string }>(
      `INSERT INTO cooperation.survey (title, audience, status, opens_at, closes_at, anonymous, salt)
       VALUES ('{"fi":"Henkilöstön yhteistyökysely"}', 'CITY_STAFF', 'CLOSED',
               '2026-01-05T08:00:00Z', '2026-01-30T16:00:00Z', false, 'suola')
       RETURNING id`,
    ));
    const {
      rows: [{ id: questionId }],
    } = await db.query<{ id: string }>(
      `INSERT INTO cooperation.survey_question (survey_id, position, text, kind, required)
       VALUES ($1, 0, '{"fi":"Mitä toivot yhteistyöltä?"}', 'TEXT', true) RETURNING id`,
      [surveyId],
    );
    const {
      rows: [{ id: responseId }],
    } = await db.query<{ id: string }>(
      `INSERT INTO cooperation.survey_response (survey_id, respondent_key) VALUES ($1, $2) RETURNING id`,
      [surveyId, `staff:${SUBJECT}`],
    );
    await db.query(
      `INSERT INTO cooperation.survey_answer (response_id, question_id, text) VALUES ($1, $2, 'Enemmän yhteisiä iltoja')`,
      [responseId, questionId],
    );
    // The contact person has not made their email and phone public.
    ({
      rows: [{ id: contactPersonId }],
    } = await db.query<{ id: string }>(
      `UPDATE associations.contact_person SET is_public = false WHERE email = $1 RETURNING id`,
      [EMAIL],
    ));
  });

  afterAll(async () => {
    await db.end();
    await t.stop();
  });

  it('answers only the person (with the scope for what they ask) and the data-protection role, and says why in the API’s error shape', async () => {
    const before = await count(
      `SELECT count(*) AS n FROM events.enrolment WHERE enrolled_by = $1`,
      [SUBJECT],
    );
    const noScope = await t.token({ role: 'staff', subject: SUBJECT, email: EMAIL });
    const someoneElse = await t.token({
      role: 'staff',
      subject: 'naapuri',
      scopes: ['gdprquery', 'gdprdelete'],
    });
    const exportOnly = await t.token({ role: 'staff', subject: SUBJECT, scopes: ['gdprquery'] });
    const cases: Array<[string, Promise<{ status: number; body: unknown }>, number, RegExp]> = [
      ['no token', gdpr('GET', '', null), 401, /bearer token is required/],
      ['a bad token', gdpr('GET', '', 'x.y.z'), 401, /token/],
      ['the person without gdprquery', gdpr('GET', '', noScope), 403, /gdprquery scope/],
      ['another person', gdpr('GET', '', someoneElse), 403, /personal data of demo/],
      ['erasing with gdprquery only', gdpr('DELETE', '', exportOnly), 403, /gdprdelete scope/],
      [
        'the person naming an address not in their token',
        gdpr('GET', '?email=naapuri@example.fi', own),
        403,
        /naapuri@example\.fi/,
      ],
      ['dry_run that is no boolean', gdpr('DELETE', '?dry_run=ehkä', own), 400, /dry_run/],
      [
        'an unknown parameter',
        gdpr('GET', '?format=xml', own),
        400,
        /unknown query parameter format/,
      ],
      ['an address that is none', gdpr('GET', '?email=ei-osoite', dataProtection), 400, /email/],
      ['a subject with a NUL', gdpr('GET', '', own, {}, 'demo\u0000'), 400, /subject/],
      ['an address that is an object', gdpr('GET', '?email[a]=x', dataProtection), 400, /email/],
      ['dry_run twice', gdpr('DELETE', '?dry_run=true&dry_run=false', own), 400, /dry_run/],
      [
        'eleven addresses',
        gdpr(
          'GET',
          `?${Array.from({ length: 11 }, (_, i) => `email=h${i}@example.fi`).join('&')}`,
          dataProtection,
        ),
        400,
        /at most 10/,
      ],
      [
        'a subject of 256 characters',
        gdpr('GET', '', dataProtection, {}, 'x'.repeat(256)),
        400,
        /subject/,
      ],
    ];
    for (const [what, answer, status, reason] of cases) {
      const { status: got, body } = await answer;
      expect({ what, status: got }).toEqual({ what, status });
      expect(gdprApiErrors(body, 'ErrorResponse')).toEqual([]);
      const [error] = (body as { errors: Array<{ message: Record<string, string> }> }).errors;
      expect(error.message.en).toMatch(reason);
      expect(error.message.fi).toEqual(expect.any(String));
    }
    // Nothing was read into the logs' counts as answered, nothing erased.
    expect(
      await count(`SELECT count(*) AS n FROM events.enrolment WHERE enrolled_by = $1`, [SUBJECT]),
    ).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM events.personal_data_request`)).toBe(0);
  });

  it('logs who read a contact person’s unpublished details, and shows the log to the data-protection role only', async () => {
    const CONTACTS = `query ($id: ID!) { association(id: $id) { contacts { id email phone } } }`;
    const {
      rows: [{ association_id: associationId }],
    } = await db.query<{ association_id: string }>(
      `SELECT association_id FROM associations.contact_person WHERE id = $1`,
      [contactPersonId],
    );
    const staff = await t.token({ role: 'staff', subject: 'virkailija-1' });
    const seen = await t.client(staff).request<{
      association: { contacts: Array<{ id: string; email: string | null }> };
    }>(CONTACTS, { id: associationId });
    expect(seen.association.contacts.find((c) => c.id === contactPersonId)?.email).toBe(EMAIL);
    // Anonymous callers see no unpublished detail, so nothing of theirs is logged.
    const hidden = await t.client().request<{
      association: { contacts: Array<{ id: string; email: string | null }> };
    }>(CONTACTS, { id: associationId });
    expect(hidden.association.contacts.find((c) => c.id === contactPersonId)?.email).toBeNull();

    const LOG = `query ($id: ID!) { contactDetailReads(filter: { contactPersonId: $id }) {
      totalCount edges { node { readerSubject readerRole contactPersonId associationId fields at } } } }`;
    const log = await t.client(dataProtection).request<{
      contactDetailReads: {
        totalCount: number;
        edges: Array<{ node: { readerSubject: string; fields: string[]; associationId: string } }>;
      };
    }>(LOG, { id: contactPersonId });
    expect(log.contactDetailReads.totalCount).toBe(1);
    expect(log.contactDetailReads.edges[0].node).toMatchObject({
      readerSubject: 'virkailija-1',
      readerRole: 'staff',
      contactPersonId,
      associationId,
      fields: ['email', 'phone'],
    });
    // Staff without the data-protection role may not read the log.
    await expect(t.client(staff).request(LOG, { id: contactPersonId })).rejects.toThrow(
      /data-protection role/,
    );
  });

  it('exports everything held of the person from all six subgraphs as one document, and logs the request in each', async () => {
    const { status, body } = await gdpr('GET', '', own);
    expect(status).toBe(200);
    expect(gdprApiErrors(body, 'Node')).toEqual([]);
    const document = body as GdprNode;
    expect(document.key).toBe('CITY_ASSOCIATION_HUB');
    // A branch from every subgraph (all six), in the hub's order.
    expect(SUBGRAPH_NAMES).toHaveLength(6);
    expect(document.children!.map((c) => c.key)).toEqual(
      SUBGRAPH_NAMES.map((name) => name.toUpperCase()),
    );
    const [contact] = records(document, 'ASSOCIATIONS', 'CONTACT_PERSON');
    expect(valueOf(contact, 'EMAIL')).toBe(EMAIL);
    expect(valueOf(contact, 'IS_PUBLIC')).toBe('false');
    const [read] = records(document, 'ASSOCIATIONS', 'CONTACT_DETAILS_READ');
    expect(valueOf(read, 'FIELDS')).toBe('email,phone');
    expect(records(document, 'FACILITIES', 'RESERVATION').length).toBe(
      await count(`SELECT count(*) AS n FROM facilities.reservation WHERE requested_by = $1`, [
        SUBJECT,
      ]),
    );
    expect(records(document, 'GRANTS', 'GRANT_APPLICATION').length).toBeGreaterThan(0);
    expect(records(document, 'EVENTS', 'ENROLMENT').length).toBeGreaterThan(0);
    const [feedback] = records(document, 'EVENTS', 'FEEDBACK');
    expect(valueOf(feedback, 'COMMENT')).toBe('Liian ahdas sali, terveisin Kari');
    const [answer] = records(document, 'COOPERATION', 'SURVEY_RESPONSE');
    expect(valueOf(answer, 'ANSWERS')).toBe(
      '1. Mitä toivot yhteistyöltä?: Enemmän yhteisiä iltoja',
    );
    const [seat] = records(document, 'COOPERATION', 'WORKING_GROUP_MEMBER');
    expect(valueOf(seat, 'PHONE')).toBe('+358 40 010 0001');
    expect(
      records(document, 'COMMUNICATIONS', 'SUBSCRIPTION').map((s) => valueOf(s, 'ADDRESS')),
    ).toContain(EMAIL);
    // A value is a string or absent, never null (the API's Node).
    expect(JSON.stringify(document)).not.toContain('null');

    for (const schema of SUBGRAPH_NAMES) {
      const { rows } = await db.query(
        `SELECT action, subject, caller_subject, caller_role, data_protection, email_count
           FROM ${schema}.personal_data_request`,
      );
      expect({ schema, rows }).toEqual({
        schema,
        rows: [
          {
            action: 'EXPORT',
            subject: SUBJECT,
            caller_subject: SUBJECT,
            caller_role: 'staff',
            data_protection: false,
            email_count: 1,
          },
        ],
      });
    }
  });

  /** Every figure the hub publishes that the person's records are part of. */
  async function statistics(): Promise<unknown> {
    const staff = await t.token({ role: 'staff' });
    return t.client(staff).request(
      `query ($event: ID!, $survey: ID!, $group: ID!) {
        eventStatistics(groupBy: [KIND]) {
          groups { kind count enrolments participants associations came noShows }
          total { count enrolments participants associations came noShows } }
        reservationStatistics(groupBy: []) { total { reservations hours associations } }
        grantStatistics(groupBy: [YEAR]) { groups { year applicationCount awardedCount requestedTotal { amount } awardedTotal { amount } } }
        supportStatistics(filter: { years: [2025, 2026, 2027] }, groupBy: [YEAR]) {
          groups { year associationCount grantsAwarded { amount } spaceSubsidy { amount } equipmentLent { amount } total { amount } } }
        event(id: $event) { feedbackSummary { count averageRating distribution } }
        survey(id: $survey) { results { responseCount questions { answerCount texts } } }
        workingGroup(id: $group) { members { role } }
      }`,
      { event: feedbackEventId, survey: surveyId, group: workingGroupId },
    );
  }

  it('says in a dry run what erasure would erase, anonymise and keep (and why), and changes nothing', async () => {
    const figures = await statistics();
    const bare = await gdpr('DELETE', '?dry_run=true', dataProtection);
    expect(bare.status).toBe(204);
    expect(bare.body).toBeNull();

    const reported = await gdpr(
      'DELETE',
      `?dry_run=true&email=${encodeURIComponent(EMAIL)}`,
      dataProtection,
      { prefer: 'return=representation' },
    );
    expect(reported.status).toBe(200);
    expect(reported.headers.get('preference-applied')).toBe('return=representation');
    expect(gdprApiErrors(reported.body, 'Node')).toEqual([]);
    const document = reported.body as GdprNode;
    expect(valueOf(records(document, 'ASSOCIATIONS', 'CONTACT_PERSON')[0], 'DISPOSITION')).toBe(
      'ERASE',
    );
    expect(valueOf(records(document, 'EVENTS', 'ENROLMENT')[0], 'DISPOSITION')).toBe('ANONYMISE');
    const applications = records(document, 'GRANTS', 'GRANT_APPLICATION');
    const filed = applications.find((a) => valueOf(a, 'STATUS') === 'PAID')!;
    expect(valueOf(filed, 'DISPOSITION')).toBe('KEEP');
    expect(valueOf(filed, 'KEPT_BECAUSE')).toMatch(/arkistolaki 831\/1994/);
    const draft = applications.find((a) => valueOf(a, 'STATUS') === 'DRAFT')!;
    expect(valueOf(draft, 'DISPOSITION')).toBe('ANONYMISE');

    // Nothing changed: the person is still found, the figures are the same.
    expect(
      await count(`SELECT count(*) AS n FROM associations.contact_person WHERE email = $1`, [
        EMAIL,
      ]),
    ).toBe(1);
    expect(await statistics()).toEqual(figures);
    expect(
      await count(
        `SELECT count(*) AS n FROM grants.personal_data_request WHERE action = 'ERASE_DRY_RUN' AND data_protection`,
      ),
    ).toBe(2);
  });

  it('erases the person across all six subgraphs, keeps what the law keeps, and leaves every statistic as it was', async () => {
    const figures = await statistics();
    const erased = await gdpr('DELETE', '', own);
    expect(erased.status).toBe(204);

    expect(await statistics()).toEqual(figures);
    // Associations: the contact person is gone from the association.
    expect(
      await count(`SELECT count(*) AS n FROM associations.contact_person WHERE id = $1`, [
        contactPersonId,
      ]),
    ).toBe(0);
    // Facilities, events, grants' drafts: no row names the person any more.
    for (const [table, column] of [
      ['facilities.reservation', 'requested_by'],
      ['facilities.season_application', 'applied_by'],
      ['facilities.equipment_reservation', 'requested_by'],
      ['events.enrolment', 'enrolled_by'],
      ['events.feedback', 'respondent'],
      ['events.event', 'attendance_recorded_by'],
      ['events.event_series', 'created_by'],
      ['facilities.blocked_time', 'held_by'],
    ]) {
      expect({
        table,
        n: await count(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [SUBJECT]),
      }).toEqual({ table, n: 0 });
    }
    expect(
      await count(
        `SELECT count(*) AS n FROM events.feedback WHERE event_id = $1 AND comment LIKE '%Kari%'`,
        [feedbackEventId],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM grants.grant_application WHERE created_by = $1 AND status = 'DRAFT'`,
        [SUBJECT],
      ),
    ).toBe(0);
    // Cooperation: the answer and the seat stay, no longer anyone's.
    expect(
      await count(
        `SELECT count(*) AS n FROM cooperation.survey_response WHERE respondent_key = $1`,
        [`staff:${SUBJECT}`],
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM cooperation.working_group_member WHERE email = $1`, [
        EMAIL,
      ]),
    ).toBe(0);
    // Communications: no subscription to the address, none live.
    expect(
      await count(`SELECT count(*) AS n FROM communications.subscription WHERE address = $1`, [
        EMAIL,
      ]),
    ).toBe(0);

    // What is left is what the law keeps, each saying so.
    const after = await gdpr('GET', '', own);
    expect(after.status).toBe(200);
    const left = (after.body as GdprNode).children!;
    // (The log of reads of the erased contact stays, under the record's id, found by no one.)
    expect(left.map((c) => c.key)).toEqual(['GRANTS', 'COMMUNICATIONS']);
    for (const [service, kind] of [
      ['GRANTS', 'GRANT_APPLICATION'],
      ['COMMUNICATIONS', 'ANNOUNCEMENT'],
    ]) {
      const kept = records(after.body as GdprNode, service, kind);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.filter((r) => valueOf(r, 'STATUS') === 'DRAFT')).toEqual([]);
    }
    // Only what was kept: nothing else of the person is found.
    expect(new Set(left.flatMap((branch) => branch.children!.map((r) => r.key)))).toEqual(
      new Set(['ANNOUNCEMENT', 'GRANT_APPLICATION', 'GRANT_APPLICATION_STEP']),
    );

    // Each subgraph logged the erasure, by the person themself.
    for (const schema of SUBGRAPH_NAMES) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.personal_data_request
          WHERE action = 'ERASE' AND caller_subject = $1 AND NOT data_protection`,
        [SUBJECT],
      );
      expect({ schema, erasures: Number(rows[0].n) }).toEqual({ schema, erasures: 1 });
    }

    // Asked again, erasure finds nothing more to do.
    expect((await gdpr('DELETE', '', own)).status).toBe(204);
    expect(await statistics()).toEqual(figures);
  });
});
