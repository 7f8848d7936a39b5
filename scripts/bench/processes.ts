import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { projectRoot } from '../../subgraphs/core/paths';

/** A server the benchmark started: where it answers and how much memory it holds. */
export interface BenchProcess {
  name: string;
  url: string;
  pid: number;
  /** Resident memory now, in MiB (from /proc; NaN where there is none). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Resident set size of a process in MiB, read from /proc/<pid>/status (Linux). */
export function residentMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts a Node.js server process and waits until it prints where it listens (`ready`
 * finds the URL in its output). Its output is kept for the error when it does not start.
 */
export function startNodeProcess(options: {
  name: string;
  args: string[];
  env: Record<string, string>;
  ready: RegExp;
  cwd?: string;
  timeoutMs?: number;
}): Promise<BenchProcess> {
  // BENCH_CPU_PROF=<dir>: every server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...options.args], {
    cwd: options.cwd ?? projectRoot(),
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // SIGTERM first, so a process run with --cpu-prof writes its profile; SIGKILL after 5 s.
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(
          `${options.name} did not start within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = options.ready.exec(output);
      if (found) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stderr!.removeAllListeners('data');
        // Keep reading so a chatty process never blocks on a full pipe.
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({
          name: options.name,
          url: found[1],
          pid: child.pid!,
          rssMiB: () => residentMiB(child.pid!),
          stop,
        });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code}:\n${output}`));
    });
  });
}

/** The supergraph with each subgraph's URL replaced by where the benchmark runs it. */
export function supergraphWithUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}
