// Runs every benchmark in bench/ in turn; each prints its own figures.
import { spawnSync } from 'node:child_process';

// bench/yjs-load.ts pins itself to core 1 (taskset) and its servers to core 0.
const benchmarks = ['bench/api.ts', 'bench/actions.ts', 'bench/search.ts', 'bench/update-log.ts', 'bench/keystroke-read.ts', 'bench/yjs-load.ts'];
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
