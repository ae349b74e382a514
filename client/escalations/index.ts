/** TODO(helper E): escalations — the Escalate dialog, a body's inbox, an escalation's page and trail. */
export {};
