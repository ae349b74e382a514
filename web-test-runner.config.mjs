// Component tests in a real headless Chromium. Besides the usual console
// report, writes .test-results/components.json ({ passed, failed }) for the
// script that aggregates every suite's results.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';

const RESULTS_FILE = '.test-results/components.json';

/** Counts every individual test across all sessions; a session that failed before running any test counts as one failure. */
export function countTestResults(sessions) {
  let passed = 0;
  let failed = 0;
  const walk = (suite) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) continue;
      if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const session of sessions) {
    const before = passed + failed;
    if (session.testResults) walk(session.testResults);
    if (passed + failed === before && (session.errors?.length ?? 0) > 0) failed++;
  }
  return { passed, failed };
}

/** @returns {import('@web/test-runner').Reporter} */
function resultsFileReporter({ file = RESULTS_FILE } = {}) {
  return {
    async stop({ sessions }) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(countTestResults(sessions))}\n`);
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'test/client/**/*.test.ts',
  // Browser builds of packages, as esbuild bundles them: engine.io-client's
  // "node" build imports ws.
  nodeResolve: { browser: true },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    {
      // socket.io-parser's "development" build imports debug, which is CommonJS only.
      name: 'socket-io-parser-browser-build',
      resolveImport({ source }) {
        if (source === 'socket.io-parser') return '/node_modules/socket.io-parser/build/esm/index.js';
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
      },
    }),
  ],
  // Lit's dev build says so on every page; it is the build we want in tests.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), resultsFileReporter()],
  testFramework: {
    config: { timeout: 5000 },
  },
};
