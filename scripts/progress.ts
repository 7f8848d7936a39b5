import type { Progress } from '../subgraphs/core/progress';

/**
 * A progress bar on stderr for long command-line jobs: redrawn in place on a terminal,
 * a plain line every tenth of the way when the output goes to a log file. stdout stays
 * free for the job's own report.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastTenth = -1;
  return (done, total) => {
    const share = total === 0 ? 1 : done / total;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)
          .toString()
          .padStart(3)}% ${done}/${total}`,
      );
      if (done >= total) stream.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${label}: ${done}/${total} (${tenth * 10} %)\n`);
    }
  };
}
