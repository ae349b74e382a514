import * as Y from 'yjs';

/**
 * Makes a change to a document as one update would, and returns what the rules
 * see of it: the state captured before, and the Yjs types it changed.
 */
export function changeDoc<Before>(doc: Y.Doc, capture: (doc: Y.Doc) => Before, mutate: (doc: Y.Doc) => void) {
  const before = capture(doc);
  const changed = new Set<Y.AbstractType<any>>();
  const watch = (transaction: Y.Transaction) => transaction.changed.forEach((_, type) => changed.add(type));
  doc.on('afterTransaction', watch);
  try {
    doc.transact(() => mutate(doc));
  } finally {
    doc.off('afterTransaction', watch);
  }
  return { before, changed };
}
