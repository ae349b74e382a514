#!/usr/bin/env node
// Bundles the browser client into dist/client/: app.js (+ map) from
// client/main.ts, and the static files beside it.
import { build } from 'esbuild';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'client');
const staticFiles = ['index.html', 'app.css'];

try {
  const started = performance.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['client/main.ts'],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const file of staticFiles) await copyFile(join(root, 'client', file), join(outDir, file));
  const { size } = await stat(join(outDir, 'app.js'));
  const ms = Math.round(performance.now() - started);
  const warnings = result.warnings.length ? `, ${result.warnings.length} warning(s)` : '';
  console.log(
    `Built client: ${relative(root, outDir)}/app.js ${(size / 1024).toFixed(1)} kB + ${staticFiles.join(', ')} in ${ms} ms${warnings}`,
  );
} catch (error) {
  // esbuild has already printed its diagnostics; anything else needs showing.
  if (!error?.errors) console.error(error);
  console.error('Client build failed.');
  process.exit(1);
}
