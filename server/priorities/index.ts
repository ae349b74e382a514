export { createPriorityService, type PriorityService } from './priority-service.js';
export { placeWaitingPriorities } from './priority-agenda.js';
export { mayUserReadPriority } from './priority-access.js';
export { priorityOptions, receivedPriorityIds } from './priority-repository.js';
