/** Re-renders a meeting element when its `MeetingStore` or the meeting's presence changes. */
export { LiveStoreController as MeetingController } from '../live/index.js';
