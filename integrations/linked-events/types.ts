/**
 * The Linked Events API (`/v1/event/`), as far as the hub reads it: JSON-LD events with
 * multilingual `{fi, sv, en}` texts, schema.org `event_status` values, and pages of
 * `{meta: {count, next, previous}, data: [...]}`.
 */
export type LinkedText = { fi?: string | null; sv?: string | null; en?: string | null } | null;

export interface LinkedEvent {
  id: string;
  name: LinkedText;
  short_description?: LinkedText;
  description?: LinkedText;
  /** A moment, or a date alone ("2027-05-01") for an event of whole days. */
  start_time: string | null;
  /** A moment, or a date alone: then the last day, inclusive. */
  end_time: string | null;
  /** False when start_time carries a date only (the time part is not meant). */
  has_start_time?: boolean;
  has_end_time?: boolean;
  event_status: string;
  last_modified_time: string;
  location?: {
    '@id'?: string;
    name?: LinkedText;
    street_address?: LinkedText;
    address_locality?: LinkedText;
  } | null;
  /** Where exactly, or the whole place when `location` is null ("Kirjaston pihalla"). */
  location_extra_info?: LinkedText;
  /** Where to join an online event. */
  virtualevent_url?: string | null;
  keywords?: Array<{ '@id'?: string; name?: LinkedText }>;
  offers?: Array<{ is_free?: boolean }>;
  info_url?: LinkedText;
  /** "recurring": an umbrella over its occurrences (sub_events), each an event of its own. */
  super_event_type?: 'recurring' | 'umbrella' | null;
  super_event?: { '@id'?: string } | null;
}

/**
 * What `show_deleted=true` adds to a page for a deleted event: its id, a placeholder name
 * ("POISTETTU"), `last_modified_time`, `deleted: true` and `replaced_by` (the event that
 * replaces it, when it was merged into another). linkedevents' EventSerializer, deleted case.
 */
export interface LinkedDeletedEvent {
  id: string;
  name?: LinkedText;
  last_modified_time: string;
  deleted: true;
  replaced_by?: string | null;
}

export interface LinkedEventsPage {
  meta: { count: number; next: string | null; previous: string | null };
  data: unknown[];
}

/** An event as the hub imports it: checked, with plain texts. */
export interface ImportedEvent {
  sourceId: string;
  title: { fi?: string; sv?: string; en?: string };
  description: { fi?: string; sv?: string; en?: string } | null;
  startsAt: Date;
  endsAt: Date;
  /** Whole days: startsAt and endsAt are Helsinki midnights, endsAt exclusive. */
  allDay: boolean;
  status: 'SCHEDULED' | 'POSTPONED' | 'CANCELLED';
  location: string | null;
  onlineUrl: string | null;
  keywords: string[];
  isFree: boolean;
  modifiedAt: Date;
}

/** An event deleted at the source (and, when merged, the id of the one replacing it). */
export interface DeletedEvent {
  sourceId: string;
  replacedBy: string | null;
  modifiedAt: Date;
}
