import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import { OrganizerInvitation } from './organizer-invitation.entity';

/** All SQL of invitations to co-organise events. */
export class OrganizerInvitationRepository {
  constructor(private readonly db: Connection) {}

  ofEvents(eventIds: readonly string[]): Promise<OrganizerInvitation[]> {
    return this.db
      .getRepository(OrganizerInvitation)
      .createQueryBuilder('i')
      .where('i.event_id = ANY(:eventIds)', { eventIds })
      .orderBy('i.invited_at')
      .getMany();
  }

  pendingOf(associationIds: readonly string[]): Promise<OrganizerInvitation[]> {
    return this.db
      .getRepository(OrganizerInvitation)
      .createQueryBuilder('i')
      .where('i.association_id = ANY(:associationIds)', { associationIds })
      .andWhere('i.answered_at IS NULL')
      .orderBy('i.invited_at')
      .getMany();
  }

  find(eventId: string, associationId: string): Promise<OrganizerInvitation | null> {
    return this.db.getRepository(OrganizerInvitation).findOneBy({ eventId, associationId });
  }

  /** A new invitation, or a declined one sent again; one already pending or accepted stays. */
  async invite(eventId: string, associationId: string, by: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO events.organizer_invitation (event_id, association_id, invited_by, invited_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id, association_id) DO UPDATE
         SET invited_by = EXCLUDED.invited_by, invited_at = EXCLUDED.invited_at,
             answered_by = NULL, answered_at = NULL, accepted = NULL
       WHERE organizer_invitation.accepted IS FALSE`,
      [eventId, associationId, by, at],
    );
  }

  /** Answers a pending invitation; false when it was not pending (answered meanwhile). */
  async answer(
    eventId: string,
    associationId: string,
    accepted: boolean,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const rows = (await this.db.query(
      returningRows(`UPDATE events.organizer_invitation
          SET accepted = $3, answered_by = $4, answered_at = $5
        WHERE event_id = $1 AND association_id = $2 AND answered_at IS NULL
        RETURNING event_id`),
      [eventId, associationId, accepted, by, at],
    )) as unknown[];
    if (rows.length > 0 && accepted) {
      await this.db.query(
        `INSERT INTO events.event_organizer (event_id, association_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [eventId, associationId],
      );
    }
    return rows.length > 0;
  }
}
