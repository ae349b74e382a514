/** Action log documents for component tests, built directly without a server. */
import * as Y from 'yjs';
import { actionsOf, addAction, type NewAction } from '../../shared/action-log-doc.js';
import type { ActionStatus } from '../../shared/actions.js';
import type { Agency } from '../../shared/api.js';
import { agencies, jagDetail } from './fake-api.js';

export const TODAY = '2026-11-22';

export const jagMembers = jagDetail.access === 'full' ? jagDetail.members : [];
export const allAgencies: Agency[] = Object.values(agencies);

/** Adds an action as the server would have numbered it. */
export function numberedAction(doc: Y.Doc, reference: string, action: NewAction, status: ActionStatus = 'open'): string {
  const id = addAction(doc, action, undefined, new Date(`2026-01-0${reference.slice(-1)}T10:00:00Z`));
  const map = actionsOf(doc).get(id)!;
  map.set('reference', reference);
  map.set('status', status);
  return id;
}

/** Three JAG actions: one overdue (PC Dan Moore's), one due soon, one done. */
export function actionLogDoc(): Y.Doc {
  const doc = new Y.Doc();
  numberedAction(doc, 'JAG-0001', { title: 'Map repeat ASB locations', ownerId: 10, leadAgencyId: 1, dueDate: '2026-11-01', theme: 'ASB' });
  numberedAction(doc, 'JAG-0002', { title: 'Review CCTV coverage', ownerId: 11, leadAgencyId: 3, dueDate: '2026-11-30', theme: 'Crime' });
  numberedAction(doc, 'JAG-0003', { title: 'Close the youth shelter consultation', ownerId: 9, leadAgencyId: 2, dueDate: '2027-02-01', theme: 'ASB' }, 'done');
  return doc;
}

export function actionIdOf(doc: Y.Doc, reference: string): string {
  return [...actionsOf(doc).values()].find((map) => map.get('reference') === reference)!.get('id') as string;
}
