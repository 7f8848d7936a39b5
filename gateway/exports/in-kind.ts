import { type CsvDialect, RFC_4180, toCsvText } from '../../subgraphs/core/csv';
import {
  type ExportedRecipient,
  type OpenDataConfig,
  recipientOrganization,
} from './three-sixty-giving';

/**
 * Support in kind as open data beside the grants (issue 33): each association's space
 * subsidy and equipment lent of a year, from one service area, as 360Giving grant records,
 * so 360Giving's tools (GrantNav, the Data Quality Tool) read them with the grants. What
 * makes them in kind is said three ways: the programme ("Tilatuki (luontoissuoritus)"), a
 * classification in the hub's own vocabulary, and the description. Pure functions, so the
 * format is tested without a hub.
 */

/** One row of `supportInKind` as the export's query returns it. */
export interface ExportedInKind {
  association: ExportedRecipient;
  serviceArea: { id: string } | null;
  spaceSubsidy: { amount: string };
  spaceHours: string;
  spaceReservations: number;
  seasonSlots: number;
  equipmentLent: { amount: string };
  equipmentLoans: number;
}

export interface InKindGrant {
  id: string;
  title: string;
  description: string;
  currency: 'EUR';
  amountAwarded: number;
  /** The year it stands for ends on this day; the support was given over the year. */
  awardDate: string;
  recipientOrganization: Array<{ id: string; name: string }>;
  fundingOrganization: Array<{ id: string; name: string }>;
  grantProgramme: Array<{ code: string; title: string }>;
  classifications: Array<{ vocabulary: string; code: string; title: string }>;
  /** Spaces and equipment are booked, not applied for in a round. */
  fromOpenCall: 'No';
}

export interface InKindPackage {
  grants: InKindGrant[];
  publisher: { identifier: string; name: string };
}

const KINDS = {
  SPACE: { programme: 'Tilatuki (luontoissuoritus)', classification: 'In kind: space subsidy' },
  EQUIPMENT: {
    programme: 'Välinelainat (luontoissuoritus)',
    classification: 'In kind: equipment lent',
  },
} as const;

/** The records of a year's support in kind; null when there is none (a package needs one). */
export function toInKindPackage(
  rows: readonly ExportedInKind[],
  year: number,
  config: OpenDataConfig,
): InKindPackage | null {
  const grants = rows.flatMap((row) => toInKindGrants(row, year, config));
  if (grants.length === 0) return null;
  return { grants, publisher: { identifier: config.funderId, name: config.funderName } };
}

export function toInKindGrants(
  row: ExportedInKind,
  year: number,
  config: OpenDataConfig,
): InKindGrant[] {
  const grants: InKindGrant[] = [];
  const area = row.serviceArea?.id ?? 'none';
  const record = (kind: keyof typeof KINDS, amount: string, title: string, description: string) => {
    if (Number(amount) === 0) return;
    grants.push({
      id: `${config.prefix}-INKIND-${year}-${kind}-${row.association?.id ?? 'unknown'}-${area}`,
      title,
      description,
      currency: 'EUR',
      // numeric(…, 2) as a JSON number: exact, as for the grants (see three-sixty-giving.ts).
      amountAwarded: Number(amount),
      awardDate: `${year}-12-31`,
      recipientOrganization: recipientOrganization(row.association, config),
      fundingOrganization: [{ id: config.funderId, name: config.funderName }],
      grantProgramme: [{ code: `${config.prefix}-INKIND-${kind}`, title: KINDS[kind].programme }],
      classifications: [
        {
          vocabulary: `${config.prefix}-support-kind`,
          code: kind,
          title: KINDS[kind].classification,
        },
      ],
      fromOpenCall: 'No',
    });
  };
  record(
    'SPACE',
    row.spaceSubsidy.amount,
    `Tilatuki ${year}`,
    `Kaupungin tilojen käyttö vuonna ${year}: ${row.spaceHours} tuntia (${row.spaceReservations} varausta, ${row.seasonSlots} vakiovuoroa). Arvo on tilojen listahinta vähennettynä yhdistykseltä peritystä vuokrasta.`,
  );
  record(
    'EQUIPMENT',
    row.equipmentLent.amount,
    `Välinelainat ${year}`,
    `Kaupungin välineiden lainat vuonna ${year}: ${row.equipmentLoans} lainaa. Arvo on lainattujen välineiden päiväarvo kertaa lainapäivät.`,
  );
  return grants;
}

/** The 360Giving CSV column titles of the records above (the standard's flattened names). */
export const IN_KIND_CSV_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Code',
  'Grant Programme:Title',
  'Classifications:Vocabulary',
  'Classifications:Code',
  'Classifications:Title',
  'From An Open Call?',
] as const;

/** The same records as CSV, the amounts as stored ("300.00", or "300,00" for a spreadsheet). */
export function toInKindCsv(
  grants: readonly InKindGrant[],
  dialect: CsvDialect = RFC_4180,
): string {
  const rows = grants.map((g) => [
    g.id,
    g.title,
    g.description,
    g.currency,
    { decimal: g.amountAwarded.toFixed(2) },
    g.awardDate,
    g.recipientOrganization[0].id,
    g.recipientOrganization[0].name,
    g.fundingOrganization[0].id,
    g.fundingOrganization[0].name,
    g.grantProgramme[0].code,
    g.grantProgramme[0].title,
    g.classifications[0].vocabulary,
    g.classifications[0].code,
    g.classifications[0].title,
    g.fromOpenCall,
  ]);
  return toCsvText(IN_KIND_CSV_COLUMNS, rows, dialect);
}
