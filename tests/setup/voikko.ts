import { loadVoikko } from '../../subgraphs/core/finnish/voikko';

/** Whether this machine has Voikko's Finnish morphology (libvoikko1 and voikko-fi). */
export const voikkoAvailable = loadVoikko() !== null;

/**
 * `describe` for tests that need Voikko: CI installs it (.ci/run) and must run them, so
 * there they fail loudly without it; elsewhere they are skipped with a line saying why.
 */
export function describeWithVoikko(name: string, body: () => void): void {
  if (voikkoAvailable || process.env.CI) {
    describe(name, body);
    return;
  }
  process.stderr.write(`${name}: skipped, no Voikko here (apt-get install libvoikko1 voikko-fi)\n`);
  describe.skip(name, body);
}
