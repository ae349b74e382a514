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

export function compareRoles(a: Role, b: Role): number {
  return ROLES.indexOf(a) - ROLES.indexOf(b);
}
