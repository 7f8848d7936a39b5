import { createHash } from 'node:crypto';
import { businessIdProblem } from '../../subgraphs/associations/association/business-id';
import { MUNICIPALITIES } from './finnish-words';
import { Random } from './random';
import { type ScalePlan, scaleTables } from './scale-data';

const references: ScalePlan['references'] = {
  rounds: [
    { id: '00000000-0000-4000-8000-000000000001', year: 2025, open: false },
    { id: '00000000-0000-4000-8000-000000000002', year: 2026, open: true },
  ],
  surveys: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      salt: 'salt',
      anonymous: true,
      questions: [{ id: '00000000-0000-4000-8000-000000000004', options: 5 }],
    },
  ],
  workingGroups: ['00000000-0000-4000-8000-000000000005'],
};

function plan(seed: string, associations = 400): ScalePlan {
  return { associations, seed, today: new Date('2026-12-02T00:00:00Z'), references };
}

/** Every table's rows, in order (made twice: a generator can be run again). */
function rowsOf(p: ScalePlan): Map<string, unknown[][]> {
  return new Map(scaleTables(p).map((t) => [t.table, [...t.rows()]]));
}

function digest(tables: Map<string, unknown[][]>): string {
  return createHash('sha256')
    .update(JSON.stringify([...tables]))
    .digest('hex');
}

describe('generated scale data', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    expect(digest(rowsOf(plan('a')))).toBe(digest(rowsOf(plan('a'))));
    expect(digest(rowsOf(plan('a')))).not.toBe(digest(rowsOf(plan('b'))));
  });

  it('makes as many rows as each table says (the progress bar counts on it)', () => {
    for (const table of scaleTables(plan('a'))) {
      expect([table.table, [...table.rows()].length]).toEqual([table.table, table.count]);
    }
  });

  it('gives valid, unique business IDs and register numbers, and real municipality codes', () => {
    const rows = rowsOf(plan('a', 2000)).get('associations.association')!;
    const businessIds = rows.map((r) => r[6]).filter((x): x is string => x !== null);
    expect(businessIds.length).toBeGreaterThan(1000);
    expect(businessIds.filter((id) => businessIdProblem(id) !== null)).toEqual([]);
    expect(new Set(businessIds).size).toBe(businessIds.length);
    const registers = rows.map((r) => r[5]).filter((x) => x !== null);
    expect(new Set(registers).size).toBe(registers.length);
    const codes = new Set(MUNICIPALITIES.map((m) => m.code));
    expect(rows.filter((r) => !codes.has(r[7] as string))).toEqual([]);
    // Weighted by population: Lahti (398) holds more than half, the smallest a few percent.
    const lahti = rows.filter((r) => r[7] === '398').length / rows.length;
    expect(lahti).toBeGreaterThan(0.45);
    expect(lahti).toBeLessThan(0.65);
  });

  it('spreads name words as Zipf would: a few common, many rare', () => {
    const rows = rowsOf(plan('a', 3000)).get('associations.association')!;
    const nouns = new Map<string, number>();
    for (const r of rows) {
      const noun = (r[1] as { fi: string }).fi.replace(/ ry$/, '').split(' ').slice(1).join(' ');
      nouns.set(noun, (nouns.get(noun) ?? 0) + 1);
    }
    const counts = [...nouns.values()].sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThan(30);
    expect(counts[0]).toBeGreaterThan(counts[Math.floor(counts.length / 2)] * 4);
  });

  it('never books one space twice at once, nor enrols an association twice in an event', () => {
    const tables = rowsOf(plan('a', 3000));
    const reservations = tables.get('facilities.reservation')!;
    const bySpace = new Map<string, Array<[number, number]>>();
    for (const r of reservations) {
      const list = bySpace.get(r[1] as string) ?? [];
      list.push([(r[4] as Date).getTime(), (r[5] as Date).getTime()]);
      bySpace.set(r[1] as string, list);
    }
    for (const list of bySpace.values()) {
      list.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < list.length; i++)
        expect(list[i][0]).toBeGreaterThanOrEqual(list[i - 1][1]);
    }
    const enrolments = tables.get('events.enrolment')!.map((r) => `${r[1]}/${r[2]}`);
    expect(new Set(enrolments).size).toBe(enrolments.length);
  });
});

describe('Random', () => {
  it('repeats for a seed and stays in range', () => {
    const a = new Random('x');
    const b = new Random('x');
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Random('x').uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
