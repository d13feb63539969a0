import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  type FunctionAssociation,
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
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { CONTENT_SECURITY_POLICY } from '../../web/site.ts';
import type { OriginSecret } from '../origin-secret.ts';
import type { Settings } from '../settings.ts';

export interface SiteDistributionProps {
  readonly siteBucket: IBucket;
  readonly logBucket: IBucket;
  readonly api: IHttpApi;
  /** Sent to the API on every `/api/*` request, so the functions know it came through here. */
  readonly originSecret: OriginSecret;
  readonly settings: Settings;
  /** The pages' CloudFront functions (`page-functions.ts`), on the default behaviour only. */
  readonly pageFunctions: FunctionAssociation[];
}

/**
 * One origin for the pages and the API: the default behaviour serves the bucket, `/api/*` goes to
 * the HTTP API uncached with the origin secret, and both answer with the same security headers.
 * With `domainName` and `certificateArn` it answers on that name with TLS 1.2 or newer.
 */
export function siteDistribution(scope: Construct, props: SiteDistributionProps): Distribution {
  const { api, originSecret, settings } = props;
  const stack = Stack.of(scope);
  const securityHeaders = securityHeadersPolicy(scope);

  const customDomain =
    settings.domainName !== undefined && settings.certificateArn !== undefined
      ? {
          domainNames: [settings.domainName],
          certificate: Certificate.fromCertificateArn(scope, 'Certificate', settings.certificateArn),
          minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        }
      : {};

  const distribution = new Distribution(scope, 'Distribution', {
    comment: 'iSPEKS activation pages and API',
    defaultRootObject: 'index.html',
    httpVersion: HttpVersion.HTTP2_AND_3,
    enableLogging: true,
    logBucket: props.logBucket,
    logFilePrefix: 'cloudfront/',
    ...customDomain,
    ...(settings.webAclArn === undefined ? {} : { webAclId: settings.webAclArn }),
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(props.siteBucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: securityHeaders,
      functionAssociations: props.pageFunctions,
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
  originSecret.orderBefore(distribution);
  acknowledgeDistributionFindings(distribution, settings);
  return distribution;
}

/** HSTS, and the pages' own headers from web/site.ts, on every answer (pages and API). */
function securityHeadersPolicy(scope: Construct): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
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
}

function acknowledgeDistributionFindings(distribution: Distribution, settings: Settings): void {
  const validations = Validations.of(distribution);
  validations.acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'No geo restriction: officers may activate while travelling or from networks that geolocate ' +
      'outside Malaysia, and the pages hold nothing that a country block would protect.',
  });
  if (settings.webAclArn === undefined) {
    validations.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'WAF is optional: a CloudFront web ACL must live in us-east-1, so the deployer passes one with the ' +
        'webAclArn context; abuse is otherwise limited by API throttling and per-user resend limits.',
    });
  }
  if (settings.certificateArn === undefined) {
    validations.acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Without the domainName and certificateArn context the distribution uses the default cloudfront.net ' +
        'certificate, which cannot enforce a minimum TLS version; with them it requires TLSv1.2_2021.',
    });
  }
}
