import { expect } from '@open-wc/testing';
import { layOutPartnership, yourEscalationRoutes, type LayoutNode } from '../../../client/partnership/partnership-layout.js';
import { bodies } from '../fake-api.js';
import { describe, it } from '../mocha.js';

const layout = layOutPartnership(bodies);
const boxes = new Map(layout.rows.flatMap((row) => row.bodies).map((box) => [box.body.id, box]));
const box = (id: number) => boxes.get(id)!;
const centreX = (id: number) => box(id).x + box(id).width / 2;

describe('layOutPartnership', () => {
  it('puts one row per tier, tier 1 at the top', () => {
    expect(layout.rows.map((row) => row.tier)).to.deep.equal([1, 2, 3, 4]);
    const tops = layout.rows.map((row) => row.y);
    expect(tops).to.deep.equal([...tops].sort((a, b) => a - b));
    for (const row of layout.rows) {
      for (const placed of row.bodies) expect(placed.y).to.equal(row.y);
    }
  });

  it('places every body once, inside the drawing', () => {
    expect(boxes.size).to.equal(bodies.length);
    for (const placed of boxes.values()) {
      expect(placed.x).to.be.at.least(0);
      expect(placed.x + placed.width).to.be.at.most(layout.width);
      expect(placed.y + placed.height).to.be.at.most(layout.height);
    }
  });

  it('never overlaps two boxes in a row', () => {
    for (const row of layout.rows) {
      const sorted = [...row.bodies].sort((a, b) => a.x - b.x);
      sorted.slice(1).forEach((placed, index) => {
        expect(placed.x, `${placed.body.name} overlaps`).to.be.at.least(sorted[index]!.x + sorted[index]!.width);
      });
    }
  });

  it('keeps siblings together and centres a parent over its children', () => {
    const jagChildren = [8, 9, 10, 11].map(centreX);
    const natCentres = [12, 13, 14].map(centreX);
    expect(Math.max(...jagChildren)).to.be.below(Math.min(...natCentres));
    expect(centreX(5)).to.be.closeTo(jagChildren.reduce((a, b) => a + b) / 4, 0.001);
    expect(centreX(6)).to.be.closeTo(natCentres.reduce((a, b) => a + b) / 3, 0.001);
  });

  it('draws a line from each body up to the body it escalates to', () => {
    expect(layout.lines).to.have.length(bodies.filter((b) => b.parentId !== null).length);
    const jagLine = layout.lines.find((line) => line.fromId === 5)!;
    expect(jagLine.toId).to.equal(3);
    expect(jagLine.points[0]).to.deep.equal({ x: centreX(5), y: box(5).y });
    expect(jagLine.points.at(-1)).to.deep.equal({ x: centreX(3), y: box(3).y + box(3).height });
  });

  it('joins bodies in the same tier side by side', () => {
    const sogLine = layout.lines.find((line) => line.fromId === 2)!;
    expect(sogLine.points).to.have.length(2);
    expect(sogLine.points[0]!.y).to.equal(sogLine.points[1]!.y);
    expect(sogLine.points[0]!.x).to.equal(box(2).x);
    expect(sogLine.points[1]!.x).to.equal(box(1).x + box(1).width);
  });

  it('gives overlapping connectors from different parents their own lane', () => {
    // Childless bodies in tier 2 push B and D right of their children, so the
    // horizontal parts of B's and D's connectors would run along each other.
    const crowded: LayoutNode[] = [
      { id: 1, parentId: null, tier: 1 },
      { id: 2, parentId: 1, tier: 2 }, // A
      { id: 3, parentId: 1, tier: 2 },
      { id: 4, parentId: 1, tier: 2 },
      { id: 5, parentId: 1, tier: 2 },
      { id: 6, parentId: 1, tier: 2 }, // B
      { id: 7, parentId: 1, tier: 2 }, // D
      { id: 20, parentId: 2, tier: 3 },
      { id: 60, parentId: 6, tier: 3 },
      { id: 61, parentId: 6, tier: 3 },
      { id: 70, parentId: 7, tier: 3 },
    ];
    const result = layOutPartnership(crowded);
    const barY = (fromId: number) => result.lines.find((line) => line.fromId === fromId)!.points[1]!.y;
    expect(barY(60)).to.equal(barY(61));
    expect(barY(70)).not.to.equal(barY(60));
  });

  it('survives data with a loop or a missing parent', () => {
    const broken: LayoutNode[] = [
      { id: 1, parentId: 2, tier: 2 },
      { id: 2, parentId: 1, tier: 1 },
      { id: 3, parentId: 99, tier: 3 },
    ];
    const result = layOutPartnership(broken);
    expect(result.rows.flatMap((row) => row.bodies)).to.have.length(3);
    expect(result.lines.map((line) => line.fromId).sort()).to.deep.equal([1, 2]);
  });

  it('lays out nothing as an empty drawing', () => {
    expect(layOutPartnership([])).to.deep.equal({ width: 0, height: 0, rows: [], lines: [] });
  });
});

describe('yourEscalationRoutes', () => {
  it('runs from each body the user sits on to the top, dropping routes inside another', () => {
    const routes = yourEscalationRoutes(bodies).map((route) => route.map((b) => b.shortName));
    expect(routes).to.deep.equal([['Youth JAG', 'JAG', 'Charnwood CSP', 'SPB']]);
  });

  it('keeps separate routes from separate branches', () => {
    const twoBranches = bodies.map((b) => ({ ...b, myRole: b.id === 12 || b.id === 9 ? ('member' as const) : null }));
    const routes = yourEscalationRoutes(twoBranches).map((route) => route.map((b) => b.id));
    expect(routes).to.deep.equal([
      [9, 5, 3, 1],
      [12, 6, 3, 1],
    ]);
  });

  it('is empty for someone who sits on no body', () => {
    expect(yourEscalationRoutes(bodies.map((b) => ({ ...b, myRole: null })))).to.deep.equal([]);
  });
});
