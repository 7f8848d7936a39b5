import { type ChildProcess, spawn } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { DEMO_SEEDS } from '../../demo/seed';
import { ALL_SUBGRAPHS } from '../../subgraphs/all';
import { connect, runSeedOnce } from '../../subgraphs/core/database';
import { projectRoot } from '../../subgraphs/core/paths';
import { subgraphDataSource } from '../../subgraphs/core/subgraph';
import { SUBGRAPH_NAMES } from '../../subgraphs/core/subgraph.config';

/** Every port of `npm start` left to the system: tests run side by side. */
export const EPHEMERAL_PORTS: Readonly<Record<string, string>> = Object.fromEntries([
  ['PORT', '0'],
  ...SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, '0']),
]);

export interface HubProcess {
  child: ChildProcess;
  /** The gateway's GraphQL URL, from the start banner. */
  url: string;
  output(): string;
}

/** Runs `npm start`'s script from sources, as a user would, and waits for its URL. */
export function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--require', '@swc-node/register', 'scripts/start.ts'], {
    cwd: projectRoot(),
    env: { ...process.env, ...EPHEMERAL_PORTS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL \(gateway\)\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Writes every subgraph's demo data into a migrated database, as `npm start` does once, as
 * of `now` (the demo's coming weeks are planned from it).
 */
export async function seedDemoData(url: string, now: Date): Promise<void> {
  for (const definition of ALL_SUBGRAPHS) {
    const ds: DataSource = await connect(subgraphDataSource(definition, url, 2));
    try {
      for (const seed of DEMO_SEEDS.filter((s) => s.subgraph === definition.name)) {
        await runSeedOnce(ds, seed.name, (db) => seed.run(db, now));
      }
    } finally {
      await ds.destroy();
    }
  }
}
