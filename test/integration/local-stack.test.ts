import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/config.ts';
import { assertPortFree, freePort } from '../../functions/local/net.ts';
import { startLocalStack } from '../../functions/local/stack.ts';

describe('startLocalStack', () => {
  it('refuses a bad function setting before starting DynamoDB Local or anything else', async () => {
    const ports = { port: await freePort(), sesPort: await freePort(), dynamoPort: await freePort() };

    const start = startLocalStack({ ...ports, functionSettings: { BCRYPT_COST: '99' } });

    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/BCRYPT_COST/);
    await expect(assertPortFree(ports.dynamoPort, 'DYNAMODB_PORT')).resolves.toBeUndefined();
  });
});
