// Unit and integration tests sit beside the code; end-to-end tests live in tests/.
// One embedded PostgreSQL (or TEST_DATABASE_URL) serves the whole run; each test file
// clones its own database from a template that has every migration applied.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/gateway',
    '<rootDir>/subgraphs',
    '<rootDir>/integrations',
    '<rootDir>/tests',
    '<rootDir>/scripts',
    '<rootDir>/demo',
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFiles: ['<rootDir>/tests/setup/reflect.ts'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  // A limit catches a hang; it is not a speed target. Tests beside another run on two cores
  // take three to four times as long as alone, so the limit is far above any test's need.
  testTimeout: 300000,
  // CI has two cores; more workers only fight over them and over PostgreSQL.
  maxWorkers: 2,
};
