/** Why a Part II item is exempt from publication: the Schedule 12A paragraph the chair chooses, kept on the item in the live document. */
import type * as Y from 'yjs';
import { agendaOf } from '../../shared/meeting-doc.js';
import type { ExemptionParagraph } from '../../shared/minutes-lifecycle.js';
import { InvalidEdit } from '../live/index.js';

/** Sets the paragraph (null: not chosen); only a Part II item has one. */
export function setExemptionParagraph(doc: Y.Doc, itemId: string, paragraph: ExemptionParagraph | null): void {
  const item = agendaOf(doc).get(itemId);
  if (!item) throw new InvalidEdit('That item is no longer on the agenda');
  if (item.get('partTwo') !== true) throw new InvalidEdit('Only a Part II item is exempt from publication');
  if ((item.get('exemptionParagraph') ?? null) !== paragraph) item.set('exemptionParagraph', paragraph);
}
