import { expectedVersionOf } from '../../core/versioning';
import type { AssociationsData } from '../associations.repositories';
import { isAdmin, requireThat, worksInServiceArea } from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { givenOnly, Validator } from '../../core/validation';
import type { AssociationLoaders } from '../associations.loaders';
import type { CityLiaison } from './city-liaison.entity';
import type { ServiceArea } from './service-area.entity';
import type {
  AddCityLiaisonInput,
  CityLiaisonFields,
  CreateServiceAreaInput,
  UpdateCityLiaisonInput,
  UpdateServiceAreaInput,
} from './service-area.inputs';

type LiaisonValues = Partial<
  Pick<CityLiaison, 'name' | 'title' | 'email' | 'phone' | 'isCoordinator' | 'responsibilities'>
>;

/**
 * Service areas and liaisons are public: being findable is the liaisons' job. Admins add
 * service areas; each area's own staff (and admins) keep its name and its liaisons.
 */
export class ServiceAreaService {
  constructor(
    private readonly data: AssociationsData,
    private readonly loaders: AssociationLoaders,
    private readonly identity: Identity,
  ) {}

  all(): Promise<ServiceArea[]> {
    return this.data.repositories.serviceAreas.all();
  }

  liaisons(serviceAreaId: string | null | undefined): Promise<CityLiaison[]> {
    return this.data.repositories.serviceAreas.liaisons(
      serviceAreaId ? requireUuid('serviceAreaId', serviceAreaId) : null,
    );
  }

  liaisonsOf(serviceAreaId: string): Promise<CityLiaison[]> {
    return this.loaders.liaisonsOfServiceArea.load(serviceAreaId);
  }

  async ofAssociation(associationId: string): Promise<ServiceArea[]> {
    const links = await this.loaders.serviceAreaIdsOfAssociation.load(associationId);
    const areas = await this.loaders.serviceArea.loadMany(links.map((l) => l.serviceAreaId));
    return areas
      .filter((a): a is ServiceArea => a !== null && !(a instanceof Error))
      .sort((a, b) => a.sortOrder - b.sortOrder);
  }

  async byId(id: string): Promise<ServiceArea | null> {
    return this.loaders.serviceArea.load(id);
  }

  async create(input: CreateServiceAreaInput): Promise<ServiceArea> {
    requireThat(this.identity, isAdmin(this.identity), 'adding service areas is for admins');
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const sortOrder = v.int('input.sortOrder', input.sortOrder, { min: 0, max: 10_000 });
    v.throwIfInvalid();
    const id = await this.data.repositories.serviceAreas.insertArea({
      name: name!,
      sortOrder: sortOrder ?? 0,
    });
    return this.freshArea(id);
  }

  async update(input: UpdateServiceAreaInput): Promise<ServiceArea> {
    const id = requireUuid('input.id', input.id);
    this.requireAreaRights(id);
    const v = new Validator();
    const values: { name?: LocalizedText; sortOrder?: number } = {};
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    if (input.name) {
      values.name = v.localized('input.name', input.name, { max: 200, required: true })!;
    }
    const sortOrder = v.int('input.sortOrder', input.sortOrder, { min: 0, max: 10_000 });
    if (sortOrder !== undefined && sortOrder !== null) values.sortOrder = sortOrder;
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.existingArea(id);
    await this.data.edit(
      { table: 'associations.service_area', entity: 'ServiceArea', id: id, expected },
      (r) => r.serviceAreas.updateArea(id, values),
    );
    return this.freshArea(id);
  }

  async addLiaison(input: AddCityLiaisonInput): Promise<CityLiaison> {
    const serviceAreaId = requireUuid('input.serviceAreaId', input.serviceAreaId);
    this.requireAreaRights(serviceAreaId);
    const v = new Validator();
    const name = v.text('input.name', input.name, { max: 200, required: true });
    const values = this.checkLiaison(v, input);
    v.throwIfInvalid();
    await this.existingArea(serviceAreaId);
    const id = await this.data.repositories.serviceAreas.insertLiaison({
      serviceAreaId,
      name: name!,
      ...values,
    });
    return this.foundLiaison(id);
  }

  async updateLiaison(input: UpdateCityLiaisonInput): Promise<CityLiaison> {
    const liaison = await this.foundLiaison(requireUuid('input.id', input.id));
    this.requireAreaRights(liaison.serviceAreaId);
    const v = new Validator();
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    const values = this.checkLiaison(v, input);
    if (input.name) values.name = v.text('input.name', input.name, { max: 200, required: true })!;
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.edit(
      { table: 'associations.city_liaison', entity: 'CityLiaison', id: liaison.id, expected },
      (r) => r.serviceAreas.updateLiaison(liaison.id, values),
    );
    return this.foundLiaison(liaison.id);
  }

  async removeLiaison(idArg: string): Promise<ServiceArea> {
    const liaison = await this.foundLiaison(requireUuid('id', idArg));
    this.requireAreaRights(liaison.serviceAreaId);
    await this.data.repositories.serviceAreas.deleteLiaison(liaison.id);
    this.loaders.liaisonsOfServiceArea.clear(liaison.serviceAreaId);
    return this.freshArea(liaison.serviceAreaId);
  }

  private requireAreaRights(serviceAreaId: string): void {
    requireThat(
      this.identity,
      worksInServiceArea(this.identity, serviceAreaId),
      `keeping service area ${serviceAreaId} and its liaisons is for its own staff and admins`,
    );
  }

  private checkLiaison(v: Validator, input: CityLiaisonFields): LiaisonValues {
    return givenOnly({
      title: v.text('input.title', input.title, { max: 100 }),
      email: v.email('input.email', input.email),
      phone: v.phone('input.phone', input.phone),
      isCoordinator: input.isCoordinator ?? undefined,
      responsibilities: v.localized('input.responsibilities', input.responsibilities, {
        max: 2000,
      }),
    });
  }

  private async existingArea(id: string): Promise<ServiceArea> {
    const area = await this.loaders.serviceArea.load(id);
    if (!area) throw new NotFoundError('ServiceArea', id);
    return area;
  }

  private async freshArea(id: string): Promise<ServiceArea> {
    this.loaders.serviceArea.clear(id);
    return this.existingArea(id);
  }

  private async foundLiaison(id: string): Promise<CityLiaison> {
    const liaison = await this.data.repositories.serviceAreas.findLiaison(id);
    if (!liaison) throw new NotFoundError('CityLiaison', id);
    return liaison;
  }
}
