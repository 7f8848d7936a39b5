import type { DataSource } from 'typeorm';
import { type RetentionConfig, retentionCutoff } from '../../core/personal-data/retention';
import { EventsRetentionRepository } from './retention.repository';

/** One retention run of the events subgraph at `now`: how many records it anonymised. */
export async function anonymiseExpiredEventData(
  db: DataSource,
  config: RetentionConfig,
  now: Date,
): Promise<{ enrolments: number; feedback: number }> {
  const repository = new EventsRetentionRepository(db);
  return {
    enrolments: await repository.anonymiseEnrolments(retentionCutoff(now, config.enrolmentDays)),
    feedback: await repository.anonymiseFeedback(retentionCutoff(now, config.feedbackDays)),
  };
}
