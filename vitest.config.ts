import { defineConfig } from 'vitest/config';

const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  LOG_SILENT: '1',
};

/**
 * Projects by kind of test: `unit` (domain with fakes, handlers and adapters with
 * aws-sdk-client-mock), `integration` (HTTP against the real local stack: DynamoDB Local + SES
 * emulator, started once in a global setup), `e2e` (the built pages in headless Chromium against
 * such a stack), `infra` (CDK assertions on the synthesized stack).
 */
export default defineConfig({
  test: {
    env,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'test/api/**/*.test.ts',
            'test/domain/**/*.test.ts',
            'test/handlers/**/*.test.ts',
            'test/adapters/**/*.test.ts',
            'test/web/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds web/dist, then starts its own local stack (test/integration/global-setup.ts).
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One headless Chromium at a time: parallel browsers only compete for the CPU.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
