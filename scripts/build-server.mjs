#!/usr/bin/env node
// Compiles the server into dist/server/main.mjs, so production runs on plain
// Node with no TypeScript loader thread. The packages are bundled in too,
// tree-shaken, except better-sqlite3 (a native addon): a server that imports
// hundreds of package files keeps each one's module record and source for
// its whole life, which cost more memory than the documents being edited
// (bench/yjs-load.ts, issue 11).
import { build } from 'esbuild';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'server');
const outfile = join(outdir, 'main.mjs');

/**
 * V8 keeps each module's source in memory, as one byte per character only if
 * every character is Latin-1. esbuild escapes strings but leaves a few regular
 * expressions and tagged templates as written, so the rest are escaped here:
 * `\uXXXX` means the same character in a string, template, regular expression
 * or identifier.
 */
async function escapeNonAscii(dir) {
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith('.mjs')) continue;
    const path = join(dir, entry);
    const source = await readFile(path, 'utf8');
    const escaped = source.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (escaped !== source) await writeFile(path, escaped);
  }
}

try {
  const started = performance.now();
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // The server, and the start-up fold of long logs it runs as a process of its own.
    entryPoints: ['server/main.ts', 'server/fold-long-logs.ts'],
    outdir,
    outExtension: { '.js': '.mjs' },
    // Modules imported on first use (the Word export) become chunks of their own, loaded then.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    // Native, or optional native helpers `ws` tries and does without.
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
    // Bundled CommonJS packages call `require` for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    // Whitespace and syntax only: names stay, so a stack trace reads without the map.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    sourcemap: true,
    sourcesContent: false,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  await escapeNonAscii(outdir);
  const { size } = await stat(outfile);
  console.log(`Built server: ${relative(root, outfile)} ${(size / 1024).toFixed(1)} kB in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  if (!error?.errors) console.error(error);
  process.exit(1);
}
