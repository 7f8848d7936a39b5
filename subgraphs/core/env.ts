/**
 * Reading configuration from the environment. Every service has one config module that
 * builds an EnvReader, asks it for each variable and calls `done()`: all problems are
 * collected first so that one start-up failure names every bad variable at once.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration for ${service}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export class EnvReader {
  private readonly problems: string[] = [];

  constructor(
    private readonly service: string,
    private readonly env: Env,
  ) {}

  /** A raw value, trimmed; blank counts as unset. */
  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  required(name: string, why: string): string {
    const value = this.optional(name);
    if (value === undefined) this.problems.push(`${name} is required (${why})`);
    return value ?? '';
  }

  int(name: string, fallback: number, range: { min: number; max: number }): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < range.min || value > range.max) {
      this.problems.push(
        `${name} must be a whole number from ${range.min} to ${range.max}, got "${raw}"`,
      );
      return fallback;
    }
    return value;
  }

  /** A TCP port; 0 asks the operating system for a free one (tests use that). */
  port(name: string, fallback: number): number {
    return this.int(name, fallback, { min: 0, max: 65535 });
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  }

  url(
    name: string,
    fallback: string | undefined,
    protocols: readonly string[],
  ): string | undefined {
    const raw = this.optional(name) ?? fallback;
    if (raw !== undefined) this.checkUrl(name, raw, protocols, 'a URL');
    return raw;
  }

  /** Records a problem unless `raw` is a URL with one of `protocols`. */
  private checkUrl(name: string, raw: string, protocols: readonly string[], what: string): void {
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
      }
    } catch {
      this.problems.push(`${name} must be ${what}, got "${raw}"`);
    }
  }

  /**
   * One URL or several separated by commas (the replicas of one service), each checked as
   * `url` checks one; the fallback when unset.
   */
  urlList(name: string, fallback: string, protocols: readonly string[]): string[] {
    const raw = this.optional(name) ?? fallback;
    const urls = raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (urls.length === 0) this.problems.push(`${name} must name at least one URL`);
    for (const url of urls)
      this.checkUrl(name, url, protocols, 'a URL or URLs separated by commas');
    return urls;
  }

  /**
   * A moment in ISO 8601 with an offset ("2026-12-24T09:00:00+02:00"); a bare date means
   * that day's Helsinki noon, far from midnight and from any daylight-saving change.
   */
  moment(name: string): Date | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T12:00:00+02:00` : raw;
    const at = new Date(iso);
    const shaped = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso);
    // Date() rolls 30 February over into March; a calendar day must exist as written.
    const day = iso.slice(0, 10);
    const midnight = new Date(`${day}T00:00:00Z`);
    const realDay =
      shaped && !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day;
    if (!realDay || Number.isNaN(at.getTime())) {
      this.problems.push(
        `${name} must be a date (2026-12-24) or a time with an offset (2026-12-24T09:00:00+02:00), got "${raw}"`,
      );
      return undefined;
    }
    return at;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  }

  /** Records a problem found by a rule that spans several variables. */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** Throws one ConfigError listing every problem, or returns the config frozen. */
  done<T extends object>(config: T): Readonly<T> {
    if (this.problems.length > 0) throw new ConfigError(this.service, this.problems);
    return deepFreeze(config);
  }
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object' && !Object.isFrozen(inner)) deepFreeze(inner);
  }
  return Object.freeze(value);
}
