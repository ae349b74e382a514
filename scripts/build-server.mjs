#!/usr/bin/env node
// Compiles the server into dist/server/main.mjs (one ES module; the packages
// in node_modules stay imports), so production runs on plain Node: no
// TypeScript loader thread, its memory or its start-up work.
import { build } from 'esbuild';
import { rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'server');
const outfile = join(outdir, 'main.mjs');

try {
  const started = performance.now();
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    outdir,
    outExtension: { '.js': '.mjs' },
    // Modules imported on first use (the Word export) become chunks of their own, loaded then.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
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
