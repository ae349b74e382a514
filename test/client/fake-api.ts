/**
 * Stands in for the server at the one real boundary a component has:
 * `window.fetch`. Each handler is matched on "METHOD /path" and answers with a
 * JSON body the way the API does.
 */
import type {
  ActionSummary,
  Agency,
  BodiesResponse,
  BodyDetailResponse,
  BodyMember,
  BodySummary,
  HomeResponse,
  MeResponse,
  MeetingSummary,
  SessionResponse,
} from '../../shared/api.js';
import { actionSummary } from './action-summary.js';

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
  init: RequestInit | undefined;
}

type Handler = (request: FakeRequest) => Response | Promise<Response>;

export interface FakeApi {
  requests: FakeRequest[];
  restore(): void;
}

export function fakeApi(handlers: Record<string, Handler>): FakeApi {
  const original = window.fetch;
  const requests: FakeRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const method = init?.method ?? 'GET';
    const request = {
      method,
      path: url.pathname,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      init,
    };
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) return errorResponse(404, 'not_found', `No fake for ${method} ${url.pathname}`);
    return handler(request);
  };
  return {
    requests,
    restore() {
      window.fetch = original;
    },
  };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return jsonResponse({ error: { code, message } }, status, headers);
}

/** A promise with its resolve handle, to hold a request open while a test looks at the pending state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

// Demo partnership, shaped like the server's seed data.

export const agencies = {
  police: { id: 1, name: 'Leicestershire Police', shortName: 'Police' },
  council: { id: 2, name: 'Charnwood Borough Council', shortName: 'CBC' },
  fire: { id: 3, name: 'Leicestershire Fire and Rescue Service', shortName: 'LFRS' },
  housing: { id: 4, name: 'Charnwood Housing', shortName: 'Housing' },
} satisfies Record<string, Agency>;

function body(fields: Partial<BodySummary> & Pick<BodySummary, 'id' | 'name' | 'shortName' | 'kind' | 'tier' | 'parentId'>) {
  return {
    confidential: false,
    cadence: 'monthly',
    description: '',
    myRole: null,
    ...fields,
  } satisfies BodySummary;
}

/** As seen by the chair of Charnwood JAG. */
export const bodies: BodySummary[] = [
  body({ id: 1, name: 'Strategic Partnership Board', shortName: 'SPB', kind: 'strategic-board', tier: 1, parentId: null, cadence: 'quarterly' }),
  body({ id: 2, name: 'Senior Officers’ Group', shortName: 'SOG', kind: 'officers-group', tier: 1, parentId: 1 }),
  body({ id: 3, name: 'Charnwood Community Safety Partnership', shortName: 'Charnwood CSP', kind: 'csp', tier: 2, parentId: 1, cadence: 'quarterly', myRole: 'member' }),
  body({ id: 4, name: 'CSP Strategic Group', shortName: 'CSP SG', kind: 'strategic-group', tier: 3, parentId: 3 }),
  body({
    id: 5,
    name: 'Charnwood JAG',
    shortName: 'JAG',
    kind: 'jag',
    tier: 3,
    parentId: 3,
    myRole: 'chair',
    description: 'Tactical multi-agency group for anti-social behaviour and community safety in Charnwood.',
  }),
  body({ id: 6, name: 'Prevent, Protect and Early Partnership', shortName: 'PPEP', kind: 'thematic-partnership', tier: 3, parentId: 3 }),
  body({ id: 7, name: 'Loughborough Central Delivery Group', shortName: 'LCDG', kind: 'delivery-group', tier: 3, parentId: 3 }),
  body({ id: 8, name: 'Youth JAG', shortName: 'Youth JAG', kind: 'sub-group', tier: 4, parentId: 5, confidential: true, myRole: 'chair' }),
  body({ id: 9, name: 'Adults at Risk', shortName: 'AAR', kind: 'sub-group', tier: 4, parentId: 5, confidential: true }),
  body({ id: 10, name: 'People Zone People Group', shortName: 'PZ People', kind: 'people-zone', tier: 4, parentId: 5 }),
  body({ id: 11, name: 'People Zone Place Group', shortName: 'PZ Place', kind: 'people-zone', tier: 4, parentId: 5 }),
  body({ id: 12, name: 'Loughborough NAT', shortName: 'Lboro NAT', kind: 'nat', tier: 4, parentId: 6 }),
  body({ id: 13, name: 'Shepshed NAT', shortName: 'Shepshed NAT', kind: 'nat', tier: 4, parentId: 6 }),
  body({ id: 14, name: 'Syston NAT', shortName: 'Syston NAT', kind: 'nat', tier: 4, parentId: 6 }),
];

export function bodyById(id: number): BodySummary {
  const found = bodies.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No body ${id} in the fixture`);
  return found;
}

export const bodiesResponse: BodiesResponse = { bodies, waitingEscalations: [] };

export const me: MeResponse = {
  user: { id: 7, email: 'chair.jag@demo.quorum.test', name: 'Priya Shah', agency: agencies.council },
  memberships: bodies.filter((b) => b.myRole).map((b) => ({ bodyId: b.id, role: b.myRole! })),
};

export const session: SessionResponse = { ...me, token: 'demo-token', expiresAt: '2026-12-01T10:00:00.000Z' };

function member(userId: number, name: string, role: BodyMember['role'], agency: Agency): BodyMember {
  return { userId, name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.quorum.test`, role, agency };
}

function meeting(id: number, title: string, startsAt: string, status: MeetingSummary['status']): MeetingSummary {
  return { id, bodyId: 5, title, startsAt, location: 'Southfields, Loughborough', status };
}

export const jagDetail: BodyDetailResponse = {
  access: 'full',
  body: bodyById(5),
  members: [
    member(7, 'Priya Shah', 'chair', agencies.council),
    member(8, 'Insp. Tom Hughes', 'vice-chair', agencies.police),
    member(9, 'Alice Carter', 'secretariat', agencies.council),
    member(10, 'PC Dan Moore', 'member', agencies.police),
    member(11, 'Sam Patel', 'member', agencies.fire),
    member(12, 'Jo Brown', 'observer', agencies.housing),
  ],
  meetings: [
    meeting(101, 'JAG November meeting', '2020-11-12T10:00:00.000Z', 'closed'),
    meeting(102, 'JAG December meeting', '2020-12-10T10:00:00.000Z', 'closed'),
    meeting(103, 'JAG July meeting', '2099-07-16T09:30:00.000Z', 'scheduled'),
    meeting(104, 'JAG January meeting', '2099-01-14T10:00:00.000Z', 'scheduled'),
  ],
};

export const adultsAtRiskRestricted: BodyDetailResponse = { access: 'restricted', body: bodyById(9) };

// The home page, as the chair of Charnwood JAG sees it.

function homeAction(id: string, reference: string, title: string, dueDate: string, overdue: boolean): ActionSummary {
  return actionSummary({
    id, reference, bodyId: 5, bodyName: 'Charnwood JAG', title, owner: { id: 7, name: 'Priya Shah' },
    leadAgency: agencies.council, dueDate, rag: overdue ? 'red' : 'green', overdue, createdAt: '2026-10-01T09:00:00.000Z',
  });
}

export const homeResponse: HomeResponse = {
  liveMeetings: [{ ...meeting(105, 'Charnwood JAG — December 2026', '2026-12-01T10:00:00.000Z', 'live'), bodyName: 'Charnwood JAG' }],
  nextMeetings: [
    { ...meeting(103, 'JAG July meeting', '2099-07-16T09:30:00.000Z', 'scheduled'), bodyName: 'Charnwood JAG' },
    { ...meeting(106, 'JAG July meeting', '2099-07-30T09:30:00.000Z', 'scheduled'), bodyName: 'Charnwood JAG' },
  ],
  myActions: {
    outstanding: 7,
    overdue: 2,
    first: [
      homeAction('a1', 'JAG-0001', 'Close the alleyway on Ashby Road', '2020-10-01', true),
      homeAction('a2', 'JAG-0002', 'Report on hotspot patrols', '2099-01-05', false),
    ],
  },
  accountability: [
    {
      bodyId: 5,
      bodyName: 'Charnwood JAG',
      overdue: 3,
      byOwner: [
        { id: 10, name: 'PC Dan Moore', overdue: 2 },
        { id: null, name: null, overdue: 1 },
      ],
      byLeadAgency: [
        { id: 1, name: 'Leicestershire Police', overdue: 2 },
        { id: 2, name: 'Charnwood Borough Council', overdue: 1 },
      ],
    },
  ],
};
