import type { DataSource } from 'typeorm';
import type { BaseContext } from '../core/context';
import type { Identity } from '../core/identity';
import { createEventLoaders, type EventLoaders } from './event/event.loaders';
import { EventService, seesDrafts } from './event/event.service';

export interface EventsContext extends BaseContext {
  loaders: EventLoaders;
  events: EventService;
}

export function createEventsContext(db: DataSource, identity: Identity): EventsContext {
  const loaders = createEventLoaders(db, seesDrafts(identity));
  return { identity, loaders, events: new EventService(db, identity, loaders) };
}
