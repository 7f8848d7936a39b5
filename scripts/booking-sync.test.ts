import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { WebTimmiTestServer } from '../integrations/booking/timmi/webtimmi-test-server';
import { facilitiesSubgraph } from '../subgraphs/facilities/facilities.subgraph';
import { makeFacility, makeSpace } from '../tests/factories/facilities.factory';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';

const run = (env: Record<string, string>) =>
  promisify(execFile)(
    process.execPath,
    ['--require', '@swc-node/register', 'scripts/booking-sync.ts'],
    {
      env: { ...process.env, ...env },
    },
  );

describe('npm run booking:sync', () => {
  let database: TestDatabase;
  let timmi: WebTimmiTestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await database.dataSource(facilitiesSubgraph);
    await makeSpace(db, await makeFacility(db), { bookingSystem: 'TIMMI', externalId: '101' });
    timmi = await new WebTimmiTestServer().start();
    timmi.roomParts.push(
      { roomPartId: 101, roomPartName: 'Sali' },
      { roomPartId: 555, roomPartName: 'Uusi tila' },
    );
    const soon = Date.now() + 86_400_000;
    timmi.episodes.push({
      eventBookingId: 1,
      roomPartId: 101,
      startDateInMills: soon,
      endDateInMills: soon + 3_600_000,
    });
  });

  afterAll(async () => {
    await timmi.stop();
    await database.drop();
  });

  it('syncs the configured system now, reporting on stdout and progress on stderr', async () => {
    const { stdout, stderr } = await run({
      DATABASE_URL: database.url,
      BOOKING_TIMMI_URL: timmi.baseUrl,
      BOOKING_TIMMI_ADMIN_AREA: '7',
    });
    expect(stdout).toBe(
      [
        'TIMMI: 1 linked spaces, 1 busy times added or moved, 0 removed',
        '  requests confirmed 0, rejected 0, cancelled 0',
        '  not linked to any space: 555 "Uusi tila"',
        '',
      ].join('\n'),
    );
    expect(stderr).toContain('syncing linked spaces: 1/1 (100 %)');
  });

  it('says what to set when no booking system is configured, and what is wrong with a half setting', async () => {
    await expect(run({ DATABASE_URL: database.url })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No booking system is configured'),
    });
    await expect(
      run({ DATABASE_URL: database.url, BOOKING_TIMMI_URL: timmi.baseUrl }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('BOOKING_TIMMI_ADMIN_AREA is required'),
    });
  });
});
