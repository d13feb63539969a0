import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { pathParameter } from '#http/query.ts';
import { httpEvent } from '../support/events.ts';

const withUserId = (userId: string | undefined) => ({
  ...httpEvent({ method: 'GET', path: '/api/admin/users/x' }),
  ...(userId === undefined ? {} : { pathParameters: { userId } }),
});

describe('a path parameter', () => {
  it('is taken as API Gateway decoded it', () => {
    expect(pathParameter(withUserId('kth:900101145678'), 'userId')).toBe('kth:900101145678');
  });

  it('is decoded once more when it still holds an escape (kth%3A900101145678)', () => {
    expect(pathParameter(withUserId('kth%3A900101145678'), 'userId')).toBe('kth:900101145678');
  });

  it('is a field problem, not a crash, when missing or broken', () => {
    expect(() => pathParameter(withUserId(undefined), 'userId')).toThrow(ValidationError);
    expect(() => pathParameter(withUserId('%E0%A4%A'), 'userId')).toThrow(ValidationError);
  });
});
