/** What the feeds read from the graph: the same public fields any client may ask for. */
const EVENT_FIELDS = `
  id kind status startsAt endsAt allDay location onlineUrl sequence updatedAt keywords isFree
  title { fi sv en } description { fi }
  venue { name { fi } facility { name { fi } address { street postalCode city } } }
  organizers { name { fi } website }
  serviceAreas { name { fi } }`;

export const EVENTS_QUERY = `
  query FeedEvents($filter: EventFilter, $after: String) {
    events(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${EVENT_FIELDS} } }
    }
  }`;

export const CALENDAR_QUERY = `
  query FeedCalendar($year: Int!, $serviceAreaId: ID) {
    calendar(year: $year, serviceAreaId: $serviceAreaId) {
      events { ${EVENT_FIELDS} }
      milestones { id kind startsOn endsOn sequence updatedAt url title { fi } description { fi } }
      applicationRounds { id opensAt closesAt sequence updatedAt program { name { fi } rulesUrl } }
      bookingSeasons { id startsOn endsOn applicationsOpenAt applicationsCloseAt name { fi } }
      surveys { id opensAt closesAt sequence updatedAt title { fi } description { fi } }
    }
  }`;

export const EVENT_QUERY = `
  query FeedEvent($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`;

export interface FeedEvent {
  id: string;
  kind: string;
  status: 'SCHEDULED' | 'POSTPONED' | 'CANCELLED' | 'DRAFT';
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  location: string | null;
  onlineUrl: string | null;
  sequence: number;
  updatedAt: string;
  keywords: string[];
  isFree: boolean;
  title: { fi: string | null; sv: string | null; en: string | null };
  description: { fi: string | null } | null;
  venue: {
    name: { fi: string | null };
    facility: {
      name: { fi: string | null };
      address: { street: string | null; postalCode: string | null; city: string | null };
    };
  } | null;
  organizers: Array<{ name: { fi: string | null }; website: string | null }>;
  serviceAreas: Array<{ name: { fi: string | null } }>;
}

export interface FeedCalendar {
  events: FeedEvent[];
  milestones: Array<{
    id: string;
    kind: string;
    startsOn: string;
    endsOn: string;
    sequence: number;
    updatedAt: string;
    url: string | null;
    title: { fi: string | null };
    description: { fi: string | null } | null;
  }>;
  applicationRounds: Array<{
    id: string;
    opensAt: string;
    closesAt: string;
    sequence: number;
    updatedAt: string;
    program: { name: { fi: string | null }; rulesUrl: string | null };
  }>;
  bookingSeasons: Array<{
    id: string;
    startsOn: string;
    endsOn: string;
    applicationsOpenAt: string;
    applicationsCloseAt: string;
    name: { fi: string | null };
  }>;
  surveys: Array<{
    id: string;
    opensAt: string;
    closesAt: string;
    sequence: number;
    updatedAt: string;
    title: { fi: string | null };
    description: { fi: string | null } | null;
  }>;
}

export const ANNOUNCEMENTS_QUERY = `
  query FeedAnnouncements($filter: AnnouncementFilter) {
    announcements(filter: $filter, first: 50) {
      edges { node { id topic title { fi sv en } body { fi sv en } url publishedAt updatedAt } }
    }
  }`;

export interface FeedAnnouncement {
  id: string;
  topic: string;
  title: { fi: string | null; sv: string | null; en: string | null };
  body: { fi: string | null; sv: string | null; en: string | null };
  url: string | null;
  publishedAt: string | null;
  updatedAt: string;
}
