import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * What the SDK's `defaultProvider` becomes in a Lambda bundle (lib/ispeks-function.ts aliases
 * `@aws-sdk/credential-provider-node` to this module). A function's credentials are its role's, in
 * its environment; the default chain's other sources (SSO, profile files, instance metadata, web
 * identity) can never apply there and would add about 85 KB to every bundle. Outside Lambda (the
 * local stack, tests, scripts) nothing is aliased and the full chain applies.
 */
export const defaultProvider = () => fromEnv();
