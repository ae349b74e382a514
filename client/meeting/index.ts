/** Meetings: the live workspace (agenda, minutes, decisions, attendance, declarations, presence) and the printable minutes. */
import './meeting-page.js';
import './minutes-page.js';
