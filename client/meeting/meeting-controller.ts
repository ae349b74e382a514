import type { ReactiveControllerHost } from 'lit';
import { agendaOf, attendanceOf, declarationsOf, metaOf } from '../../shared/meeting-doc.js';
import { LiveDocController, type LiveDocSource } from '../live/index.js';

export type MeetingSource = LiveDocSource;

/** Re-renders an element whenever its meeting document or presence changes. */
export class MeetingController extends LiveDocController {
  constructor(host: ReactiveControllerHost, source: MeetingSource) {
    super(host, source, (doc) => [metaOf(doc), agendaOf(doc), attendanceOf(doc), declarationsOf(doc)]);
  }
}
