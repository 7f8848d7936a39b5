import type { DataSource } from 'typeorm';
import { YtjClient } from '../../../integrations/ytj/client';
import { YtjOpenDataTestServer, ytjAssociation } from '../../../integrations/ytj/ytj-test-server';
import { makeAssociation, testBusinessId } from '../../../tests/factories/associations.factory';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database';
import { associationsSubgraph } from '../associations.subgraph';
import { RegistrySyncService } from './registry-sync.service';

describe(RegistrySyncService.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let ytj: YtjOpenDataTestServer;
  const id = {
    matching: testBusinessId(),
    renamed: testBusinessId(),
    dissolved: testBusinessId(),
    unknown: testBusinessId(),
    failing: testBusinessId(),
  };
  let matchingId: string;
  let renamedId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(associationsSubgraph);
    ytj = await new YtjOpenDataTestServer().start();
    ytj
      .add(ytjAssociation(id.matching, 'Lahden Soutajat ry'))
      .add(ytjAssociation(id.renamed, 'Lahden Kuoro ry'))
      .add(ytjAssociation(id.dissolved, 'Vanha Seura ry', { endDate: '2024-12-31' }))
      .add(ytjAssociation(id.failing, 'Ei Vastaa ry'));
    matchingId = await makeAssociation(db, {
      name: { fi: 'Lahden soutajat ry' },
      businessId: id.matching,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    renamedId = await makeAssociation(db, {
      name: { fi: 'Lahden Kuorolaiset ry' },
      businessId: id.renamed,
    });
    await db.query(
      `UPDATE associations.association SET address = '{"street": "Oma katu 5"}' WHERE id = $1`,
      [renamedId],
    );
    await makeAssociation(db, { name: { fi: 'Vanha Seura ry' }, businessId: id.dissolved });
    await makeAssociation(db, { name: { fi: 'Tuntematon ry' }, businessId: id.unknown });
    await makeAssociation(db, { name: { fi: 'Ei Vastaa ry' }, businessId: id.failing });
    await makeAssociation(db, { name: { fi: 'Ilman Tunnusta' } });
  });

  afterAll(async () => {
    await ytj.stop();
    await database.drop();
  });

  const client = () => new YtjClient({ baseUrl: ytj.baseUrl, retries: 0, timeoutMs: 500 });

  it('checks each association with a business ID and reports what a person must decide', async () => {
    // YTJ answers 500 for `failing` only: one failure must not stop the others' checks.
    const service = new RegistrySyncService(db, {
      findByBusinessId: (businessId) => {
        if (businessId === id.failing) ytj.misbehave({ status: 500 });
        return client().findByBusinessId(businessId);
      },
    });
    const progress: Array<[number, number]> = [];
    const report = await service.run({
      apply: false,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(report.checked).toBe(5);
    expect(progress[progress.length - 1]).toEqual([5, 5]);
    // Same name up to letter case: matching, dissolved. Failing could not be checked.
    expect(report.matching).toBe(2);
    expect(report.nameDiffers).toEqual([
      {
        id: renamedId,
        businessId: id.renamed,
        name: 'Lahden Kuorolaiset ry',
        registryName: 'Lahden Kuoro ry',
      },
    ]);
    expect(report.ended).toEqual([
      expect.objectContaining({ businessId: id.dissolved, endDate: '2024-12-31' }),
    ]);
    expect(report.notFound).toEqual([expect.objectContaining({ businessId: id.unknown })]);
    expect(report.failed).toEqual([
      { id: expect.any(String), businessId: id.failing, reason: 'YTJ answered 500' },
    ]);
    expect(report.enriched.map((e) => e.businessId).sort()).toEqual(
      [id.matching, id.dissolved].sort(),
    );
    // A dry run writes nothing.
    const rows: Array<{ address: unknown }> = await db.query(
      'SELECT address FROM associations.association WHERE id = $1',
      [matchingId],
    );
    expect(rows[0].address).toBeNull();
  });

  it('fills in missing addresses, and never overwrites one a person entered', async () => {
    await new RegistrySyncService(db, client()).run({ apply: true });
    const rows: Array<{ id: string; address: unknown; updated_at: Date }> = await db.query(
      'SELECT id, address, updated_at FROM associations.association WHERE id = ANY($1)',
      [[matchingId, renamedId]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(matchingId)!.address).toEqual({
      street: 'Vapaudenkatu 10',
      postalCode: '15110',
      city: 'Lahti',
      municipalityCode: '398',
    });
    expect(byId.get(matchingId)!.updated_at.getTime()).toBeGreaterThan(
      Date.parse('2026-01-01T00:00:00Z'),
    );
    expect(byId.get(renamedId)!.address).toEqual({ street: 'Oma katu 5' });
  });

  it('writes a c/o line before the street, as on an envelope', async () => {
    const careOf = testBusinessId();
    const base = ytjAssociation(careOf, 'Kylän Kuoro ry');
    ytj.add({ ...base, addresses: [{ ...base.addresses![0], co: 'Matti Virtanen' }] });
    const kuoroId = await makeAssociation(db, {
      name: { fi: 'Kylän Kuoro ry' },
      businessId: careOf,
    });
    await new RegistrySyncService(db, client()).run({ apply: true });
    const rows: Array<{ address: unknown }> = await db.query(
      'SELECT address FROM associations.association WHERE id = $1',
      [kuoroId],
    );
    expect(rows[0].address).toMatchObject({ street: 'c/o Matti Virtanen, Vapaudenkatu 10' });
  });
});
