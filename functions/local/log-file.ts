import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LocalStackError } from './errors.ts';

export interface LogFile {
  path: string;
  /** Appends one finished line; synchronous, so nothing is lost when the process exits. */
  write(line: string): void;
  close(): void;
}

/**
 * Opens (creating its folder) the file the local stack's request log lines are appended to, so they
 * stay out of the terminal that shows the banner. The lines are the same JSON as in CloudWatch.
 */
export function openLogFile(path: string): LogFile {
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'a', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new LocalStackError(
      `The log file ${path} cannot be written (${code}): set LOG_FILE to another path, or LOG_TO_STDOUT=1.`,
    );
  }
  let open = true;
  return {
    path,
    write(line) {
      if (open) writeSync(fd, line);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
