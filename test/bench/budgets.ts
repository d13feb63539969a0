import { routes } from '../../functions/api/routes.ts';

/**
 * Byte budgets for the function bundles (minified, the AWS SDK inside). A function that talks to
 * DynamoDB only fits in 300 KB; one that also sends e-mail carries the SES v2 client besides
 * (about 85 KB more, on the SDK core both share), so it gets 400 KB rather than a hand-written
 * SES client. `npm run bench -- cold` reports each against its budget; test/infra fails a
 * synthesized bundle over it.
 */
export const BUNDLE_BUDGETS = { default: 300 * 1024, sendsEmail: 400 * 1024 } as const;

export function budgetOf(name: string): number {
  const route = routes.find((r) => r.name === name);
  return route?.sendsEmail ? BUNDLE_BUDGETS.sendsEmail : BUNDLE_BUDGETS.default;
}
