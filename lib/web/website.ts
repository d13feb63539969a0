import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import type { OriginSecret } from '../origin-secret.ts';
import type { Settings } from '../settings.ts';
import { logBucket, siteBucket } from './buckets.ts';
import { siteDistribution } from './distribution.ts';
import { deployPages } from './page-deployment.ts';
import { pageFunctions } from './page-functions.ts';

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
 * with `/api/*` routed to the HTTP API, so the pages need no CORS and no API address baked in. A
 * path that is no page answers 404 with the site's own `404.html` (`page-functions.ts`).
 *
 * Each part keeps its cdk-nag acknowledgements next to it. Every resource is created in this
 * construct's own scope, so the parts' logical ids are those of the deployed stack.
 */
export class Website extends Construct {
  readonly distribution: Distribution;
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: WebsiteProps) {
    super(scope, id);
    const { api, originSecret, settings, pagesDir } = props;

    const logs = logBucket(this);
    const site = siteBucket(this, logs);
    this.distribution = siteDistribution(this, {
      siteBucket: site,
      logBucket: logs,
      api,
      originSecret,
      settings,
      pageFunctions: pageFunctions(this, pagesDir),
    });
    this.siteUrl = `https://${settings.domainName ?? this.distribution.distributionDomainName}`;
    deployPages(this, { pagesDir, siteBucket: site, distribution: this.distribution });
  }
}
