import type { ReactiveControllerHost } from 'lit';
import { actionsOf } from '../../shared/action-log-doc.js';
import { LiveDocController, type LiveDocSource } from '../live/index.js';

export type ActionLogSource = LiveDocSource;

/** Re-renders an element whenever its action log document or presence changes. */
export class ActionLogController extends LiveDocController {
  constructor(host: ReactiveControllerHost, source: ActionLogSource) {
    super(host, source, (doc) => [actionsOf(doc)]);
  }
}
