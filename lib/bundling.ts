import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * How every function is bundled, in esbuild's own terms: `IspeksFunction` hands these to
 * `NodejsFunction` (local esbuild, never Docker) and `npm run bench -- cold` bundles with the very
 * same settings to measure each function's size and import time.
 */
export const LAMBDA_BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // ESM builds of the SDK tree-shake; the CommonJS ones do not.
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  // Bundled CommonJS dependencies still call require(); ESM output has none unless we make one.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  // In Lambda the credentials are the role's, in the environment (functions/adapters/lambda-credentials.ts).
  alias: {
    '@aws-sdk/credential-provider-node': `${projectRoot}functions/adapters/lambda-credentials.ts`,
  },
} as const;

/**
 * Data a bundle reads beside itself at run time (never parsed into the bundle): the folder, and
 * the string by which a bundle that needs it names it.
 */
export const BUNDLE_DATA = [{ folder: 'functions/adapters/word-lists', marker: './word-lists/' }] as const;

/** Shell commands that copy each data folder next to a bundle that names it (and only then). */
export function copyBundleData(inputDir: string, outputDir: string): string[] {
  return BUNDLE_DATA.map(
    ({ folder, marker }) =>
      `if grep -qF '${marker}' '${outputDir}/index.mjs'; then cp -R '${inputDir}/${folder}' '${outputDir}/'; fi`,
  );
}
