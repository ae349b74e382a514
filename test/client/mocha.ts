/**
 * Typed handles on the Mocha globals @web/test-runner defines before it
 * imports a test file. Importing them (rather than declaring them globally)
 * keeps them out of the Vitest tests that share this tsconfig, and avoids a
 * dependency on @types/mocha for four functions.
 */
type Body = () => void | Promise<unknown>;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}

export const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaGlobals;
