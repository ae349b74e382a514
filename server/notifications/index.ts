export { listNotifications, markNotificationsRead } from './notification-repository.js';
