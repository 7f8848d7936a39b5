import { type CsvDialect, RFC_4180, toCsvText } from '../../subgraphs/core/csv';
/**
 * Awarded grants as open data in the 360Giving Data Standard: a JSON package with
 * `grants[]`, and the same grants as CSV with the standard's column titles. Pure
 * functions, so the format is tested without a hub.
 */
export interface OpenDataConfig {
  /** The publisher's 360Giving identifier prefix, e.g. "360G-lahti". */
  prefix: string;
  /** The funder's organisation identifier (org-id.guide), e.g. "FI-PRO-0164374-1". */
  funderId: string;
  funderName: string;
}

/** One award as the export's GraphQL query returns it. */
export interface ExportedAward {
  id: string;
  title: string;
  description: string | null;
  year: number;
  amountAwarded: { amount: string; currency: string };
  amountRequested: { amount: string; currency: string };
  awardDate: string;
  recipient: ExportedRecipient;
  program: { id: string; name: { fi: string | null }; kind: string } | null;
}

export interface ThreeSixtyGivingGrant {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAwarded: number;
  amountAppliedFor: number;
  awardDate: string;
  recipientOrganization: Array<{ id: string; name: string }>;
  fundingOrganization: Array<{ id: string; name: string }>;
  grantProgramme: Array<{ code: string; title: string }>;
  /** Every award here came from a public application round. */
  fromOpenCall: 'Yes';
}

/** A 360Giving package: the grants and who publishes them. */
export interface ThreeSixtyGivingPackage {
  grants: ThreeSixtyGivingGrant[];
  publisher: { identifier: string; name: string };
}

/**
 * The package for a set of awards, or null when there are none: the standard requires at
 * least one grant in a package, so a year without awards has no package (the route says 404).
 */
export function toPackage(
  awards: readonly ExportedAward[],
  config: OpenDataConfig,
): ThreeSixtyGivingPackage | null {
  if (awards.length === 0) return null;
  return {
    grants: awards.map((award) => toThreeSixtyGiving(award, config)),
    publisher: { identifier: config.funderId, name: config.funderName },
  };
}

/**
 * JSON numbers from decimal strings. numeric(14,2) has at most 14 significant digits, and
 * a double keeps 15, so the number printed is exactly the decimal (no float arithmetic).
 */
function amount(decimal: string): number {
  return Number(decimal);
}

/** The Helsinki calendar date of a moment: a grant awarded at 00:30 on 1 March is 1 March. */
function helsinkiDate(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(iso));
}

/** An association as an export names it: from the directory, through the graph. */
export type ExportedRecipient = {
  id: string;
  name: { fi: string | null } | null;
  businessId: string | null;
} | null;

/** `FI-PRO-<Y-tunnus>` (org-id.guide's code for the Finnish trade register) where known. */
export function recipientId(recipient: ExportedRecipient, config: OpenDataConfig): string {
  const businessId = recipient?.businessId;
  return businessId ? `FI-PRO-${businessId}` : `${config.prefix}-ORG-${recipient?.id ?? 'unknown'}`;
}

/** The recipient as 360Giving's `recipientOrganization` lists it. */
export function recipientOrganization(
  recipient: ExportedRecipient,
  config: OpenDataConfig,
): Array<{ id: string; name: string }> {
  return [
    { id: recipientId(recipient, config), name: recipient?.name?.fi ?? 'Tuntematon yhdistys' },
  ];
}

export function toThreeSixtyGiving(
  award: ExportedAward,
  config: OpenDataConfig,
): ThreeSixtyGivingGrant {
  return {
    id: `${config.prefix}-${award.id}`,
    title: award.title,
    description: award.description?.trim() || award.title,
    currency: award.amountAwarded.currency,
    amountAwarded: amount(award.amountAwarded.amount),
    amountAppliedFor: amount(award.amountRequested.amount),
    awardDate: helsinkiDate(award.awardDate),
    recipientOrganization: recipientOrganization(award.recipient, config),
    fundingOrganization: [{ id: config.funderId, name: config.funderName }],
    grantProgramme: award.program
      ? [
          {
            code: `${config.prefix}-PROG-${award.program.id}`,
            title: award.program.name.fi ?? award.program.kind,
          },
        ]
      : [],
    fromOpenCall: 'Yes',
  };
}

export const CSV_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Amount Applied For',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Code',
  'Grant Programme:Title',
] as const;

export function toCsv(
  grants: readonly ThreeSixtyGivingGrant[],
  awards: readonly ExportedAward[],
  dialect: CsvDialect = RFC_4180,
): string {
  const rows = grants.map((g, i) => [
    g.id,
    g.title,
    g.description,
    g.currency,
    // The decimal as stored, e.g. 1500.50 stays "1500.50" (or "1500,50" for a spreadsheet).
    { decimal: awards[i].amountAwarded.amount },
    { decimal: awards[i].amountRequested.amount },
    g.awardDate,
    g.recipientOrganization[0].id,
    g.recipientOrganization[0].name,
    g.fundingOrganization[0].id,
    g.fundingOrganization[0].name,
    g.grantProgramme[0]?.code ?? '',
    g.grantProgramme[0]?.title ?? '',
  ]);
  return toCsvText(CSV_COLUMNS, rows, dialect);
}
