/**
 * Runs a command-line job: its exit code is what `main` returns; an unexpected error is
 * one line on stderr (no stack for a person to wade through) and exit code 1.
 */
export function runCommand(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
