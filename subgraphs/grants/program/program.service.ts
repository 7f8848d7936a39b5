import type { GrantsData } from '../grants.repositories';
import { euros, type Money } from '../../core/types/money.type';
import { Validator } from '../../core/validation';
import type { GrantLoaders } from '../grants.loaders';
import type { ApplicationRound } from '../round/round.entity';
import type { GrantProgram } from './program.entity';
import type { GrantProgramFilter } from './program.inputs';

/** The rules of reading grant programs: public data. */
export class GrantProgramService {
  constructor(
    private readonly data: GrantsData,
    private readonly loaders: GrantLoaders,
  ) {}

  list(filter: GrantProgramFilter | null | undefined): Promise<GrantProgram[]> {
    const given = filter ?? {};
    const v = new Validator();
    const serviceAreaIds = v.ids('filter.serviceAreaIds', given.serviceAreaIds);
    v.throwIfInvalid();
    return this.data.repositories.programs.list({ ...given, serviceAreaIds });
  }

  roundsOf(program: GrantProgram): Promise<ApplicationRound[]> {
    return this.loaders.roundsOfProgram.load(program.id);
  }

  ofServiceArea(serviceAreaId: string): Promise<GrantProgram[]> {
    return this.loaders.programsOfServiceArea.load(serviceAreaId);
  }

  yearlyBudget(program: GrantProgram): Money | null {
    return euros(program.yearlyBudget);
  }
}
