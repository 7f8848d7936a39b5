import type { Connection } from './data';

/**
 * What a subgraph made for the parts of event support requests it was asked (issue 29,
 * item 3): the reservation, loan or application, or the refusal. Written in the
 * transaction that made it, with the answer to the events subgraph, so a message delivered
 * twice finds its part answered and makes nothing again. A decision looks up its part
 * here, to tell the events subgraph which part it decided.
 */
export class SupportLedger {
  constructor(
    private readonly db: Connection,
    private readonly schema: 'facilities' | 'grants',
  ) {}

  async answered(partId: string): Promise<{ targetId: string | null } | null> {
    const rows = (await this.db.query(
      `SELECT target_id FROM ${this.schema}.support_part_answer WHERE part_id = $1`,
      [partId],
    )) as Array<{ target_id: string | null }>;
    return rows[0] ? { targetId: rows[0].target_id } : null;
  }

  async made(partId: string, targetId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.schema}.support_part_answer (part_id, target_id, answered_at) VALUES ($1, $2, $3)`,
      [partId, targetId, at],
    );
  }

  async refused(partId: string, reason: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.schema}.support_part_answer (part_id, refusal, answered_at) VALUES ($1, $2, $3)`,
      [partId, reason, at],
    );
  }

  /** The part a reservation, loan or application was made for; null for one asked alone. */
  async partOf(targetId: string): Promise<string | null> {
    const rows = (await this.db.query(
      `SELECT part_id FROM ${this.schema}.support_part_answer WHERE target_id = $1`,
      [targetId],
    )) as Array<{ part_id: string }>;
    return rows[0]?.part_id ?? null;
  }
}
