export { createSearchService, type SearchService } from './search-service.js';
export { sqliteSearchRepository, type SearchRepository } from './search-repository.js';
