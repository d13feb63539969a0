import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, setLogSink } from '#http/logger.ts';

afterEach(() => {
  setLogSink();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('the log lines', () => {
  it('go to the sink the local stack installs, and not to stdout or stderr', () => {
    // Arrange
    vi.stubEnv('LOG_SILENT', '0');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const lines: string[] = [];
    setLogSink((line, level) => lines.push(`${level} ${line}`));

    // Act
    log('info', 'request done', { status: 200 });
    log('error', 'unhandled error');

    // Assert
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^info \{.*"message":"request done".*"status":200\}\n$/);
    expect(lines[1]).toMatch(/^error \{.*"message":"unhandled error"/);
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('go to stdout, and warnings and errors to stderr, as in Lambda, when no sink is installed', () => {
    // Arrange
    vi.stubEnv('LOG_SILENT', '0');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    // Act
    log('info', 'request done');
    log('warn', 'request refused');

    // Assert
    expect(stdout).toHaveBeenCalledWith(expect.stringContaining('"message":"request done"'));
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('"message":"request refused"'));
  });

  it('stop altogether with LOG_LEVEL=off', async () => {
    // Arrange
    vi.stubEnv('LOG_SILENT', '0');
    vi.stubEnv('LOG_LEVEL', 'off');
    vi.resetModules();
    const fresh = await import('#http/logger.ts');
    const lines: string[] = [];
    fresh.setLogSink((line) => lines.push(line));

    // Act
    fresh.log('error', 'unhandled error');

    // Assert
    expect(lines).toEqual([]);
  });
});
