// Runs every benchmark in bench/ in turn; each prints its own figures.
import { spawnSync } from 'node:child_process';

const benchmarks = ['bench/api.ts'];
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
