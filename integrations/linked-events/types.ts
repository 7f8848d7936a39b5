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
  start_time: string;
  end_time: string | null;
  event_status: string;
  last_modified_time: string;
  location?: {
    '@id'?: string;
    name?: LinkedText;
    street_address?: LinkedText;
    address_locality?: LinkedText;
  } | null;
  keywords?: Array<{ '@id'?: string; name?: LinkedText }>;
  offers?: Array<{ is_free?: boolean }>;
  info_url?: LinkedText;
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
  status: 'SCHEDULED' | 'POSTPONED' | 'CANCELLED';
  location: string | null;
  keywords: string[];
  isFree: boolean;
  modifiedAt: Date;
}
