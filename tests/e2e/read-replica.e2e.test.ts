import { Client } from 'pg';
import { associationId } from '../../demo/data';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';
import { seedDemoData } from '../setup/hub-process';
import { postGraphQL, readOnlyUrl, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * DATABASE_REPLICA_URLS on one machine: a second database, holding the same demo data,
 * stands in for a streaming replica (it does not follow the primary, so the test can tell
 * which one answered). Its sessions are read-only, as a hot standby's are: a write routed
 * there would fail instead of passing unnoticed.
 */
describe('read replicas', () => {
  let replica: TestDatabase;
  let t: TestHub;
  let replicaDb: Client;
  let primaryDb: Client;
  const id = associationId('lahden-urheiluseura');
  const name = `query Name($id: ID!) { association(id: $id) { name { fi } } }`;

  beforeAll(async () => {
    replica = await createTestDatabase();
    await seedDemoData(replica.url, new Date());
    replicaDb = new Client({ connectionString: replica.url });
    await replicaDb.connect();
    // What only the replica holds: the answer to a read shows where it came from.
    await replicaDb.query(
      `UPDATE associations.association SET name = '{"fi": "Lahden Urheiluseura (replica)"}' WHERE id = $1`,
      [id],
    );
    t = await startTestHub({
      DATABASE_REPLICA_URLS: readOnlyUrl(replica.url),
      GATEWAY_RESPONSE_CACHE: 'false',
    });
    primaryDb = new Client({ connectionString: t.database.url });
    await primaryDb.connect();
  });

  afterAll(async () => {
    await replicaDb?.end();
    await primaryDb?.end();
    await t?.stop();
    await replica?.drop();
  });

  it('answers queries from the replica', async () => {
    const answer = await postGraphQL(t.hub.gateway.graphqlUrl, name, { id });
    expect(answer.body).toEqual({
      data: { association: { name: { fi: 'Lahden Urheiluseura (replica)' } } },
    });
  });

  it('writes a mutation to the primary and reads its answer there, not from the replica', async () => {
    const staff = await t.token({ role: 'staff' });
    const answer = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation Rename($input: UpdateAssociationInput!) { updateAssociation(input: $input) { name { fi } } }`,
      { input: { id, overwrite: true, name: { fi: 'Lahden Urheiluseura 1921 ry' } } },
      { authorization: `Bearer ${staff}` },
    );
    expect(answer.body).toEqual({
      data: { updateAssociation: { name: { fi: 'Lahden Urheiluseura 1921 ry' } } },
    });
    const stored = async (db: Client) =>
      (await db.query(`SELECT name->>'fi' AS fi FROM associations.association WHERE id = $1`, [id]))
        .rows[0].fi;
    expect(await stored(primaryDb)).toBe('Lahden Urheiluseura 1921 ry');
    expect(await stored(replicaDb)).toBe('Lahden Urheiluseura (replica)');
    // A query after it still reads the replica (which a real one would have caught up).
    const after = await postGraphQL(t.hub.gateway.graphqlUrl, name, { id });
    expect(after.body.data).toEqual({
      association: { name: { fi: 'Lahden Urheiluseura (replica)' } },
    });
  });
});
