import { parseSupportId, requireSupportYear } from '../../core/association-support';
import { fromCents, toCents } from '../../core/money';
import { euros } from '../../core/types/money.type';
import type { FacilitiesLoaders } from '../facilities.loaders';
import type { InKindRow } from './in-kind.repository';
import type { FacilitiesData } from '../facilities.repositories';
import type { InKindFigures, InKindSupport, SupportInKind } from './in-kind.types';

const NOTHING: Omit<InKindRow, 'associationId'> = {
  spaceListValue: '0.00',
  spaceCharged: '0.00',
  spaceReservations: 0,
  seasonSlots: 0,
  spaceHours: '0.00',
  equipmentLent: '0.00',
  equipmentLoans: 0,
};

/** What the city gave associations in kind: the facilities subgraph's part of their support. */
export class InKindService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  /** The support a key names; null for a key that names no association and year. */
  async byKey(id: string): Promise<InKindSupport | null> {
    const key = parseSupportId(id);
    if (!key) return null;
    const row = await this.loaders.inKindOfYear(key.year).load(key.associationId);
    return { id, ...inKindFigures(row ?? NOTHING) };
  }

  /** Every association's support in kind in `year`, per service area: for statistics. */
  async ofYear(year: number): Promise<SupportInKind[]> {
    requireSupportYear('year', year);
    const rows = await this.data.repositories.inKind.byServiceArea(year);
    return rows.map((row) => ({
      association: { id: row.associationId },
      serviceArea: row.serviceAreaId ? { id: row.serviceAreaId } : null,
      ...inKindFigures(row),
    }));
  }
}

/** The figures of one row; the subsidy never below zero (the trigger keeps list ≥ charged). */
function inKindFigures(row: Omit<InKindRow, 'associationId'>): InKindFigures {
  const subsidy = toCents(row.spaceListValue) - toCents(row.spaceCharged);
  return {
    spaceSubsidy: euros(fromCents(subsidy > 0n ? subsidy : 0n))!,
    spaceListValue: euros(row.spaceListValue)!,
    spaceCharged: euros(row.spaceCharged)!,
    spaceReservations: row.spaceReservations,
    seasonSlots: row.seasonSlots,
    spaceHours: row.spaceHours,
    equipmentLent: euros(row.equipmentLent)!,
    equipmentLoans: row.equipmentLoans,
  };
}
