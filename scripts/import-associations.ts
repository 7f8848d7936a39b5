import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { associationsSubgraph } from '../subgraphs/associations/associations.subgraph';
import {
  ImportFileError,
  parseImportFile,
} from '../subgraphs/associations/import/association-import.parser';
import { AssociationImportService } from '../subgraphs/associations/import/association-import.service';
import { connect, migrate } from '../subgraphs/core/database';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import { runCommand } from './cli';
import { loadCliConfig } from './cli.config';
import { tellImported } from './imported';
import { progressBar } from './progress';

const USAGE = `usage: npm run import:associations -- <file.csv|file.json>

Creates or updates associations, matched by business_id, else register_number.
Bad rows are reported with their line and skipped; a second run changes nothing.`;

/** `npm run import:associations -- file`: the report on stdout, progress on stderr. */
async function main(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return file ? 0 : 2;
  }
  const config = loadCliConfig(process.env, 'import:associations');
  let records;
  try {
    records = parseImportFile(file, readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof ImportFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`${file}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
  const db = await connect(subgraphDataSource(associationsSubgraph, config.databaseUrl, 2));
  try {
    await migrate(db);
    const report = await new AssociationImportService(db).run(records, {
      onProgress: progressBar(`importing ${file}`),
    });
    await tellImported(
      config.databaseUrl,
      db,
      'associations-csv',
      report.created + report.updated,
      new Date(),
    );
    for (const bad of report.rejected) {
      process.stdout.write(`line ${bad.line}: skipped: ${bad.reasons.join('; ')}\n`);
    }
    process.stdout.write(
      `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} skipped\n`,
    );
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

runCommand(main);
