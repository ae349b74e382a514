/**
 * Runs axe-core over an element (shadow roots included) and fails with the
 * rule ids and help text of anything it finds. axe-core ships as a UMD script
 * that puts itself on `window`, so it is imported for that side effect.
 */
import 'axe-core';
import type * as Axe from 'axe-core';

const axe = (window as unknown as { axe: typeof Axe }).axe;

export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, {
    resultTypes: ['violations'],
    // axe looks a skip link's target up with document.getElementById, which cannot see into
    // the app shell's shadow root; the shell moves focus to <main> itself (app-shell.ts).
    rules: { 'skip-link': { enabled: false } },
  });
  if (results.violations.length > 0) {
    const report = results.violations
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help}\n` +
          violation.nodes.map((node) => `    ${node.target.join(' ')} ${node.failureSummary ?? ''}`).join('\n'),
      )
      .join('\n');
    throw new Error(`axe found ${results.violations.length} accessibility violation(s):\n${report}`);
  }
}
