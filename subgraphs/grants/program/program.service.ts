import type { DataSource } from 'typeorm';
import { euros, type Money } from '../../core/types/money.type';
import { Validator } from '../../core/validation';
import type { GrantLoaders } from '../grants.loaders';
import type { ApplicationRound } from '../round/round.entity';
import type { GrantProgram } from './program.entity';
import type { GrantProgramFilter } from './program.inputs';
import { GrantProgramRepository } from './program.repository';

/** The rules of reading grant programs: public data. */
export class GrantProgramService {
  private readonly repository: GrantProgramRepository;

  constructor(
    db: DataSource,
    private readonly loaders: GrantLoaders,
  ) {
    this.repository = new GrantProgramRepository(db);
  }

  list(filter: GrantProgramFilter | null | undefined): Promise<GrantProgram[]> {
    const given = filter ?? {};
    const v = new Validator();
    const serviceAreaIds = v.ids('filter.serviceAreaIds', given.serviceAreaIds);
    v.throwIfInvalid();
    return this.repository.list({ ...given, serviceAreaIds });
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
