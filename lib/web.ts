import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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
import type { OriginSecret } from './origin-secret.ts';
import type { Settings } from './settings.ts';
import { CONTENT_SECURITY_POLICY, PAGE_PATHS } from './site-headers.ts';

export interface WebsiteProps {
  readonly api: IHttpApi;
  /** Sent to the API on every `/api/*` request, so the functions know it came through here. */
  readonly originSecret: OriginSecret;
  readonly settings: Settings;
  /** Folder of the built pages. */
  readonly pagesDir: string;
}

/**
 * The pages and the API on one origin: a private bucket behind CloudFront (origin access control),
 * with `/api/*` routed to the HTTP API, so the pages need no CORS and no API address baked in.
 *
 * A path that is no page answers 404 with the site's own `404.html`. Not through the distribution's
 * error responses: those apply to every origin, and would turn the API's own 403 and 404
 * problem+json answers into that HTML page. Two CloudFront functions on the default behaviour
 * decide instead: the viewer request for an unknown path fetches `/404.html`, and the viewer
 * response for it says 404.
 */
export class Website extends Construct {
  readonly distribution: Distribution;
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: WebsiteProps) {
    super(scope, id);
    const { api, originSecret, settings } = props;
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

    const pages = pageFunctions(props.pagesDir);
    const pageRoutes = new CloudFrontFunction(this, 'PageRoutes', {
      comment: 'Maps clean page paths to their HTML files, and any other path that is no file to 404.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(pages.viewerRequest),
    });
    const notFoundStatus = new CloudFrontFunction(this, 'NotFoundStatus', {
      comment: 'Answers 404 when the viewer request was sent to 404.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(pages.viewerResponse),
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
        functionAssociations: [
          { function: pageRoutes, eventType: FunctionEventType.VIEWER_REQUEST },
          { function: notFoundStatus, eventType: FunctionEventType.VIEWER_RESPONSE },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // Overwrites any value a viewer sends under the same name.
            customHeaders: { [originSecret.headerName]: originSecret.headerValue },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    originSecret.orderBefore(this.distribution);
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

/** The page served, with status 404, for any path that is neither a page nor a file of the site. */
const NOT_FOUND_PAGE = '/404.html';

/**
 * The pages' CloudFront functions (ES5, JS runtime 2.0), one per viewer event, sharing one rule for
 * where a path leads: a clean page path to its HTML file, a file the build made to itself, anything
 * else to the 404 page. The build's `assets/` (hashed chunks that change with every build) always
 * go through, so pages still being replaced during a deploy keep their scripts; a missing asset
 * gets S3's own 403.
 *
 * The response side works the target out again from `event.request.uri`, so it is right whether
 * CloudFront shows it the viewer's path or the rewritten one. Only a 200 becomes 404: a 304 (the
 * browser's copy is current) must stay a 304.
 */
function pageFunctions(pagesDir: string): { viewerRequest: string; viewerResponse: string } {
  const built = siteFiles(pagesDir).filter((f) => !f.startsWith('/assets/'));
  const files = Object.fromEntries([...Object.values(PAGE_PATHS), ...built].map((f) => [f, 1]));
  const target = `var pages = ${JSON.stringify(PAGE_PATHS)};
var files = ${JSON.stringify(files)};
function target(uri) {
  var path = uri.length > 1 ? uri.replace(/\\/+$/, '') : uri;
  if (pages[path]) return pages[path];
  if (files[path] || path.indexOf('/assets/') === 0) return path;
  return '${NOT_FOUND_PAGE}';
}`;
  return {
    viewerRequest: `${target}
function handler(event) {
  var request = event.request;
  request.uri = target(request.uri);
  return request;
}`,
    viewerResponse: `${target}
function handler(event) {
  var response = event.response;
  if (response.statusCode === 200 && target(event.request.uri) === '${NOT_FOUND_PAGE}') {
    response.statusCode = 404;
    response.statusDescription = 'Not Found';
  }
  return response;
}`,
  };
}

/** Every file under the built pages, as a URI path (`/account/activation.html`). */
function siteFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? siteFiles(join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
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
