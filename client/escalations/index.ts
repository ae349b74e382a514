/**
 * Escalations: the panel under an action that sends it up a tier, a body's
 * received and sent escalations, and an escalation's page with its trail
 * and the receiving chair's answer.
 */
import './action-escalation-panel.js';
import './body-escalations-page.js';
import './escalation-page.js';
