import { expectedVersionOf, staleVersion } from '../../core/versioning';
import { isCityStaff, requireThat } from '../../core/authorization';
import type { ConnectionResult, PageArgs } from '../../core/connection';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid, requireUuids } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { CommunicationsData } from '../communications.repositories';
import type { CommunicationsLoaders } from '../communications.loaders';
import { type AudienceDirectory, checkAudience } from '../audience/audience';
import type { JobQueue } from '../delivery/job-queue';
import { localizedTerms, searchWordTerms } from '../../core/finnish/search-terms';
import type { Announcement } from './announcement.entity';
import { AnnouncementLinkKind, AnnouncementStatus } from './announcement.enums';
import type {
  AnnouncementFilter,
  CreateAnnouncementInput,
  UpdateAnnouncementInput,
} from './announcement.inputs';

const MAX_BODY = 20_000;

/**
 * Announcements: staff write them; publishing one (now, or at its publishAt through a
 * queued job) makes it public and, in the same transaction, queues one delivery for each
 * subscription that wants it. The public sees PUBLISHED, unexpired ones only.
 */
export class AnnouncementService {
  constructor(
    private readonly data: CommunicationsData,
    private readonly loaders: CommunicationsLoaders,
    private readonly identity: Identity,
    private readonly queue: JobQueue,
    private readonly audiences: AudienceDirectory,
  ) {}

  async get(idArg: string): Promise<Announcement | null> {
    const announcement = await this.loaders.announcement.load(requireUuid('id', idArg));
    return announcement && this.visible(announcement) ? announcement : null;
  }

  async reference(id: string): Promise<Announcement | null> {
    const announcement = await this.loaders.announcement.load(id);
    return announcement && this.visible(announcement) ? announcement : null;
  }

  list(filter: AnnouncementFilter | null, args: PageArgs): Promise<ConnectionResult<Announcement>> {
    const staff = isCityStaff(this.identity);
    if (filter?.statuses?.some((s) => s !== AnnouncementStatus.PUBLISHED) && !staff) {
      throw BadUserInputError.single(
        'filter.statuses',
        'STAFF_ONLY',
        'only PUBLISHED announcements are listed for the public',
      );
    }
    const search = filter?.search?.trim();
    if (search && search.length > 200) {
      throw BadUserInputError.single(
        'filter.search',
        'MAX_LENGTH',
        'must be at most 200 characters',
      );
    }
    return this.data.repositories.announcements.page(
      {
        statuses: filter?.statuses?.length ? filter.statuses : [AnnouncementStatus.PUBLISHED],
        unexpiredAt: staff && filter?.statuses?.length ? undefined : new Date(),
        topics: filter?.topics ?? undefined,
        serviceAreaIds: requireUuids('filter.serviceAreaIds', filter?.serviceAreaIds),
        categoryIds: requireUuids('filter.categoryIds', filter?.categoryIds),
        municipalityCodes: filter?.municipalityCodes ?? undefined,
        search: search || undefined,
        searchTerms: search ? searchWordTerms(search) : undefined,
      },
      args,
    );
  }

  async create(input: CreateAnnouncementInput): Promise<Announcement> {
    requireThat(this.identity, isCityStaff(this.identity), 'writing announcements (city staff)');
    const v = new Validator();
    const title = v.localized('input.title', input.title, { max: 200, required: true });
    const body = v.localized('input.body', input.body, { max: MAX_BODY, required: true });
    const audience = checkAudience(v, 'input.audience', input.audience);
    const url = v.url('input.url', input.url) ?? null;
    if ((input.linkKind == null) !== (input.linkId == null)) {
      v.problem('input.linkId', 'LINK', 'linkKind and linkId are given together');
    }
    const linkId = v.text('input.linkId', input.linkId, { max: 100 }) ?? null;
    // Everything but a guide (named by its slug) is named by its UUID.
    if (linkId && input.linkKind && input.linkKind !== AnnouncementLinkKind.GUIDE) {
      v.ids('input.linkId', [linkId]);
    }
    const now = new Date();
    if (input.expiresAt && input.expiresAt <= (input.publishAt ?? now)) {
      v.problem('input.expiresAt', 'AFTER_PUBLISHING', 'must be after it is published');
    }
    v.throwIfInvalid();
    await this.audiences.requireKnown('input.audience', audience);
    const id = await this.data.repositories.announcements.insert({
      ...audience,
      title: title!,
      body: body!,
      topic: input.topic,
      url,
      linkKind: input.linkKind ?? null,
      linkId,
      publishAt: input.publishAt ?? null,
      expiresAt: input.expiresAt ?? null,
      createdBy: this.identity.subject ?? 'unknown',
      ...localizedTerms([title!, body!]),
    });
    return this.existing(id);
  }

  /** Edits a DRAFT, or a SCHEDULED one before its time (its publishing time stays). */
  async update(input: UpdateAnnouncementInput): Promise<Announcement> {
    requireThat(this.identity, isCityStaff(this.identity), 'editing announcements (city staff)');
    const announcement = await this.existing(requireUuid('input.id', input.id));
    const v = new Validator();
    for (const field of ['title', 'body', 'topic', 'audience'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    if (input.publishAt !== undefined && announcement.status !== AnnouncementStatus.DRAFT) {
      v.problem('input.publishAt', 'SCHEDULED', 'is fixed once scheduled; withdraw and write anew');
    }
    const audience = input.audience
      ? checkAudience(v, 'input.audience', input.audience)
      : undefined;
    const values = givenOnly({
      title: input.title
        ? v.localized('input.title', input.title, { max: 200, required: true })!
        : undefined,
      body: input.body
        ? v.localized('input.body', input.body, { max: MAX_BODY, required: true })!
        : undefined,
      topic: input.topic ?? undefined,
      url: v.url('input.url', input.url),
      publishAt: input.publishAt,
      expiresAt: input.expiresAt,
      ...(audience ?? {}),
    });
    const publishAt = input.publishAt !== undefined ? input.publishAt : announcement.publishAt;
    const expiresAt = input.expiresAt !== undefined ? input.expiresAt : announcement.expiresAt;
    if (expiresAt && expiresAt <= (publishAt ?? new Date())) {
      v.problem('input.expiresAt', 'AFTER_PUBLISHING', 'must be after it is published');
    }
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    if (audience) await this.audiences.requireKnown('input.audience', audience);
    const changed = await this.data.repositories.announcements.updateUnpublished(
      announcement.id,
      [AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED],
      {
        ...values,
        // New words, new terms; written with the edit, in its one statement.
        ...(values.title || values.body
          ? localizedTerms([values.title ?? announcement.title, values.body ?? announcement.body])
          : {}),
      },
      expected,
    );
    if (typeof changed === 'object') {
      throw staleVersion('Announcement', announcement.id, expected!, changed.stale);
    }
    if (changed === 'MOVED_ON') {
      throw new ConflictError(
        `The announcement is ${announcement.status === AnnouncementStatus.DRAFT || announcement.status === AnnouncementStatus.SCHEDULED ? 'published meanwhile' : announcement.status}; what was sent cannot change. Withdraw it and write a new one`,
        { id: announcement.id },
      );
    }
    return this.existing(announcement.id);
  }

  /** Publishes at once, or schedules for its publishAt when that is still ahead. */
  async publish(idArg: string): Promise<Announcement> {
    requireThat(this.identity, isCityStaff(this.identity), 'publishing announcements (city staff)');
    const announcement = await this.existing(requireUuid('id', idArg));
    if (announcement.publishAt && announcement.publishAt > new Date()) {
      await this.data.transaction(async ({ announcements, connection }) => {
        if (
          !(await announcements.transition(
            announcement.id,
            [AnnouncementStatus.DRAFT],
            AnnouncementStatus.SCHEDULED,
          ))
        ) {
          throw this.notDraft(announcement);
        }
        await this.queue.publishAt(announcement.id, announcement.publishAt!, connection);
      });
    } else {
      const published = await publishNow(this.data, this.queue, announcement.id, [
        AnnouncementStatus.DRAFT,
      ]);
      if (!published) throw this.notDraft(announcement);
    }
    return this.existing(announcement.id);
  }

  async withdraw(idArg: string): Promise<Announcement> {
    requireThat(
      this.identity,
      isCityStaff(this.identity),
      'withdrawing announcements (city staff)',
    );
    const announcement = await this.existing(requireUuid('id', idArg));
    const withdrawn = await this.data.repositories.announcements.transition(
      announcement.id,
      [AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED, AnnouncementStatus.PUBLISHED],
      AnnouncementStatus.WITHDRAWN,
    );
    if (!withdrawn)
      throw new ConflictError('The announcement is already withdrawn', { id: announcement.id });
    return this.existing(announcement.id);
  }

  private notDraft(a: Announcement): ConflictError {
    return new ConflictError(`The announcement is ${a.status}; only a DRAFT can be published`, {
      id: a.id,
    });
  }

  private visible(a: Announcement): boolean {
    return (
      isCityStaff(this.identity) ||
      (a.status === AnnouncementStatus.PUBLISHED && (!a.expiresAt || a.expiresAt > new Date()))
    );
  }

  private async existing(id: string): Promise<Announcement> {
    this.loaders.announcement.clear(id);
    const announcement = await this.loaders.announcement.load(id);
    if (!announcement || !this.visible(announcement)) throw new NotFoundError('Announcement', id);
    return announcement;
  }
}

/**
 * Publishes an announcement that is in one of `from` and queues its deliveries, all in one
 * transaction; false when it was not in `from` (already published, withdrawn). Shared by
 * the mutation and the scheduled job.
 */
export function publishNow(
  data: Pick<CommunicationsData, 'transaction'>,
  queue: JobQueue,
  announcementId: string,
  from: AnnouncementStatus[],
): Promise<boolean> {
  return data.transaction(async ({ announcements, connection }) => {
    const moved = await announcements.transition(
      announcementId,
      from,
      AnnouncementStatus.PUBLISHED,
      ['published_at = now()'],
    );
    if (!moved) return false;
    await queue.deliver(await announcements.fanOut(announcementId), connection);
    return true;
  });
}
