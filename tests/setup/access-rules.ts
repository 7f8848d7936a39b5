import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../subgraphs/core/paths';

export type Cell = 'yes' | 'own' | '—';

export interface AccessRule {
  what: string;
  anonymous: Cell;
  representative: Cell;
  staff: Cell;
  admin: Cell;
}

/** Who may read and do what: the data docs/access.md shows and the access test walks. */
export function accessRules(): AccessRule[] {
  const file = JSON.parse(
    readFileSync(join(projectRoot(), 'docs', 'access-rules.json'), 'utf8'),
  ) as { rows: AccessRule[] };
  return file.rows;
}
