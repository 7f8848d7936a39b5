import { byIdLoader } from '../core/loaders';
import type { CommunicationsRepositories } from './communications.repositories';

/** Every DataLoader of the communications subgraph, made per request. */
export function createCommunicationsLoaders({ announcements }: CommunicationsRepositories) {
  return {
    announcement: byIdLoader(
      (ids) => announcements.byIds(ids),
      (a) => a.id,
    ),
  };
}

export type CommunicationsLoaders = ReturnType<typeof createCommunicationsLoaders>;
