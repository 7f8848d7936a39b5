import type { EntityManager } from 'typeorm';
import type { SubgraphName } from '../subgraphs/core/subgraph.config';
import { fromHelsinkiLocal } from '../subgraphs/core/time';
import {
  ASSOCIATIONS,
  associationId,
  demoBusinessId,
  EVENTS,
  eventId,
  FACILITIES,
  facilityId,
  GRANT_PROGRAMS,
  grantProgramId,
  LIAISONS,
  SERVICE_AREAS,
  serviceAreaId,
  spaceId,
} from './data';
import { ACTIVITIES, ASSOCIATION_CATEGORIES, CATEGORIES, categoryId, CONTACTS } from './directory';
import { seedCommunications, seedContactRegister, seedSignUps } from './communications';
import { seedCooperation, seedWorkingGroupMeetings } from './cooperation';
import { seedEventsDetails } from './events';
import { seedEventHolds, seedFacilitiesDetails, seedSupportPrices } from './facilities';
import { seedGrantsDetails } from './grants';
import { demoId } from './ids';

/**
 * Writes each subgraph's share of the demo data into its own schema, with plain SQL so the
 * demo does not depend on what entities look like today. Run through runSeedOnce.
 */
async function seedAssociations(db: EntityManager): Promise<void> {
  for (const [i, area] of SERVICE_AREAS.entries()) {
    await db.query(
      'INSERT INTO associations.service_area (id, name, sort_order) VALUES ($1, $2, $3)',
      [serviceAreaId(area.key), { fi: area.fi, sv: area.sv, en: area.en }, i],
    );
  }
  for (const l of LIAISONS) {
    const [first, last] = l.name.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').split(' ');
    await db.query(
      `INSERT INTO associations.city_liaison (id, service_area_id, name, title, email, phone, is_coordinator, responsibilities)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        demoId('liaison', l.key),
        serviceAreaId(l.area),
        l.name,
        l.title,
        `${first}.${last}@lahti.example`,
        '+358 44 716 0000',
        l.coordinator,
        { fi: l.fi },
      ],
    );
  }
  for (const [i, a] of ASSOCIATIONS.entries()) {
    const id = associationId(a.key);
    await db.query(
      `INSERT INTO associations.association
         (id, name, description, kind, status, register_number, business_id, municipality_code, founded_year, member_count, languages, website, email)
       VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        { fi: a.fi, ...(a.sv ? { sv: a.sv } : {}), ...(a.en ? { en: a.en } : {}) },
        { fi: a.description },
        a.kind,
        a.registered ? String(150_000 + i * 37) : null,
        a.registered ? demoBusinessId(i) : null,
        a.municipality,
        a.founded,
        a.members,
        a.languages,
        `https://${a.key}.example`,
        a.registered ? `info@${a.key}.example` : null,
      ],
    );
    for (const area of a.areas) {
      await db.query(
        'INSERT INTO associations.association_service_area (association_id, service_area_id) VALUES ($1, $2)',
        [id, serviceAreaId(area)],
      );
    }
  }
}

async function seedFacilities(db: EntityManager): Promise<void> {
  for (const f of FACILITIES) {
    await db.query(
      `INSERT INTO facilities.facility (id, name, address, municipality_code, service_area_id) VALUES ($1, $2, $3, $4, $5)`,
      [
        facilityId(f.key),
        { fi: f.fi, ...(f.sv ? { sv: f.sv } : {}) },
        {
          street: f.street,
          postalCode: f.postalCode,
          city: f.city,
          municipalityCode: f.municipality,
        },
        f.municipality,
        serviceAreaId(f.area),
      ],
    );
    for (const s of f.spaces) {
      await db.query(
        `INSERT INTO facilities.space (id, facility_id, name, type, capacity, accessible) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          spaceId(f.key, s.key),
          facilityId(f.key),
          { fi: s.fi, ...(s.en ? { en: s.en } : {}) },
          s.type,
          s.capacity,
          s.accessible,
        ],
      );
    }
  }
}

async function seedGrants(db: EntityManager): Promise<void> {
  for (const p of GRANT_PROGRAMS) {
    await db.query(
      `INSERT INTO grants.grant_program (id, name, description, kind, service_area_id, rules_url) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        grantProgramId(p.key),
        { fi: p.fi, ...(p.en ? { en: p.en } : {}) },
        { fi: p.description },
        p.kind,
        serviceAreaId(p.area),
        `https://www.lahti.example/avustukset/${p.key}`,
      ],
    );
  }
}

async function seedEvents(db: EntityManager): Promise<void> {
  for (const e of EVENTS) {
    const startsAt = fromHelsinkiLocal(e.starts);
    const id = eventId(e.key);
    await db.query(
      `INSERT INTO events.event (id, title, description, kind, status, starts_at, ends_at, venue_space_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        { fi: e.fi, ...(e.sv ? { sv: e.sv } : {}), ...(e.en ? { en: e.en } : {}) },
        { fi: e.description },
        e.kind,
        e.status,
        startsAt,
        new Date(startsAt.getTime() + e.hours * 3_600_000),
        e.venue ? spaceId(e.venue[0], e.venue[1]) : null,
      ],
    );
    for (const organizer of e.organizers) {
      await db.query(
        'INSERT INTO events.event_organizer (event_id, association_id) VALUES ($1, $2)',
        [id, associationId(organizer)],
      );
    }
    for (const area of e.areas) {
      await db.query(
        'INSERT INTO events.event_service_area (event_id, service_area_id) VALUES ($1, $2)',
        [id, serviceAreaId(area)],
      );
    }
  }
}

/** Categories, activities and contacts: the full directory (added with issue 3). */
async function seedDirectory(db: EntityManager): Promise<void> {
  for (const [i, c] of CATEGORIES.entries()) {
    await db.query(
      'INSERT INTO associations.category (id, slug, name, sort_order) VALUES ($1, $2, $3, $4)',
      [categoryId(c.slug), c.slug, c.name, i],
    );
  }
  for (const [key, slugs] of Object.entries(ASSOCIATION_CATEGORIES)) {
    for (const slug of slugs) {
      await db.query(
        'INSERT INTO associations.association_category (association_id, category_id) VALUES ($1, $2)',
        [associationId(key), categoryId(slug)],
      );
    }
  }
  for (const a of ACTIVITIES) {
    await db.query(
      `INSERT INTO associations.activity (id, association_id, name, description, target_groups, languages, is_free, location, schedule)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        demoId('activity', `${a.association}/${a.key}`),
        associationId(a.association),
        a.name,
        { fi: a.description },
        a.targetGroups,
        a.languages,
        a.isFree,
        a.location,
        a.schedule,
      ],
    );
  }
  for (const c of CONTACTS) {
    await db.query(
      `INSERT INTO associations.contact_person (id, association_id, name, role, title, email, phone, is_public)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        demoId('contact', `${c.association}/${c.key}`),
        associationId(c.association),
        c.name,
        c.role,
        c.title ?? null,
        c.email,
        c.phone,
        c.isPublic,
      ],
    );
  }
}

export interface DemoSeed {
  /** Recorded in the subgraph schema's seed_history, so each seed runs once. */
  name: string;
  subgraph: SubgraphName;
  /** Writes the seed as of `now`: what the demo has relative to today is planned from it. */
  run(db: EntityManager, now: Date): Promise<void>;
}

/**
 * In order. A seed added later gets a new name, so a demo database made before it still
 * receives it on the next start, and nothing a user changed is written over.
 */
export const DEMO_SEEDS: readonly DemoSeed[] = [
  { name: 'demo-paijat-hame-v1', subgraph: 'associations', run: seedAssociations },
  { name: 'demo-paijat-hame-v1', subgraph: 'facilities', run: seedFacilities },
  { name: 'demo-paijat-hame-v1', subgraph: 'grants', run: seedGrants },
  { name: 'demo-paijat-hame-v1', subgraph: 'events', run: seedEvents },
  { name: 'demo-directory-v1', subgraph: 'associations', run: seedDirectory },
  { name: 'demo-facilities-v2', subgraph: 'facilities', run: seedFacilitiesDetails },
  { name: 'demo-grants-v2', subgraph: 'grants', run: seedGrantsDetails },
  { name: 'demo-events-v2', subgraph: 'events', run: seedEventsDetails },
  { name: 'demo-cooperation-v1', subgraph: 'cooperation', run: seedCooperation },
  { name: 'demo-working-group-meetings-v1', subgraph: 'events', run: seedWorkingGroupMeetings },
  { name: 'demo-communications-v1', subgraph: 'communications', run: seedCommunications },
  // In the events subgraph's turn: its events are written by then (see seedEventHolds).
  { name: 'demo-event-holds-v1', subgraph: 'events', run: seedEventHolds },
  { name: 'demo-contact-register-v1', subgraph: 'communications', run: seedContactRegister },
  // After the events' enrolments (seedEvents) are written.
  { name: 'demo-sign-ups-v1', subgraph: 'communications', run: seedSignUps },
  { name: 'demo-support-prices-v1', subgraph: 'facilities', run: seedSupportPrices },
];
