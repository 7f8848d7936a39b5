/**
 * The line of `npm start`'s banner about the directory's Finnish search: which analyzer this
 * machine has and, without Voikko, the one command that brings it (the search works without
 * it, on word fragments; Voikko adds base forms and compound parts by dictionary).
 */
export function finnishSearchLine(analyzerName: string): string {
  return analyzerName === 'voikko'
    ? '  Finnish search     Voikko: base forms and compound parts'
    : [
        '  Finnish search     without Voikko (word fragments only). For base forms and compound parts:',
        '                     sudo apt-get install libvoikko1 voikko-fi   (Debian, Ubuntu), then restart',
      ].join('\n');
}
