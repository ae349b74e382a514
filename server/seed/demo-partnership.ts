/**
 * The demo partnership: the Leicester, Leicestershire and Rutland (LLR)
 * community-safety structure as the seed documents describe it, with
 * fictional people. Escalation routes (`parent`):
 * - sub-groups (Youth JAG, Adults at Risk) and the Bell Foundry People Zone's
 *   "People" and "Place" groups → Charnwood JAG → Charnwood CSP → SPB;
 * - the CSP Strategic Group, the Loughborough Central Delivery Group and the
 *   People, Places & Environment Partnership report to the CSP (seed 004:
 *   delivery groups "present a progress report to each Partnership meeting");
 * - the Neighbourhood Action Teams deliver the PPEP's neighbourhood action
 *   plans (seed 000), so they escalate to it;
 * - the SOG serves the SPB; the SPB is the top.
 */
import type { BodyKind, Cadence } from '../../shared/bodies.js';
import type { Role } from '../../shared/roles.js';

export const DEMO_PASSWORD = 'demo-quorum-2026';

export interface DemoAgency {
  key: string;
  name: string;
  shortName: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'police', name: 'Leicestershire Police', shortName: 'Police' },
  { key: 'cbc', name: 'Charnwood Borough Council', shortName: 'CBC' },
  { key: 'lcc', name: 'Leicestershire County Council', shortName: 'LCC' },
  { key: 'nhs', name: 'NHS Leicester, Leicestershire and Rutland', shortName: 'NHS LLR' },
  { key: 'fire', name: 'Leicestershire Fire and Rescue Service', shortName: 'LFRS' },
  { key: 'cnh', name: 'Charnwood Neighbourhood Housing', shortName: 'CNH' },
  { key: 'opcc', name: 'Office of the Police and Crime Commissioner', shortName: 'OPCC' },
  { key: 'yos', name: 'Leicestershire Youth Justice Service', shortName: 'YJS' },
  { key: 'vcs', name: 'John Storer Charnwood (voluntary sector)', shortName: 'John Storer' },
];

export interface DemoBody {
  key: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  tier: number;
  parent: string | null;
  confidential: boolean;
  cadence: Cadence;
  location: string;
  description: string;
  /** Standing agenda items, between the standard opening and closing items. */
  standingItems: string[];
  /** Prefix of the body's action references: JAG-0042. */
  referencePrefix: string;
}

const COUNCIL_OFFICES = 'Charnwood Borough Council, Southfield Road, Loughborough';
const POLICE_STATION = 'Loughborough Police Station, Southfields Road';
const COUNTY_HALL = 'County Hall, Glenfield';

export const DEMO_BODIES: DemoBody[] = [
  {
    key: 'spb', name: 'Strategic Partnership Board', shortName: 'SPB', kind: 'strategic-board', tier: 1,
    parent: null, confidential: false, cadence: 'quarterly', location: COUNTY_HALL,
    description: 'LLR-wide board that sets strategic direction for community safety and approves the People Zones.',
    standingItems: ['Community safety partnership updates (CSP chairs)', 'People Zones progress', 'Police and Crime Plan delivery', 'Violence Reduction Network update'],
    referencePrefix: 'SPB',
  },
  {
    key: 'sog', name: 'Senior Officers’ Group', shortName: 'SOG', kind: 'officers-group', tier: 1,
    parent: 'spb', confidential: false, cadence: 'quarterly', location: COUNTY_HALL,
    description: 'Senior officers who prepare the SPB’s business and route its priorities to the partnerships.',
    standingItems: ['Preparation of SPB business', 'Priorities routed to partnerships', 'Budget and commissioning'],
    referencePrefix: 'SOG',
  },
  {
    key: 'csp', name: 'Charnwood Community Safety Partnership', shortName: 'Charnwood CSP', kind: 'csp', tier: 2,
    parent: 'spb', confidential: false, cadence: 'quarterly', location: COUNCIL_OFFICES,
    description: 'The executive group setting the annual strategic objectives for community safety in Charnwood.',
    standingItems: ['Partnership performance dashboard', 'JAG and delivery group progress reports', 'Community Safety Plan action plan', 'Domestic Homicide Reviews'],
    referencePrefix: 'CSP',
  },
  {
    key: 'strategic', name: 'Charnwood CSP Strategic Group', shortName: 'CSP Strategic Group', kind: 'strategic-group', tier: 3,
    parent: 'csp', confidential: false, cadence: 'bi-monthly', location: COUNCIL_OFFICES,
    description: 'Holds the governance of the CSP’s strategic plan and develops projects against its priorities.',
    standingItems: ['Strategic Assessment and plan governance', 'Project development against priorities'],
    referencePrefix: 'CSG',
  },
  {
    key: 'jag', name: 'Charnwood Joint Action Group', shortName: 'Charnwood JAG', kind: 'jag', tier: 3,
    parent: 'csp', confidential: false, cadence: 'monthly', location: POLICE_STATION,
    description: 'Implements the tactical plan: intelligence-led work on crime, ASB, hate crime and high-risk victims.',
    standingItems: ['Police performance and crime trends', 'High-risk ASB victims (Sentinel)', 'Hate crime review', 'Sub-group reports (Youth JAG, Adults at Risk)', 'People Zone update'],
    referencePrefix: 'JAG',
  },
  {
    key: 'lcdg', name: 'Loughborough Central Delivery Group', shortName: 'LCDG', kind: 'delivery-group', tier: 3,
    parent: 'csp', confidential: false, cadence: 'monthly', location: COUNCIL_OFFICES,
    description: 'Town-centre and night-time economy delivery: police, CCTV, street pastors and licensed premises.',
    standingItems: ['Night-time economy and street pastors', 'CCTV and town-centre ASB', 'Licensed premises'],
    referencePrefix: 'LCDG',
  },
  {
    key: 'ppep', name: 'People, Places & Environment Partnership', shortName: 'PPEP', kind: 'thematic-partnership', tier: 3,
    parent: 'csp', confidential: false, cadence: 'bi-monthly', location: COUNCIL_OFFICES,
    description: 'Co-ordinates partner activity in the priority neighbourhoods; meets six times a year.',
    standingItems: ['Priority neighbourhood action plans', 'Environment Delivery Group', 'Community engagement and cohesion'],
    referencePrefix: 'PPEP',
  },
  {
    key: 'youth-jag', name: 'Charnwood Youth JAG', shortName: 'Youth JAG', kind: 'sub-group', tier: 4,
    parent: 'jag', confidential: true, cadence: 'monthly', location: POLICE_STATION,
    description: 'Multi-agency management of young people at risk of offending and exploitation. Discusses named individuals.',
    standingItems: ['Cohort review (5 by 5 risk matrix)', 'New referrals', 'Contextual safeguarding'],
    referencePrefix: 'YJAG',
  },
  {
    key: 'adults-at-risk', name: 'Charnwood Adults at Risk Sub-Group', shortName: 'Adults at Risk', kind: 'sub-group', tier: 4,
    parent: 'jag', confidential: true, cadence: 'monthly', location: POLICE_STATION,
    description: 'Identifies and safeguards adults at risk referred by the JAG and partners. Discusses named individuals.',
    standingItems: ['Case review', 'New referrals from the JAG and partners'],
    referencePrefix: 'AAR',
  },
  {
    key: 'pz-people', name: 'Bell Foundry People Zone — People', shortName: 'PZ People', kind: 'people-zone', tier: 4,
    parent: 'jag', confidential: false, cadence: 'monthly', location: 'Bell Foundry Community Hub, Loughborough',
    description: 'The People Zone’s "People" meeting: community-enabled, resilience-building work with residents.',
    standingItems: ['Resident concerns and ambition statement', 'Peer to peer drugs mentoring', 'Family support'],
    referencePrefix: 'PZP',
  },
  {
    key: 'pz-place', name: 'Bell Foundry People Zone — Place', shortName: 'PZ Place', kind: 'people-zone', tier: 4,
    parent: 'jag', confidential: false, cadence: 'monthly', location: 'Bell Foundry Community Hub, Loughborough',
    description: 'The People Zone’s "Place" meeting: the estate’s environment, housing and designing out crime.',
    standingItems: ['Environmental visual audit', 'Housing and designing out crime', 'Street lighting and CCTV'],
    referencePrefix: 'PZPL',
  },
  {
    key: 'nat-east', name: 'Loughborough East Neighbourhood Action Team', shortName: 'Loughborough East NAT', kind: 'nat', tier: 4,
    parent: 'ppep', confidential: false, cadence: 'bi-monthly', location: 'Hastings Community Centre, Loughborough',
    description: 'Delivers the neighbourhood action plan for Hastings, Lemyngton and Shelthorpe.',
    standingItems: ['Neighbourhood action plan review', 'Residents\' forum feedback'],
    referencePrefix: 'NATE',
  },
  {
    key: 'nat-west', name: 'Loughborough West Neighbourhood Action Team', shortName: 'Loughborough West NAT', kind: 'nat', tier: 4,
    parent: 'ppep', confidential: false, cadence: 'bi-monthly', location: 'Thorpe Acre Community Hub, Loughborough',
    description: 'Delivers the neighbourhood action plan for Warwick Way, Thorpe Acre, Garendon Road and Ashby Road.',
    standingItems: ['Neighbourhood action plan review', 'Thorpe Acre Community Hub'],
    referencePrefix: 'NATW',
  },
  {
    key: 'nat-south', name: 'South Charnwood Neighbourhood Action Team', shortName: 'South Charnwood NAT', kind: 'nat', tier: 4,
    parent: 'ppep', confidential: false, cadence: 'bi-monthly', location: 'Syston Community Centre',
    description: 'Delivers the neighbourhood action plan for parts of Mountsorrel, Syston and Thurmaston.',
    standingItems: ['Neighbourhood action plan review', 'Residents\' forum feedback'],
    referencePrefix: 'NATS',
  },
];

export interface DemoUser {
  email: string;
  name: string;
  agency: string;
  memberships: Partial<Record<string, Role>>;
}

const demo = (local: string) => `${local}@demo.quorum.test`;

/** Fictional people. The first seven are the documented demo logins. */
export const DEMO_USERS: DemoUser[] = [
  { email: demo('chair.jag'), name: 'Helen Whitmore', agency: 'cbc', memberships: { jag: 'chair', csp: 'member' } },
  { email: demo('member.jag'), name: 'Daniel Okafor', agency: 'police', memberships: { jag: 'member', 'pz-people': 'member' } },
  { email: demo('observer.jag'), name: 'Ruth Pennington', agency: 'opcc', memberships: { jag: 'observer' } },
  { email: demo('chair.csp'), name: 'Graham Lister', agency: 'cbc', memberships: { csp: 'chair', spb: 'member' } },
  { email: demo('chair.spb'), name: 'Sarah Kendrick', agency: 'opcc', memberships: { spb: 'chair', sog: 'member' } },
  { email: demo('chair.youthjag'), name: 'Marcus Hale', agency: 'yos', memberships: { 'youth-jag': 'chair', jag: 'member' } },
  { email: demo('outsider'), name: 'Owen Fairfax', agency: 'vcs', memberships: {} },
  {
    email: demo('supt.hughes'), name: 'Supt. Alison Hughes', agency: 'police',
    memberships: { spb: 'vice-chair', sog: 'chair', csp: 'member' },
  },
  {
    email: demo('ci.barker'), name: 'Ch. Insp. Tom Barker', agency: 'police',
    memberships: { csp: 'vice-chair', strategic: 'member', lcdg: 'chair', jag: 'vice-chair' },
  },
  {
    email: demo('community.safety'), name: 'Nadia Rahman', agency: 'cbc',
    memberships: { csp: 'secretariat', strategic: 'secretariat', jag: 'secretariat', 'youth-jag': 'secretariat', 'adults-at-risk': 'secretariat' },
  },
  {
    email: demo('neighbourhoods'), name: 'Peter Collingwood', agency: 'cbc',
    memberships: { strategic: 'chair', ppep: 'chair', sog: 'member', 'pz-place': 'chair' },
  },
  {
    email: demo('people.zone'), name: 'Jasmine Patel', agency: 'cbc',
    memberships: { 'pz-people': 'chair', 'pz-place': 'secretariat', ppep: 'member' },
  },
  {
    email: demo('ndo.east'), name: 'Lewis Grant', agency: 'cbc',
    memberships: { 'nat-east': 'chair', 'nat-south': 'member', ppep: 'secretariat' },
  },
  { email: demo('ndo.west'), name: 'Chloe Marsh', agency: 'cbc', memberships: { 'nat-west': 'chair', 'nat-south': 'chair' } },
  {
    email: demo('housing'), name: 'Imran Qureshi', agency: 'cnh',
    memberships: { jag: 'member', ppep: 'member', 'pz-place': 'member', 'nat-east': 'member', 'nat-west': 'member', 'adults-at-risk': 'member' },
  },
  {
    email: demo('fire'), name: 'Karen Doyle', agency: 'fire',
    memberships: { csp: 'member', jag: 'member', 'pz-place': 'member', spb: 'member' },
  },
  {
    email: demo('health'), name: 'Dr Femi Adeyemi', agency: 'nhs',
    memberships: { spb: 'member', sog: 'member', csp: 'member', 'adults-at-risk': 'chair', 'pz-people': 'member' },
  },
  {
    email: demo('county'), name: 'Elaine Foster', agency: 'lcc',
    memberships: { spb: 'member', sog: 'member', csp: 'member', strategic: 'member', 'youth-jag': 'member', 'adults-at-risk': 'member', ppep: 'member' },
  },
  {
    email: demo('opcc'), name: 'Rob Ainsworth', agency: 'opcc',
    memberships: { spb: 'secretariat', sog: 'secretariat', csp: 'observer' },
  },
  {
    email: demo('sgt.walsh'), name: 'Sgt. Becky Walsh', agency: 'police',
    memberships: { jag: 'member', 'youth-jag': 'member', 'adults-at-risk': 'member', lcdg: 'member', 'nat-east': 'member', 'nat-west': 'member', 'nat-south': 'member' },
  },
  {
    email: demo('yjs'), name: 'Leon Castellano', agency: 'yos',
    memberships: { 'youth-jag': 'vice-chair', jag: 'member' },
  },
  {
    email: demo('voluntary'), name: 'Grace Tindall', agency: 'vcs',
    memberships: { ppep: 'member', 'pz-people': 'member', lcdg: 'member', 'nat-west': 'member' },
  },
  {
    email: demo('cctv'), name: 'Andy Pearson', agency: 'cbc',
    memberships: { lcdg: 'secretariat', 'pz-place': 'member' },
  },
];

export interface DemoAction {
  body: string;
  title: string;
  /** Email local part of the owner, who must sit on the body. */
  owner: string;
  agency: string;
  /** Days from the seeding date; negative is in the past. */
  dueInDays: number | null;
  status: 'open' | 'in-progress' | 'done';
  theme: string;
  progress?: string;
}

/** Actions drawn from the seeds' CSP action plan and JAG reports. */
export const DEMO_ACTIONS: DemoAction[] = [
  { body: 'jag', title: 'Review hate incidents in and around licensed premises', owner: 'sgt.walsh', agency: 'police', dueInDays: -9, status: 'in-progress', theme: 'Hate crime', progress: 'Licensing officer contacted; data pull requested from the force hate crime officer.' },
  { body: 'jag', title: 'Refer every high-risk ASB victim to Victim First', owner: 'community.safety', agency: 'cbc', dueInDays: 21, status: 'open', theme: 'Vulnerable victims' },
  { body: 'jag', title: 'Agree wider data sharing with the PREVENT leads', owner: 'ci.barker', agency: 'police', dueInDays: -30, status: 'done', theme: 'Extremism', progress: 'Data sharing agreement signed.' },
  { body: 'jag', title: 'Map repeat ASB locations on the Warwick Way estate', owner: 'member.jag', agency: 'police', dueInDays: -3, status: 'open', theme: 'ASB' },
  { body: 'jag', title: 'Fire safety visits to the three highest-risk addresses', owner: 'fire', agency: 'fire', dueInDays: 10, status: 'in-progress', theme: 'Vulnerable victims' },
  { body: 'jag', title: 'Raise partner attendance at the Youth JAG with the CSP', owner: 'chair.youthjag', agency: 'yos', dueInDays: 5, status: 'open', theme: 'Youth offending' },
  { body: 'csp', title: 'Build the partnership data dashboard with the OPCC and VRN', owner: 'community.safety', agency: 'cbc', dueInDays: 45, status: 'in-progress', theme: 'Performance', progress: 'First draft of indicators shared with the VRN.' },
  { body: 'csp', title: 'Refresh the Community Safety Partnership Plan from the Strategic Assessment', owner: 'chair.csp', agency: 'cbc', dueInDays: 60, status: 'open', theme: 'Planning' },
  { body: 'csp', title: 'Commission domestic abuse outreach for 2027/28', owner: 'county', agency: 'lcc', dueInDays: -14, status: 'open', theme: 'Domestic abuse' },
  { body: 'spb', title: 'Evaluate the People Zones with Loughborough University', owner: 'opcc', agency: 'opcc', dueInDays: 90, status: 'in-progress', theme: 'People Zones' },
  { body: 'sog', title: 'Route the serious violence duty priorities to the CSPs', owner: 'supt.hughes', agency: 'police', dueInDays: 30, status: 'open', theme: 'Serious violence' },
  { body: 'strategic', title: 'Project plan for the knife crime and youth projects fund', owner: 'neighbourhoods', agency: 'cbc', dueInDays: 25, status: 'open', theme: 'Youth offending' },
  { body: 'lcdg', title: 'Brief street pastors before the Friday night patrols', owner: 'cctv', agency: 'cbc', dueInDays: 7, status: 'in-progress', theme: 'Night-time economy' },
  { body: 'lcdg', title: 'Invite licensees to the monthly LCDG meeting', owner: 'voluntary', agency: 'vcs', dueInDays: -2, status: 'open', theme: 'Night-time economy' },
  { body: 'ppep', title: 'Update the neighbourhood action plans for the priority neighbourhoods', owner: 'ndo.east', agency: 'cbc', dueInDays: 35, status: 'open', theme: 'Priority neighbourhoods' },
  { body: 'youth-jag', title: 'Cohort review using the 5 by 5 risk matrix', owner: 'yjs', agency: 'yos', dueInDays: 12, status: 'in-progress', theme: 'Youth offending' },
  { body: 'adults-at-risk', title: 'Agree the referral pathway from the JAG sub-groups', owner: 'health', agency: 'nhs', dueInDays: -5, status: 'open', theme: 'Adults at risk' },
  { body: 'pz-people', title: 'Peer to peer drugs mentoring outreach on the Bell Foundry estate', owner: 'member.jag', agency: 'police', dueInDays: 18, status: 'open', theme: 'Substance misuse' },
  { body: 'pz-place', title: 'Environmental visual audit of the Bell Foundry estate', owner: 'housing', agency: 'cnh', dueInDays: 14, status: 'open', theme: 'Environment' },
  { body: 'nat-east', title: 'Residents’ forum on street lighting in Hastings ward', owner: 'ndo.east', agency: 'cbc', dueInDays: 28, status: 'open', theme: 'Environment' },
  { body: 'nat-west', title: 'Open the Thorpe Acre Community Hub sublease', owner: 'ndo.west', agency: 'cbc', dueInDays: -20, status: 'in-progress', theme: 'Community hubs', progress: 'Association still registering with the Charity Commission.' },
  { body: 'nat-south', title: 'Syston fun day with the residents’ group', owner: 'ndo.west', agency: 'cbc', dueInDays: 40, status: 'open', theme: 'Community engagement' },
];
