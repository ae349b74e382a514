// Runs every test runner in turn and ends with one line of totals:
// "N passed, N failed". Exits non-zero if anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const runners = [
  {
    name: 'vitest (server, shared, end-to-end)',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`],
    counts: () => {
      const report = JSON.parse(readFileSync(`${RESULTS}/vitest.json`, 'utf8'));
      // A file that failed without a failed test (it did not load) counts as one failure; a failed test counts once.
      const brokenFiles = report.testResults.filter(
        (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
      ).length;
      return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
    },
  },
  {
    name: 'web-test-runner (components in Chromium)',
    command: ['npx', 'web-test-runner'],
    counts: () => JSON.parse(readFileSync(`${RESULTS}/components.json`, 'utf8')),
  },
];

let passed = 0;
let failed = 0;
for (const runner of runners) {
  console.log(`\n=== ${runner.name} ===`);
  const { status } = spawnSync(runner.command[0], runner.command.slice(1), { stdio: 'inherit', env: process.env });
  let counts;
  try {
    counts = runner.counts();
  } catch {
    counts = { passed: 0, failed: 1 }; // the runner crashed before reporting
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`--- ${runner.name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
