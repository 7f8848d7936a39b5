import { toCsvText } from '../../subgraphs/core/csv';
import { toOrganization, toService } from './hsds';
import type { HsdsDirectory } from './hsds.route';

/**
 * The directory in HSDS's tabular form: one CSV per table, named and with the columns as the
 * specification's tables have them (`path` and property names of its schemas), and a
 * Frictionless `datapackage.json` that lists them. Built from the same records the API
 * answers, so the bulk download and the API never disagree.
 */
export const HSDS_TABLES = {
  organizations: [
    'id',
    'name',
    'alternate_name',
    'description',
    'email',
    'website',
    'year_incorporated',
    'legal_status',
  ],
  organization_identifiers: [
    'id',
    'organization_id',
    'identifier_scheme',
    'identifier_type',
    'identifier',
  ],
  services: [
    'id',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'status',
    'fees_description',
    'last_modified',
  ],
  locations: ['id', 'location_type', 'name', 'description', 'organization_id'],
  addresses: [
    'id',
    'location_id',
    'address_1',
    'city',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  service_at_locations: ['id', 'service_id', 'location_id'],
  schedules: [
    'id',
    'service_id',
    'freq',
    'interval',
    'byday',
    'opens_at',
    'closes_at',
    'description',
    'notes',
  ],
  languages: ['id', 'service_id', 'code'],
  contacts: ['id', 'organization_id', 'name', 'title', 'email'],
  phones: ['id', 'organization_id', 'contact_id', 'number'],
} as const;

export type HsdsTable = keyof typeof HSDS_TABLES;

type HsdsRecord = Record<string, unknown>;

/** Every table's records, flattened out of the nested API records. */
export function hsdsTables(directory: HsdsDirectory): Record<HsdsTable, HsdsRecord[]> {
  const tables = Object.fromEntries(
    Object.keys(HSDS_TABLES).map((name) => [name, [] as HsdsRecord[]]),
  ) as Record<HsdsTable, HsdsRecord[]>;
  const list = (value: unknown) => (Array.isArray(value) ? (value as HsdsRecord[]) : []);
  for (const association of directory.associations) {
    const organization = toOrganization(association, true);
    tables.organizations.push(organization);
    tables.organization_identifiers.push(...list(organization.organization_identifiers));
    tables.phones.push(...list(organization.phones));
    for (const contact of list(organization.contacts)) {
      tables.contacts.push(contact);
      tables.phones.push(
        ...list(contact.phones).map((phone) => ({ ...phone, organization_id: undefined })),
      );
    }
  }
  for (const { activity, association } of directory.services) {
    const service = toService(activity, association, true);
    tables.services.push(service);
    tables.schedules.push(...list(service.schedules));
    tables.languages.push(...list(service.languages));
    for (const link of list(service.service_at_locations)) {
      tables.service_at_locations.push({
        id: link.id,
        service_id: link.service_id,
        location_id: (link.location as HsdsRecord).id,
      });
    }
  }
  for (const { location } of directory.locations) {
    tables.locations.push(location);
    tables.addresses.push(...list(location.addresses));
  }
  return tables;
}

/** One table as CSV (RFC 4180), its columns in the specification's order. */
export function hsdsTableCsv(table: HsdsTable, records: readonly HsdsRecord[]): string {
  const columns = HSDS_TABLES[table];
  return toCsvText(
    columns,
    records.map((record) =>
      columns.map((column) => {
        const value = record[column];
        return value === undefined || value === null ? '' : String(value);
      }),
    ),
  );
}

/** The types the specification gives fields that are not text. */
const FIELD_TYPES: Record<string, string> = {
  year_incorporated: 'number',
  interval: 'number',
  last_modified: 'datetime',
};

/** The Frictionless data package that lists the tables (paths relative to it). */
export function hsdsDataPackage(publisher: string) {
  return {
    profile: 'tabular-data-package',
    name: 'city-association-directory-hsds',
    title: `${publisher}: association directory (Open Referral HSDS 3.0)`,
    resources: (Object.keys(HSDS_TABLES) as HsdsTable[]).map((table) => ({
      // The specification's table names are singular: "address", "service_at_location".
      name: table === 'addresses' ? 'address' : table.replace(/s$/, ''),
      path: `${table}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: HSDS_TABLES[table].map((name) => ({ name, type: FIELD_TYPES[name] ?? 'string' })),
        primaryKey: 'id',
      },
    })),
  };
}
