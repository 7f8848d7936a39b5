import { createHash, randomBytes } from 'node:crypto';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import { isCityStaff, representsAssociation, requireThat } from '../../core/authorization';
import { pgErrorCode, PgErrorCode } from '../../core/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { Validator } from '../../core/validation';
import type { CommunicationsConfig } from '../communications.config';
import type { CommunicationsData } from '../communications.repositories';
import { type AudienceDirectory, audienceKey, checkAudience } from '../audience/audience';
import { DeliveryKind } from '../delivery/delivery.enums';
import type { JobQueue } from '../delivery/job-queue';
import { newWebhookSecret } from '../delivery/webhook-sender';
import { webhookTargetProblem } from '../delivery/webhook-target';
import type { NotificationSubscription } from './subscription.entity';
import { Channel } from './subscription.enums';
import type { SubscribeInput, SubscribeResult, SubscriberCount } from './subscription.inputs';
import type { NewSubscription } from './subscription.repository';

const LANGUAGES = ['fi', 'sv', 'en'];
/** What `subscribe` answers, in the language the subscriber chose. */
const EMAIL_RESULT: Record<string, string> = {
  fi: 'Jos osoitteeseen voi lähettää postia, sinne on matkalla viesti, jossa on vahvistuslinkki. Muuta ei lähetetä ennen kuin linkki avataan.',
  sv: 'Om adressen kan ta emot e-post är ett meddelande med en bekräftelselänk på väg. Inget annat skickas innan länken har öppnats.',
  en: 'If the address can receive mail, a message with a confirmation link is on its way. Nothing else is sent before the link is opened.',
};
const WEBHOOK_RESULT: Record<string, string> = {
  fi: 'Rekisteröity. Säilytä salaisuus: se näytetään vain nyt.',
  sv: 'Registrerad. Spara hemligheten: den visas bara nu.',
  en: 'Registered. Keep the secret: it is shown only now.',
};

/** A checked subscription, before its tokens and confirmation: what both channels write. */
type SubscriptionValues = Omit<
  NewSubscription,
  'confirmToken' | 'unsubscribeToken' | 'secret' | 'confirmed'
>;

const token = () => randomBytes(24).toString('base64url');

/** Whether another confirmation mail may go to an address that has had these. */
export function confirmationDue(
  sent: { minutesSinceLast: number | null; lastDay: number },
  limits: Pick<CommunicationsConfig, 'confirmationPauseMinutes' | 'confirmationsPerDay'>,
): boolean {
  if (sent.lastDay >= limits.confirmationsPerDay) return false;
  return sent.minutesSinceLast === null || sent.minutesSinceLast >= limits.confirmationPauseMinutes;
}

/**
 * Subscriptions. E-mail is double opt-in: a confirmation mail first, nothing else until
 * its link is opened; the answer is the same whether or not the address was known, and a
 * second subscription of an address and audience merges into the first. Webhooks are
 * registered by staff, checked against server-side request forgery, and get their signing
 * secret once. Ending a subscription erases its address.
 */
export class SubscriptionService {
  constructor(
    private readonly data: CommunicationsData,
    private readonly identity: Identity,
    private readonly queue: JobQueue,
    private readonly associations: AssociationDirectory,
    private readonly audiences: AudienceDirectory,
    private readonly config: CommunicationsConfig,
  ) {}

  async subscribe(input: SubscribeInput): Promise<SubscribeResult> {
    const channel = input.channel ?? Channel.EMAIL;
    if (channel === Channel.WEBHOOK) {
      requireThat(this.identity, isCityStaff(this.identity), 'registering webhooks (city staff)');
    }
    const v = new Validator();
    const address =
      channel === Channel.EMAIL
        ? v.email('input.address', input.address)
        : v.text('input.address', input.address, { max: 2000, required: true });
    const topics = [...new Set(input.topics)].sort();
    if (topics.length === 0) v.problem('input.topics', 'REQUIRED', 'must name at least one topic');
    const audience = checkAudience(v, 'input.audience', input.audience);
    const language = (input.language ?? 'fi').trim().toLowerCase();
    if (!LANGUAGES.includes(language)) {
      v.problem('input.language', 'LANGUAGE', 'must be fi, sv or en');
    }
    const associationId = input.associationId
      ? v.ids('input.associationId', [input.associationId])?.[0]
      : null;
    v.throwIfInvalid();
    if (channel === Channel.WEBHOOK) {
      const problem = await webhookTargetProblem(address!, {
        allowLoopback: this.config.webhookAllowLoopback,
      });
      if (problem) throw BadUserInputError.single('input.address', 'WEBHOOK_URL', problem);
    }
    if (associationId) {
      requireThat(
        this.identity,
        representsAssociation(this.identity, associationId),
        `subscribing for association ${associationId} (its representatives only)`,
      );
      await requireAssociations(this.associations, [associationId]);
    }
    await this.audiences.requireKnown('input.audience', audience);
    const values = {
      ...audience,
      channel,
      address: address!,
      topics,
      audienceKey: audienceKey(audience),
      language,
      associationId: associationId ?? null,
      createdBy: this.identity.subject,
    };
    if (channel === Channel.WEBHOOK) return this.registerWebhook(values);
    // Two subscriptions of one address racing: the loser finds the winner's row and merges.
    try {
      await this.subscribeEmail(values);
    } catch (error) {
      if (pgErrorCode(error) !== PgErrorCode.UNIQUE_VIOLATION) throw error;
      await this.subscribeEmail(values);
    }
    return { message: EMAIL_RESULT[language], subscription: null, secret: null };
  }

  /**
   * Nothing is written unless a confirmation mail goes with it: a new subscription, topics
   * joined into one not yet confirmed, or a change to a confirmed one, which waits for its
   * subscriber's confirmation (anyone can type an address; only its owner opens the mail).
   * Mails to one address are paced and capped (confirmationDue), so subscribing someone
   * over and over sends them at most a few; the answer is the same either way.
   */
  private subscribeEmail(values: SubscriptionValues) {
    return this.data.transaction(async ({ subscriptions, deliveries, connection }) => {
      await subscriptions.lockAddress(values.address);
      const existing = await subscriptions.liveFor(
        Channel.EMAIL,
        values.address,
        values.audienceKey,
      );
      const topics = [...new Set([...(existing?.topics ?? []), ...values.topics])].sort();
      const unchanged =
        existing?.confirmed &&
        topics.join() === [...existing.topics].sort().join() &&
        values.language === existing.language;
      if (unchanged) return;
      if (!confirmationDue(await subscriptions.confirmationsTo(values.address), this.config)) {
        return;
      }
      const confirmToken = token();
      let id: string;
      if (!existing) {
        id = await subscriptions.insert({
          ...values,
          confirmToken,
          unsubscribeToken: token(),
          secret: null,
          confirmed: false,
        });
      } else if (!existing.confirmed) {
        id = existing.id;
        await subscriptions.mergeUnconfirmed(id, values.topics, values.language, confirmToken);
      } else {
        id = existing.id;
        await subscriptions.requestChange(id, topics, values.language, confirmToken);
      }
      // The key names the token's hash: a resent confirmation is a new delivery, and the
      // token itself never appears in the staff's delivery log.
      const key = `confirm:${createHash('sha256').update(confirmToken).digest('hex').slice(0, 16)}`;
      await this.queue.deliver(
        await deliveries.insertMany([id], DeliveryKind.CONFIRMATION, key),
        connection,
      );
    });
  }

  private async registerWebhook(values: SubscriptionValues): Promise<SubscribeResult> {
    const secret = newWebhookSecret();
    let id: string;
    try {
      id = await this.data.repositories.subscriptions.insert({
        ...values,
        confirmToken: null,
        unsubscribeToken: token(),
        secret,
        confirmed: true,
      });
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw new ConflictError('This webhook URL is already registered for the same audience');
      }
      throw error;
    }
    const [subscription] = await this.data.repositories.subscriptions.byIds([id]);
    return {
      message: WEBHOOK_RESULT[values.language],
      subscription,
      secret,
    };
  }

  async confirm(tokenArg: string): Promise<NotificationSubscription> {
    const id = await this.data.repositories.subscriptions.confirm(this.checkToken(tokenArg));
    if (!id) throw new NotFoundError('Subscription', 'with this token');
    const [subscription] = await this.data.repositories.subscriptions.byIds([id]);
    return subscription;
  }

  /** Ends the subscription and erases its address; true when there was one to end. */
  unsubscribe(tokenArg: string): Promise<boolean> {
    return this.data.transaction(({ subscriptions }) =>
      subscriptions.end(this.checkToken(tokenArg)),
    );
  }

  /**
   * How many people announcements reach by e-mail: one public figure (an indicator of the
   * cooperation model), never who. Contact persons told only of decisions are not in it.
   */
  reached(): Promise<number> {
    return this.data.repositories.subscriptions.reachedCount();
  }

  counts(): Promise<SubscriberCount[]> {
    requireThat(
      this.identity,
      isCityStaff(this.identity),
      'reading subscriber counts (city staff)',
    );
    return this.data.repositories.subscriptions.countsByTopic() as Promise<SubscriberCount[]>;
  }

  /** Tokens are what this service gave out: base64url, 32 characters. */
  private checkToken(value: string): string {
    const trimmed = value.trim();
    if (!/^[A-Za-z0-9_-]{32}$/.test(trimmed)) {
      throw BadUserInputError.single('token', 'TOKEN', 'is not a token from a subscription mail');
    }
    return trimmed;
  }
}
