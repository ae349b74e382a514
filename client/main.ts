/** Entry point of the browser bundle: defining the root element starts the app. */
import './shell/index.js';
