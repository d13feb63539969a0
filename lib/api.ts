import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DynamoDbAction, TableKey } from '../functions/api/route.ts';
import { routes } from '../functions/api/routes.ts';
import {
  attemptsTable,
  auditTable,
  progressTable,
  requestsTable,
  sessionsTable,
  type TableDefinition,
  tokensTable,
  usersTable,
} from '../functions/tables.ts';
import type { DataTables } from './data.ts';
import { IspeksFunction } from './ispeks-function.ts';
import type { OriginSecret } from './origin-secret.ts';
import { functionEnvironment, type Settings } from './settings.ts';

/** The tables of the route table, by the key its entries use. */
const TABLES: Readonly<Record<TableKey, TableDefinition>> = {
  users: usersTable,
  tokens: tokensTable,
  sessions: sessionsTable,
  attempts: attemptsTable,
  requests: requestsTable,
  audit: auditTable,
  progress: progressTable,
};

export interface ActivationApiProps {
  readonly tables: DataTables;
  readonly settings: Settings;
  /** The header value CloudFront sends; every public-route function refuses a request without it. */
  readonly originSecret: OriginSecret;
}

/**
 * The HTTP API: one function per route of `routes.ts`, each allowed exactly the table actions its
 * use case needs. Routes with `auth: 'none'` are public by design (the token, credentials or
 * session cookie in the request is checked by the function); `auth: 'iam'` routes need IAM-signed
 * requests. Public routes also answer only requests that came through CloudFront (the
 * `x-origin-verify` header), so the bare execute-api endpoint serves the IAM-signed admin route alone.
 */
export class ActivationApi extends Construct {
  readonly httpApi: HttpApi;
  /**
   * The second HTTP API, for automation: the administration paths again, every route behind API
   * Gateway's IAM authorizer (an HTTP API route has one authorizer, so the public API cannot take
   * both a session and SigV4 on one path). Not behind CloudFront; the functions are the same.
   */
  readonly adminApi: HttpApi;

  constructor(scope: Construct, id: string, props: ActivationApiProps) {
    super(scope, id);
    const { tables, settings, originSecret } = props;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'iSPEKS user activation API',
      createDefaultStage: false,
    });
    this.addDefaultStage(this.httpApi, 'AccessLogs', 'DefaultStage');
    this.adminApi = new HttpApi(this, 'AdminApi', {
      description: 'iSPEKS administration API for automation (IAM-signed requests only)',
      createDefaultStage: false,
    });
    this.addDefaultStage(this.adminApi, 'AdminAccessLogs', 'AdminDefaultStage');

    const environment = functionEnvironment(settings);
    for (const route of routes) {
      // The route table's test proves `route.load` is this very file.
      const { lambda } = new IspeksFunction(this, pascalCase(route.name), {
        entry: `functions/handlers/${route.name}.ts`,
        description: `${route.method} ${route.path}: ${route.summary}`,
        environment,
      });
      tables.exposeNames(lambda);
      for (const [key, actions] of Object.entries(route.tables) as [TableKey, readonly DynamoDbAction[]][]) {
        tables.grant(lambda, TABLES[key], actions);
      }
      if (route.sendsEmail === true) grantSendEmail(lambda, settings.senderEmail);
      // IAM-signed automation goes to the admin API directly, so it carries no header; the
      // function lets such requests through by the signer API Gateway puts in the event.
      if (route.access !== 'iam') originSecret.requireIn(lambda);

      if (route.access === 'iam' || route.access === 'administrator') {
        this.adminApi.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration: new HttpLambdaIntegration(`${pascalCase(route.name)}AdminIntegration`, lambda),
          authorizer: new HttpIamAuthorizer(),
        });
      }
      if (route.access === 'iam') continue;
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${pascalCase(route.name)}Integration`, lambda),
      });
      if (httpRoute !== undefined) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'Public by design: officers reach it from the pages before or while signed in, and the function ' +
            'authorises each request by what it carries (a single-use token, credentials with lockout, or a ' +
            'server-side session cookie), not by API Gateway; and only through CloudFront, whose x-origin-verify ' +
            'secret the function checks first.',
        });
      }
    }
  }

  /**
   * The execute-api ARN that covers every IAM route of the table (their longest common path, with
   * a wildcard when there are several), for the policy of whoever automates administration.
   */
  iamInvokeArn(): string {
    const paths = routes
      .filter((route) => route.access === 'iam' || route.access === 'administrator')
      .map((route) => route.path.split('/').map((segment) => (segment.startsWith('{') ? '*' : segment)));
    const first = paths[0] ?? [];
    const common: string[] = [];
    for (const [i, segment] of first.entries()) {
      if (segment === '*' || !paths.every((path) => path[i] === segment)) break;
      common.push(segment);
    }
    const pattern =
      paths.length === 1 && common.length === first.length ? common.join('/') : `${common.join('/')}/*`;
    return this.adminApi.arnForExecuteApi('*', pattern, '$default');
  }

  /** A `$default` stage, created here because the built-in one takes no throttling or access log. */
  private addDefaultStage(httpApi: HttpApi, logsId: string, stageId: string): void {
    const accessLogs = new LogGroup(this, logsId, { retention: RetentionDays.ONE_MONTH });
    new HttpStage(this, stageId, {
      httpApi,
      autoDeploy: true,
      // Sized for the mandatory activation day; CloudFront and SES pacing sit behind it.
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No personal data: the path and body (ID numbers, tokens) are never logged.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
  }
}

const pascalCase = (kebab: string) =>
  kebab.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** ses:SendEmail from the configured sender only: its address identity or its domain identity. */
function grantSendEmail(fn: LambdaFunction, senderEmail: string): void {
  const stack = Stack.of(fn);
  const domain = senderEmail.slice(senderEmail.lastIndexOf('@') + 1);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [senderEmail, domain].map((identity) =>
        stack.formatArn({
          service: 'ses',
          resource: 'identity',
          resourceName: identity,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
      ),
    }),
  );
}
