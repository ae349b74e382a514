/**
 * Where each body sits on the partnership map and where the escalation lines
 * run. Pure geometry over plain data (no Lit, no DOM) so it can be tested
 * directly and reused by anything else that draws the structure.
 *
 * Rows are tiers (1 at the top). Within a row, bodies follow a depth-first walk
 * of the escalation tree so that siblings sit together, and each parent is
 * centred over the children it has in lower rows where there is room.
 */
import { escalationRoute } from '../../shared/escalation.js';

/** The fields of a body the layout needs. `BodySummary` satisfies it. */
export interface LayoutNode {
  id: number;
  parentId: number | null;
  tier: number;
}

export interface LayoutOptions {
  boxWidth: number;
  boxHeight: number;
  columnGap: number;
  rowGap: number;
  /** Space on the left of every row for its tier label. */
  gutterWidth: number;
  padding: number;
  /** Vertical distance between escalation lines that would otherwise overlap. */
  laneSpacing: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  boxWidth: 160,
  boxHeight: 132,
  columnGap: 12,
  rowGap: 56,
  gutterWidth: 96,
  padding: 8,
  laneSpacing: 8,
};

export interface Point {
  x: number;
  y: number;
}

/** A body's box; x and y are its top-left corner. */
export interface PlacedBody<T extends LayoutNode> {
  body: T;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutRow<T extends LayoutNode> {
  tier: number;
  /** Top of the row's boxes. */
  y: number;
  height: number;
  bodies: PlacedBody<T>[];
}

/** The line from a body to the body it escalates to, as a polyline. */
export interface EscalationLine {
  fromId: number;
  toId: number;
  points: Point[];
}

export interface PartnershipLayout<T extends LayoutNode> {
  width: number;
  height: number;
  rows: LayoutRow<T>[];
  lines: EscalationLine[];
}

export function layOutPartnership<T extends LayoutNode>(
  bodies: readonly T[],
  options: Partial<LayoutOptions> = {},
): PartnershipLayout<T> {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const byId = new Map(bodies.map((body) => [body.id, body]));
  const children = childrenByParent(bodies, byId);
  const walkOrder = depthFirstOrder(bodies, byId, children);

  const tiers = [...new Set(bodies.map((body) => body.tier))].sort((a, b) => a - b);
  const rowIndex = new Map(tiers.map((tier, index) => [tier, index]));
  const rowMembers = tiers.map((tier) =>
    bodies.filter((body) => body.tier === tier).sort((a, b) => walkOrder.get(a.id)! - walkOrder.get(b.id)!),
  );

  // Column slots, bottom row first, so a parent can be centred over its children.
  const slot = new Map<number, number>();
  for (let row = rowMembers.length - 1; row >= 0; row--) {
    let previous = Number.NEGATIVE_INFINITY;
    for (const body of rowMembers[row]!) {
      const below = (children.get(body.id) ?? []).filter((child) => rowIndex.get(child.tier)! > row);
      const desired = below.length > 0 ? mean(below.map((child) => slot.get(child.id)!)) : undefined;
      const next = previous === Number.NEGATIVE_INFINITY ? (desired ?? 0) : Math.max(desired ?? previous + 1, previous + 1);
      slot.set(body.id, next);
      previous = next;
    }
  }
  const minSlot = Math.min(...slot.values());
  const maxSlot = Math.max(...slot.values());

  const pitchX = o.boxWidth + o.columnGap;
  const pitchY = o.boxHeight + o.rowGap;
  const placed = new Map<number, PlacedBody<T>>();
  const rows: LayoutRow<T>[] = rowMembers.map((members, row) => {
    const y = o.padding + row * pitchY;
    const placedRow = members.map((body) => {
      const box = {
        body,
        x: o.padding + o.gutterWidth + (slot.get(body.id)! - minSlot) * pitchX,
        y,
        width: o.boxWidth,
        height: o.boxHeight,
      };
      placed.set(body.id, box);
      return box;
    });
    return { tier: tiers[row]!, y, height: o.boxHeight, bodies: placedRow };
  });

  return {
    width: bodies.length === 0 ? 0 : 2 * o.padding + o.gutterWidth + (maxSlot - minSlot) * pitchX + o.boxWidth,
    height: rows.length === 0 ? 0 : 2 * o.padding + rows.length * o.boxHeight + (rows.length - 1) * o.rowGap,
    rows,
    lines: escalationLines(bodies, placed, o),
  };
}

function childrenByParent<T extends LayoutNode>(bodies: readonly T[], byId: Map<number, T>): Map<number, T[]> {
  const children = new Map<number, T[]>();
  for (const body of bodies) {
    if (body.parentId === null || !byId.has(body.parentId)) continue;
    const list = children.get(body.parentId) ?? [];
    list.push(body);
    children.set(body.parentId, list);
  }
  // The order bodies were set up in (their ids) is the partnership's own order.
  for (const list of children.values()) list.sort((a, b) => a.tier - b.tier || a.id - b.id);
  return children;
}

/** Position of each body in a depth-first walk from the top; bodies caught in a cycle come last. */
function depthFirstOrder<T extends LayoutNode>(
  bodies: readonly T[],
  byId: Map<number, T>,
  children: Map<number, T[]>,
): Map<number, number> {
  const order = new Map<number, number>();
  const visit = (body: T): void => {
    if (order.has(body.id)) return;
    order.set(body.id, order.size);
    for (const child of children.get(body.id) ?? []) visit(child);
  };
  const byTierThenId = (a: T, b: T) => a.tier - b.tier || a.id - b.id;
  const roots = bodies.filter((body) => body.parentId === null || !byId.has(body.parentId));
  for (const root of [...roots].sort(byTierThenId)) visit(root);
  for (const body of [...bodies].sort(byTierThenId)) visit(body);
  return order;
}

function escalationLines<T extends LayoutNode>(
  bodies: readonly T[],
  placed: Map<number, PlacedBody<T>>,
  o: LayoutOptions,
): EscalationLine[] {
  const lines: EscalationLine[] = [];
  // Lines from one row up to the next share horizontal "bars"; bars of
  // different parents that would overlap get their own lane.
  const barsByRowTop = new Map<number, { parentId: number; from: number; to: number }[]>();
  const upward: { child: PlacedBody<T>; parent: PlacedBody<T> }[] = [];

  for (const body of bodies) {
    const child = placed.get(body.id)!;
    const parent = body.parentId === null ? undefined : placed.get(body.parentId);
    if (!parent) continue;
    if (parent.y < child.y) {
      upward.push({ child, parent });
      const bars = barsByRowTop.get(child.y) ?? [];
      const bar = bars.find((candidate) => candidate.parentId === parent.body.id);
      const [from, to] = [centreX(child), centreX(parent)].sort((a, b) => a - b) as [number, number];
      if (bar) {
        bar.from = Math.min(bar.from, from);
        bar.to = Math.max(bar.to, to);
      } else {
        bars.push({ parentId: parent.body.id, from, to });
      }
      barsByRowTop.set(child.y, bars);
    } else if (parent.y === child.y) {
      const y = child.y + child.height / 2;
      const childIsRight = child.x > parent.x;
      lines.push({
        fromId: body.id,
        toId: parent.body.id,
        points: [
          { x: childIsRight ? child.x : child.x + child.width, y },
          { x: childIsRight ? parent.x + parent.width : parent.x, y },
        ],
      });
    } else {
      // A body escalating to one below it is a data error; draw it plainly rather than hide it.
      lines.push({
        fromId: body.id,
        toId: parent.body.id,
        points: [
          { x: centreX(child), y: child.y + child.height },
          { x: centreX(parent), y: parent.y },
        ],
      });
    }
  }

  const barY = new Map<string, number>();
  for (const [rowTop, bars] of barsByRowTop) {
    const lanes = assignLanes(bars);
    const laneCount = Math.max(...lanes) + 1;
    bars.forEach((bar, index) => {
      const offset = (lanes[index]! - (laneCount - 1) / 2) * o.laneSpacing;
      barY.set(`${rowTop}:${bar.parentId}`, rowTop - o.rowGap / 2 + offset);
    });
  }

  for (const { child, parent } of upward) {
    const y = barY.get(`${child.y}:${parent.body.id}`)!;
    lines.push({
      fromId: child.body.id,
      toId: parent.body.id,
      points: [
        { x: centreX(child), y: child.y },
        { x: centreX(child), y },
        { x: centreX(parent), y },
        { x: centreX(parent), y: parent.y + parent.height },
      ],
    });
  }
  return lines;
}

/** Greedy interval colouring: the lowest lane whose bars this one doesn't touch. */
function assignLanes(bars: readonly { from: number; to: number }[]): number[] {
  const lanes: number[] = [];
  bars.forEach((bar, index) => {
    let lane = 0;
    while (bars.slice(0, index).some((other, j) => lanes[j] === lane && other.from <= bar.to && bar.from <= other.to)) {
      lane++;
    }
    lanes.push(lane);
  });
  return lanes;
}

function centreX(box: { x: number; width: number }): number {
  return box.x + box.width / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The fields `yourEscalationRoutes` needs. */
export interface MembershipNode extends LayoutNode {
  myRole: string | null;
}

/**
 * The escalation routes from each body the user sits on up to the top,
 * leaving out a route that is only the tail of another (a JAG chair who also
 * sits on the CSP sees one route, JAG → CSP → SPB, not two).
 */
export function yourEscalationRoutes<T extends MembershipNode>(bodies: readonly T[]): T[][] {
  const routes = bodies.filter((body) => body.myRole !== null).map((body) => escalationRoute(bodies, body.id));
  return routes.filter(
    (route) => !routes.some((other) => other !== route && other.length > route.length && other.includes(route[0]!)),
  );
}
