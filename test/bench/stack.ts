import { freePort } from '../../functions/local/net.ts';
import { startLocalStack } from '../../functions/local/stack.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_SILENT = '1';

export type BenchStack = Awaited<ReturnType<typeof startLocalStack>>;

/** The real local stack on free loopback ports, in memory, with these function settings. */
export async function startBenchStack(functionSettings: Record<string, string>): Promise<BenchStack> {
  return startLocalStack({
    port: await freePort(),
    sesPort: await freePort(),
    dynamoPort: await freePort(),
    functionSettings: { RESEND_COOLDOWN_SECONDS: '0', ENUMERATION_MIN_RESPONSE_MS: '0', ...functionSettings },
  });
}

/** POSTs JSON; throws on an error status unless `anyStatus`. */
export async function post(
  stack: BenchStack,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  anyStatus = false,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!anyStatus && response.status >= 300) throw new Error(`${path}: ${response.status} ${text}`);
  return { status: response.status, text };
}

/** The token of the latest e-mail to `email` in the SES emulator. */
export async function tokenFor(stack: BenchStack, email: string): Promise<string> {
  const { emails } = (await (await fetch(`${stack.inboxUrl}store`)).json()) as {
    emails: { destination: { to: string[] }; body: { text: string } }[];
  };
  const mail = emails.filter((m) => m.destination.to.includes(email)).pop();
  const token = mail && /#token=([A-Za-z0-9_-]+)/.exec(mail.body.text)?.[1];
  if (!token) throw new Error(`no mail for ${email}`);
  return token;
}
