/** Search: the box in the app's header and the results page. */
import './search-box.js';
import './search-page.js';
