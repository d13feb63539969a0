/**
 * `npm run bench`: the activation flow under load against the real local stack (DynamoDB Local,
 * SES emulator, the Lambda handlers mounted in one Node process). Measures latency per step and
 * activations per second at a given concurrency. Loopback only; bounded in count.
 *
 *   BENCH_USERS=200 BENCH_CONCURRENCY=20 BCRYPT_COST=12 npm run bench
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_SILENT = '1';

import { freePort } from '../../functions/local/net.ts';
import { startLocalStack } from '../../functions/local/stack.ts';
import { activationBody } from '../support/fixtures.ts';

const users = Math.min(Number(process.env.BENCH_USERS ?? 100), 2000);
const concurrency = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 10), 100);
const bcryptCost = process.env.BCRYPT_COST ?? '12';

const stack = await startLocalStack({
  port: await freePort(),
  sesPort: await freePort(),
  dynamoPort: await freePort(),
  functionSettings: { BCRYPT_COST: bcryptCost, RESEND_COOLDOWN_SECONDS: '0' },
});

const timings: Record<string, number[]> = { register: [], resend: [], verify: [], activate: [] };

async function timed(step: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  timings[step]?.push(performance.now() - started);
  if (response.status >= 300) throw new Error(`${step}: ${response.status} ${text}`);
  return text;
}

async function tokenFor(email: string): Promise<string> {
  const { emails } = (await (await fetch(`${stack.inboxUrl}store`)).json()) as {
    emails: { destination: { to: string[] }; body: { text: string } }[];
  };
  const mail = emails.filter((m) => m.destination.to.includes(email)).pop();
  const token = mail && /#token=([A-Za-z0-9_-]+)/.exec(mail.body.text)?.[1];
  if (!token) throw new Error(`no mail for ${email}`);
  return token;
}

async function oneOfficer(i: number) {
  const icNumber = `850505${String(i).padStart(6, '0')}`;
  const email = `bench${i}@example.gov.my`;
  await timed(
    'register',
    '/api/admin/users',
    { icNumber, name: `Pegawai Ujian ${i}`, email },
    { authorization: `Bearer ${stack.adminApiKey}` },
  );
  await timed('resend', '/api/activation/resend', { userId: icNumber });
  const token = await tokenFor(email);
  await timed('verify', '/api/activation/verify', { token });
  await timed('activate', '/api/activation/activate', activationBody(token));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

try {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users) await oneOfficer(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${users} officers, concurrency ${concurrency}, bcrypt cost ${bcryptCost}: ${seconds.toFixed(1)} s, ${(users / seconds).toFixed(1)} activations/s`,
  );
  for (const [step, values] of Object.entries(timings)) {
    console.log(
      `  ${step.padEnd(9)} p50 ${percentile(values, 50).toFixed(1)} ms  p95 ${percentile(values, 95).toFixed(1)} ms  max ${Math.max(...values).toFixed(1)} ms`,
    );
  }
} finally {
  await stack.stop();
}
