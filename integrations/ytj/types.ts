/**
 * The YTJ open data API v3 (avoindata.prh.fi/opendata-ytj-api/v3), as far as this hub reads
 * it: `GET /companies?businessId=…` answers `{ totalResults, companies: [...] }`. Codes are
 * strings; language codes are "1" Finnish, "2" Swedish, "3" English. Fields the hub does not
 * use are left out; unknown fields are ignored, so additions on PRH's side break nothing.
 */
export interface YtjDescription {
  languageCode: string;
  description: string;
}

export interface YtjName {
  name: string;
  /** "1" the registered name; other codes are parallel and auxiliary names. */
  type: string;
  registrationDate?: string | null;
  endDate?: string | null;
  version?: number;
}

export interface YtjPostOffice {
  city: string;
  languageCode: string;
  municipalityCode?: string | null;
}

export interface YtjAddress {
  /** 1 street (visiting) address, 2 postal address. */
  type: number;
  /** The c/o line: associations are often reached through a board member's address. */
  co?: string | null;
  street?: string | null;
  buildingNumber?: string | null;
  entrance?: string | null;
  apartmentNumber?: string | null;
  postCode?: string | null;
  postOffices?: YtjPostOffice[] | null;
  postOfficeBox?: string | null;
  registrationDate?: string | null;
}

/**
 * One register entry. `descriptions` name the entry's *type* ("Rekisterissä", "Registered");
 * which register it is in is the `register` code (YTJ's REK code list: 3 Yhdistysrekisteri,
 * 2 Säätiörekisteri, 1 Kaupparekisteri, …) and who keeps it the `authority` code (2 PRH,
 * 1 Verohallinto).
 */
export interface YtjRegisteredEntry {
  type: string;
  descriptions?: YtjDescription[] | null;
  registrationDate?: string | null;
  endDate?: string | null;
  register?: string | null;
  authority?: string | null;
}

export interface YtjCompany {
  businessId: { value: string; registrationDate?: string | null };
  names: YtjName[];
  addresses?: YtjAddress[] | null;
  registeredEntries?: YtjRegisteredEntry[] | null;
  endDate?: string | null;
  lastModified: string;
}

export interface YtjCompaniesResponse {
  totalResults: number;
  companies: YtjCompany[];
}

export interface YtjEntry {
  /** The entry's type code and its description, e.g. "1" Rekisterissä. */
  type: string;
  description: { fi: string | null; sv: string | null; en: string | null };
  /** REK code, e.g. "3", and the register's Finnish name where the code is known. */
  register: string | null;
  registerName: string | null;
  /** Authority code, e.g. "2", and its name where known. */
  authority: string | null;
  authorityName: string | null;
  since: string | null;
}

/** What the hub makes of one YTJ record: plain, typed, language-resolved. */
export interface YtjRecord {
  businessId: string;
  /** The current registered name. */
  name: string;
  /** Other current names (parallel names, often the Swedish or English one). */
  otherNames: string[];
  /** The postal address when there is one, else the street address. */
  address: {
    /** The c/o line when there is one ("c/o Matti Virtanen"), before the street. */
    careOf: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    municipalityCode: string | null;
  } | null;
  /** Current register entries: the register and its keeper by code and name. */
  registeredEntries: YtjEntry[];
  /** In the Register of Associations (yhdistysrekisteri) now. */
  inRegisterOfAssociations: boolean;
  /** Set when the business ID has ended (the association was dissolved or merged). */
  endDate: string | null;
  lastModified: string;
}
