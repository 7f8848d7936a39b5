import { randomUUID } from 'node:crypto';
import { makeApplication, makeProgram, makeRound } from '../../../tests/factories/grants.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { grantsSubgraph } from '../grants.subgraph';

const CREATE_PROGRAM = `mutation ($input: CreateGrantProgramInput!) { createGrantProgram(input: $input) { id name { fi } kind serviceArea { id } yearlyBudget { amount } rulesUrl } }`;
const UPDATE_PROGRAM = `mutation ($input: UpdateGrantProgramInput!) { updateGrantProgram(input: $input) { id name { fi } summary { fi } yearlyBudget { amount } } }`;
const CREATE_ROUND = `mutation ($input: CreateApplicationRoundInput!) { createApplicationRound(input: $input) { id year opensAt closesAt continuous status budget { amount } program { id } } }`;
const UPDATE_ROUND = `mutation ($input: UpdateApplicationRoundInput!) { updateApplicationRound(input: $input) { id opensAt closesAt decisionExpectedAt budget { amount } sequence } }`;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('keeping grant programs and application rounds', () => {
  let subgraph: TestSubgraph;
  const culture = randomUUID();
  const sports = randomUUID();
  let cultureStaff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(grantsSubgraph);
    cultureStaff = await subgraph.token({ role: 'staff', serviceAreaIds: [culture] });
  });

  afterAll(() => subgraph.stop());

  const count = async (table: string) =>
    Number(
      (
        (await subgraph.db.query(`SELECT count(*) AS n FROM grants.${table}`)) as Array<{
          n: string;
        }>
      )[0].n,
    );

  it('lets staff of a service area add a program and open a round that associations then see', async () => {
    const program = await subgraph.request<{ createGrantProgram: { id: string } }>(
      CREATE_PROGRAM,
      {
        input: {
          name: { fi: 'Kulttuuritapahtumien avustus', en: 'Culture event grant' },
          kind: 'EVENT',
          serviceAreaId: culture,
          yearlyBudget: '40000.00',
          rulesUrl: 'https://lahti.example/avustukset/kulttuuri',
        },
      },
      cultureStaff,
    );
    expect(program.errors).toEqual([]);
    expect(program.data!.createGrantProgram).toMatchObject({
      name: { fi: 'Kulttuuritapahtumien avustus' },
      kind: 'EVENT',
      serviceArea: { id: culture },
      yearlyBudget: { amount: '40000.00' },
    });
    const programId = program.data!.createGrantProgram.id;
    const round = await subgraph.request<{ createApplicationRound: { id: string } }>(
      CREATE_ROUND,
      {
        input: {
          programId,
          year: new Date(inDays(1)).getUTCFullYear() + 1,
          opensAt: inDays(-1),
          closesAt: inDays(30),
          decisionExpectedAt: inDays(60),
          budget: '20000.00',
        },
      },
      cultureStaff,
    );
    expect(round.errors).toEqual([]);
    expect(round.data!.createApplicationRound).toMatchObject({
      continuous: false,
      status: 'OPEN',
      budget: { amount: '20000.00' },
      program: { id: programId },
    });
    const open = await subgraph.request<{ applicationRounds: Array<{ id: string }> }>(
      `{ applicationRounds(filter: { statuses: [OPEN] }) { id } }`,
    );
    expect(open.data!.applicationRounds.map((r) => r.id)).toContain(
      round.data!.createApplicationRound.id,
    );
  });

  it('refuses others: another area’s staff, representatives, anonymous callers; city-wide programs are an admin’s', async () => {
    const programs = await count('grant_program');
    const input = { name: { fi: 'Liikunta-avustus' }, kind: 'RECURRING', serviceAreaId: sports };
    expect(errorCodes(await subgraph.request(CREATE_PROGRAM, { input }, cultureStaff))).toEqual([
      'FORBIDDEN',
    ]);
    const representative = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    expect(errorCodes(await subgraph.request(CREATE_PROGRAM, { input }, representative))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await subgraph.request(CREATE_PROGRAM, { input }))).toEqual(['FORBIDDEN']);
    const cityWide = { name: { fi: 'Pienavustus' }, kind: 'SMALL' };
    expect(
      errorCodes(await subgraph.request(CREATE_PROGRAM, { input: cityWide }, cultureStaff)),
    ).toEqual(['FORBIDDEN']);
    expect(await count('grant_program')).toBe(programs);
    const admin = await subgraph.token({ role: 'admin' });
    expect((await subgraph.request(CREATE_PROGRAM, { input: cityWide }, admin)).errors).toEqual([]);

    const sportsProgram = await makeProgram(subgraph.db, { serviceAreaId: sports });
    const rounds = await count('application_round');
    const round = {
      programId: sportsProgram,
      year: 2030,
      opensAt: '2030-01-01T08:00:00Z',
      closesAt: '2030-02-01T14:00:00Z',
    };
    expect(
      errorCodes(await subgraph.request(CREATE_ROUND, { input: round }, cultureStaff)),
    ).toEqual(['FORBIDDEN']);
    expect(await count('application_round')).toBe(rounds);
  });

  it('names every broken rule at once and writes nothing', async () => {
    const programs = await count('grant_program');
    const bad = await subgraph.request(
      CREATE_PROGRAM,
      {
        input: {
          name: { fi: '  ', sv: 'Bidrag' },
          kind: 'PROJECT',
          serviceAreaId: culture,
          yearlyBudget: '-1.00',
          rulesUrl: 'ftp://lahti.example/rules',
        },
      },
      cultureStaff,
    );
    expect(brokenRules(bad).sort()).toEqual([
      'input.name.fi REQUIRED',
      'input.rulesUrl URL_SCHEME',
      'input.yearlyBudget MIN',
    ]);
    expect(await count('grant_program')).toBe(programs);

    const programId = await makeProgram(subgraph.db, { serviceAreaId: culture });
    const rounds = await count('application_round');
    const badRound = await subgraph.request(
      CREATE_ROUND,
      {
        input: {
          programId,
          year: 2035,
          opensAt: '2030-03-01T08:00:00Z',
          closesAt: '2030-02-01T14:00:00Z',
          decisionExpectedAt: '2030-01-01T08:00:00Z',
          budget: '-5.00',
        },
      },
      cultureStaff,
    );
    expect(brokenRules(badRound)).toEqual([
      'input.closesAt AFTER_OPENS',
      'input.decisionExpectedAt AFTER_CLOSES',
      'input.budget MIN',
      'input.year YEAR_OF_WINDOW',
    ]);
    expect(await count('application_round')).toBe(rounds);
  });

  it('changes a program: given fields only, null clears', async () => {
    const programId = await makeProgram(subgraph.db, {
      serviceAreaId: culture,
      name: 'Vanha nimi',
    });
    const changed = await subgraph.request<{ updateGrantProgram: unknown }>(
      UPDATE_PROGRAM,
      {
        input: {
          overwrite: true,
          id: programId,
          summary: { fi: 'Hanke-avustus kulttuuriin.' },
          yearlyBudget: '1000.50',
        },
      },
      cultureStaff,
    );
    expect(changed.data!.updateGrantProgram).toMatchObject({
      name: { fi: 'Vanha nimi' },
      summary: { fi: 'Hanke-avustus kulttuuriin.' },
      yearlyBudget: { amount: '1000.50' },
    });
    const cleared = await subgraph.request<{ updateGrantProgram: unknown }>(
      UPDATE_PROGRAM,
      { input: { overwrite: true, id: programId, yearlyBudget: null } },
      cultureStaff,
    );
    expect(cleared.data!.updateGrantProgram).toMatchObject({
      yearlyBudget: null,
      summary: { fi: 'Hanke-avustus kulttuuriin.' },
    });
  });

  it('moves a deadline later, but keeps the opening once someone has applied, and never closes an open round in the past', async () => {
    const programId = await makeProgram(subgraph.db, { serviceAreaId: culture });
    const roundId = await makeRound(subgraph.db, programId);
    const later = await subgraph.request<{
      updateApplicationRound: { closesAt: string; sequence: number };
    }>(
      UPDATE_ROUND,
      { input: { overwrite: true, id: roundId, closesAt: inDays(45), budget: '5000.00' } },
      cultureStaff,
    );
    expect(later.errors).toEqual([]);
    // Calendars that subscribe replace their copy of the deadline.
    expect(later.data!.updateApplicationRound.sequence).toBe(1);
    expect(new Date(later.data!.updateApplicationRound.closesAt).getTime()).toBeGreaterThan(
      Date.now() + 44 * DAY,
    );

    // A draft does not hold the opening; a submitted application does.
    await makeApplication(subgraph.db, roundId, { status: 'DRAFT' });
    expect(
      (
        await subgraph.request(
          UPDATE_ROUND,
          { input: { overwrite: true, id: roundId, opensAt: inDays(-20) } },
          cultureStaff,
        )
      ).errors,
    ).toEqual([]);
    await makeApplication(subgraph.db, roundId, { status: 'SUBMITTED' });
    expect(
      brokenRules(
        await subgraph.request(
          UPDATE_ROUND,
          { input: { overwrite: true, id: roundId, opensAt: inDays(-10) } },
          cultureStaff,
        ),
      ),
    ).toEqual(['input.opensAt ROUND_HAS_APPLICATIONS']);
    expect(
      brokenRules(
        await subgraph.request(
          UPDATE_ROUND,
          { input: { overwrite: true, id: roundId, closesAt: inDays(-1) } },
          cultureStaff,
        ),
      ),
    ).toEqual(['input.closesAt NOT_IN_PAST']);
  });
});
