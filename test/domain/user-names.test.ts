import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../functions/domain/user.ts';
import { registerRequest } from '../../functions/handlers/admin.schema.ts';
import { fieldProblems } from '../../functions/http/json-body.ts';
import { registrationBody } from '../support/fixtures.ts';

describe('names of officers', () => {
  it('are stored in upper case with single spaces and nothing invisible', () => {
    expect(normaliseName('  Nur\u200b Aisyah \u00ad binti\u2060  Ahmad ')).toBe('NUR AISYAH BINTI AHMAD');
  });

  it('are composed (NFC), so one name typed two ways is stored one way', () => {
    expect(normaliseName('Nur\u00c9')).toBe(normaliseName('Nure\u0301'));
  });

  it('are refused at registration when nothing of them is visible', () => {
    const body = { ...registrationBody(), name: '\u200b\u200b\u200b' };
    const parsed = registerRequest.safeParse(body);

    expect(parsed.success).toBe(false);
    expect(parsed.error && fieldProblems(parsed.error, body)).toEqual([{ path: 'name', code: 'TOO_SHORT' }]);
  });
});
