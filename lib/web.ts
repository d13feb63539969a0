import { DefaultStackSynthesizer, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { Settings } from './settings.ts';
import { CONTENT_SECURITY_POLICY, PAGE_PATHS } from './site-headers.ts';

export interface WebsiteProps {
  readonly api: IHttpApi;
  readonly settings: Settings;
  /** Folder of the built pages. */
  readonly pagesDir: string;
}

/**
 * The pages and the API on one origin: a private bucket behind CloudFront (origin access control),
 * with `/api/*` routed to the HTTP API, so the pages need no CORS and no API address baked in.
 */
export class Website extends Construct {
  readonly distribution: Distribution;
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: WebsiteProps) {
    super(scope, id);
    const { api, settings } = props;
    const stack = Stack.of(this);

    const logBucket = this.createLogBucket();
    const siteBucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'iSPEKS: HSTS, CSP, nosniff, frame denial, no referrer',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const pageRoutes = new CloudFrontFunction(this, 'PageRoutes', {
      comment: 'Maps clean page paths to their HTML files',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        `var pages = ${JSON.stringify(PAGE_PATHS)};
function handler(event) {
  var request = event.request;
  var uri = request.uri.length > 1 ? request.uri.replace(/\\/+$/, '') : request.uri;
  var file = pages[uri];
  if (file) request.uri = file;
  return request;
}`,
      ),
    });

    const customDomain =
      settings.domainName !== undefined && settings.certificateArn !== undefined
        ? {
            domainNames: [settings.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'iSPEKS activation pages and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      ...customDomain,
      ...(settings.webAclArn === undefined ? {} : { webAclId: settings.webAclArn }),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: pageRoutes, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    this.siteUrl = `https://${settings.domainName ?? this.distribution.distributionDomainName}`;
    this.acknowledgeDistributionFindings(settings);

    const deployment = new BucketDeployment(this, 'Pages', {
      sources: [Source.asset(props.pagesDir)],
      destinationBucket: siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    acknowledgeDeploymentFindings(deployment, siteBucket);
  }

  /** One bucket for the site bucket's access logs and CloudFront's standard logs, kept 90 days. */
  private createLogBucket(): Bucket {
    const logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront standard logging writes through an ACL grant, so ACLs must stay enabled.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging it would need yet another bucket or a loop ' +
        'of log records about log deliveries, and it holds only logs.',
    });
    return logBucket;
  }

  private acknowledgeDistributionFindings(settings: Settings): void {
    const distribution = Validations.of(this.distribution);
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: officers may activate while travelling or from networks that geolocate ' +
        'outside Malaysia, and the pages hold nothing that a country block would protect.',
    });
    if (settings.webAclArn === undefined) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'WAF is optional: a CloudFront web ACL must live in us-east-1, so the deployer passes one with the ' +
          'webAclArn context; abuse is otherwise limited by API throttling and per-user resend limits.',
      });
    }
    if (settings.certificateArn === undefined) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without the domainName and certificateArn context the distribution uses the default cloudfront.net ' +
          'certificate, which cannot enforce a minimum TLS version; with them it requires TLSv1.2_2021.',
      });
    }
  }
}

/**
 * BucketDeployment runs a CDK-provided custom resource (a singleton Lambda function with its own
 * role) only while CloudFormation deploys; none of its grants is reachable from a request. Each
 * finding is acknowledged by its exact id, so anything new it asks for still fails the synth.
 */
function acknowledgeDeploymentFindings(deployment: BucketDeployment, siteBucket: Bucket): void {
  const handler = deployment.handlerRole.node.scope;
  if (handler === undefined) throw new Error('BucketDeployment handler role has no scope');
  const stack = Stack.of(siteBucket);
  const siteBucketId = stack.getLogicalId(siteBucket.node.defaultChild as CfnBucket);
  const validations = Validations.of(handler);
  const because = (why: string) =>
    `The CDK-provided BucketDeployment handler copies the pages into the site bucket during deployment only; ${why}`;

  validations.acknowledge({
    id: 'AwsSolutions-L1',
    reason: because('its Python runtime is chosen and upgraded by aws-cdk-lib, not by this project.'),
  });
  validations.acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: because('aws-cdk-lib attaches the basic execution managed policy so it can write its own logs.'),
  });
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
    validations.acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: because(
        'these are the read, list, prune and abort action groups aws-cdk-lib grants for syncing a prefix.',
      ),
    });
  }
  validations.acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${siteBucketId}.Arn>/*]`,
    reason: because('it must write and prune every object of the site bucket, and of no other bucket.'),
  });
  validations.acknowledge({
    id: `AwsSolutions-IAM5[Resource::${assetBucketObjects(stack)}]`,
    reason: because(
      'it reads the zipped pages from the CDK bootstrap asset bucket, whose object keys are hashes.',
    ),
  });
  validations.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: because(
      'aws-cdk-lib grants CloudFront CreateInvalidation and GetInvalidation without naming the distribution.',
    ),
  });
}

/**
 * The bootstrap asset bucket's objects, flattened the way cdk-nag names them in finding ids: the
 * default synthesizer's bucket name, with the account and region written in when the stack has a
 * concrete environment. A synthesizer with another bucket name makes the synth fail here, loudly.
 */
function assetBucketObjects(stack: Stack): string {
  const synthesizer = stack.synthesizer;
  const qualifier =
    (synthesizer instanceof DefaultStackSynthesizer ? synthesizer.bootstrapQualifier : undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  return `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*`;
}
