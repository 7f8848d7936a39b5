import { GUIDE_SLUGS, GuideLink } from '../../core/types/guide-link';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { CommunicationsContext } from '../communications.context';
import { Audience, audienceOf } from '../audience/audience';
import { Announcement } from './announcement.entity';
import { AnnouncementStatus } from './announcement.enums';
import {
  AnnouncementsArgs,
  CreateAnnouncementInput,
  UpdateAnnouncementInput,
} from './announcement.inputs';

export const AnnouncementConnection = createConnectionType(
  'Announcement',
  Announcement,
  'announcement',
);

/** Announcements: thin; the rules are in AnnouncementService. */
@Resolver(() => Announcement)
export class AnnouncementResolver {
  @Query(() => AnnouncementConnection, {
    nullable: true,
    description:
      'Announcements, newest first. The public sees PUBLISHED ones that have not expired; staff may ask for any status.',
  })
  announcements(
    @Args(() => AnnouncementsArgs) args: AnnouncementsArgs,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.announcements.list(args.filter ?? null, args);
  }

  @Query(() => Announcement, {
    nullable: true,
    description: 'One announcement; drafts, scheduled and withdrawn ones for city staff only.',
  })
  announcement(
    @Arg('id', () => ID, { description: 'The announcement.' }) id: string,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.announcements.get(id);
  }

  @FieldResolver(() => GuideLink, {
    nullable: true,
    description:
      'The communication guide of the handbook: who tells what, in which channels and when. Null when the handbook has none.',
  })
  guide(): GuideLink {
    return { slug: GUIDE_SLUGS.COMMUNICATION };
  }

  @FieldResolver(() => AnnouncementStatus, { description: 'Where it stands.' })
  status(@Root() announcement: Announcement): AnnouncementStatus {
    return announcement.status;
  }

  @FieldResolver(() => Audience, { description: 'Who it is for.' })
  audience(@Root() announcement: Announcement): Audience {
    return audienceOf(announcement);
  }

  @Mutation(() => Announcement, { description: 'Writes an announcement as a DRAFT (city staff).' })
  createAnnouncement(
    @Arg('input', () => CreateAnnouncementInput, { description: 'The announcement.' })
    input: CreateAnnouncementInput,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.announcements.create(input);
  }

  @Mutation(() => Announcement, {
    description:
      'Edits an announcement before it is published (city staff); a published one is withdrawn and written anew.',
  })
  updateAnnouncement(
    @Arg('input', () => UpdateAnnouncementInput, { description: 'What to change.' })
    input: UpdateAnnouncementInput,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.announcements.update(input);
  }

  @Mutation(() => Announcement, {
    description:
      'Publishes a DRAFT now and sends it to its subscribers, or SCHEDULES it for its publishAt (city staff).',
  })
  publishAnnouncement(
    @Arg('id', () => ID, { description: 'The announcement.' }) id: string,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.announcements.publish(id);
  }

  @Mutation(() => Announcement, {
    description: 'Takes an announcement back: no longer public, and not sent if still scheduled.',
  })
  withdrawAnnouncement(
    @Arg('id', () => ID, { description: 'The announcement.' }) id: string,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.announcements.withdraw(id);
  }
}
