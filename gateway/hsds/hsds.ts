import { domainToASCII } from 'node:url';
import { nameBasedUuid } from '../../subgraphs/core/ids';

/**
 * The directory as Open Referral's Human Services Data Specification, version 3 (issue 33):
 * associations are organizations, their activities services, their addresses locations.
 * Pure functions from what the public graph answers to HSDS records, so the format is tested
 * without a hub (gateway/hsds/hsds.test.ts, against schemas written from the specification's
 * own: tests/schemas/hsds-3.schema.json).
 */

/** An association as the directory walk reads it through the public graph. */
export interface DirectoryAssociation {
  id: string;
  name: { fi: string; sv: string | null; en: string | null };
  description: { fi: string | null } | null;
  kind: string;
  status: string;
  businessId: string | null;
  foundedYear: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  address: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
  } | null;
  municipality: { name: { fi: string } } | null;
  updatedAt: string;
  activities: DirectoryActivity[];
  contacts: DirectoryContact[];
}

export interface DirectoryActivity {
  id: string;
  name: { fi: string; sv: string | null; en: string | null };
  description: { fi: string | null } | null;
  languages: string[];
  isFree: boolean;
  schedule: string | null;
  url: string | null;
  updatedAt: string;
}

/** A city facility (a multi-purpose house, a school): where associations meet. */
export interface DirectoryFacility {
  id: string;
  name: { fi: string };
  description: { fi: string | null } | null;
  address: { street: string | null; postalCode: string | null; city: string | null };
  updatedAt: string;
}

export interface DirectoryContact {
  id: string;
  name: string;
  role: string;
  title: string | null;
  isPublic: boolean;
  email: string | null;
  phone: string | null;
}

/** The same HSDS record gets the same id on every walk of the directory. */
export function derivedId(kind: string, key: string): string {
  return nameBasedUuid(`city-association-hub:hsds:${kind}:${key}`);
}

/**
 * A web address as a URI: an international domain ("kiveriön-asukkaat.example") in its
 * ASCII form, as HSDS's `format: uri` requires; undefined when it is no address at all.
 */
export function asUri(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An e-mail address with its domain in ASCII (`format: email`); undefined when it is none. */
export function asEmail(text: string | null | undefined): string | undefined {
  const match = text ? /^([^@\s]+)@([^@\s]+)$/.exec(text.trim()) : null;
  const domain = match ? domainToASCII(match[2]) : '';
  return match && domain ? `${match[1]}@${domain}` : undefined;
}

const LEGAL_STATUS: Record<string, string> = {
  REGISTERED_ASSOCIATION: 'Registered association (rekisteröity yhdistys)',
  FOUNDATION: 'Foundation (säätiö)',
  INFORMAL_GROUP: 'Informal group (rekisteröimätön ryhmä)',
};

/** A dissolved association's services are defunct; a dormant one's inactive. */
function serviceStatus(association: DirectoryAssociation): 'active' | 'inactive' | 'defunct' {
  if (association.status === 'DISSOLVED') return 'defunct';
  return association.status === 'DORMANT' ? 'inactive' : 'active';
}

/** A time written the Finnish way ("18", "17.30") as HSDS's "HH:MM". */
function clock(text: string): string | null {
  const match = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(text);
  const [hours, minutes] = [Number(match?.[1]), Number(match?.[2] ?? 0)];
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return `${match[1].padStart(2, '0')}:${match[2] ?? '00'}`;
}

const WEEKDAYS: ReadonlyArray<[RegExp, string]> = [
  [/^maanantai/, 'MO'],
  [/^tiistai/, 'TU'],
  [/^keskiviikko/, 'WE'],
  [/^torstai/, 'TH'],
  [/^perjantai/, 'FR'],
  [/^lauantai/, 'SA'],
  [/^sunnuntai/, 'SU'],
];

const ORDINALS: Record<string, number> = {
  ensimmäinen: 1,
  toinen: 2,
  kolmas: 3,
  neljäs: 4,
  viimeinen: -1,
};

/** The recurrence a Finnish schedule text states, where it states one plainly. */
export interface ParsedSchedule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday: string;
  opens_at?: string;
  closes_at?: string;
}

/**
 * Reads the schedules people write: "Tiistaisin ja torstaisin 17–18", "Joka toinen torstai
 * 18–19.30", "Kuun ensimmäinen perjantai 13–16", "Sunnuntaisin klo 10". Anything else
 * ("Viikoittain lukuvuoden aikana") is null: the text alone is published, not a guess.
 */
export function parseSchedule(text: string): ParsedSchedule | null {
  const lower = text.toLowerCase().replace(/,.*$/, '').trim();
  const times = /(?:klo\s+)?(\d{1,2}(?:[.:]\d{2})?)(?:\s*[–-]\s*(\d{1,2}(?:[.:]\d{2})?))?\s*$/.exec(
    lower,
  );
  const opens = times ? clock(times[1]) : null;
  const closes = times?.[2] ? clock(times[2]) : null;
  const words = (times ? lower.slice(0, times.index) : lower).replace(/\bklo\b/, '').trim();
  const dayOf = (word: string) => WEEKDAYS.find(([pattern]) => pattern.test(word))?.[1];
  const timing = {
    ...(opens ? { opens_at: opens } : {}),
    ...(closes ? { closes_at: closes } : {}),
  };

  const monthly = /^kuun\s+(\S+)\s+(\S+)$/.exec(words);
  if (monthly && ORDINALS[monthly[1]] && dayOf(monthly[2])) {
    return { freq: 'MONTHLY', byday: `${ORDINALS[monthly[1]]}${dayOf(monthly[2])}`, ...timing };
  }
  const fortnightly = /^joka\s+toinen\s+(\S+)$/.exec(words);
  if (fortnightly && dayOf(fortnightly[1])) {
    return { freq: 'WEEKLY', interval: 2, byday: dayOf(fortnightly[1])!, ...timing };
  }
  // "Tiistaisin ja torstaisin", "maanantaisin, keskiviikkoisin": every word a weekday.
  const parts = words.split(/\s*(?:,|\bja\b)\s*/).filter(Boolean);
  const days = parts.map((part) => (/isin$/.test(part) ? dayOf(part) : undefined));
  if (parts.length > 0 && days.every(Boolean)) {
    return { freq: 'WEEKLY', byday: days.join(','), ...timing };
  }
  return null;
}

/** An activity's schedule: its text always, and the recurrence when the text states one. */
export function toSchedule(activity: DirectoryActivity): Record<string, unknown>[] {
  if (!activity.schedule) return [];
  const parsed = parseSchedule(activity.schedule);
  return [
    {
      id: derivedId('schedule', activity.id),
      service_id: activity.id,
      description: activity.schedule,
      ...(parsed ?? {}),
      ...(parsed?.opens_at ? { notes: 'Times are Helsinki local time (Europe/Helsinki).' } : {}),
    },
  ];
}

function languages(codes: readonly string[], owner: { service_id: string }) {
  return codes.map((code) => ({
    id: derivedId('language', `${owner.service_id}:${code}`),
    ...owner,
    code,
  }));
}

type Place = { street: string | null; postalCode: string | null; city: string | null } | null;

/** A physical location at an address; null without a street and city. */
function physicalLocation(
  id: string,
  name: string,
  place: Place,
  region: string | null,
  extra: Record<string, unknown>,
): Record<string, unknown> | null {
  if (!place?.street || !place.city) return null;
  return {
    id,
    location_type: 'physical',
    name,
    ...extra,
    addresses: [
      {
        id: derivedId('address', id),
        location_id: id,
        address_1: place.street,
        city: place.city,
        // Finland has no state or province in addresses; the municipality stands in for it.
        state_province: region ?? place.city,
        postal_code: place.postalCode ?? '',
        country: 'FI',
        address_type: 'physical',
      },
    ],
  };
}

/** The association's own address as a location. */
export function toLocation(association: DirectoryAssociation): Record<string, unknown> | null {
  return physicalLocation(
    derivedId('location', association.id),
    association.name.fi,
    association.address,
    association.municipality?.name.fi ?? null,
    { organization_id: association.id },
  );
}

/** A city facility as a location: where associations meet and book spaces. */
export function toFacilityLocation(facility: DirectoryFacility): Record<string, unknown> | null {
  return physicalLocation(facility.id, facility.name.fi, facility.address, null, {
    ...(facility.description?.fi ? { description: facility.description.fi } : {}),
  });
}

/** An activity as an HSDS service; `full` adds the nested records of `/services/{id}`. */
export function toService(
  activity: DirectoryActivity,
  association: DirectoryAssociation,
  full: boolean,
): Record<string, unknown> {
  const service: Record<string, unknown> = {
    id: activity.id,
    organization_id: association.id,
    name: activity.name.fi,
    ...(activity.name.sv || activity.name.en
      ? { alternate_name: activity.name.sv ?? activity.name.en }
      : {}),
    description: activity.description?.fi ?? activity.name.fi,
    ...(asUri(activity.url) ? { url: asUri(activity.url) } : {}),
    status: serviceStatus(association),
    ...(activity.isFree ? { fees_description: 'Maksuton / Free of charge' } : {}),
    last_modified: activity.updatedAt,
  };
  if (!full) return service;
  const location = toLocation(association);
  return {
    ...service,
    organization: toOrganization(association, false),
    schedules: toSchedule(activity),
    languages: languages(activity.languages, { service_id: activity.id }),
    ...(location
      ? {
          service_at_locations: [
            {
              id: derivedId('service-at-location', activity.id),
              service_id: activity.id,
              location,
            },
          ],
        }
      : {}),
  };
}

/**
 * An association as an HSDS organization; `full` adds what `/organizations/{id}` nests: its
 * services, its location, its contacts. Contacts and their phones only with the person's
 * consent to publish (`isPublic`): a directory feed is public.
 */
export function toOrganization(
  association: DirectoryAssociation,
  full: boolean,
): Record<string, unknown> {
  const organization: Record<string, unknown> = {
    id: association.id,
    name: association.name.fi,
    ...(association.name.sv || association.name.en
      ? { alternate_name: association.name.sv ?? association.name.en }
      : {}),
    description: association.description?.fi ?? association.name.fi,
    ...(asEmail(association.email) ? { email: asEmail(association.email) } : {}),
    ...(asUri(association.website) ? { website: asUri(association.website) } : {}),
    ...(association.foundedYear ? { year_incorporated: association.foundedYear } : {}),
    legal_status:
      association.status === 'DISSOLVED'
        ? 'Dissolved (lakkautettu)'
        : (LEGAL_STATUS[association.kind] ?? association.kind),
  };
  if (!full) return organization;
  const location = toLocation(association);
  return {
    ...organization,
    organization_identifiers: association.businessId
      ? [
          {
            id: derivedId('identifier', association.id),
            organization_id: association.id,
            identifier_scheme: 'FI-PRO',
            identifier_type: 'Y-tunnus (business ID)',
            identifier: association.businessId,
          },
        ]
      : [],
    phones: association.phone
      ? [
          {
            id: derivedId('phone', association.id),
            organization_id: association.id,
            number: association.phone,
          },
        ]
      : [],
    contacts: association.contacts
      .filter((c) => c.isPublic)
      .map((c) => ({
        id: c.id,
        organization_id: association.id,
        name: c.name,
        title: c.title ?? c.role,
        ...(asEmail(c.email) ? { email: asEmail(c.email) } : {}),
        phones: c.phone
          ? [{ id: derivedId('phone', c.id), contact_id: c.id, number: c.phone }]
          : [],
      })),
    locations: location ? [location] : [],
    services: association.activities.map((activity) => toService(activity, association, false)),
  };
}

/** One page of a list as HSDS's API pages it (`page` from 1). */
export function hsdsPage<T>(items: readonly T[], page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
