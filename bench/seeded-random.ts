/** A small deterministic generator, so every run of a benchmark measures the same data. */
export function seededRandom(seed: number) {
  let state = seed;
  const rand = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  return { rand, pick };
}
