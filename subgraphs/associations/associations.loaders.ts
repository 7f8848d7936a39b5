import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byIdLoader, groupLoader } from '../core/loaders';
import { ActivityRepository } from './activity/activity.repository';
import { AssociationRepository } from './association/association.repository';
import { CategoryRepository } from './category/category.repository';
import { ContactPersonRepository } from './contact/contact-person.repository';
import { ServiceAreaRepository } from './service-area/service-area.repository';

/**
 * Every relation of the directory, batched per request: a page of N associations with
 * their categories, activities, contacts and service areas costs the same handful of SQL
 * statements whatever N is.
 */
export function createAssociationLoaders(db: DataSource) {
  const associations = new AssociationRepository(db);
  const serviceAreas = new ServiceAreaRepository(db);
  const categories = new CategoryRepository(db);
  const activities = new ActivityRepository(db);
  const contacts = new ContactPersonRepository(db);
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
