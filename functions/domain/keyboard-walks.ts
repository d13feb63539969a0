/**
 * Keyboard walks (`qwerty`, `asdfgh`, `1qaz2wsx`, `poiuy`, `147258`) and runs of the alphabet or
 * the digits (`abcd`, `321`). A small hand-written layout rather than zxcvbn's adjacency graphs:
 * this module has no imports, so the web page may use it without pulling a word list along.
 */

type Delta = readonly [row: number, col: number];

interface Layout {
  /** Each row's keys (a string per key: the key and its shifted character) and its first column. */
  rows: readonly { start: number; keys: readonly string[] }[];
  /** The steps between neighbouring keys, a walk keeps one of them. */
  steps: readonly Delta[];
}

const keys = (text: string) => [...text];
const shiftedKeys = (plain: string, shifted: string) => [...plain].map((c, i) => c + (shifted[i] ?? ''));

/**
 * The rows of a US/UK qwerty keyboard, each offset half a key to the right of the one above: `q` sits
 * between `1` and `2`, `a` between `q` and `w`. Starting row 0 at column 0 and the others at column 1
 * makes a key's upper neighbours (r-1, c) and (r-1, c+1), and its lower ones (r+1, c-1) and (r+1, c).
 */
const QWERTY: Layout = {
  rows: [
    { start: 0, keys: shiftedKeys('`1234567890-=', '~!@#$%^&*()_+') },
    { start: 1, keys: shiftedKeys('qwertyuiop[]\\', '          {}|') },
    { start: 1, keys: shiftedKeys("asdfghjkl;'", '         :"') },
    { start: 1, keys: shiftedKeys('zxcvbnm,./', '       <>?') },
  ],
  steps: [
    [0, 1],
    [0, -1],
    [-1, 0],
    [-1, 1],
    [1, -1],
    [1, 0],
  ],
};

/** The numeric keypad: straight lines in every direction, diagonals included. */
const KEYPAD: Layout = {
  rows: [
    { start: 1, keys: keys('/*-') },
    { start: 0, keys: keys('789+') },
    { start: 0, keys: keys('456') },
    { start: 0, keys: keys('123') },
    { start: 1, keys: keys('0.') },
  ],
  steps: [
    [0, 1],
    [0, -1],
    [-1, 0],
    [1, 0],
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1],
  ],
};

/** The alphabet and the digits in order, forwards or backwards. */
const SEQUENCES: Layout = {
  rows: [
    { start: 0, keys: keys('abcdefghijklmnopqrstuvwxyz') },
    { start: 0, keys: keys('0123456789') },
  ],
  steps: [
    [0, 1],
    [0, -1],
  ],
};

type Position = readonly [row: number, col: number];

/** For each layout, where every character sits (a shifted character sits on its key). */
const LAYOUTS = [QWERTY, KEYPAD, SEQUENCES].map((layout) => {
  const where = new Map<string, Position>();
  layout.rows.forEach(({ start, keys: rowKeys }, row) => {
    rowKeys.forEach((key, i) => {
      for (const c of key.trim()) where.set(c, [row, start + i]);
    });
  });
  return { where, steps: layout.steps };
});

/** The directions in which `a` then `b` is one straight step, each as one number (layout and step). */
function stepsBetween(a: string, b: string): number[] {
  const found: number[] = [];
  LAYOUTS.forEach(({ where, steps }, l) => {
    const from = where.get(a);
    const to = where.get(b);
    if (!from || !to) return;
    steps.forEach(([dr, dc], d) => {
      if (to[0] - from[0] === dr && to[1] - from[1] === dc) found.push(l * 16 + d);
    });
  });
  return found;
}

/** Shortest stretch that counts as a walk: three keys in a straight line (`qwe`, `abc`, `123`). */
const MIN_RUN = 3;

/**
 * For each index i, the furthest index j such that chars[i..j] is one straight run. Built from
 * the end, counting for every direction how many steps in a row go that way: linear in the length.
 */
function straightRuns(chars: string[]): number[] {
  const until = chars.map((_, i) => i);
  let ahead = new Map<number, number>();
  for (let k = chars.length - 2; k >= 0; k--) {
    const here = new Map<number, number>();
    for (const direction of stepsBetween(chars[k] as string, chars[k + 1] as string)) {
      const steps = 1 + (ahead.get(direction) ?? 0);
      here.set(direction, steps);
      until[k] = Math.max(until[k] as number, k + steps);
    }
    ahead = here;
  }
  return until;
}

/**
 * How many characters of the text (lower-case it first) lie outside straight runs of at least
 * three keys: 0 for `123456`, 1 for `@123456`, all of them for `8271`.
 */
export function charactersOutsideWalks(text: string): number {
  const chars = [...text];
  const until = straightRuns(chars);
  // outside[k]: the fewest characters of chars[0..k) left over when the runs are taken out.
  const outside = new Array<number>(chars.length + 1).fill(Number.POSITIVE_INFINITY);
  outside[0] = 0;
  for (let i = 0; i < chars.length; i++) {
    const here = outside[i] as number;
    outside[i + 1] = Math.min(outside[i + 1] as number, here + 1);
    for (let end = i + MIN_RUN; end <= (until[i] as number) + 1; end++) {
      outside[end] = Math.min(outside[end] as number, here);
    }
  }
  return outside[chars.length] as number;
}

/**
 * True when the whole text (lower-case it first) is made of straight runs of at least three keys:
 * `qwerty`, `asdfgh`, `1qaz2wsx` (two runs down the columns), `zaq12wsx`, `147258369`, `abcdef`,
 * `4321`. A zig-zag such as `fred` is not a walk, so names typed as answers stay acceptable.
 */
export function isKeyboardWalk(text: string): boolean {
  return [...text].length >= MIN_RUN && charactersOutsideWalks(text) === 0;
}
