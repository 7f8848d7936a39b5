import { parseSupportId, requireSupportYear, supportId } from '../../core/association-support';
import { sumMoney } from '../../core/money';
import { euros, type Money } from '../../core/types/money.type';
import type { GrantLoaders } from '../grants.loaders';
import type { GrantSupportRow } from './association-support.repository';
import type { AssociationSupport } from './association-support.types';

/** What the facilities subgraph tells of the same support when the total is asked. */
interface InKindFigures {
  spaceSubsidy?: { amount?: string } | null;
  equipmentLent?: { amount?: string } | null;
}

/** An association's yearly support: its grants here, and the total with what was given in kind. */
export class AssociationSupportService {
  constructor(private readonly loaders: GrantLoaders) {}

  /** The support of `associationId` in `year` (the figures come as they are asked). */
  of(associationId: string, year: number): AssociationSupport {
    requireSupportYear('year', year);
    return {
      id: supportId(associationId, year),
      associationId: associationId.toLowerCase(),
      year,
    };
  }

  /** The support a key names, with what the gateway brought along; null for a foreign key. */
  byReference(ref: { id: string } & InKindFigures): AssociationSupport | null {
    const key = parseSupportId(ref.id);
    if (!key) return null;
    return {
      id: ref.id,
      associationId: key.associationId,
      year: key.year,
      spaceSubsidy: ref.spaceSubsidy?.amount ? euros(ref.spaceSubsidy.amount)! : undefined,
      equipmentLent: ref.equipmentLent?.amount ? euros(ref.equipmentLent.amount)! : undefined,
    };
  }

  grants(support: AssociationSupport): Promise<GrantSupportRow> {
    return this.loaders.grantSupportOfYear(support.year).load(support.associationId);
  }

  /** Grants awarded, the space subsidy and equipment lent, together. */
  async total(support: AssociationSupport): Promise<Money> {
    const grants = await this.grants(support);
    return euros(
      sumMoney([
        grants.awarded,
        support.spaceSubsidy?.amount ?? '0.00',
        support.equipmentLent?.amount ?? '0.00',
      ]),
    )!;
  }
}
