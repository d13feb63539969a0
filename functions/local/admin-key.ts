import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalStackError } from './errors.ts';

/** The file under DATA_DIR that keeps a generated admin key between runs. */
export const ADMIN_KEY_FILE = 'admin-api-key';

/** Shorter keys are refused as a setting too (ADMIN_API_KEY: at least 16 characters). */
const MIN_LENGTH = 16;

/**
 * Where this run's admin key came from, for the banner: the ADMIN_API_KEY setting, the key file
 * (`kept`: read back; `new`: made and written now; `rotated`: remade on request), or nowhere
 * (`memory`: a fresh key each run, because nothing is kept).
 */
export interface AdminKey {
  value: string;
  origin: 'setting' | 'kept' | 'new' | 'rotated' | 'memory';
  /** The key file, when the key is kept in one. */
  file?: string;
}

export interface AdminKeyOptions {
  given?: string | undefined;
  /** DATA_DIR; undefined when nothing is kept (IN_MEMORY=1). */
  dataDir?: string | undefined;
  /** Make a new key even if one is kept (ROTATE_ADMIN_KEY=1). */
  rotate?: boolean | undefined;
}

const generate = () => randomBytes(24).toString('base64url');

function readKept(file: string): string | undefined {
  try {
    const kept = readFileSync(file, 'utf8').trim();
    return kept.length >= MIN_LENGTH ? kept : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The admin key for this run: the setting if given; otherwise the one kept in DATA_DIR (readable by
 * its owner only), made on first use and remade only when asked, so scripts and bookmarks that hold
 * it keep working across restarts.
 */
export function adminKeyFor({ given, dataDir, rotate = false }: AdminKeyOptions): AdminKey {
  if (given !== undefined) return { value: given, origin: 'setting' };
  if (dataDir === undefined) return { value: generate(), origin: 'memory' };
  const file = join(dataDir, ADMIN_KEY_FILE);
  try {
    const kept = rotate ? undefined : readKept(file);
    if (kept !== undefined) {
      chmodSync(file, 0o600);
      return { value: kept, origin: 'kept', file };
    }
    const value = generate();
    mkdirSync(dataDir, { recursive: true });
    // Written whole, then renamed: a crash mid-write never leaves half a key behind.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, `${value}\n`, { mode: 0o600 });
    renameSync(partial, file);
    return { value, origin: rotate ? 'rotated' : 'new', file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new LocalStackError(
      `The admin key cannot be kept in ${file} (${code}): set DATA_DIR to a folder you can write, or set ADMIN_API_KEY.`,
    );
  }
}
