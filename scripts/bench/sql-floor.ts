import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';

/**
 * The SQL floor of `npm run bench`: the directory page's four statements, exactly as the
 * associations subgraph sends them (read off PostgreSQL's statement log), through plain
 * `pg` in a minimal HTTP server that answers the same JSON. What the subgraph takes beyond
 * this is GraphQL execution, TypeORM and DataLoader; what this takes is the database's.
 * Answers any POST with the first directory page (the benchmark's identical workload).
 */
const PAGE = `SELECT "a"."id" AS "a_id", "a"."name" AS "a_name", "a"."description" AS "a_description", "a"."kind" AS "a_kind", "a"."status" AS "a_status", "a"."register_number" AS "a_register_number", "a"."business_id" AS "a_business_id", "a"."municipality_code" AS "a_municipality_code", "a"."founded_year" AS "a_founded_year", "a"."member_count" AS "a_member_count", "a"."languages" AS "a_languages", "a"."website" AS "a_website", "a"."email" AS "a_email", "a"."phone" AS "a_phone", "a"."address" AS "a_address", "a"."created_at" AS "a_created_at", "a"."updated_at" AS "a_updated_at" FROM "associations"."association" "a" WHERE TRUE ORDER BY a.name_sort ASC, "a"."id" ASC LIMIT 21`;
const COUNT = `SELECT COUNT(1) AS "cnt" FROM "associations"."association" "a" WHERE TRUE`;
const LINKS = `SELECT association_id, category_id FROM associations.association_category WHERE association_id = ANY($1)`;
const CATEGORIES = `SELECT "c"."id" AS "c_id", "c"."slug" AS "c_slug", "c"."name" AS "c_name", "c"."description" AS "c_description", "c"."sort_order" AS "c_sort_order" FROM "associations"."category" "c" WHERE "c"."id" = ANY($1) ORDER BY "c"."sort_order" ASC, "c"."slug" ASC`;

async function directoryPage(pool: Pool): Promise<unknown> {
  const [page, count] = await Promise.all([pool.query(PAGE), pool.query(COUNT)]);
  const rows = page.rows.slice(0, 20) as Array<Record<string, unknown>>;
  const links = await pool.query<{ association_id: string; category_id: string }>(LINKS, [
    rows.map((r) => r.a_id),
  ]);
  const categories = await pool.query<{ c_id: string; c_slug: string }>(CATEGORIES, [
    [...new Set(links.rows.map((l) => l.category_id))],
  ]);
  const slug = new Map(categories.rows.map((c) => [c.c_id, c.c_slug]));
  return {
    data: {
      associations: {
        totalCount: Number((count.rows[0] as { cnt: string }).cnt),
        pageInfo: { endCursor: null, hasNextPage: page.rows.length > 20 },
        edges: rows.map((r) => {
          const name = r.a_name as { fi: string; sv?: string };
          return {
            node: {
              id: r.a_id,
              name: { fi: name.fi, sv: name.sv ?? null },
              municipalityCode: r.a_municipality_code,
              categories: links.rows
                .filter((l) => l.association_id === r.a_id)
                .map((l) => ({ slug: slug.get(l.category_id) })),
            },
          };
        }),
      },
    },
  };
}

if (require.main === module) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      directoryPage(pool).then(
        (answer) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        },
        (error: unknown) => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`sql floor ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
}
