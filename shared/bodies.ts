/** What sort of partnership body this is; drives labels and the map's grouping. */
export const BODY_KINDS = [
  'strategic-board',
  'officers-group',
  'csp',
  'strategic-group',
  'jag',
  'sub-group',
  'people-zone',
  'delivery-group',
  'nat',
  'thematic-partnership',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  'strategic-board': 'Strategic board',
  'officers-group': 'Senior officers’ group',
  csp: 'Community Safety Partnership',
  'strategic-group': 'Strategic group',
  jag: 'Joint Action Group',
  'sub-group': 'JAG sub-group',
  'people-zone': 'People Zone group',
  'delivery-group': 'Delivery group',
  nat: 'Neighbourhood Action Team',
  'thematic-partnership': 'Thematic partnership',
};

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'bi-monthly', 'quarterly', 'bi-annual'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  'bi-monthly': 'Every two months',
  quarterly: 'Quarterly',
  'bi-annual': 'Twice a year',
};

/** Tier 1 is the top of the structure (SPB, SOG); higher numbers sit lower. */
export const TIER_LABELS: Record<number, string> = {
  1: 'Strategic (LLR)',
  2: 'Community Safety Partnership',
  3: 'Tactical',
  4: 'Delivery',
};
