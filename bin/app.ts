import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings, SettingsError } from '../lib/settings.ts';
import { IspeksActivationStack } from '../lib/stack.ts';
import { buildWeb } from '../web/build.ts';

const app = new App();

try {
  const settings = readSettings(app.node);
  // The pages are built on every synth, so a deploy always ships what the sources say.
  const pages = buildWeb();
  new IspeksActivationStack(app, 'IspeksActivationStack', {
    settings,
    pagesDir: resolve(pages.outDir),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// cdk-nag 3 runs as a policy-validation plugin: any unacknowledged AwsSolutions error fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
