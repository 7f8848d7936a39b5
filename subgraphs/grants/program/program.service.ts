import type { DataSource } from 'typeorm';
import { requireUuids } from '../../core/ids';
import { byIdLoader } from '../../core/loaders';
import type { GrantProgram } from './program.entity';
import type { GrantProgramFilter } from './program.inputs';
import { GrantProgramRepository } from './program.repository';

export function createGrantLoaders(db: DataSource) {
  const programs = new GrantProgramRepository(db);
  return {
    program: byIdLoader(
      (ids) => programs.findByIds(ids),
      (p) => p.id,
    ),
  };
}
export type GrantLoaders = ReturnType<typeof createGrantLoaders>;

/** The rules of reading grant programs: public data. */
export class GrantProgramService {
  private readonly repository: GrantProgramRepository;

  constructor(db: DataSource) {
    this.repository = new GrantProgramRepository(db);
  }

  list(filter: GrantProgramFilter | null | undefined): Promise<GrantProgram[]> {
    const given = filter ?? {};
    return this.repository.list({
      ...given,
      serviceAreaIds: requireUuids('filter.serviceAreaIds', given.serviceAreaIds),
    });
  }
}
