/**
 * `npm run bench`: the activation flow under load against the real local stack (DynamoDB Local,
 * SES emulator, the Lambda handlers mounted in one Node process). Measures latency per step and
 * activations per second at a given concurrency. Loopback only; bounded in count.
 *
 *   BENCH_USERS=200 BENCH_CONCURRENCY=20 BCRYPT_COST=12 npm run bench
 */
import { activationBody } from '../support/fixtures.ts';
import { post, startBenchStack, tokenFor } from './stack.ts';

const users = Math.min(Number(process.env.BENCH_USERS ?? 100), 2000);
const concurrency = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 10), 100);
const bcryptCost = process.env.BCRYPT_COST ?? '12';

const stack = await startBenchStack({ BCRYPT_COST: bcryptCost });

const timings: Record<string, number[]> = { register: [], resend: [], verify: [], activate: [] };

async function timed(step: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  await post(stack, path, body, headers);
  timings[step]?.push(performance.now() - started);
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
  const token = await tokenFor(stack, email);
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
