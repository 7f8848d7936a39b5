import { randomUUID } from 'node:crypto';
import { facilitiesSubgraph } from '../facilities.subgraph';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { peakUse } from './equipment.repository';

const REQUEST = `mutation($input: RequestEquipmentInput!) { requestEquipment(input: $input) { id quantity status item { id } } }`;
const AVAILABLE = `query($from: DateTime!, $to: DateTime!) {
  equipmentItems { edges { node { name { fi } quantity available(from: $from, to: $to) } } } }`;

const day = (n: number, hour: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

describe('EquipmentItem', () => {
  let subgraph: TestSubgraph;
  let tentId: string;
  const associationId = randomUUID();
  let representative: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    const rows: Array<{ id: string }> = await subgraph.db.query(
      `INSERT INTO facilities.equipment_item (name, quantity) VALUES ($1, 5) RETURNING id`,
      [JSON.stringify({ fi: 'Tapahtumateltta 3 × 6 m', en: 'Event tent 3 × 6 m' })],
    );
    tentId = rows[0].id;
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
    });
  });

  afterAll(() => subgraph.stop());

  const borrow = (quantity: number, from: Date, to: Date, token = representative) =>
    subgraph.request<{ requestEquipment: { id: string; quantity: number; status: string } }>(
      REQUEST,
      {
        input: {
          itemId: tentId,
          associationId,
          quantity,
          startsAt: from.toISOString(),
          endsAt: to.toISOString(),
          purpose: 'Kesäjuhla',
        },
      },
      token,
    );

  it('counts the peak use at any moment, with back-to-back loans sharing items', () => {
    const loans = [
      { itemId: 't', quantity: 2, start: 0, end: 10 },
      { itemId: 't', quantity: 2, start: 10, end: 20 },
      { itemId: 't', quantity: 1, start: 5, end: 15 },
    ];
    expect(peakUse(loans, 0, 20)).toBe(3);
    expect(peakUse(loans, 15, 20)).toBe(2);
    expect(peakUse(loans, 20, 30)).toBe(0);
  });

  it('never promises more than there are, whatever 20 concurrent requests do', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => borrow(1, day(10, 8), day(11, 8))),
    );
    const ok = answers.filter((a) => a.errors.length === 0);
    expect(ok).toHaveLength(5);
    expect(answers.filter((a) => a.errors[0]?.extensions?.code === 'CONFLICT')).toHaveLength(15);
    expect(answers.find((a) => a.errors.length)!.errors[0].extensions).toMatchObject({
      field: 'input.quantity',
      available: 0,
    });
  });

  it('tells how many are free in a period, and frees them on cancellation', async () => {
    const first = await borrow(3, day(20, 8), day(21, 8));
    const available = await subgraph.request(AVAILABLE, {
      from: day(20, 12).toISOString(),
      to: day(20, 13).toISOString(),
    });
    expect(available.data).toEqual({
      equipmentItems: {
        edges: [{ node: { name: { fi: 'Tapahtumateltta 3 × 6 m' }, quantity: 5, available: 2 } }],
      },
    });
    expect(errorCodes(await borrow(3, day(20, 9), day(20, 10)))).toEqual(['CONFLICT']);
    await subgraph.request(
      `mutation($id: ID!) { cancelEquipmentReservation(id: $id) { status } }`,
      { id: first.data!.requestEquipment.id },
      representative,
    );
    expect((await borrow(3, day(20, 9), day(20, 10))).errors).toEqual([]);
  });

  it('lends only to an association’s representatives, and names bad input', async () => {
    expect(
      errorCodes(await borrow(1, day(30, 8), day(30, 9), await subgraph.token({ role: 'staff' }))),
    ).toEqual(['FORBIDDEN']);
    const bad = await borrow(0, day(30, 9), day(30, 8));
    expect(
      (bad.errors[0].extensions?.fields as Array<{ field: string; rule: string }>).map(
        (f) => `${f.field} ${f.rule}`,
      ),
    ).toEqual(['input.quantity MIN', 'input.endsAt AFTER_START']);
  });

  it('lists an association’s loans to its representatives and staff only', async () => {
    const LOANS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Association {
      equipmentReservations { quantity status item { name { fi } } } } } }`;
    const r = [{ __typename: 'Association', id: associationId }];
    const mine = await subgraph.request<{
      _entities: Array<{ equipmentReservations: Array<{ status: string }> }>;
    }>(LOANS, { r }, representative);
    expect(mine.errors).toEqual([]);
    // Five from the race, one cancelled and one made in the test above, all still ahead.
    expect(mine.data!._entities[0].equipmentReservations.map((l) => l.status).sort()).toEqual([
      'CANCELLED',
      ...Array<string>(6).fill('REQUESTED'),
    ]);
    const stranger = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    expect(errorCodes(await subgraph.request(LOANS, { r }, stranger))).toEqual(['FORBIDDEN']);
  });
});
