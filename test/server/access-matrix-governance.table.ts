/**
 * Who may do what with escalations, priorities, notifications and raising
 * actions over REST, written out by hand from the rules as they are meant to
 * be (issue 9, README), never computed from the server's rule functions.
 *
 * The Youth JAG column needs a body below it to receive escalations from and
 * route priorities to: the governance matrix adds a confidential sub-group
 * under it, chaired by the Youth JAG's chair and with no other members.
 */
import type { Expected } from '../support/access-matrix-harness.js';

export const GOVERNANCE_TABLE = {
  //                                                     chair vice  sec  member obs  other former outsider
  'POST /api/bodies/:id/actions':                   { jag: [201, 201, 201, 201, 403, 403, 403, 403], youthJag: [201, 201, 201, 201, 403, 404, 404, 404], signedOut: 401 },
  // The body's own action, sent to its parent: the chair or vice-chair only.
  'POST /api/actions/:id/escalations':              { jag: [201, 201, 403, 403, 403, 403, 403, 403], youthJag: [201, 201, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/escalations':                { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/actions/:actionId/escalations': { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // An escalation sent by the body: the Youth JAG's reaches the open JAG, so everyone who may read the JAG sees
  // the summary written for it (the Youth JAG action's own details stay hidden: no Youth JAG title may appear).
  'GET /api/escalations/:id':                       { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  // An escalation received by the body (the JAG's from the Youth JAG; the Youth JAG's from its confidential
  // sub-group, which nobody outside the Youth JAG may know of): the receiving chair or vice-chair answers.
  'POST /api/escalations/:id/accept':               { jag: [200, 200, 403, 403, 403, 403, 403, 403], youthJag: [200, 200, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'POST /api/escalations/:id/return':               { jag: [200, 200, 403, 403, 403, 403, 403, 403], youthJag: [200, 200, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'POST /api/escalations/:id/resolve':              { jag: [200, 200, 403, 403, 403, 403, 403, 403], youthJag: [200, 200, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'POST /api/escalations/:id/escalate':             { jag: [201, 201, 403, 403, 403, 403, 403, 403], youthJag: [201, 201, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  // Publishing from the body to every body below it.
  'POST /api/bodies/:id/priorities':                { jag: [201, 201, 403, 403, 403, 403, 403, 403], youthJag: [201, 201, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/priorities':                 { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // The JAG's: one from the CSP routed to it; the Youth JAG's: one it routed to its confidential sub-group.
  'GET /api/priorities/:id':                        { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // Acknowledging for the body one routed to it (from the CSP to the JAG; from the JAG to the Youth JAG).
  'POST /api/priorities/:id/acknowledge':           { jag: [200, 200, 403, 403, 403, 403, 403, 403], youthJag: [200, 200, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'GET /api/me/notifications':                      { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'POST /api/me/notifications/read':                { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
} satisfies Record<string, Expected>;

export type GovernanceRoute = keyof typeof GOVERNANCE_TABLE;
export const GOVERNANCE_ROUTES = Object.keys(GOVERNANCE_TABLE);
