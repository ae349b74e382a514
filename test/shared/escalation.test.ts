import { describe, expect, it } from 'vitest';
import { brokenEscalationChains, escalationRoute } from '../../shared/escalation.js';

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
