import type { DataSource } from 'typeorm';
import { migrationStatus } from '../../core/database';
import {
  finnishAnalyzer,
  type TermAnalyzer,
  textTerms,
  words,
} from '../../core/finnish/finnish-terms';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { AnnouncementRepository } from './announcement.repository';

/**
 * Announcements are found as the directory finds associations (core/finnish): a document's
 * terms are every word's base forms and compound parts, a query word's its base forms, so
 * "avustus" finds "Toiminta-avustukset" and "avustukset" finds "avustus".
 */
export function announcementTerms(
  title: LocalizedText,
  body: LocalizedText,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): { searchTerms: string[]; searchTermsBy: string } {
  const text = [title, body]
    .flatMap((t) => [t.fi, t.sv, t.en])
    .filter(Boolean)
    .join('\n');
  return { searchTerms: textTerms(text, analyzer), searchTermsBy: analyzer.name };
}

/** Each word of a search, as the terms it matches. */
export function searchWordTerms(
  search: string,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): string[][] {
  return words(search)
    .slice(0, 10)
    .map((word) => analyzer.queryTerms(word));
}

const BATCH = 200;

/**
 * Before serving: analyses the announcements no term list or another analyzer's was made
 * for (rows from before the terms, the demo's, or a machine that got Voikko since). They
 * are few, so this runs at start; each is restamped without counting as an edit.
 */
export async function analyseAnnouncements(
  dataSource: DataSource,
  log: (line: string) => void,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): Promise<void> {
  if ((await migrationStatus(dataSource)).pending.length > 0) return;
  const repository = new AnnouncementRepository(dataSource.manager);
  let done = 0;
  for (;;) {
    const rows = await repository.unanalysed(analyzer.name, BATCH);
    for (const row of rows) {
      const { searchTerms } = announcementTerms(row.title, row.body, analyzer);
      await repository.restampTerms(row.id, searchTerms, analyzer.name);
    }
    done += rows.length;
    if (rows.length < BATCH) break;
  }
  if (done > 0) log(`announcement search terms: ${done} analysed with ${analyzer.name}`);
}
