/** A member's role on a body, from most to least rights. */
export const ROLES = ['chair', 'vice-chair', 'secretariat', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  secretariat: 'Secretariat',
  member: 'Member',
  observer: 'Observer',
};

/** Roles that run the body's business: schedule meetings, manage the agenda. */
const MANAGING_ROLES: ReadonlySet<Role> = new Set(['chair', 'vice-chair', 'secretariat']);

export function canManageMeetings(role: Role | null): boolean {
  return role !== null && MANAGING_ROLES.has(role);
}

/** Everyone but an observer may edit a live meeting's shared documents. */
export function canEditLiveDocuments(role: Role | null): boolean {
  return role !== null && role !== 'observer';
}

export function compareRoles(a: Role, b: Role): number {
  return ROLES.indexOf(a) - ROLES.indexOf(b);
}

/** The chair, or the vice-chair deputising, starts and closes meetings. */
export function canRunMeeting(role: Role | null): boolean {
  return role === 'chair' || role === 'vice-chair';
}
