/**
 * What the directory needs from a business register (YTJ in Finland). The YTJ client in
 * integrations/ytj satisfies it; the subgraph knows only this shape.
 */
export interface RegistryRecord {
  businessId: string;
  name: string;
  otherNames: string[];
  address: {
    /** "c/o Matti Virtanen": an association reached through a board member's address. */
    careOf: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    municipalityCode: string | null;
  } | null;
  /** Set when the business ID has ended: dissolved or merged. */
  endDate: string | null;
  lastModified: string;
}

export interface BusinessRegistry {
  findByBusinessId(businessId: string): Promise<RegistryRecord | null>;
}
