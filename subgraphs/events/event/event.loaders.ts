import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byIdLoader, groupLoader } from '../../core/loaders';
import { EventRepository, type OrganizerPage } from './event.repository';

export function createEventLoaders(db: DataSource, includeDrafts: boolean) {
  const repository = new EventRepository(db);
  // One loader per page size: the batch query takes the size as a parameter.
  const firstPages = new Map<number, DataLoader<string, OrganizerPage>>();
  return {
    event: byIdLoader(
      (ids) => repository.findByIds(ids),
      (e) => e.id,
    ),
    organizerIdsOfEvent: groupLoader(
      (ids) => repository.organizersOf(ids),
      (l) => l.eventId,
    ),
    serviceAreaIdsOfEvent: groupLoader(
      (ids) => repository.serviceAreasOf(ids),
      (l) => l.eventId,
    ),
    firstPageOfOrganizer(size: number): DataLoader<string, OrganizerPage> {
      let loader = firstPages.get(size);
      if (!loader) {
        loader = new DataLoader(async (associationIds) => {
          const pages = await repository.firstPages(associationIds, size, includeDrafts);
          const byId = new Map(pages.map((p) => [p.associationId, p]));
          return associationIds.map(
            (id) => byId.get(id) ?? { associationId: id, eventIds: [], total: 0 },
          );
        });
        firstPages.set(size, loader);
      }
      return loader;
    },
  };
}
export type EventLoaders = ReturnType<typeof createEventLoaders>;
