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
