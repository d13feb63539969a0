import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY_FILE, adminKeyFor } from '../../functions/local/admin-key.ts';
import { LocalStackError } from '../../functions/local/errors.ts';

let dir: string;
let dataDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ispeks-admin-key-'));
  dataDir = join(dir, 'data');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the local admin key', () => {
  it('is made on first use and kept in DATA_DIR, readable by its owner only', () => {
    // Act
    const key = adminKeyFor({ dataDir });

    // Assert
    const file = join(dataDir, ADMIN_KEY_FILE);
    expect(key).toEqual({ value: expect.stringMatching(/^[\w-]{32}$/), origin: 'new', file });
    expect(readFileSync(file, 'utf8').trim()).toBe(key.value);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is the same on the next start', () => {
    // Arrange
    const first = adminKeyFor({ dataDir });

    // Act
    const second = adminKeyFor({ dataDir });

    // Assert
    expect(second).toEqual({ ...first, origin: 'kept' });
  });

  it('is made anew, and kept, when rotation is asked for', () => {
    // Arrange
    const first = adminKeyFor({ dataDir });

    // Act
    const rotated = adminKeyFor({ dataDir, rotate: true });

    // Assert
    expect(rotated.origin).toBe('rotated');
    expect(rotated.value).not.toBe(first.value);
    expect(adminKeyFor({ dataDir }).value).toBe(rotated.value);
    expect(readdirSync(dataDir)).toEqual([ADMIN_KEY_FILE]);
  });

  it('is fresh on every run, and written nowhere, when nothing is kept (IN_MEMORY=1)', () => {
    // Act
    const [first, second] = [adminKeyFor({}), adminKeyFor({})];

    // Assert
    expect(first.origin).toBe('memory');
    expect(first.file).toBeUndefined();
    expect(second.value).not.toBe(first.value);
  });

  it('is ADMIN_API_KEY when that is set, and then no file is written', () => {
    // Act
    const key = adminKeyFor({ given: 'a-key-from-the-setting', dataDir });

    // Assert
    expect(key).toEqual({ value: 'a-key-from-the-setting', origin: 'setting' });
    expect(() => statSync(dataDir)).toThrow();
  });

  it('says in one sentence when DATA_DIR cannot hold the key', () => {
    // Arrange: DATA_DIR is a file, not a folder
    writeFileSync(dataDir, '');

    // Act
    const make = () => adminKeyFor({ dataDir });

    // Assert
    expect(make).toThrow(LocalStackError);
    expect(make).toThrow(
      `The admin key cannot be kept in ${join(dataDir, ADMIN_KEY_FILE)} (ENOTDIR): set DATA_DIR to a folder you can write, or set ADMIN_API_KEY.`,
    );
  });
});
