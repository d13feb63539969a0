/**
 * `npm run bench [-- <name>]`: the benchmarks, each against the real local stack.
 *   activation  (default) the activation flow under load: latency per step, activations per second
 *   burst       parallel sign-in bursts: how many guesses are checked (budget 5)
 *   cold        every function's bundle size and import time (writes docs/performance.md)
 */
const benches: Record<string, () => Promise<unknown>> = {
  activation: () => import('./activation-bench.ts'),
  burst: () => import('./login-burst.ts'),
  cold: async () => (await import('./cold-start.ts')).main(),
};

const name = process.argv[2] ?? 'activation';
const bench = benches[name];
if (!bench) {
  process.stderr.write(
    `npm run bench: no benchmark "${name}"; choose one of: ${Object.keys(benches).join(', ')}.\n`,
  );
  process.exit(1);
}
await bench();
