/** Re-renders an action log element when its `ActionLogStore` or the log's presence changes. */
export { LiveStoreController as ActionLogController } from '../live/index.js';
