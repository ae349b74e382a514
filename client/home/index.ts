/** Home: what is on now and next in my bodies, my actions, and accountability for the bodies I run. */
import './home-page.js';
