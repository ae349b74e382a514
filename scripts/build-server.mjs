#!/usr/bin/env node
// Compiles the server into dist/server/main.mjs (one ES module; the packages
// in node_modules stay imports), so production runs on plain Node: no
// TypeScript loader thread, its memory or its start-up work.
import { build } from 'esbuild';
import { stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'server', 'main.mjs');

try {
  const started = performance.now();
  await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    outfile,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const { size } = await stat(outfile);
  console.log(`Built server: ${relative(root, outfile)} ${(size / 1024).toFixed(1)} kB in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  if (!error?.errors) console.error(error);
  process.exit(1);
}
