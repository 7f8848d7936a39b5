import type { EnvReader } from '../env';
import type { JobMonitor } from '../jobs';

/**
 * How long the hub keeps what names a person where nothing needs it afterwards (issue 33,
 * part 3): enrolments and feedback are anonymised this many days after their event ended,
 * subscriptions never confirmed this many days after they were asked for. The records stay,
 * so attendance, ratings and counts stay right; who made them goes.
 */
export interface RetentionConfig {
  enrolmentDays: number;
  feedbackDays: number;
  unconfirmedSubscriptionDays: number;
  /** Runs at start and every few hours; off, only when run by hand (tests). */
  automatic: boolean;
}

export const DEFAULT_RETENTION: RetentionConfig = {
  enrolmentDays: 730,
  feedbackDays: 730,
  unconfirmedSubscriptionDays: 30,
  automatic: true,
};

/** RETENTION_*: read by `npm start` and by the events and communications subgraphs on their own. */
export function readRetentionConfig(reader: EnvReader): RetentionConfig {
  return {
    enrolmentDays: reader.int('RETENTION_ENROLMENT_DAYS', DEFAULT_RETENTION.enrolmentDays, {
      min: 1,
      max: 3650,
    }),
    feedbackDays: reader.int('RETENTION_FEEDBACK_DAYS', DEFAULT_RETENTION.feedbackDays, {
      min: 1,
      max: 3650,
    }),
    unconfirmedSubscriptionDays: reader.int(
      'RETENTION_UNCONFIRMED_SUBSCRIPTION_DAYS',
      DEFAULT_RETENTION.unconfirmedSubscriptionDays,
      { min: 1, max: 365 },
    ),
    automatic: reader.boolean('RETENTION_AUTOMATIC', DEFAULT_RETENTION.automatic),
  };
}

/** `days` before `now`: the instant before which a record is past its retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

const EVERY_MS = 6 * 3600_000;

/**
 * Runs `work` at start and every six hours, with the time of each run as its `now`; a
 * failed run is the monitor's to report, and the next run tries again (each run finds
 * what is due, so none is lost). Returns the stop.
 */
export function scheduleRetention(
  job: string,
  work: (now: Date) => Promise<number>,
  monitor: JobMonitor,
  log: (line: string) => void,
): () => void {
  const run = () =>
    monitor
      .run(job, async () => {
        const done = await work(new Date());
        if (done > 0) log(`${job}: anonymised ${done}`);
      })
      .catch(() => undefined);
  const first = setTimeout(run, 1_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
