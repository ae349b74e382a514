/** The partnership: its map of bodies and escalation routes, and each body's page. */
import './map-page.js';
import './body-page.js';
