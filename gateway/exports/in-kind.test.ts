import { threeSixtyGivingValidator } from '../../tests/setup/open-data-schemas';
import { DEMO_FUNDER_ID } from '../gateway.config';
import { parse } from 'csv-parse/sync';
import { SPREADSHEET_FI } from '../../subgraphs/core/csv';
import { type ExportedInKind, IN_KIND_CSV_COLUMNS, toInKindCsv, toInKindPackage } from './in-kind';
import type { OpenDataConfig } from './three-sixty-giving';

const config: OpenDataConfig = {
  prefix: '360G-lahti',
  funderId: DEMO_FUNDER_ID,
  funderName: 'Lahden kaupunki',
};

const row = (over: Partial<ExportedInKind>): ExportedInKind => ({
  association: { id: 'a1', name: { fi: 'Lahden Urheiluseura ry' }, businessId: '1234567-1' },
  serviceArea: { id: 's1' },
  spaceSubsidy: { amount: '300.00' },
  spaceHours: '9.50',
  spaceReservations: 2,
  seasonSlots: 3,
  equipmentLent: { amount: '0.00' },
  equipmentLoans: 0,
  ...over,
});

describe('support in kind as 360Giving records', () => {
  it("makes one record per kind given, valid by the standard's package schema", () => {
    const pack = toInKindPackage(
      [
        row({}),
        // No business ID, no service area, equipment only.
        row({
          association: { id: 'a2', name: null, businessId: null },
          serviceArea: null,
          spaceSubsidy: { amount: '0.00' },
          spaceHours: '0.00',
          spaceReservations: 0,
          seasonSlots: 0,
          equipmentLent: { amount: '60.50' },
          equipmentLoans: 1,
        }),
      ],
      2027,
      config,
    )!;
    const validate = threeSixtyGivingValidator();
    expect(validate(pack) ? [] : validate.errors).toEqual([]);
    expect(pack.grants.map((g) => [g.id, g.amountAwarded, g.recipientOrganization[0].id])).toEqual([
      ['360G-lahti-INKIND-2027-SPACE-a1-s1', 300, 'FI-PRO-1234567-1'],
      ['360G-lahti-INKIND-2027-EQUIPMENT-a2-none', 60.5, '360G-lahti-ORG-a2'],
    ]);
    expect(pack.grants[0]).toMatchObject({
      title: 'Tilatuki 2027',
      awardDate: '2027-12-31',
      fromOpenCall: 'No',
      grantProgramme: [{ code: '360G-lahti-INKIND-SPACE', title: 'Tilatuki (luontoissuoritus)' }],
      classifications: [{ vocabulary: '360G-lahti-support-kind', code: 'SPACE' }],
    });
    expect(pack.grants[0].description).toContain('9.50 tuntia');
  });

  it('has no package for a year without support in kind: the standard needs one record', () => {
    expect(
      toInKindPackage(
        [row({ spaceSubsidy: { amount: '0.00' }, equipmentLent: { amount: '0.00' } })],
        2027,
        config,
      ),
    ).toBeNull();
  });

  it('is refused by the schema when a required field is lost (the check can fail)', () => {
    const pack = toInKindPackage([row({})], 2027, config)!;
    const broken = { ...pack, grants: [{ ...pack.grants[0], recipientOrganization: [] }] };
    expect(threeSixtyGivingValidator()(broken)).toBe(false);
  });

  it('writes the same records as CSV that a strict parser reads back, and for a Finnish spreadsheet', () => {
    const pack = toInKindPackage(
      [
        row({}),
        row({ association: { id: 'a3', name: { fi: 'Kuoro "Ääni", ry' }, businessId: null } }),
      ],
      2027,
      config,
    )!;
    const records = parse(toInKindCsv(pack.grants), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(Object.keys(records[0])).toEqual([...IN_KIND_CSV_COLUMNS]);
    expect(records.map((r) => [r['Amount Awarded'], r['Recipient Org:Name']])).toEqual([
      ['300.00', 'Lahden Urheiluseura ry'],
      ['300.00', 'Kuoro "Ääni", ry'],
    ]);
    expect(records[0]['Classifications:Code']).toBe('SPACE');
    const finnish = toInKindCsv(pack.grants, SPREADSHEET_FI);
    expect(finnish.startsWith('\uFEFF')).toBe(true);
    const fi = parse(finnish.slice(1), { columns: true, delimiter: ';' }) as Array<
      Record<string, string>
    >;
    expect(fi[0]['Amount Awarded']).toBe('300,00');
  });
});
