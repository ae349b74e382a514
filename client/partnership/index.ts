/** The partnership: its map of bodies and escalation routes, and each body's page (members, meetings, scheduling). */
import './map-page.js';
import './body-page.js';
