import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  attemptsTable,
  sessionsTable,
  type TableDefinition,
  tokensTable,
  usersTable,
} from '../functions/tables.ts';
import type { DataTables, DynamoDbAction } from './data.ts';
import { IspeksFunction } from './ispeks-function.ts';
import type { OriginSecret } from './origin-secret.ts';
import { routes } from './routes.ts';
import { functionEnvironment, type Settings } from './settings.ts';

/** What each handler may touch. A route without an entry here fails the synth. */
interface Permissions {
  /** Exactly the DynamoDB actions the use case performs, per table. */
  readonly tables: ReadonlyArray<readonly [TableDefinition, readonly DynamoDbAction[]]>;
  readonly sendsEmail?: boolean;
  readonly description: string;
}

const permissions: Readonly<Record<string, Permissions>> = {
  'resend-activation': {
    description: 'Sends a new activation e-mail and invalidates earlier tokens',
    tables: [
      [usersTable, ['GetItem', 'UpdateItem']],
      [tokensTable, ['PutItem', 'DeleteItem']],
    ],
    sendsEmail: true,
  },
  'verify-activation': {
    description: 'Checks an activation token without spending it',
    tables: [[tokensTable, ['GetItem']]],
  },
  'activate-account': {
    description: 'Spends an activation token and activates the account in one transaction',
    tables: [
      [tokensTable, ['GetItem', 'UpdateItem']],
      [usersTable, ['UpdateItem', 'GetItem']],
    ],
  },
  'register-user': {
    description: 'Registers a user (administrators, IAM-signed requests only)',
    tables: [[usersTable, ['PutItem']]],
  },
  login: {
    description: 'Signs in: claims a guess, bcrypt check, lock and its notice, new server-side session',
    tables: [
      [usersTable, ['GetItem', 'UpdateItem']],
      [sessionsTable, ['PutItem']],
      [attemptsTable, ['GetItem', 'UpdateItem']],
    ],
    sendsEmail: true,
  },
  'get-session': {
    description: 'Returns the signed-in user and records the request on the session',
    tables: [
      [sessionsTable, ['UpdateItem', 'DeleteItem']],
      [usersTable, ['GetItem']],
    ],
  },
  logout: {
    description: 'Ends the session server-side',
    tables: [[sessionsTable, ['DeleteItem']]],
  },
  'request-recovery': {
    description: 'Lupa Kata Laluan: sends a recovery (or activation) link, alike for every ID',
    tables: [
      [usersTable, ['GetItem', 'UpdateItem']],
      [tokensTable, ['PutItem', 'DeleteItem']],
    ],
    sendsEmail: true,
  },
  'verify-recovery': {
    description: 'Checks a recovery token without spending it',
    tables: [[tokensTable, ['GetItem']]],
  },
  'reset-password': {
    description: 'Checks two answers inside the guess budget and sets a new password in one transaction',
    tables: [
      [tokensTable, ['GetItem', 'UpdateItem']],
      [usersTable, ['GetItem', 'UpdateItem']],
      [attemptsTable, ['GetItem', 'UpdateItem', 'DeleteItem']],
    ],
    sendsEmail: true,
  },
  'change-password': {
    description: 'Signed in: checks the current password inside the guess budget and sets a new one',
    tables: [
      [sessionsTable, ['UpdateItem', 'DeleteItem']],
      [usersTable, ['GetItem', 'UpdateItem']],
      [attemptsTable, ['GetItem', 'UpdateItem']],
    ],
    sendsEmail: true,
  },
  'revoke-sessions': {
    description: 'Signed in: ends every session of the officer',
    tables: [
      [sessionsTable, ['UpdateItem', 'DeleteItem']],
      [usersTable, ['GetItem', 'UpdateItem']],
    ],
  },
  'check-password': {
    description:
      'Checks a password against the common-password list and the officer data of a link or session',
    tables: [
      [tokensTable, ['GetItem']],
      [sessionsTable, ['UpdateItem', 'DeleteItem']],
      [usersTable, ['GetItem']],
    ],
  },
  health: { description: 'Liveness check', tables: [] },
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

  constructor(scope: Construct, id: string, props: ActivationApiProps) {
    super(scope, id);
    const { tables, settings, originSecret } = props;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'iSPEKS user activation API',
      createDefaultStage: false,
    });
    this.addDefaultStage();

    const environment = functionEnvironment(settings);
    for (const route of routes) {
      const allowed = permissions[route.handler];
      if (allowed === undefined) throw new Error(`No permissions declared for handler ${route.handler}`);
      const { lambda } = new IspeksFunction(this, pascalCase(route.handler), {
        entry: `functions/handlers/${route.handler}.ts`,
        description: allowed.description,
        environment,
      });
      tables.exposeNames(lambda);
      for (const [table, actions] of allowed.tables) tables.grant(lambda, table, actions);
      if (allowed.sendsEmail === true) grantSendEmail(lambda, settings.senderEmail);
      // IAM-signed admin calls go to the execute-api endpoint directly, so they carry no header.
      if (route.auth === 'none') originSecret.requireIn(lambda);

      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${pascalCase(route.handler)}Integration`, lambda),
        ...(route.auth === 'iam' ? { authorizer: new HttpIamAuthorizer() } : {}),
      });
      if (httpRoute !== undefined && route.auth === 'none') {
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

  /** The `$default` stage, created here because the built-in one takes no throttling or access log. */
  private addDefaultStage(): void {
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
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
