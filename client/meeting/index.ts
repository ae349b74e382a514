/** Meetings: the live workspace (agenda, minutes, decisions, attendance, declarations, presence), the printable minutes and their lifecycle, and a body's minutes archive. */
import './meeting-page.js';
import './minutes-archive-page.js';
import './minutes-page.js';
