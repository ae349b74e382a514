import type { BodySummary } from '../../shared/api.js';
import { RefusalError } from './document-kind.js';

/**
 * The refusal for someone who may not open a body's document. A confidential
 * body's documents answer exactly as a missing one does, so a non-member
 * cannot learn which of its meetings exist; other bodies' members are told why.
 */
export function notAMember(body: Pick<BodySummary, 'confidential' | 'name'>, what: string, missing: string): RefusalError {
  return body.confidential
    ? new RefusalError({ code: 'not_found', message: missing })
    : new RefusalError({ code: 'forbidden', message: `Only members of ${body.name} can open its ${what}` });
}
