import { type ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '../../subgraphs/core/paths';
import type { SubgraphName } from '../../subgraphs/core/subgraph.config';

export interface SubgraphProcess {
  child: ChildProcess;
  graphqlUrl: string;
  /** /metrics: on its own port, or on METRICS_PORT's. */
  metricsUrl: string;
  /** What it printed so far. */
  output(): string;
}

/**
 * One subgraph in a process of its own, started from sources as its `main.ts` runs in a
 * container, on an ephemeral port: for tests that kill or signal a real process.
 * Resolves once it says where it listens; `children` collects it for the afterAll kill.
 */
export function startSubgraphProcess(
  name: SubgraphName,
  env: Record<string, string>,
  children: ChildProcess[],
): Promise<SubgraphProcess> {
  const child = spawn(
    process.execPath,
    ['--require', '@swc-node/register', `subgraphs/${name}/main.ts`],
    {
      cwd: projectRoot(),
      env: { ...process.env, [`${name.toUpperCase()}_PORT`]: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /subgraph ready at (\S+) \(metrics at (\S+)\)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, graphqlUrl: ready[1], metricsUrl: ready[2], output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${output}`));
    });
  });
}
