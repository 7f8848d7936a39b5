import type { DataSource } from 'typeorm';
import { migrationStatus } from '../../core/database';
import { finnishAnalyzer, type TermAnalyzer } from '../../core/finnish/finnish-terms';
import { analyseStale } from '../../core/finnish/search-terms';
import { GuideRepository } from './guide.repository';

/**
 * Before serving: analyses the guides no term list or another analyzer's was made for
 * (from before the terms, the demo's, or a machine that got Voikko since). The handbook is
 * small, so this runs at start; a restamp is no edit (the version stays).
 */
export async function analyseGuides(
  dataSource: DataSource,
  log: (line: string) => void,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): Promise<void> {
  if ((await migrationStatus(dataSource)).pending.length > 0) return;
  const done = await analyseStale(new GuideRepository(dataSource.manager), analyzer);
  if (done > 0) log(`guide search terms: ${done} analysed with ${analyzer.name}`);
}
