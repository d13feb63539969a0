import { DefaultStackSynthesizer, Stack, Token, Validations } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';

/** Uploads the built pages to the site bucket at every deploy, then invalidates the distribution. */
export function deployPages(
  scope: Construct,
  props: { pagesDir: string; siteBucket: Bucket; distribution: Distribution },
): BucketDeployment {
  const deployment = new BucketDeployment(scope, 'Pages', {
    sources: [Source.asset(props.pagesDir)],
    destinationBucket: props.siteBucket,
    distribution: props.distribution,
    distributionPaths: ['/*'],
  });
  acknowledgeDeploymentFindings(deployment, props.siteBucket);
  return deployment;
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
