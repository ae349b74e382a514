import { describe, expect, it } from 'vitest';
import { brokenEscalationChains, escalationRoute, firstVisibleHop } from '../../shared/escalation.js';
import { bodiesBelow } from '../../shared/priorities.js';

const structure = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 3 },
];

describe('escalationRoute', () => {
  it('runs from a sub-group up to the top', () => {
    expect(escalationRoute(structure, 4).map((body) => body.id)).toEqual([4, 3, 2, 1]);
  });

  it('is just the body itself at the top, and empty for an unknown body', () => {
    expect(escalationRoute(structure, 1).map((body) => body.id)).toEqual([1]);
    expect(escalationRoute(structure, 99)).toEqual([]);
  });

  it('stops instead of looping when the data holds a cycle', () => {
    const looped = [
      { id: 1, parentId: 2 },
      { id: 2, parentId: 1 },
    ];
    expect(escalationRoute(looped, 1).map((body) => body.id)).toEqual([1, 2]);
  });
});

describe('brokenEscalationChains', () => {
  it('finds nothing wrong with a tree', () => {
    expect(brokenEscalationChains(structure)).toEqual([]);
  });

  it('names every body caught in or above a cycle, and bodies pointing at a missing parent', () => {
    const broken = [...structure, { id: 5, parentId: 6 }, { id: 6, parentId: 5 }, { id: 7, parentId: 5 }, { id: 8, parentId: 42 }];
    expect(brokenEscalationChains(broken)).toEqual([5, 6, 7, 8]);
  });
});

describe('firstVisibleHop: each tier sees the summaries written for it and the tiers above', () => {
  // Youth JAG (b0) → JAG (b1) → CSP (b2) → SPB (b3): hops 0, 1, 2.
  it.each([
    ['a member of the origin sees every hop', [true, true, true, true], 0],
    ['a member of the origin only, of a confidential chain', [true, false, false, false], 0],
    ['the first receiver sees the hop written for it', [false, true, true, true], 0],
    ['the second receiver sees from the hop written for it', [false, false, true, true], 1],
    ['the top sees only the last hop', [false, false, false, true], 2],
    ['someone who may read none of the bodies sees nothing', [false, false, false, false], null],
  ] as const)('%s', (_, mayReadAt, first) => {
    expect(firstVisibleHop(mayReadAt)).toBe(first);
  });
});

describe('bodiesBelow', () => {
  const tree = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 1 },
    { id: 4, parentId: 2 },
    { id: 5, parentId: 4 },
  ];

  it('finds every body below at any depth, nearest first', () => {
    expect(bodiesBelow(tree, 1).map((body) => body.id)).toEqual([2, 3, 4, 5]);
    expect(bodiesBelow(tree, 2).map((body) => body.id)).toEqual([4, 5]);
  });

  it('is empty at the bottom and for an unknown body, and stops on a cycle', () => {
    expect(bodiesBelow(tree, 5)).toEqual([]);
    expect(bodiesBelow(tree, 99)).toEqual([]);
    expect(bodiesBelow([{ id: 1, parentId: 2 }, { id: 2, parentId: 1 }], 1).map((body) => body.id)).toEqual([2]);
  });
});
