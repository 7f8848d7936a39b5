import DataLoader from 'dataloader';
import { byIdLoader, groupLoader } from '../core/loaders';
import type { AssociationsRepositories } from './associations.repositories';

/**
 * Every relation of the directory, batched per request: a page of N associations with
 * their categories, activities, contacts and service areas costs the same handful of SQL
 * statements whatever N is.
 */
export function createAssociationLoaders({
  associations,
  serviceAreas,
  categories,
  activities,
  contacts,
}: AssociationsRepositories) {
  return {
    association: byIdLoader(
      (ids) => associations.associationsByIds(ids),
      (a) => a.id,
    ),
    serviceAreaIdsOfAssociation: groupLoader(
      (ids) => associations.serviceAreaIds(ids),
      (row) => row.associationId,
    ),
    serviceArea: byIdLoader(
      (ids) => serviceAreas.serviceAreasByIds(ids),
      (s) => s.id,
    ),
    liaisonsOfServiceArea: groupLoader(
      (ids) => serviceAreas.liaisonsOf(ids),
      (l) => l.serviceAreaId,
    ),
    categoryIdsOfAssociation: groupLoader(
      (ids) => associations.categoryIds(ids),
      (row) => row.associationId,
    ),
    category: byIdLoader(
      (ids) => categories.categoriesByIds(ids),
      (c) => c.id,
    ),
    associationCountOfCategory: new DataLoader<string, number>(async (ids) => {
      const counts = new Map((await categories.countAll(ids)).map((r) => [r.id, r.count]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    activitiesOfAssociation: groupLoader(
      (ids) => activities.ofAssociations(ids),
      (a) => a.associationId,
    ),
    contactsOfAssociation: groupLoader(
      (ids) => contacts.ofAssociations(ids),
      (c) => c.associationId,
    ),
  };
}
export type AssociationLoaders = ReturnType<typeof createAssociationLoaders>;
