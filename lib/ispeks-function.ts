import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TIME_BUDGET } from '../functions/adapters/time-budget.ts';
import { copyBundleData, LAMBDA_BUNDLE } from './bundling.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface IspeksFunctionProps {
  /** Entry file, relative to the repository root, e.g. `functions/handlers/health.ts`. */
  readonly entry: string;
  readonly description: string;
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * The one place that holds the Lambda defaults: Node.js 22 on Graviton, X-Ray tracing, its own log
 * group with a retention, and a bundle built by the local esbuild (never Docker) as ESM with the
 * AWS SDK inside, minified, with source maps.
 *
 * The role is our own rather than the default one, so no managed policy (AWSLambdaBasicExecutionRole
 * allows writing to every log group) is attached: the function may write to its own log group only.
 */
export class IspeksFunction extends Construct {
  readonly lambda: NodejsFunction;

  constructor(scope: Construct, id: string, props: IspeksFunctionProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role: ${props.description}`,
    });

    this.lambda = new NodejsFunction(this, 'Handler', {
      entry: `${projectRoot}${props.entry}`,
      handler: 'handler',
      description: props.description,
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      // Room for the SDK's retries (DynamoDB 3 × 2 s, SES 3 × 3 s) and a compensating write after them.
      timeout: Duration.millis(TIME_BUDGET.functionTimeoutMs),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        banner: LAMBDA_BUNDLE.banner,
        target: LAMBDA_BUNDLE.target,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        minify: LAMBDA_BUNDLE.minify,
        esbuildArgs: {
          '--legal-comments': LAMBDA_BUNDLE.legalComments,
          ...Object.fromEntries(
            Object.entries(LAMBDA_BUNDLE.alias).map(([from, to]) => [`--alias:${from}`, to]),
          ),
        },
        sourceMap: true,
        sourcesContent: false,
        // Bundle the AWS SDK too: a pinned, tree-shaken SDK instead of whatever the runtime ships.
        externalModules: [],
        logLevel: LogLevel.WARNING,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: copyBundleData,
        },
      },
    });
    logGroup.grantWrite(role);

    Validations.of(this.lambda).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The architecture fixes nodejs22.x, an AWS-supported LTS runtime; moving to a newer Node.js ' +
        'runtime is a deliberate upgrade with its own test run, not something a linter should force.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, and AWS X-Ray does not ' +
        'support resource-level permissions for them, so the resource must be the wildcard.',
    });
  }
}
