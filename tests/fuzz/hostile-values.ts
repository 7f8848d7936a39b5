import {
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
} from 'graphql';

/** A small seeded generator (mulberry32): the same seed gives the same requests. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Text a hostile client sends: control characters, broken Unicode, huge, SQL and markup. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  'a\ud800b',
  '\udc00',
  'x'.repeat(20_000),
  "'; DROP TABLE associations.association; --",
  '%_%',
  '\\',
  '"',
  '<script>alert(1)</script>',
  '\u202e\u200b\ufeff',
  '👪🏽‍👦',
  'a\rb\u000bc',
  '../../etc/passwd',
  '${process.env}',
  'null',
  '-1',
  '1e309',
];

/** Plausible text, so that some requests get past validation into the rules and SQL. */
const PLAUSIBLE_STRINGS = [
  'Lahti',
  'yhdistys',
  'urheilu',
  'fi',
  '398',
  'Kokous',
  'info@example.fi',
];

const FORGED_CURSORS = [
  'not-a-cursor',
  '',
  b64({ o: 'STARTS_AT', v: ['x', 'y'] }),
  b64({ o: 'NAME', v: [null, 1] }),
  b64({ o: 'NAME', v: ['a\u0000', '00000000-0000-4000-8000-000000000000'] }),
  b64({ o: 'RELEVANCE', v: ['NaN', 'x'] }),
  b64({ o: 'UPDATED_AT', v: ['2027-02-30T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'] }),
  b64([1, 2, 3]),
  b64('x'),
];

const HOSTILE_IDS = [
  '',
  'x',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000g',
  "1' OR '1'='1",
  '00000000-0000-4000-8000-000000000000 ',
];

const INTS = [0, 1, -1, 2, 20, 100, 101, 1_000_000, 2_147_483_647, -2_147_483_648];
const DATETIMES = [
  'tomorrow',
  '2027-01-01',
  '2027-02-30T10:00:00Z',
  '2027-01-01T24:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2027-10-31T01:30:00Z',
  '2027-03-28T00:30:00+02:00',
];
const DECIMALS = ['1,50', '-1.00', '0.001', '999999999999.99', 'NaN', '0', '100.00', '1e3'];

/** Context for values that are better when real: ids that exist, times near now. */
export interface ValuePools {
  ids: readonly string[];
}

function isoNear(random: Random): string {
  const days = random.pick([-400, -1, 0, 1, 3, 14, 30, 200, 900]);
  const hour = random.pick([0, 6, 9, 17, 23]);
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, random.pick([0, 30]), 0, 0);
  return date.toISOString();
}

function scalarValue(name: string, argName: string, random: Random, pools: ValuePools): unknown {
  if (argName === 'after' || argName === 'before') return random.pick(FORGED_CURSORS);
  switch (name) {
    case 'ID':
      return random.chance(0.6) && pools.ids.length
        ? random.pick(pools.ids)
        : random.pick(HOSTILE_IDS);
    case 'Int':
      return random.pick(INTS);
    case 'Float':
      return random.pick([0, -1, 1.5, 1e308]);
    case 'Boolean':
      return random.chance(0.5);
    case 'DateTime':
      return random.chance(0.5) ? isoNear(random) : random.pick(DATETIMES);
    case 'Decimal':
      return random.pick(DECIMALS);
    default:
      return random.chance(0.5) ? random.pick(PLAUSIBLE_STRINGS) : random.pick(HOSTILE_STRINGS);
  }
}

/** A value for an input type: mostly well-shaped, with hostile leaves and list sizes. */
export function hostileValue(
  type: GraphQLInputType,
  argName: string,
  random: Random,
  pools: ValuePools,
  depth = 0,
): unknown {
  if (type instanceof GraphQLNonNull) {
    return random.chance(0.03) ? null : hostileValue(type.ofType, argName, random, pools, depth);
  }
  if (random.chance(0.05)) return null;
  if (type instanceof GraphQLList) {
    const length = random.pick([0, 1, 1, 2, 3, 150]);
    return Array.from({ length }, () => hostileValue(type.ofType, argName, random, pools, depth));
  }
  if (type instanceof GraphQLEnumType) {
    return random.chance(0.05) ? 'NOT_A_VALUE' : random.pick(type.getValues()).name;
  }
  if (type instanceof GraphQLScalarType) return scalarValue(type.name, argName, random, pools);
  const fields = (type as GraphQLInputObjectType).getFields();
  const value: Record<string, unknown> = {};
  for (const field of Object.values(fields)) {
    const required = field.type instanceof GraphQLNonNull;
    if (depth > 4 && !required) continue;
    if (required || random.chance(0.5)) {
      value[field.name] = hostileValue(field.type, field.name, random, pools, depth + 1);
    }
  }
  return value;
}

/** The value written into the document itself instead of a variable. */
export function literal(type: GraphQLInputType, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  if (inner instanceof GraphQLList) {
    return `[${(value as unknown[]).map((v) => literal(inner.ofType, v)).join(', ')}]`;
  }
  if (inner instanceof GraphQLEnumType) return String(value);
  if (inner instanceof GraphQLInputObjectType) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(fields[k].type, v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}
