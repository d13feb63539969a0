import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../functions/http/origin-verify.ts';

export interface OriginSecretProps {
  /** `originSecretGeneration`: raising it by one rotates the secret (README: "Closing the direct API endpoint"). */
  readonly generation: number;
}

/**
 * The shared secret that closes the bare execute-api endpoint: CloudFront sends it in
 * `x-origin-verify` on every `/api/*` origin request and the public-route functions refuse a request
 * without it. Secrets Manager generates it; the template holds only dynamic references, which
 * CloudFormation resolves at deployment, so the value is in neither the template nor the repository.
 *
 * Each generation is its own secret (its construct id, hence its logical id, carries the number).
 * The functions accept the current generation and the one before it, so raising the generation
 * creates a new secret while the previous one stays valid: CloudFront switches to the new value
 * only after every function accepts it (`orderBefore`), and edges still sending the old value are
 * served meanwhile. The generation before that leaves the stack, and stops working, at that deploy.
 */
export class OriginSecret extends Construct {
  readonly headerName = ORIGIN_VERIFY_HEADER;
  private readonly current: Secret;
  private readonly previous: Secret | undefined;
  private readonly checkers: LambdaFunction[] = [];

  constructor(scope: Construct, id: string, props: OriginSecretProps) {
    super(scope, id);
    const { generation } = props;
    this.current = this.generationSecret(generation);
    this.previous = generation > 1 ? this.generationSecret(generation - 1) : undefined;
  }

  /** What CloudFront sends: a dynamic reference to the current generation, resolved at deployment. */
  get headerValue(): string {
    return this.current.secretValue.unsafeUnwrap();
  }

  /** Makes `fn` refuse requests without the header: the accepted values go into its environment. */
  requireIn(fn: LambdaFunction): void {
    fn.addEnvironment('ORIGIN_VERIFY_SECRET', this.current.secretValue.unsafeUnwrap());
    if (this.previous !== undefined) {
      fn.addEnvironment('ORIGIN_VERIFY_SECRET_PREVIOUS', this.previous.secretValue.unsafeUnwrap());
    }
    this.checkers.push(fn);
  }

  /**
   * Deploys `sender` (the distribution) after every function that checks the header, so a rotation
   * never sends a value that a function does not accept yet.
   */
  orderBefore(sender: Construct): void {
    if (this.checkers.length === 0) throw new Error('No function checks the origin header yet');
    sender.node.addDependency(...this.checkers);
  }

  private generationSecret(generation: number): Secret {
    const secret = new Secret(this, `Generation${generation}`, {
      description: `iSPEKS: the x-origin-verify value CloudFront sends to the API (generation ${generation})`,
      // Letters and digits only: a header value with no quoting or encoding questions.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Nothing else holds it: a deleted generation is simply no longer accepted.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by deployment, not by a rotation Lambda: raising originSecretGeneration creates a new secret ' +
        'that CloudFront and the functions pick up in one deploy, with the previous one accepted meanwhile; ' +
        'a Secrets Manager rotation would change the value without redeploying CloudFront and the functions, ' +
        'whose copies come from dynamic references resolved at deployment, and so would lock the API out.',
    });
    return secret;
  }
}
