import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { tokensTable, usersTable } from '../functions/tables.ts';
import { ActivationApi } from './api.ts';
import { DataTables } from './data.ts';
import { OriginSecret } from './origin-secret.ts';
import type { Settings } from './settings.ts';
import { Website } from './web/website.ts';

export interface IspeksActivationStackProps extends StackProps {
  readonly settings: Settings;
  /** Folder of the built pages (`web/dist`, made by `buildWeb()`), uploaded to the site bucket. */
  readonly pagesDir: string;
}

/**
 * The whole product in one stack. State (the tables) is one construct, apart from the stateless
 * API and pages, so it can move to its own stack later without touching the rest.
 */
export class IspeksActivationStack extends Stack {
  constructor(scope: Construct, id: string, props: IspeksActivationStackProps) {
    super(scope, id, props);
    const { settings } = props;

    const tables = new DataTables(this, 'Data');
    const originSecret = new OriginSecret(this, 'OriginSecret', {
      generation: settings.originSecretGeneration,
    });
    const api = new ActivationApi(this, 'Api', { tables, settings, originSecret });
    const web = new Website(this, 'Web', {
      api: api.httpApi,
      originSecret,
      settings,
      pagesDir: props.pagesDir,
    });

    new CfnOutput(this, 'SiteUrl', { value: web.siteUrl, description: 'The pages and, under /api, the API' });
    new CfnOutput(this, 'ApiUrl', {
      value: api.httpApi.apiEndpoint,
      description:
        'Direct endpoint of the public API (it answers only requests that came through CloudFront)',
    });
    new CfnOutput(this, 'AdminApiUrl', {
      value: api.adminApi.apiEndpoint,
      description: 'The administration API for automation: IAM-signed (SigV4) requests to /api/admin/*',
    });
    new CfnOutput(this, 'AdminInvokeArn', {
      value: api.iamInvokeArn(),
      description: 'Grant execute-api:Invoke on this ARN to the automation that administers users',
    });
    new CfnOutput(this, 'UsersTableName', { value: tables.table(usersTable).tableName });
    new CfnOutput(this, 'TokensTableName', { value: tables.table(tokensTable).tableName });
  }
}
