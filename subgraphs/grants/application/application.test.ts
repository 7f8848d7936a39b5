import { noPublicGraph } from '../../core/public-graph';
import { everyAssociationExists } from '../../../tests/setup/association-directory';
import { randomUUID } from 'node:crypto';
import { grantsSubgraph } from '../grants.subgraph';
import { makeApplication, makeProgram, makeRound } from '../../../tests/factories/grants.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { createGrantsContext } from '../grants.context';
import { GrantApplicationStatus, GrantDecisionOutcome } from './application.enums';
import { type GrantAction, TRANSITIONS } from './application.transitions';

const rules = brokenRules;

const ALL_STATUSES = Object.values(GrantApplicationStatus);

/** Each action as a client sends it, with valid extra input. */
const CALLS: Record<GrantAction, { mutation: string; extra: Record<string, unknown> }> = {
  SUBMIT: { mutation: 'submitGrantApplication', extra: {} },
  START_REVIEW: { mutation: 'startGrantReview', extra: {} },
  DECIDE: {
    mutation: 'decideGrantApplication',
    extra: { outcome: 'PARTIALLY_APPROVED', awardedAmount: '400.00' },
  },
  PAY: { mutation: 'markGrantPaid', extra: {} },
  REPORT: { mutation: 'reportGrantUsage', extra: { report: 'Rahat käytettiin salivuokriin.' } },
  WITHDRAW: { mutation: 'withdrawGrantApplication', extra: {} },
};
const INPUT_TYPES: Record<GrantAction, string> = {
  SUBMIT: 'GrantApplicationStepInput',
  START_REVIEW: 'GrantApplicationStepInput',
  DECIDE: 'DecideGrantApplicationInput',
  PAY: 'GrantApplicationStepInput',
  REPORT: 'ReportGrantUsageInput',
  WITHDRAW: 'GrantApplicationStepInput',
};
const TARGET: Record<GrantAction, GrantApplicationStatus> = {
  SUBMIT: GrantApplicationStatus.SUBMITTED,
  START_REVIEW: GrantApplicationStatus.IN_REVIEW,
  DECIDE: GrantApplicationStatus.PARTIALLY_APPROVED,
  PAY: GrantApplicationStatus.PAID,
  REPORT: GrantApplicationStatus.REPORTED,
  WITHDRAW: GrantApplicationStatus.WITHDRAWN,
};

describe('GrantApplication', () => {
  let subgraph: TestSubgraph;
  const areaId = randomUUID();
  const associationId = randomUUID();
  let roundId: string;
  let closedRoundId: string;
  let applicant: string;
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(grantsSubgraph);
    const programId = await makeProgram(subgraph.db, { serviceAreaId: areaId });
    roundId = await makeRound(subgraph.db, programId);
    closedRoundId = await makeRound(subgraph.db, programId, { open: false });
    applicant = await subgraph.token({ role: 'representative', associationIds: [associationId] });
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
  });

  afterAll(() => subgraph.stop());

  const statusOf = async (id: string) =>
    (
      (await subgraph.db.query('SELECT status FROM grants.grant_application WHERE id = $1', [
        id,
      ])) as Array<{ status: string }>
    )[0].status;

  function act(
    action: GrantAction,
    id: string,
    token: string | undefined,
    extra: Record<string, unknown> = {},
  ) {
    const { mutation, extra: base } = CALLS[action];
    return subgraph.request<Record<string, { status: string }>>(
      `mutation($input: ${INPUT_TYPES[action]}!) { ${mutation}(input: $input) { status } }`,
      { input: { id, ...base, ...extra } },
      token,
    );
  }

  describe('every transition, allowed and forbidden', () => {
    for (const action of Object.keys(TRANSITIONS) as GrantAction[]) {
      const rule = TRANSITIONS[action];
      for (const from of ALL_STATUSES) {
        const allowed = rule.from.includes(from);
        it(`${action} from ${from} is ${allowed ? `allowed, to ${TARGET[action]}` : 'refused and changes nothing'}`, async () => {
          const id = await makeApplication(subgraph.db, roundId, {
            associationId,
            status: from,
            requested: '500.00',
          });
          const answer = await act(action, id, rule.actor === 'STAFF' ? staff : applicant);
          if (allowed) {
            expect(answer.errors).toEqual([]);
            expect(await statusOf(id)).toBe(TARGET[action]);
            const history: Array<{ from_status: string; to_status: string; actor_role: string }> =
              await subgraph.db.query(
                'SELECT from_status, to_status, actor_role FROM grants.grant_application_history WHERE application_id = $1',
                [id],
              );
            expect(history).toEqual([
              {
                from_status: from,
                to_status: TARGET[action],
                actor_role: rule.actor === 'STAFF' ? 'staff' : 'representative',
              },
            ]);
          } else {
            expect(rules(answer)).toEqual(['input.id STATUS_TRANSITION']);
            expect(await statusOf(id)).toBe(from);
          }
        });
      }

      it(`${action} by anyone but ${rule.actor === 'STAFF' ? "the program's staff" : 'the applicant'} is refused alike for every outsider and changes nothing`, async () => {
        const from = rule.from[0];
        const id = await makeApplication(subgraph.db, roundId, {
          associationId,
          status: from,
          requested: '500.00',
        });
        const wrong =
          rule.actor === 'STAFF'
            ? [
                applicant,
                await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] }),
                undefined,
              ]
            : [
                staff,
                await subgraph.token({ role: 'representative', associationIds: [randomUUID()] }),
                undefined,
              ];
        // Those who may see the application (its applicant, any staff) are FORBIDDEN the
        // move; those who may not (another association, anonymous) get NOT_FOUND, the same
        // answer as for an id that does not exist, so the answer tells them nothing.
        const seeing = wrong.slice(0, rule.actor === 'STAFF' ? 2 : 1);
        const notSeeing = wrong.slice(seeing.length);
        for (const token of seeing)
          expect(errorCodes(await act(action, id, token))).toEqual(['FORBIDDEN']);
        for (const token of notSeeing) {
          const answer = await act(action, id, token);
          const madeUp = await act(action, randomUUID(), token);
          expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
          expect(answer.errors[0].message.replace(id, '<id>')).toBe(
            madeUp.errors[0].message.replace(/[0-9a-f-]{36}/, '<id>'),
          );
        }
        expect(await statusOf(id)).toBe(from);
      });
    }
  });

  it('lets one of two staff deciding at once win; the other gets CONFLICT and changes nothing', async () => {
    const id = await makeApplication(subgraph.db, roundId, {
      associationId,
      status: 'IN_REVIEW',
      requested: '800.00',
    });
    const staffIdentity = (subject: string) =>
      Object.freeze({
        role: 'staff' as const,
        subject,
        associationIds: [],
        serviceAreaIds: [areaId],
      });
    const first = createGrantsContext(subgraph.db, staffIdentity('staff-1'), {
      associations: everyAssociationExists,
      graph: noPublicGraph,
      events: subgraph.events,
    });
    const second = createGrantsContext(subgraph.db, staffIdentity('staff-2'), {
      associations: everyAssociationExists,
      graph: noPublicGraph,
      events: subgraph.events,
    });
    // Both have read the application while it was IN_REVIEW, as two open browser tabs have.
    await Promise.all([first.applications.byId(id), second.applications.byId(id)]);
    await first.applications.decide({
      id,
      outcome: GrantDecisionOutcome.APPROVED,
      awardedAmount: '800.00',
    });
    await expect(
      second.applications.decide({
        id,
        outcome: GrantDecisionOutcome.REJECTED,
        awardedAmount: '0',
        note: 'Ei rahaa',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const rows: Array<{ status: string; awarded_amount: string }> = await subgraph.db.query(
      'SELECT status, awarded_amount FROM grants.grant_application WHERE id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ status: 'APPROVED', awarded_amount: '800.00' });
    const history: unknown[] = await subgraph.db.query(
      'SELECT 1 FROM grants.grant_application_history WHERE application_id = $1',
      [id],
    );
    expect(history).toHaveLength(1);
  });

  it('takes a submission only while the round is open', async () => {
    const id = await makeApplication(subgraph.db, closedRoundId, { associationId });
    expect(rules(await act('SUBMIT', id, applicant))).toEqual(['input.id ROUND_CLOSED']);
    expect(await statusOf(id)).toBe('DRAFT');
  });

  describe('decision amounts', () => {
    const decide = async (
      outcome: string,
      awardedAmount: string,
      requested = '1000.00',
      note?: string,
    ) => {
      const id = await makeApplication(subgraph.db, roundId, {
        associationId,
        status: 'IN_REVIEW',
        requested,
      });
      return act('DECIDE', id, staff, { outcome, awardedAmount, note });
    };

    it.each([
      ['APPROVED', '0.00', 'input.awardedAmount POSITIVE_FOR_APPROVAL'],
      ['APPROVED', '1000.01', 'input.awardedAmount AT_MOST_REQUESTED'],
      ['PARTIALLY_APPROVED', '1000.00', 'input.awardedAmount LESS_FOR_PARTIAL'],
      ['REJECTED', '0.01', 'input.awardedAmount ZERO_FOR_REJECTION'],
    ])('refuses %s with %s', async (outcome, amount, rule) => {
      expect(rules(await decide(outcome, amount, '1000.00', 'Perustelu'))).toEqual([rule]);
    });

    it('requires reasons for a rejection', async () => {
      expect(rules(await decide('REJECTED', '0'))).toEqual(['input.note REQUIRED']);
    });

    it('approves to the cent, the largest amounts included', async () => {
      expect((await decide('APPROVED', '9999999.99', '9999999.99')).errors).toEqual([]);
      expect((await decide('PARTIALLY_APPROVED', '0.30', '0.31')).errors).toEqual([]);
    });
  });

  it('keeps the budget as exact lines and sums them exactly', async () => {
    const answer = await subgraph.request<{ createGrantApplication: Record<string, unknown> }>(
      `mutation($input: CreateGrantApplicationInput!) { createGrantApplication(input: $input) {
        status requestedAmount { amount currency } budget { kind label amount { amount } }
        budgetTotals { income { amount } costs { amount } otherFunding { amount } uncovered { amount } }
        history { from to actorRole } } }`,
      {
        input: {
          roundId,
          associationId,
          title: 'Kesäleiri',
          requestedAmount: '9999999.99',
          budget: [
            { kind: 'INCOME', label: 'Osallistumismaksut', amount: '0.10' },
            { kind: 'INCOME', label: 'Myyjäiset', amount: '0.20' },
            { kind: 'COST', label: 'Leirikeskus', amount: '9999999.99' },
            { kind: 'OTHER_FUNDING', label: 'Säätiö', amount: '0.01' },
          ],
        },
      },
      applicant,
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.createGrantApplication).toMatchObject({
      status: 'DRAFT',
      requestedAmount: { amount: '9999999.99', currency: 'EUR' },
      budgetTotals: {
        income: { amount: '0.30' },
        costs: { amount: '9999999.99' },
        otherFunding: { amount: '0.01' },
        uncovered: { amount: '9999999.68' },
      },
      history: [{ from: null, to: 'DRAFT', actorRole: 'representative' }],
    });
  });

  it('names every bad field of a new application and writes nothing', async () => {
    const before = (
      (await subgraph.db.query(
        'SELECT count(*)::int AS n FROM grants.grant_application',
      )) as Array<{ n: number }>
    )[0].n;
    const answer = await subgraph.request(
      `mutation($input: CreateGrantApplicationInput!) { createGrantApplication(input: $input) { id } }`,
      {
        input: {
          roundId,
          associationId,
          title: ' ',
          requestedAmount: '0',
          budget: [{ kind: 'COST', label: '', amount: '-5.00' }],
          attachments: [{ title: 'Suunnitelma', url: 'javascript:alert(1)' }],
        },
      },
      applicant,
    );
    expect(rules(answer)).toEqual([
      'input.title REQUIRED',
      'input.requestedAmount MIN',
      'input.attachments[0].url URL_SCHEME',
      'input.budget[0].amount MIN',
      'input.budget[0].label REQUIRED',
    ]);
    const after = (
      (await subgraph.db.query(
        'SELECT count(*)::int AS n FROM grants.grant_application',
      )) as Array<{ n: number }>
    )[0].n;
    expect(after).toBe(before);
  });

  describe('who sees applications', () => {
    it('shows drafts to the applicant and staff only', async () => {
      const id = await makeApplication(subgraph.db, roundId, { associationId, title: 'Luonnos' });
      const QUERY = `query($id: ID!) { grantApplication(id: $id) { title } }`;
      expect((await subgraph.request(QUERY, { id }, applicant)).data).toEqual({
        grantApplication: { title: 'Luonnos' },
      });
      expect((await subgraph.request(QUERY, { id }, staff)).data).toEqual({
        grantApplication: { title: 'Luonnos' },
      });
      const stranger = await subgraph.token({
        role: 'representative',
        associationIds: [randomUUID()],
      });
      expect((await subgraph.request(QUERY, { id }, stranger)).data).toEqual({
        grantApplication: null,
      });
      expect((await subgraph.request(QUERY, { id })).data).toEqual({ grantApplication: null });
    });

    it('lists applications to the applicant (own only) and staff, and refuses anonymous callers', async () => {
      const LIST = `{ grantApplications(first: 100) { edges { node { applicant { id } } } } }`;
      const own = await subgraph.request<{
        grantApplications: { edges: Array<{ node: { applicant: { id: string } } }> };
      }>(LIST, {}, applicant);
      expect(new Set(own.data!.grantApplications.edges.map((e) => e.node.applicant.id))).toEqual(
        new Set([associationId]),
      );
      expect(errorCodes(await subgraph.request(LIST))).toEqual(['FORBIDDEN']);
      const viaEntity = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Association { grantApplications { totalCount } } } }`;
      expect(
        errorCodes(
          await subgraph.request(viaEntity, {
            r: [{ __typename: 'Association', id: associationId }],
          }),
        ),
      ).toEqual(['FORBIDDEN']);
    });
  });
});
