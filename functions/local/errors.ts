/** A start-up problem the person can fix: printed as one sentence, exit code 1, no stack. */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}

/** DynamoDB Local and the SES emulator accept any key; these keep real credentials out of play. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
