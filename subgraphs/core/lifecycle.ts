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
