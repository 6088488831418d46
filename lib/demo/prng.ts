// A tiny seeded PRNG. Math.random cannot be seeded, and the demo must be reproducible
// (same seed + same now + same options → byte-identical output) so tests can assert on it.

/** Scrambles an arbitrary number into a well-mixed 32-bit state (splitmix-style finalizer),
 * so nearby seeds (1, 2, 3…) still give unrelated streams. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h ^= Math.imul((part | 0) ^ Math.floor(part / 4294967296), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** mulberry32: 32 bits of state, a handful of integer ops per draw — fast enough for millions of
 * draws per second and statistically fine for synthetic data (not for cryptography). */
export class Rng {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = mixSeed(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal via Box–Muller; the second value is kept for the next call (halves the cost). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median: latencies and token counts are skewed, never negative. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Index drawn proportionally to weights (which need not sum to 1). */
  weighted(weights: readonly number[], sum: number): number {
    let x = this.next() * sum;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** A deterministic standard normal from a key (no stream state), for values that must not depend on
 * generation order, like the per-day volume wobble of a pipeline. */
export function hashNormal(...key: number[]): number {
  const u = (mixSeed(...key, 1) + 0.5) / 4294967296;
  const v = mixSeed(...key, 2) / 4294967296;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
