/**
 * `npm run bench -- burst`: bursts of parallel sign-ins for one active officer against the real
 * local stack, at production bcrypt cost, counting how many passwords were actually compared
 * (bcrypt comparisons, counted in this process, where the handlers run). The guess budget allows
 * at most 5 per lock window, however many requests arrive at once.
 *
 *   BENCH_BURSTS=5 BENCH_BURST_SIZE=20 BCRYPT_COST=12 npm run bench -- burst
 */
import bcrypt from 'bcryptjs';
import { activationBody, PASSWORD } from '../support/fixtures.ts';
import { type BenchStack, post, startBenchStack, tokenFor } from './stack.ts';

const bursts = Math.min(Number(process.env.BENCH_BURSTS ?? 5), 50);
const size = Math.min(Number(process.env.BENCH_BURST_SIZE ?? 20), 200);
const bcryptCost = process.env.BCRYPT_COST ?? '12';

let comparisons = 0;
const compare = bcrypt.compare.bind(bcrypt);
(bcrypt as { compare: typeof bcrypt.compare }).compare = ((...args: Parameters<typeof bcrypt.compare>) => {
  comparisons += 1;
  return compare(...args);
}) as typeof bcrypt.compare;

async function activeOfficer(stack: BenchStack, i: number) {
  const icNumber = `860606${String(i).padStart(6, '0')}`;
  const email = `burst${i}@example.gov.my`;
  await post(
    stack,
    '/api/admin/users',
    { icNumber, name: `Pegawai Ujian ${i}`, email },
    {
      authorization: `Bearer ${stack.adminApiKey}`,
    },
  );
  await post(stack, '/api/activation/resend', { userId: icNumber });
  await post(stack, '/api/activation/activate', activationBody(await tokenFor(stack, email)));
  return icNumber;
}

const stack = await startBenchStack({ BCRYPT_COST: bcryptCost });
try {
  const rows: { checked: number; statuses: string; signedIn: boolean }[] = [];
  for (let b = 0; b < bursts; b++) {
    const userId = await activeOfficer(stack, b);
    const right = Math.floor(Math.random() * size);
    const passwords = Array.from({ length: size }, (_, i) =>
      i === right ? PASSWORD : `Salah#Teka-${b}-${i}`,
    );
    comparisons = 0;
    const answers = await Promise.all(
      passwords.map((password) => post(stack, '/api/auth/login', { userId, password }, {}, true)),
    );
    const counts = new Map<number, number>();
    for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
    rows.push({
      checked: comparisons,
      statuses: [...counts]
        .sort()
        .map(([status, n]) => `${n}×${status}`)
        .join(' '),
      signedIn: counts.has(200),
    });
  }
  const worst = Math.max(...rows.map((r) => r.checked));
  console.log(
    `${bursts} bursts of ${size} parallel sign-ins for one active officer, bcrypt cost ${bcryptCost}:`,
  );
  rows.forEach((r, i) => {
    console.log(
      `  burst ${i + 1}: ${r.checked} passwords compared; answers ${r.statuses}${r.signedIn ? ' (the right one got in)' : ''}`,
    );
  });
  console.log(`  largest number of guesses checked in a burst: ${worst} (budget 5)`);
  if (worst > 5) process.exitCode = 1;
} finally {
  await stack.stop();
}
