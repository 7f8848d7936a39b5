import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { businessIdCheckDigit } from '../../subgraphs/associations/association/business-id';
import type { LocalizedText } from '../../subgraphs/core/types/localized-text.type';

/**
 * Rows for associations tests, written with plain SQL so a test states only what matters
 * to it and the rest gets sensible defaults.
 */
let sequence = 0;
const next = () => ++sequence;

/** A valid, unique business ID (Y-tunnus) for tests. */
export function testBusinessId(): string {
  for (;;) {
    const digits = String(2_900_000 + next()).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

export interface AssociationRow {
  id?: string;
  name?: LocalizedText;
  description?: LocalizedText | null;
  kind?: string;
  status?: string;
  municipalityCode?: string;
  businessId?: string | null;
  registerNumber?: string | null;
  languages?: string[];
  foundedYear?: number | null;
  updatedAt?: Date;
  categoryIds?: string[];
  serviceAreaIds?: string[];
}

export async function makeAssociation(db: DataSource, row: AssociationRow = {}): Promise<string> {
  const id = row.id ?? randomUUID();
  const n = next();
  await db.query(
    `INSERT INTO associations.association
       (id, name, description, kind, status, municipality_code, business_id, register_number, languages, founded_year, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      JSON.stringify(row.name ?? { fi: `Testiyhdistys ${n} ry` }),
      row.description === undefined ? null : JSON.stringify(row.description),
      row.kind ?? 'REGISTERED_ASSOCIATION',
      row.status ?? 'ACTIVE',
      row.municipalityCode ?? '398',
      row.businessId === undefined ? null : row.businessId,
      row.registerNumber === undefined ? null : row.registerNumber,
      row.languages ?? ['fi'],
      row.foundedYear ?? null,
      row.updatedAt ?? new Date(),
    ],
  );
  for (const categoryId of row.categoryIds ?? []) {
    await db.query(
      'INSERT INTO associations.association_category (association_id, category_id) VALUES ($1, $2)',
      [id, categoryId],
    );
  }
  for (const serviceAreaId of row.serviceAreaIds ?? []) {
    await db.query(
      'INSERT INTO associations.association_service_area (association_id, service_area_id) VALUES ($1, $2)',
      [id, serviceAreaId],
    );
  }
  return id;
}

export async function makeCategory(
  db: DataSource,
  row: { slug?: string; name?: LocalizedText; sortOrder?: number } = {},
): Promise<string> {
  const n = next();
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO associations.category (slug, name, sort_order) VALUES ($1, $2, $3) RETURNING id`,
    [
      row.slug ?? `category-${n}`,
      JSON.stringify(row.name ?? { fi: `Kategoria ${n}` }),
      row.sortOrder ?? n,
    ],
  );
  return rows[0].id;
}

export async function makeServiceArea(
  db: DataSource,
  row: { name?: LocalizedText; sortOrder?: number } = {},
): Promise<string> {
  const n = next();
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO associations.service_area (name, sort_order) VALUES ($1, $2) RETURNING id`,
    [JSON.stringify(row.name ?? { fi: `Palvelualue ${n}` }), row.sortOrder ?? n],
  );
  return rows[0].id;
}

export async function makeContact(
  db: DataSource,
  associationId: string,
  row: { name?: string; role?: string; email?: string; phone?: string; isPublic?: boolean } = {},
): Promise<string> {
  const n = next();
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO associations.contact_person (association_id, name, role, email, phone, is_public)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      associationId,
      row.name ?? `Henkilö ${n}`,
      row.role ?? 'CHAIR',
      row.email ?? `henkilo${n}@example.fi`,
      row.phone ?? '+358 40 123 4567',
      row.isPublic ?? false,
    ],
  );
  return rows[0].id;
}

export async function makeActivity(
  db: DataSource,
  associationId: string,
  row: {
    name?: LocalizedText;
    description?: LocalizedText;
    targetGroups?: string[];
    languages?: string[];
    isFree?: boolean;
  } = {},
): Promise<string> {
  const n = next();
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO associations.activity (association_id, name, description, target_groups, languages, is_free)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      associationId,
      JSON.stringify(row.name ?? { fi: `Toiminta ${n}` }),
      row.description ? JSON.stringify(row.description) : null,
      row.targetGroups ?? ['EVERYONE'],
      row.languages ?? ['fi'],
      row.isFree ?? true,
    ],
  );
  return rows[0].id;
}
