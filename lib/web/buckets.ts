import { Duration, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** One bucket for the site bucket's access logs and CloudFront's standard logs, kept 90 days. */
export function logBucket(scope: Construct): Bucket {
  const bucket = new Bucket(scope, 'LogBucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    // CloudFront standard logging writes through an ACL grant, so ACLs must stay enabled.
    objectOwnership: ObjectOwnership.OBJECT_WRITER,
    lifecycleRules: [{ expiration: Duration.days(90) }],
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason:
      'This is the access-log bucket itself; logging it would need yet another bucket or a loop ' +
      'of log records about log deliveries, and it holds only logs.',
  });
  return bucket;
}

/** The built pages: private (CloudFront reads it through origin access control), TLS only, logged. */
export function siteBucket(scope: Construct, logs: Bucket): Bucket {
  return new Bucket(scope, 'SiteBucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 'site-bucket/',
  });
}
