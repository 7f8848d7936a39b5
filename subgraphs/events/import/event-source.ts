/**
 * What the importer needs from an external event source (a Linked Events API): pages of
 * checked events, oldest change first. The integration client fits this shape; the
 * subgraph depends on nothing more.
 */
export interface SourceEvent {
  sourceId: string;
  title: { fi?: string; sv?: string; en?: string };
  description: { fi?: string; sv?: string; en?: string } | null;
  startsAt: Date;
  endsAt: Date;
  /** Whole days: Helsinki midnight to midnight. */
  allDay: boolean;
  status: 'SCHEDULED' | 'POSTPONED' | 'CANCELLED';
  location: string | null;
  onlineUrl: string | null;
  keywords: string[];
  isFree: boolean;
  modifiedAt: Date;
}

/** An event deleted at the source; `replacedBy` names the one it was merged into. */
export interface SourceDeletion {
  sourceId: string;
  replacedBy: string | null;
  modifiedAt: Date;
}

export interface EventSource {
  firstPage(since: Date | null): string;
  page(url: string): Promise<{
    events: SourceEvent[];
    deletions: SourceDeletion[];
    count: number;
    next: string | null;
  }>;
}
