import { YtjResponseError } from './errors';
import type { YtjCompaniesResponse, YtjCompany, YtjDescription, YtjRecord } from './types';

const LANGUAGE_CODES = { fi: '1', sv: '2', en: '3' } as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the parts of a response the hub relies on; anything else is a YtjResponseError. */
export function parseCompaniesResponse(body: unknown): YtjCompaniesResponse {
  if (!isObject(body) || !Array.isArray(body.companies)) {
    throw new YtjResponseError('YTJ answered without a companies list');
  }
  body.companies.forEach((company: unknown, i) => {
    if (
      !isObject(company) ||
      !isObject(company.businessId) ||
      typeof company.businessId.value !== 'string' ||
      !Array.isArray(company.names) ||
      typeof company.lastModified !== 'string'
    ) {
      throw new YtjResponseError(`YTJ company ${i} lacks businessId.value, names or lastModified`);
    }
  });
  return body as unknown as YtjCompaniesResponse;
}

function inLanguage(descriptions: YtjDescription[], language: keyof typeof LANGUAGE_CODES) {
  return descriptions.find((d) => d.languageCode === LANGUAGE_CODES[language])?.description ?? null;
}

/** YTJ writes post offices in capitals ("LAHTI", "HÄMEENLINNA"); people write "Lahti". */
export function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('fi')
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toLocaleUpperCase('fi'));
}

/** YTJ's REK code list (registers) as far as associations meet it. */
export const REGISTERS: Readonly<Record<string, string>> = {
  '1': 'Kaupparekisteri',
  '2': 'Säätiörekisteri',
  '3': 'Yhdistysrekisteri',
  '4': 'Verohallinnon perustiedot',
  '5': 'Ennakkoperintärekisteri',
  '6': 'Arvonlisäverovelvollisuus',
  '7': 'Työnantajarekisteri',
  '8': 'Vakuutusmaksuverovelvollisten rekisteri',
};
const REGISTER_OF_ASSOCIATIONS = '3';

/** Who keeps a register: the authority codes YTJ sends. */
export const AUTHORITIES: Readonly<Record<string, string>> = {
  '1': 'Verohallinto',
  '2': 'Patentti- ja rekisterihallitus',
};

const current = <T extends { endDate?: string | null }>(items: T[] | null | undefined): T[] =>
  (items ?? []).filter((item) => !item.endDate);

export function toRecord(company: YtjCompany): YtjRecord {
  const names = current(company.names).sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  const main = names.find((n) => n.type === '1') ?? names[0];
  if (!main)
    throw new YtjResponseError(`YTJ company ${company.businessId.value} has no current name`);
  const addresses = company.addresses ?? [];
  const address = addresses.find((a) => a.type === 2) ?? addresses.find((a) => a.type === 1);
  const office =
    address?.postOffices?.find((p) => p.languageCode === LANGUAGE_CODES.fi) ??
    address?.postOffices?.[0];
  const street = address
    ? [address.street, address.buildingNumber, address.entrance, address.apartmentNumber]
        .filter(Boolean)
        .join(' ') || (address.postOfficeBox ? `PL ${address.postOfficeBox}` : null)
    : null;
  const entries = current(company.registeredEntries).map((e) => ({
    type: e.type,
    description: {
      fi: inLanguage(e.descriptions ?? [], 'fi'),
      sv: inLanguage(e.descriptions ?? [], 'sv'),
      en: inLanguage(e.descriptions ?? [], 'en'),
    },
    register: e.register ?? null,
    registerName: (e.register && REGISTERS[e.register]) || null,
    authority: e.authority ?? null,
    authorityName: (e.authority && AUTHORITIES[e.authority]) || null,
    since: e.registrationDate ?? null,
  }));
  return {
    businessId: company.businessId.value,
    name: main.name,
    otherNames: names.filter((n) => n !== main).map((n) => n.name),
    address: address
      ? {
          careOf: address.co?.trim() ? `c/o ${address.co.trim().replace(/^c\/o\s*/i, '')}` : null,
          street,
          postalCode: address.postCode ?? null,
          city: office?.city ? titleCase(office.city) : null,
          municipalityCode: office?.municipalityCode ?? null,
        }
      : null,
    registeredEntries: entries,
    // Type 1 is "Rekisterissä" (registered); type 0 "Rekisteröimätön" is not.
    inRegisterOfAssociations: entries.some(
      (e) => e.register === REGISTER_OF_ASSOCIATIONS && e.type === '1',
    ),
    endDate: company.endDate ?? null,
    lastModified: company.lastModified,
  };
}
