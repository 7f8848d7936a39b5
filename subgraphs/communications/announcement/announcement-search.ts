import type { DataSource } from 'typeorm';
import { migrationStatus } from '../../core/database';
import { finnishAnalyzer, type TermAnalyzer } from '../../core/finnish/finnish-terms';
import { analyseStale, localizedTerms } from '../../core/finnish/search-terms';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { AnnouncementRepository } from './announcement.repository';

/** An announcement's terms: of its title and body in every language. */
export function announcementTerms(
  title: LocalizedText,
  body: LocalizedText,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): { searchTerms: string[]; searchTermsBy: string } {
  return localizedTerms([title, body], analyzer);
}

/**
 * Before serving: analyses the announcements no term list or another analyzer's was made
 * for. They are few, so this runs at start; a restamp is no edit (the version stays).
 */
export async function analyseAnnouncements(
  dataSource: DataSource,
  log: (line: string) => void,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): Promise<void> {
  if ((await migrationStatus(dataSource)).pending.length > 0) return;
  const done = await analyseStale(new AnnouncementRepository(dataSource.manager), analyzer);
  if (done > 0) log(`announcement search terms: ${done} analysed with ${analyzer.name}`);
}
