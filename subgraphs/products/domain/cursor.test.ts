import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';

const id = '0b9c4a52-3f5e-4a8e-9d2b-6b1f0c2d3e4f';

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('product cursors', () => {
  it('round-trip every ordering and are opaque url-safe text', () => {
    const cursors: Cursor[] = [
      { sort: 'NEWEST', key: '2025-11-21 05:19:00.123+00', id },
      { sort: 'PRICE_ASC', key: '3.49', id },
      { sort: 'PRICE_DESC', key: '0.00', id },
      { sort: 'SUSTAINABILITY', key: '-1', id },
      { sort: 'RELEVANCE', key: '0.075991', id },
    ];
    for (const cursor of cursors) {
      const text = encodeCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(text).not.toContain(cursor.key);
      expect(decodeCursor(text, cursor.sort)).toEqual(cursor);
    }
  });

  it('are stable: the same position always gives the same cursor', () => {
    expect(encodeCursor({ sort: 'PRICE_ASC', key: '1.00', id })).toBe(encodeCursor({ sort: 'PRICE_ASC', key: '1.00', id }));
  });

  it('reject garbage, tampered keys and cursors of another ordering as BAD_USER_INPUT on `after`', () => {
    const tampered = Buffer.from(JSON.stringify(['PRICE_ASC', "1; DROP TABLE x", id])).toString('base64url');
    for (const text of ['', 'not a cursor', Buffer.from('{"a":1}').toString('base64url'), tampered]) {
      expect(errorOf(() => decodeCursor(text, 'PRICE_ASC')).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'after',
        reason: 'is not a valid cursor',
      });
    }
    const other = encodeCursor({ sort: 'NEWEST', key: '2025-11-21 05:19:00+00', id });
    expect(errorOf(() => decodeCursor(other, 'PRICE_ASC')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
