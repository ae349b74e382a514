/**
 * The app shell: the root element with its routes and navigation, signing
 * in, the API client, app-wide events and styles, and the confirm dialog.
 * Registering the root element starts the app.
 */
import './quorum-app.js';
