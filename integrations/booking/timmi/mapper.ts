import { BookingSystemResponseError } from '../errors';
import type { BookingResource, BusyTime } from '../types';

/** WebTimmi's calendar JSON, typed as far as the hub reads it. */
export interface TimmiRoomPart {
  roomPartId: number | string;
  roomPartName: string;
  buildingName?: string;
  maxPersons?: number;
}

export interface TimmiEpisode {
  eventBookingId: number | string;
  roomPartId: number | string;
  startDateInMills: number;
  endDateInMills: number;
  name?: string;
}

function bad(what: string): never {
  throw new BookingSystemResponseError('TIMMI', what);
}

export function parseRoomParts(body: unknown): BookingResource[] {
  if (!Array.isArray(body)) bad('getRoomPartsForCalendarAjax.do did not answer with a list');
  return (body as unknown[]).map((raw, i) => {
    const part = raw as Partial<TimmiRoomPart>;
    if (part?.roomPartId === undefined || typeof part.roomPartName !== 'string') {
      bad(`room part ${i} has no roomPartId or roomPartName`);
    }
    return {
      externalId: String(part.roomPartId),
      name: { fi: part.roomPartName },
      buildingName: part.buildingName,
      capacity: typeof part.maxPersons === 'number' ? part.maxPersons : undefined,
    };
  });
}

export function parseEpisodes(body: unknown): BusyTime[] {
  if (!Array.isArray(body)) bad('calendarAjax.do getEpisodes did not answer with a list');
  return (body as unknown[]).map((raw, i) => {
    const e = raw as Partial<TimmiEpisode>;
    if (
      e?.eventBookingId === undefined ||
      e.roomPartId === undefined ||
      typeof e.startDateInMills !== 'number' ||
      typeof e.endDateInMills !== 'number' ||
      e.endDateInMills <= e.startDateInMills
    ) {
      bad(
        `episode ${i} lacks eventBookingId, roomPartId or a valid startDateInMills/endDateInMills`,
      );
    }
    return {
      // A booking may cover several room parts: the id is unique per part.
      externalId: `${String(e.eventBookingId)}/${String(e.roomPartId)}`,
      resourceId: String(e.roomPartId),
      startsAt: new Date(e.startDateInMills),
      endsAt: new Date(e.endDateInMills),
      title: e.name,
    };
  });
}
