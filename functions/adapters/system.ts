import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock, RandomSource } from '#domain/ports.ts';

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: async (ms) => {
    await delay(ms);
  },
};

export const cryptoRandom: RandomSource = {
  bytes: (length) => randomBytes(length),
};
