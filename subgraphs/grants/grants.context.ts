import type { DataSource } from 'typeorm';
import type { BaseContext } from '../core/context';
import type { Identity } from '../core/identity';
import {
  createGrantLoaders,
  type GrantLoaders,
  GrantProgramService,
} from './program/program.service';

export interface GrantsContext extends BaseContext {
  loaders: GrantLoaders;
  programs: GrantProgramService;
}

export function createGrantsContext(db: DataSource, identity: Identity): GrantsContext {
  return { identity, loaders: createGrantLoaders(db), programs: new GrantProgramService(db) };
}
