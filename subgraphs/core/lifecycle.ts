import type { EnvReader } from './env';

/**
 * Start, ready, stop in order: what a service starts is stopped again in reverse order,
 * whether it stops normally or because a later step failed to start. One implementation
 * for the hub, the gateway and each subgraph's main.
 */
export class Lifecycle {
  private readonly steps: Array<{ what: string; stop: () => Promise<void> }> = [];

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** Remembers how to stop something just started. */
  started(what: string, stop: () => Promise<void>): void {
    this.steps.push({ what, stop });
  }

  /**
   * Runs the start-up; when any step throws, stops what had been started and rethrows,
   * so a half-started service leaves no pool, server or child process behind.
   */
  async startUp<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Stops everything, newest first; a step that fails to stop does not stop the rest. */
  async stop(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      this.log(`stopping ${step.what}`);
      await step
        .stop()
        .catch((error: unknown) => this.log(`  could not stop ${step.what}: ${String(error)}`));
    }
  }
}

export interface ShutdownConfig {
  /**
   * How long a stopping service goes on serving while its /ready says 503, so that load
   * balancers take it out of rotation before it stops taking connections.
   */
  drainDelayMs: number;
  /** The longest wait for requests under way once it stops taking connections. */
  timeoutMs: number;
}

/**
 * SHUTDOWN_DELAY_MS (5 s in production, where a balancer or Kubernetes Service needs a
 * moment to see the 503; 0 in development) and SHUTDOWN_TIMEOUT_MS (10 s). Kubernetes'
 * terminationGracePeriodSeconds must cover both.
 */
export function readShutdownConfig(reader: EnvReader, production: boolean): ShutdownConfig {
  return {
    drainDelayMs: reader.int('SHUTDOWN_DELAY_MS', production ? 5_000 : 0, {
      min: 0,
      max: 120_000,
    }),
    timeoutMs: reader.int('SHUTDOWN_TIMEOUT_MS', 10_000, { min: 0, max: 300_000 }),
  };
}

/** What a service does while it stops serving: `/ready` and the connection header read it. */
export class Draining {
  private draining = false;

  begin(): void {
    this.draining = true;
  }

  get active(): boolean {
    return this.draining;
  }
}

/**
 * SIGTERM and SIGINT for a process that serves: first not ready (a balancer stops sending),
 * after the drain delay stop taking connections and finish those under way (bounded by the
 * shutdown timeout), then close pools, newest first. A second signal exits at once.
 */
export function stopOnSignals(options: {
  drain: () => void;
  shutdown: ShutdownConfig;
  stop: () => Promise<void>;
  log: (line: string) => void;
  exit?: (code: number) => void;
}): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log(`${signal} again: exiting without waiting`);
      exit(1);
      return;
    }
    stopping = true;
    options.drain();
    options.log(
      `${signal}: not ready any more; stopping in ${options.shutdown.drainDelayMs} ms, then finishing requests under way`,
    );
    setTimeout(() => {
      options.stop().then(
        () => {
          options.log('stopped.');
          exit(0);
        },
        (error: unknown) => {
          options.log(`error while stopping: ${String(error)}`);
          exit(1);
        },
      );
    }, options.shutdown.drainDelayMs);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
