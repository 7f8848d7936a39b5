import type { IncomingMessage } from 'node:http';
import { type Answer, MisbehavingTestServer } from '../../shared/test-server';
import type { TimmiEpisode, TimmiRoomPart } from './mapper';

/**
 * A stand-in for a city's public WebTimmi calendar: a guest login that sets a JSESSIONID
 * cookie, the room-part list and the episodes (bookings) of room parts in a range, as the
 * calendar page fetches them. Calls without a valid session get the HTML login page, as
 * the real one answers when a session has expired; `expireSessions()` makes that happen.
 */
export class WebTimmiTestServer extends MisbehavingTestServer {
  readonly roomParts: TimmiRoomPart[] = [];
  readonly episodes: TimmiEpisode[] = [];
  private sessions = new Set<string>();
  private sessionCount = 0;

  get baseUrl(): string {
    return `${this.origin}/WebTimmi/`;
  }

  get logins(): number {
    return this.sessionCount;
  }

  expireSessions(): void {
    this.sessions.clear();
  }

  protected answer(_method: string, url: URL, headers: IncomingMessage['headers']): Answer {
    const page = url.pathname.replace('/WebTimmi/', '');
    if (page === 'login.do') {
      if (url.searchParams.get('loginAsGuest') !== 'true' || !url.searchParams.get('adminAreaId')) {
        return {
          status: 400,
          body: '<html>Virheellinen kirjautuminen</html>',
          headers: { 'content-type': 'text/html' },
        };
      }
      const session = `S${++this.sessionCount}`;
      this.sessions.add(session);
      return {
        body: '<html>Tervetuloa</html>',
        headers: {
          'content-type': 'text/html',
          'set-cookie': `JSESSIONID=${session}; Path=/WebTimmi; HttpOnly`,
        },
      };
    }
    const session = /JSESSIONID=([^;]+)/.exec(headers.cookie ?? '')?.[1];
    if (!session || !this.sessions.has(session)) {
      return {
        body: '<!DOCTYPE html><html><body>Kirjaudu sisään</body></html>',
        headers: { 'content-type': 'text/html' },
      };
    }
    if (page === 'getRoomPartsForCalendarAjax.do') return { body: JSON.stringify(this.roomParts) };
    if (page === 'calendarAjax.do' && url.searchParams.get('actionCode') === 'getEpisodes') {
      const ids = (url.searchParams.get('roomPartIds') ?? '').split(',');
      const start = Number(url.searchParams.get('startTime'));
      const end = Number(url.searchParams.get('endTime'));
      const found = this.episodes.filter(
        (e) =>
          ids.includes(String(e.roomPartId)) &&
          e.endDateInMills > start &&
          e.startDateInMills < end,
      );
      return { body: JSON.stringify(found) };
    }
    return { status: 404, body: '<html>404</html>', headers: { 'content-type': 'text/html' } };
  }
}
