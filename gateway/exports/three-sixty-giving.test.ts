import { parse } from 'csv-parse/sync';
import { threeSixtyGivingValidator } from '../../tests/setup/open-data-schemas';
import { DEMO_FUNDER_ID } from '../gateway.config';
import {
  CSV_COLUMNS,
  type ExportedAward,
  type OpenDataConfig,
  toCsv,
  toPackage,
  toThreeSixtyGiving,
} from './three-sixty-giving';

const config: OpenDataConfig = {
  prefix: '360G-lahti',
  funderId: DEMO_FUNDER_ID,
  funderName: 'Lahden kaupunki',
};

/** Awards as the export query returns them, with the awkward cases a real year has. */
const awards: ExportedAward[] = [
  {
    id: '7d0c2a8e-0000-4000-8000-000000000001',
    title: 'Junioritoiminta',
    description: 'Viikoittaiset harjoitukset 7–12-vuotiaille',
    year: 2026,
    amountAwarded: { amount: '1500.50', currency: 'EUR' },
    amountRequested: { amount: '2000.00', currency: 'EUR' },
    // 23:30 UTC on 28 February is 1 March in Helsinki.
    awardDate: '2026-02-28T23:30:00.000Z',
    recipient: { id: 'a1', name: { fi: 'Lahden Urheiluseura ry' }, businessId: '1234567-1' },
    program: { id: 'p1', name: { fi: 'Liikunnan toiminta-avustus' }, kind: 'OPERATING' },
  },
  {
    id: '7d0c2a8e-0000-4000-8000-000000000002',
    title: 'Kuoron "kevätkonsertti", osa 2',
    description: null,
    year: 2026,
    amountAwarded: { amount: '9999999.99', currency: 'EUR' },
    amountRequested: { amount: '9999999.99', currency: 'EUR' },
    awardDate: '2026-06-01T09:00:00.000Z',
    // An informal group: no business ID, so the publisher's own organisation id.
    recipient: {
      id: '9b7e0000-0000-4000-8000-0000000000aa',
      name: { fi: 'Kylän kuoro' },
      businessId: null,
    },
    program: null,
  },
];

describe('360Giving export', () => {
  const validate = threeSixtyGivingValidator();

  it('writes a package the 360Giving schema accepts, awkward awards included', () => {
    const pack = toPackage(awards, config);
    expect(validate(pack)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(pack!.grants[0]).toMatchObject({
      id: '360G-lahti-7d0c2a8e-0000-4000-8000-000000000001',
      awardDate: '2026-03-01',
      amountAwarded: 1500.5,
      recipientOrganization: [{ id: 'FI-PRO-1234567-1' }],
      fundingOrganization: [{ id: 'FI-PRO-0164374-1', name: 'Lahden kaupunki' }],
    });
    expect(pack!.grants[1].recipientOrganization[0].id).toBe(
      '360G-lahti-ORG-9b7e0000-0000-4000-8000-0000000000aa',
    );
  });

  it('has no package for a year without awards, which the standard could not accept', () => {
    expect(toPackage([], config)).toBeNull();
    // What the hub used to write: the schema refuses it.
    expect(validate({ grants: [] })).toBe(false);
  });

  it('is refused by the schema with the old made-up funder id, so the check has teeth', () => {
    const pack = toPackage(awards, { ...config, funderId: 'XI-CITY-ASSOCIATION-HUB' });
    expect(validate(pack)).toBe(false);
  });

  it('writes CSV that an RFC 4180 parser reads back into the same fields', () => {
    const grants = awards.map((a) => toThreeSixtyGiving(a, config));
    const rows = parse(toCsv(grants, awards), { bom: false, relax_quotes: false }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[2][1]).toBe('Kuoron "kevätkonsertti", osa 2');
    expect(rows[2][4]).toBe('9999999.99');
    expect(rows[1][6]).toBe('2026-03-01');
  });
});
