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
  status: 'SCHEDULED' | 'POSTPONED' | 'CANCELLED';
  location: string | null;
  keywords: string[];
  isFree: boolean;
  modifiedAt: Date;
}

export interface EventSource {
  firstPage(since: Date | null): string;
  page(url: string): Promise<{ events: SourceEvent[]; count: number; next: string | null }>;
}
