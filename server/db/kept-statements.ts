/**
 * A prepare function that prepares each SQL text once and keeps the `limit`
 * most recently used results: the queries of a connection come in a few
 * hundred shapes, each written as the same SQL every time, and SQLite's
 * compiling a statement costs as much as running most of ours.
 */
export function keptStatements<Prepared>(limit: number, prepare: (sql: string) => Prepared): (sql: string) => Prepared {
  const kept = new Map<string, Prepared>();
  return (sql) => {
    const known = kept.get(sql);
    if (known !== undefined) {
      kept.delete(sql); // and back in as the most recently used
      kept.set(sql, known);
      return known;
    }
    const prepared = prepare(sql);
    kept.set(sql, prepared);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return prepared;
  };
}
