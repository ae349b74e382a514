/**
 * Which kinds of Yjs content a document may hold. Our documents are maps of
 * plain JSON values, nested maps, arrays of maps and plain text; Yjs can carry
 * much more (formatting, embeds, binary, subdocuments) that no validator
 * reads and no page shows, so a peer could hide megabytes in it. Everything
 * else is refused here, for every kind of document, before it is stored.
 */
import * as Y from 'yjs';

/** The types a document may contain; exact classes, since XmlText is a Y.Text. */
const ALLOWED_TYPES: ReadonlySet<Function> = new Set([Y.Map, Y.Array, Y.Text]);

/** How a parent type holds an item: as a map entry, in a sequence, or as text. */
type Holder = 'map' | 'array' | 'text' | 'other';

function holderOf(item: Y.Item): Holder {
  const parent = item.parent as Y.AbstractType<unknown>;
  const type = parent.constructor;
  if (type === Y.Map) return 'map';
  if (type === Y.Array) return 'array';
  if (type === Y.Text) return 'text';
  // A top-level type this server has not asked for by name yet has no class
  // of its own. None of our roots is text, so it holds map entries or a sequence.
  if (type === Y.AbstractType && parent._item === null) return item.parentSub === null ? 'array' : 'map';
  return 'other';
}

/** Why one newly added item is refused, or undefined if it is the kind of thing our documents hold. */
function refusedItem(item: Y.Item): string | undefined {
  const { content } = item;
  if (content instanceof Y.ContentDeleted) return undefined; // only a length: what is left of deleted content
  const holder = holderOf(item);
  // Entries outside a map's keys, or keys on a sequence, are stored but never read.
  const placed = holder === 'map' ? item.parentSub !== null : item.parentSub === null;
  if (holder === 'other' || !placed) return `${content.constructor.name} in a ${item.parent?.constructor.name ?? 'missing'} type`;
  if (content instanceof Y.ContentString) return holder === 'text' ? undefined : 'text outside a text type';
  if (content instanceof Y.ContentAny) return holder === 'text' ? 'a value inside text' : undefined;
  if (content instanceof Y.ContentType) {
    if (holder === 'text') return 'a type embedded in text';
    return ALLOWED_TYPES.has(content.type.constructor) ? undefined : `a ${content.type.constructor.name}`;
  }
  if (content instanceof Y.ContentFormat) return 'text formatting';
  if (content instanceof Y.ContentEmbed) return 'an embed in text';
  if (content instanceof Y.ContentBinary) return 'binary content';
  if (content instanceof Y.ContentDoc) return 'a subdocument';
  return `content of kind ${content.getRef()}`; // ContentJSON, and anything a later Yjs adds
}

/**
 * Why the structs a transaction added are refused, or undefined if every one
 * is allowed. Looks only at the new structs (from each client's clock before
 * the transaction to its clock after), so it costs what the update costs, not
 * what the document costs. Call it from `afterTransaction`: once that event
 * is over, Yjs replaces deleted content with its length, and content added
 * and deleted in one update would pass unseen although it is in the update.
 */
export function refusedContent(transaction: Y.Transaction): string | undefined {
  const { store } = transaction.doc;
  for (const [client, afterClock] of transaction.afterState) {
    const beforeClock = transaction.beforeState.get(client) ?? 0;
    if (afterClock <= beforeClock) continue;
    const structs = store.clients.get(client)!;
    for (let index = Y.findIndexSS(structs, beforeClock); index < structs.length; index++) {
      const struct = structs[index]!;
      if (!(struct instanceof Y.Item)) continue; // GC: a deleted range with no content
      const refusal = refusedItem(struct);
      if (refusal) return `The update holds ${refusal}, which this document never uses`;
    }
  }
  return undefined;
}
