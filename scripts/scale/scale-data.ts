import { businessIdCheckDigit } from '../../subgraphs/associations/association/business-id';
import { audienceKey } from '../../subgraphs/communications/audience/audience';
import { respondentKey } from '../../subgraphs/cooperation/survey/survey-response.service';
import type { Survey } from '../../subgraphs/cooperation/survey/survey.entity';
import { fromHelsinkiLocal } from '../../subgraphs/core/time';
import { categoryId } from '../../demo/directory';
import { serviceAreaId } from '../../demo/data';
import {
  FIRST_NAMES,
  LAST_NAMES,
  MUNICIPALITIES,
  PLACES,
  STREETS,
  TOPICS,
  type Topic,
} from './finnish-words';
import { Random, zipfWeight } from './random';

/** One table's generated rows, in COPY's column order; rows are made while they are loaded. */
export interface TableRows {
  table: string;
  columns: string[];
  /** How many rows `rows()` yields (for the progress bar). */
  count: number;
  rows(): Iterable<unknown[]>;
}

/** What is already in the database that generated rows refer to (the demo data's). */
export interface ScaleReferences {
  /** Application rounds: id, year, and whether it is still open on `today`. */
  rounds: Array<{ id: string; year: number; open: boolean }>;
  /** Surveys answerable by associations, with their choice questions. */
  surveys: Array<{
    id: string;
    salt: string;
    anonymous: boolean;
    questions: Array<{ id: string; options: number }>;
  }>;
  workingGroups: string[];
}

export interface ScalePlan {
  associations: number;
  seed: string;
  /** The day the data is made around (past and coming reservations and events). */
  today: Date;
  references: ScaleReferences;
}

interface PlannedAssociation {
  id: string;
  topic: Topic;
  place: [string, string];
  municipality: string;
  active: boolean;
}

const DAY = 86_400_000;
const YEAR_WEIGHTS = { REGISTERED_ASSOCIATION: 80, INFORMAL_GROUP: 12, FOUNDATION: 3, OTHER: 5 };
const KINDS = Object.keys(YEAR_WEIGHTS) as Array<keyof typeof YEAR_WEIGHTS>;

/** A valid Y-tunnus, different for every index (the check digit per the PRH's rule). */
export function scaleBusinessId(index: number): string {
  // Numbers 11 apart: at most one in eleven has no valid check digit, so the next always
  // comes before the following index's number.
  for (let n = 2_000_000 + index * 11; ; n++) {
    const digits = String(n).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

function localText(fi: string, sv?: string): Record<string, string> {
  return sv ? { fi, sv } : { fi };
}

function person(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function emailOf(name: string, domain: string): string {
  const local = name
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z ]/g, '')
    .replace(' ', '.');
  return `${local}@${domain}`;
}

/**
 * Generated data for every subgraph around N associations, the same for the same seed and
 * day: associations with categories, areas, contacts and activities; facilities with
 * spaces, hours and reservations; grant applications with budget lines in the demo's rounds;
 * events with organizers, areas and enrolments; survey answers; working group members;
 * email subscriptions. Ratios follow the demo data's (about two activities and one and a
 * half contacts per association, a facility per 200, an event per 10).
 */
export function scaleTables(plan: ScalePlan): TableRows[] {
  const n = plan.associations;
  const planner = new Random(`${plan.seed}:associations`);
  const associations: PlannedAssociation[] = [];
  const topicWeight = (t: Topic) => zipfWeight(TOPICS.indexOf(t));
  for (let i = 0; i < n; i++) {
    const municipality = planner.weighted(MUNICIPALITIES, (m) => m.population).code;
    associations.push({
      id: planner.uuid(),
      topic: planner.weighted(TOPICS, topicWeight),
      place: planner.weighted(PLACES[municipality], (p) =>
        zipfWeight(PLACES[municipality].indexOf(p) / 3),
      ),
      municipality,
      active: planner.chance(0.97),
    });
  }
  const areaIds = (a: PlannedAssociation) => a.topic.areas.map(serviceAreaId);
  const today = plan.today.getTime();
  const dayStart = (offset: number, hour: number, minute = 0) => {
    const d = new Date(today + offset * DAY);
    const iso = d.toISOString().slice(0, 10);
    return fromHelsinkiLocal(
      `${iso}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    );
  };

  const association: TableRows = {
    table: 'associations.association',
    columns: [
      'id',
      'name',
      'description',
      'kind',
      'status',
      'register_number',
      'business_id',
      'municipality_code',
      'founded_year',
      'member_count',
      'languages',
      'website',
      'email',
      'phone',
      'address',
    ],
    count: n,
    *rows() {
      const r = new Random(`${plan.seed}:association`);
      for (const [i, a] of associations.entries()) {
        const kind = r.weighted(KINDS, (k) => YEAR_WEIGHTS[k]);
        const registered = kind !== 'INFORMAL_GROUP';
        const noun = r.pick(a.topic.nouns);
        const fi = `${a.place[1]} ${noun}${registered ? ' ry' : ''}`;
        const swedish = r.chance(0.06);
        const domain = `yhdistys${i}.example`;
        yield [
          a.id,
          localText(fi, swedish ? `${a.place[0]} ${noun} rf` : undefined),
          {
            fi: `${a.place[1]} ${noun.toLowerCase()} järjestää ${a.topic.does}. Toimimme ${a.place[0]} ja lähialueilla.`,
          },
          kind,
          a.active ? (r.chance(0.93) ? 'ACTIVE' : 'DORMANT') : 'DISSOLVED',
          registered ? String(300_000 + i) : null,
          registered && r.chance(0.7) ? scaleBusinessId(i) : null,
          a.municipality,
          r.int(1890, 2025),
          Math.round(Math.exp(r.next() * 7)),
          swedish ? ['fi', 'sv'] : r.chance(0.05) ? ['fi', 'en'] : ['fi'],
          r.chance(0.6) ? `https://${domain}` : null,
          registered ? `info@${domain}` : null,
          r.chance(0.4) ? `+358 40 ${String(1_000_000 + (i % 8_999_999)).slice(0, 7)}` : null,
          r.chance(0.5)
            ? {
                street: `${r.pick(STREETS)} ${r.int(1, 80)}`,
                postalCode: '15100',
                city: a.place[0],
              }
            : null,
        ];
      }
    },
  };

  const associationCategory: TableRows = {
    table: 'associations.association_category',
    columns: ['association_id', 'category_id'],
    count: associations.reduce((sum, a) => sum + a.topic.categories.length, 0),
    *rows() {
      for (const a of associations)
        for (const slug of a.topic.categories) yield [a.id, categoryId(slug)];
    },
  };

  const associationArea: TableRows = {
    table: 'associations.association_service_area',
    columns: ['association_id', 'service_area_id'],
    count: associations.reduce((sum, a) => sum + a.topic.areas.length, 0),
    *rows() {
      for (const a of associations) for (const id of areaIds(a)) yield [a.id, id];
    },
  };

  // Contacts and activities: a fixed count per association, drawn from the index, so the
  // progress bar knows the total before the rows are made.
  const contactsOf = (i: number) => 1 + (i % 3 === 0 ? 1 : 0) + (i % 7 === 0 ? 1 : 0);
  const activitiesOf = (i: number) => [1, 2, 3, 2, 0, 4, 2][i % 7];
  const ROLES = ['CHAIR', 'SECRETARY', 'TREASURER', 'CONTACT'];
  const contact: TableRows = {
    table: 'associations.contact_person',
    columns: ['id', 'association_id', 'name', 'role', 'email', 'phone', 'is_public'],
    count: associations.reduce((sum, _, i) => sum + contactsOf(i), 0),
    *rows() {
      const r = new Random(`${plan.seed}:contact`);
      for (const [i, a] of associations.entries()) {
        for (let k = 0; k < contactsOf(i); k++) {
          const name = person(r);
          yield [
            r.uuid(),
            a.id,
            name,
            ROLES[k],
            emailOf(name, `yhdistys${i}.example`),
            r.chance(0.5) ? `+358 50 ${r.int(1_000_000, 9_999_999)}` : null,
            r.chance(0.7),
          ];
        }
      }
    },
  };

  const activity: TableRows = {
    table: 'associations.activity',
    columns: [
      'id',
      'association_id',
      'name',
      'description',
      'target_groups',
      'languages',
      'is_free',
      'location',
      'schedule',
    ],
    count: associations.reduce((sum, _, i) => sum + activitiesOf(i), 0),
    *rows() {
      const r = new Random(`${plan.seed}:activity`);
      for (const [i, a] of associations.entries()) {
        for (let k = 0; k < activitiesOf(i); k++) {
          const what = a.topic.activities[k % a.topic.activities.length];
          yield [
            r.uuid(),
            a.id,
            { fi: k < a.topic.activities.length ? what.name : `${what.name} ${k + 1}` },
            { fi: `${what.name}: ${a.topic.does}. Paikkana ${a.place[0]}.` },
            what.groups,
            r.chance(0.1) ? ['fi', 'en'] : ['fi'],
            r.chance(0.6),
            `${a.place[0]}, ${r.pick(STREETS)} ${r.int(1, 60)}`,
            `${r.pick(['maanantaisin', 'tiistaisin', 'keskiviikkoisin', 'torstaisin', 'lauantaisin'])} klo ${r.int(9, 19)}`,
          ];
        }
      }
    },
  };

  // Facilities: one per 200 associations (at least one), three spaces each.
  const facilityCount = Math.max(1, Math.floor(n / 200));
  const facilityPlanner = new Random(`${plan.seed}:facilities`);
  const facilities = Array.from({ length: facilityCount }, (_, i) => {
    const municipality = facilityPlanner.weighted(MUNICIPALITIES, (m) => m.population).code;
    const place = facilityPlanner.pick(PLACES[municipality]);
    return {
      id: facilityPlanner.uuid(),
      name: `${place[1]} ${facilityPlanner.pick(['monitoimitalo', 'koulu', 'nuorisotalo', 'kirjasto', 'liikuntahalli'])} ${i + 1}`,
      place,
      municipality,
      spaces: Array.from({ length: 3 }, () => facilityPlanner.uuid()),
    };
  });
  const facility: TableRows = {
    table: 'facilities.facility',
    columns: ['id', 'name', 'address', 'municipality_code', 'service_area_id', 'kind'],
    count: facilities.length,
    *rows() {
      for (const f of facilities) {
        yield [
          f.id,
          { fi: f.name },
          {
            street: `${STREETS[f.name.length % STREETS.length]} 1`,
            postalCode: '15100',
            city: f.place[0],
          },
          f.municipality,
          serviceAreaId('culture'),
          'MULTIPURPOSE_HOUSE',
        ];
      }
    },
  };
  const SPACE_TYPES = ['MEETING_ROOM', 'HALL', 'CLUB_ROOM'] as const;
  const space: TableRows = {
    table: 'facilities.space',
    columns: [
      'id',
      'facility_id',
      'name',
      'type',
      'capacity',
      'accessible',
      'is_free',
      'hourly_rate',
    ],
    count: facilities.length * 3,
    *rows() {
      for (const f of facilities) {
        for (const [k, id] of f.spaces.entries()) {
          const free = k !== 1;
          yield [
            id,
            f.id,
            { fi: ['Kokoushuone', 'Juhlasali', 'Kerhohuone'][k] },
            SPACE_TYPES[k],
            [12, 120, 25][k],
            k !== 2,
            free,
            free ? null : 25,
          ];
        }
      }
    },
  };
  const openingHours: TableRows = {
    table: 'facilities.opening_hours',
    columns: ['facility_id', 'weekday', 'opens', 'closes'],
    count: facilities.length * 6,
    *rows() {
      for (const f of facilities) {
        for (let weekday = 1; weekday <= 6; weekday++) {
          yield [
            f.id,
            weekday,
            weekday === 6 ? '10:00' : '08:00',
            weekday === 6 ? '16:00' : '21:00',
          ];
        }
      }
    },
  };
  // Reservations: one per association, two hours each, in slots of their space that never
  // overlap (slot k of a space is day k / 6, hour 8 + 2 × (k mod 6)), from 180 days back.
  const RESERVATION_STATUS = [
    'CONFIRMED',
    'CONFIRMED',
    'CONFIRMED',
    'REQUESTED',
    'CANCELLED',
    'REJECTED',
  ];
  const reservation: TableRows = {
    table: 'facilities.reservation',
    columns: [
      'id',
      'space_id',
      'association_id',
      'requested_by',
      'starts_at',
      'ends_at',
      'status',
      'purpose',
      'attendees',
    ],
    count: n,
    *rows() {
      const r = new Random(`${plan.seed}:reservation`);
      const spaces = facilities.flatMap((f) => f.spaces);
      const slots = new Map<string, number>();
      for (const a of associations) {
        const spaceId = spaces[r.int(0, spaces.length - 1)];
        const k = slots.get(spaceId) ?? 0;
        slots.set(spaceId, k + 1);
        const startsAt = dayStart(Math.floor(k / 6) - 180, 8 + 2 * (k % 6));
        yield [
          r.uuid(),
          spaceId,
          a.id,
          `seed:${a.id}`,
          startsAt,
          new Date(startsAt.getTime() + 2 * 3_600_000),
          r.pick(RESERVATION_STATUS),
          `${a.topic.activities[0].name}`,
          r.int(3, 10),
        ];
      }
    },
  };

  // Grant applications: each association applies in one or two of the demo's rounds.
  const rounds = plan.references.rounds;
  const applicationsOf = (i: number) => (rounds.length === 0 ? 0 : 1 + (i % 2));
  const applicationIds: string[] = [];
  const grantApplication: TableRows = {
    table: 'grants.grant_application',
    columns: [
      'id',
      'round_id',
      'association_id',
      'created_by',
      'title',
      'purpose',
      'requested_amount',
      'status',
      'awarded_amount',
      'decision_outcome',
      'decided_at',
      'decision_body',
      'submitted_at',
    ],
    count: associations.reduce((sum, _, i) => sum + applicationsOf(i), 0),
    *rows() {
      const r = new Random(`${plan.seed}:grant-application`);
      applicationIds.length = 0;
      for (const [i, a] of associations.entries()) {
        for (const round of r.some(rounds, applicationsOf(i))) {
          const id = r.uuid();
          applicationIds.push(id);
          const requested = r.int(5, 200) * 100;
          const submittedAt = new Date(Date.UTC(round.year, r.int(0, 2), r.int(1, 28), 12));
          const outcome = round.open
            ? null
            : r.weighted(['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'], (o) =>
                o === 'REJECTED' ? 2 : o === 'APPROVED' ? 4 : 3,
              );
          const awarded =
            outcome === 'APPROVED'
              ? requested
              : outcome === 'PARTIALLY_APPROVED'
                ? Math.round(requested * 0.6)
                : outcome
                  ? 0
                  : null;
          yield [
            id,
            round.id,
            a.id,
            `seed:${a.id}`,
            `${a.topic.activities[0].name} ${round.year}`,
            `Avustus toimintaan: ${a.topic.does}.`,
            requested,
            round.open ? r.pick(['DRAFT', 'SUBMITTED', 'IN_REVIEW']) : outcome,
            awarded,
            outcome,
            outcome ? new Date(submittedAt.getTime() + 60 * DAY) : null,
            outcome ? 'Hyvinvointilautakunta' : null,
            submittedAt,
          ];
        }
      }
    },
  };
  const grantLines: TableRows = {
    table: 'grants.grant_application_line',
    columns: ['application_id', 'position', 'kind', 'label', 'amount'],
    get count() {
      return grantApplication.count * 2;
    },
    *rows() {
      // Made after the applications (their ids are collected while those are loaded).
      for (const id of applicationIds) {
        yield [id, 0, 'COST', 'Tilavuokrat', 1200];
        yield [id, 1, 'INCOME', 'Jäsenmaksut', 400];
      }
    },
  };

  // Events: one per ten associations, from a year back to a year ahead, each organised by
  // one or two associations and enrolled in by up to eight.
  const eventCount = Math.max(1, Math.floor(n / 10));
  const eventPlanner = new Random(`${plan.seed}:events`);
  const EVENT_KINDS = [
    'COMMUNITY_EVENT',
    'COMMUNITY_EVENT',
    'WORKSHOP',
    'ASSOCIATION_EVENING',
    'FORUM',
    'JOINT_EVENT',
  ];
  const events = Array.from({ length: eventCount }, () => {
    const organizer = associations[eventPlanner.int(0, n - 1)];
    return {
      id: eventPlanner.uuid(),
      organizer,
      kind: eventPlanner.pick(EVENT_KINDS),
      day: eventPlanner.int(-365, 365),
      hour: eventPlanner.int(10, 19),
      enrolments: associations.length > 1 ? eventPlanner.int(0, 8) : 0,
    };
  });
  const event: TableRows = {
    table: 'events.event',
    columns: [
      'id',
      'title',
      'description',
      'kind',
      'status',
      'starts_at',
      'ends_at',
      'location',
      'keywords',
      'is_free',
      'capacity',
    ],
    count: events.length,
    *rows() {
      const r = new Random(`${plan.seed}:event`);
      for (const e of events) {
        const startsAt = dayStart(e.day, e.hour);
        const what = r.pick(e.organizer.topic.activities).name;
        yield [
          e.id,
          localText(`${what}: ${e.organizer.place[0]}`),
          { fi: `${e.organizer.place[1]} yhdistysten tapahtuma: ${e.organizer.topic.does}.` },
          e.kind,
          r.chance(0.95) ? 'SCHEDULED' : 'CANCELLED',
          startsAt,
          new Date(startsAt.getTime() + r.int(1, 4) * 3_600_000),
          `${e.organizer.place[0]}, ${r.pick(STREETS)} ${r.int(1, 40)}`,
          [e.organizer.topic.nouns[0].toLowerCase()],
          r.chance(0.8),
          e.enrolments > 0 ? 200 : null,
        ];
      }
    },
  };
  const organizer: TableRows = {
    table: 'events.event_organizer',
    columns: ['event_id', 'association_id'],
    count: events.length,
    *rows() {
      for (const e of events) yield [e.id, e.organizer.id];
    },
  };
  const eventArea: TableRows = {
    table: 'events.event_service_area',
    columns: ['event_id', 'service_area_id'],
    count: events.length,
    *rows() {
      for (const e of events) yield [e.id, areaIds(e.organizer)[0]];
    },
  };
  const enrolment: TableRows = {
    table: 'events.enrolment',
    columns: ['id', 'event_id', 'association_id', 'enrolled_by', 'people', 'status'],
    count: events.reduce((sum, e) => sum + e.enrolments, 0),
    *rows() {
      const r = new Random(`${plan.seed}:enrolment`);
      for (const e of events) {
        // Different associations (no association enrols twice in one event).
        const start = r.int(0, n - 1);
        for (let k = 0; k < e.enrolments; k++) {
          const a = associations[(start + k * 7919) % n];
          yield [
            r.uuid(),
            e.id,
            a.id,
            `seed:${a.id}`,
            r.int(1, 6),
            r.chance(0.9) ? 'ENROLLED' : 'CANCELLED',
          ];
        }
      }
    },
  };

  // Cooperation: one association in ten answers each survey for associations; one in a
  // hundred sends a member to a working group.
  const surveys = plan.references.surveys;
  const respondents = associations.filter((_, i) => i % 10 === 3);
  const responseIds: Array<{ id: string; survey: ScaleReferences['surveys'][number] }> = [];
  const surveyResponse: TableRows = {
    table: 'cooperation.survey_response',
    columns: ['id', 'survey_id', 'respondent_key', 'association_id'],
    count: respondents.length * surveys.length,
    *rows() {
      const r = new Random(`${plan.seed}:survey-response`);
      responseIds.length = 0;
      for (const survey of surveys) {
        for (const a of respondents) {
          const id = r.uuid();
          responseIds.push({ id, survey });
          yield [
            id,
            survey.id,
            respondentKey(
              { anonymous: survey.anonymous, salt: survey.salt } as Survey,
              `association:${a.id}`,
            ),
            survey.anonymous ? null : a.id,
          ];
        }
      }
    },
  };
  const surveyAnswer: TableRows = {
    table: 'cooperation.survey_answer',
    columns: ['response_id', 'question_id', 'choice'],
    count: respondents.length * surveys.reduce((sum, s) => sum + s.questions.length, 0),
    *rows() {
      const r = new Random(`${plan.seed}:survey-answer`);
      for (const { id, survey } of responseIds) {
        for (const q of survey.questions) yield [id, q.id, r.int(0, q.options - 1)];
      }
    },
  };
  const groups = plan.references.workingGroups;
  const members = groups.length ? associations.filter((_, i) => i % 100 === 7) : [];
  const workingGroupMember: TableRows = {
    table: 'cooperation.working_group_member',
    columns: ['id', 'working_group_id', 'name', 'role', 'association_id', 'is_public'],
    count: members.length,
    *rows() {
      const r = new Random(`${plan.seed}:working-group-member`);
      for (const a of members)
        yield [r.uuid(), r.pick(groups), person(r), 'MEMBER', a.id, r.chance(0.5)];
    },
  };

  // Communications: one association in twenty follows the announcements of its service area.
  const subscribers = associations.filter((_, i) => i % 20 === 11);
  const subscription: TableRows = {
    table: 'communications.subscription',
    columns: [
      'id',
      'channel',
      'address',
      'topics',
      'everyone',
      'service_area_ids',
      'audience_key',
      'language',
      'association_id',
      'unsubscribe_token',
      'created_by',
      'confirmed_at',
    ],
    count: subscribers.length,
    *rows() {
      const r = new Random(`${plan.seed}:subscription`);
      for (const a of subscribers) {
        const area = areaIds(a)[0];
        yield [
          r.uuid(),
          'EMAIL',
          `tiedotteet@${a.id.slice(0, 8)}.example`,
          ['GENERAL', 'GRANTS', 'SPACES', 'EVENTS'],
          false,
          [area],
          audienceKey({
            everyone: false,
            serviceAreaIds: [area],
            categoryIds: [],
            municipalityCodes: [],
          }),
          'fi',
          a.id,
          r.uuid().replace(/-/g, ''),
          `seed:${a.id}`,
          new Date(today - 30 * DAY),
        ];
      }
    },
  };

  return [
    association,
    associationCategory,
    associationArea,
    contact,
    activity,
    facility,
    space,
    openingHours,
    reservation,
    grantApplication,
    grantLines,
    event,
    organizer,
    eventArea,
    enrolment,
    surveyResponse,
    surveyAnswer,
    workingGroupMember,
    subscription,
  ];
}
