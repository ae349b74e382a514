/** Turning a request schema's complaints into one message per field, and taking the user to the first. */
import type { ReactiveElement } from 'lit';
import type * as z from 'zod';

/** The first problem the schema finds with each field, keyed by field name; empty when all is well. */
export function fieldProblems(schema: z.ZodType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  const problems: Record<string, string> = {};
  if (result.success) return problems;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    problems[field] ??= issue.message;
  }
  return problems;
}

/**
 * Whether any of `fields` (in the form's order) has a problem. If one does,
 * focus moves to it once the messages have rendered, so the user lands on
 * what to fix and hears why.
 */
export function focusFirstProblem<F extends string>(
  host: ReactiveElement,
  fields: readonly F[],
  problems: Partial<Record<F, string>>,
  fieldFor: (name: F) => HTMLElement | null,
): boolean {
  const first = fields.find((name) => problems[name]);
  if (first === undefined) return false;
  void host.updateComplete.then(() => fieldFor(first)?.focus());
  return true;
}
