import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { serviceAreaId } from './data';
import { demoId } from './ids';

/** A token as the subgraph makes them (32 base64url characters), derived for the demo. */
const demoToken = (key: string) =>
  createHash('sha256').update(`demo-token:${key}`).digest('base64url').slice(0, 32);

export const DEMO_SUBSCRIBER = 'tiedotteet@demo-yhdistys.example';

/**
 * The communications subgraph's demo: published announcements, a draft to publish, and a
 * confirmed subscriber of every topic. Its mails (the reminders the hourly job finds due,
 * and each announcement staff publish) land in `.hub-data/outbox/` as .eml files.
 */
export async function seedCommunications(db: EntityManager, now: Date): Promise<void> {
  const announcements = [
    {
      key: 'yhdistysilta-kevat',
      status: 'PUBLISHED',
      topic: 'GENERAL',
      everyone: true,
      areas: [] as string[],
      title: { fi: 'Kevään yhdistysilta 16.3.', sv: 'Vårens föreningskväll 16.3.' },
      body: {
        fi: 'Tervetuloa kevään yhdistysiltaan Kirkkokadun monitoimitaloon. Illan teemoina **avustukset**, **tilat** ja **tapahtumat**.',
        sv: 'Välkommen till vårens föreningskväll i Kyrkogatans allaktivitetshus.',
      },
      publishedDaysAgo: 3,
    },
    {
      key: 'toiminta-avustus',
      status: 'PUBLISHED',
      topic: 'GRANTS',
      everyone: false,
      areas: ['sports', 'culture'],
      title: { fi: 'Toiminta-avustusten haku aukeaa' },
      body: {
        fi: 'Liikunnan ja kulttuurin toiminta-avustukset haetaan hubin kautta. Hakuaika näkyy vuosikellossa.',
      },
      publishedDaysAgo: 10,
    },
    {
      key: 'kausivuorot-luonnos',
      status: 'DRAFT',
      topic: 'SPACES',
      everyone: true,
      areas: [] as string[],
      title: { fi: 'Syyskauden vuorojen haku' },
      body: { fi: 'Syyskauden salivuorot haetaan maaliskuussa.' },
      publishedDaysAgo: null,
    },
  ];
  for (const a of announcements) {
    await db.query(
      `INSERT INTO communications.announcement
         (id, title, body, topic, status, everyone, service_area_ids, published_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
               CASE WHEN $8::int IS NULL THEN NULL ELSE $9::timestamptz - make_interval(days => $8::int) END,
               'demo')`,
      [
        demoId('announcement', a.key),
        a.title,
        a.body,
        a.topic,
        a.status,
        a.everyone,
        a.areas.map(serviceAreaId),
        a.publishedDaysAgo,
        now,
      ],
    );
  }
  await db.query(
    `INSERT INTO communications.subscription
       (id, channel, address, topics, everyone, audience_key, language, confirm_token,
        unsubscribe_token, confirmed_at, created_by)
     VALUES ($1, 'EMAIL', $2, ARRAY['EVENTS','GENERAL','GRANTS','SPACES','SURVEYS'], true,
             'everyone', 'fi', $3, $4, $5, 'demo')`,
    [
      demoId('subscription', 'demo'),
      DEMO_SUBSCRIBER,
      demoToken('confirm'),
      demoToken('unsubscribe'),
      now,
    ],
  );
}

/**
 * The communications subgraph's copy of the demo associations' contact registers, as the
 * `association.contacts-changed` events of their contact persons' entry would have made it
 * (the demo writes contact persons directly, so no event was sent): a subscription per
 * contact with an address, taking decisions about its association.
 */
export async function seedContactRegister(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO communications.subscription
       (channel, address, topics, everyone, audience_key, language, association_id, contact_id,
        unsubscribe_token, created_by, confirmed_at)
     SELECT 'EMAIL', lower(c.email), '{}', false, 'contact:' || c.id, 'fi', c.association_id, c.id,
            encode(sha256(convert_to('demo-contact:' || c.id, 'UTF8')), 'hex'), 'contact-register', now()
       FROM associations.contact_person c
      WHERE c.email IS NOT NULL
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO communications.contact_register (association_id, sequence)
     SELECT DISTINCT association_id, 0 FROM associations.contact_person
     ON CONFLICT DO NOTHING`,
  );
}

/**
 * The communications subgraph's copy of the demo's sign-ups, as the events subgraph's
 * `enrolment.changed` events would have made it (the demo writes enrolments directly), so
 * that the demo's enrolled associations are reminded before their events start.
 */
export async function seedSignUps(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO communications.sign_up (enrolment_id, event_id, association_id, status, sequence)
     SELECT id, event_id, association_id, status, 0 FROM events.enrolment
     ON CONFLICT DO NOTHING`,
  );
}
