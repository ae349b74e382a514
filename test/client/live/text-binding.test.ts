import { expect } from '@open-wc/testing';
import { diffText, transformRange } from '../../../client/live/text-binding.js';
import { describe, it } from '../mocha.js';

describe('diffText', () => {
  it('finds the one edit between two texts', () => {
    expect(diffText('hello', 'hello')).to.equal(null);
    expect(diffText('hello', 'hello world')).to.deep.equal({ index: 5, remove: 0, insert: ' world' });
    expect(diffText('hello world', 'hello')).to.deep.equal({ index: 5, remove: 6, insert: '' });
    expect(diffText('the cat', 'the dog')).to.deep.equal({ index: 4, remove: 3, insert: 'dog' });
  });

  it('uses the caret to place an edit in a run of repeated characters', () => {
    expect(diffText('aa', 'aaa', 1)).to.deep.equal({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).to.deep.equal({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aaa', 'aa', 0)).to.deep.equal({ index: 0, remove: 1, insert: '' });
  });
});

describe('transformRange', () => {
  it('moves a caret along for text inserted before it, not after or at it', () => {
    expect(transformRange({ start: 5, end: 5 }, [{ insert: 'ab' }])).to.deep.equal({ start: 7, end: 7 });
    expect(transformRange({ start: 5, end: 5 }, [{ retain: 6 }, { insert: 'ab' }])).to.deep.equal({ start: 5, end: 5 });
    expect(transformRange({ start: 5, end: 5 }, [{ retain: 5 }, { insert: 'ab' }])).to.deep.equal({ start: 5, end: 5 });
  });

  it('pulls positions back for deleted text, to the start of a deletion that covered them', () => {
    expect(transformRange({ start: 5, end: 8 }, [{ delete: 2 }])).to.deep.equal({ start: 3, end: 6 });
    expect(transformRange({ start: 5, end: 8 }, [{ retain: 4 }, { delete: 2 }])).to.deep.equal({ start: 4, end: 6 });
    expect(transformRange({ start: 5, end: 8 }, [{ retain: 2 }, { delete: 10 }])).to.deep.equal({ start: 2, end: 2 });
  });

  it('keeps text inserted at the edges of a selection outside it, and inside it when inserted within', () => {
    expect(transformRange({ start: 2, end: 4 }, [{ retain: 2 }, { insert: 'x' }])).to.deep.equal({ start: 3, end: 5 });
    expect(transformRange({ start: 2, end: 4 }, [{ retain: 4 }, { insert: 'x' }])).to.deep.equal({ start: 2, end: 4 });
    expect(transformRange({ start: 2, end: 4 }, [{ retain: 3 }, { insert: 'x' }])).to.deep.equal({ start: 2, end: 5 });
  });
});
