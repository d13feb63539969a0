import { describe, expect, it } from 'vitest';
import { dutyCatalogue } from '../../functions/domain/use-cases/administration/duty-input.ts';
import {
  clientProblems,
  type DutyRowInput,
  icNumberProblem,
  placeOf,
  placeProblems,
  problemText,
  type RegisterInput,
  registerBody,
  registerOutcome,
  registrar,
} from '../../web/src/admin/register-logic.ts';
import { consoleEn } from '../../web/src/i18n/console-en.ts';
import { consoleMs } from '../../web/src/i18n/console-ms.ts';
import { en } from '../../web/src/i18n/en.ts';
import { ms } from '../../web/src/i18n/ms.ts';

const catalogue = dutyCatalogue().items;

const row = (fields: Partial<DutyRowInput> = {}): DutyRowInput => ({
  duty: 'PENYEDIA',
  ptjCode: '1001',
  approvalLimit: '',
  startsOn: '',
  endsOn: '',
  ...fields,
});

const form = (fields: Partial<RegisterInput> = {}): RegisterInput => ({
  icNumber: '880202-14-1234',
  agencyCode: ' KTH ',
  ptjCode: ' 1001 ',
  name: '  Ahmad bin Ali ',
  email: ' ahmad@example.gov.my ',
  duties: [],
  ...fields,
});

describe('register: the MyKad number checked before sending', () => {
  it('accepts 12 digits with or without dashes and spaces', () => {
    expect(icNumberProblem('880202141234')).toBeUndefined();
    expect(icNumberProblem(' 880202-14-1234 ')).toBeUndefined();
  });

  it('names an empty number, a wrong count of digits and a birth date that does not exist', () => {
    expect(icNumberProblem('  ')).toBe('REQUIRED');
    expect(icNumberProblem('88020214123')).toBe('INVALID_FORMAT');
    expect(icNumberProblem('kth:880202141234')).toBe('INVALID_FORMAT');
    expect(icNumberProblem('881302141234')).toBe('BIRTH_DATE_INVALID');
    expect(icNumberProblem('880230141234')).toBe('BIRTH_DATE_INVALID');
  });
});

describe('register: what the page refuses to send', () => {
  it('names the MyKad number, a row without a duty and an approval limit that is no amount, by API path', () => {
    const problems = clientProblems(
      form({
        icNumber: '880231141234',
        duties: [row(), row({ duty: '' }), row({ duty: 'PELULUS', approvalLimit: 'lima ribu' })],
      }),
      catalogue,
    );

    expect(problems).toEqual([
      { path: 'icNumber', code: 'BIRTH_DATE_INVALID' },
      { path: 'duties.1.duty', code: 'REQUIRED' },
      { path: 'duties.2.approvalLimit', code: 'INVALID_FORMAT' },
    ]);
  });

  it("leaves the name, e-mail and codes to the server's judgement", () => {
    expect(clientProblems(form({ name: '', email: 'not-an-address', agencyCode: '' }), catalogue)).toEqual(
      [],
    );
  });
});

describe('register: the request body', () => {
  it('sends the MyKad digits, the codes in the API case, trimmed text, and no empty duty list', () => {
    expect(registerBody(form(), catalogue)).toEqual({
      icNumber: '880202141234',
      agencyCode: 'kth',
      ptjCode: '1001',
      name: 'Ahmad bin Ali',
      email: 'ahmad@example.gov.my',
    });
  });

  it('leaves out an empty agency code, for the server to ask for it', () => {
    expect(registerBody(form({ agencyCode: ' ' }), catalogue)).not.toHaveProperty('agencyCode');
  });

  it('sends each duty with its dates when given, and an approval limit only for a duty that takes one', () => {
    const body = registerBody(
      form({
        duties: [
          row({ duty: 'PELULUS', ptjCode: 'pn01', approvalLimit: '50,000.00', endsOn: '2030-12-31' }),
          row({ approvalLimit: '1000', startsOn: '2026-01-01' }),
        ],
      }),
      catalogue,
    );

    expect(body.duties).toEqual([
      { duty: 'PELULUS', ptjCode: 'PN01', approvalLimit: 50000, endsOn: '2030-12-31' },
      { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2026-01-01' },
    ]);
  });
});

describe("register: the answer's problems at their fields", () => {
  it('maps the API paths to the officer fields and to the fields of a duty row', () => {
    expect(placeOf('email')).toEqual({ field: 'email' });
    expect(placeOf('duties.0.endsOn')).toEqual({ field: 'endsOn', row: 0 });
    expect(placeOf('duties.12.approvalLimit')).toEqual({ field: 'approvalLimit', row: 12 });
    expect(placeOf('duties')).toBeUndefined();
    expect(placeOf('duties.x.duty')).toBeUndefined();
    expect(placeOf('duties.0.colour')).toBeUndefined();
    expect(placeOf('')).toBeUndefined();
  });

  it('puts field problems at their fields, and says the rest above the form', () => {
    const answer = placeProblems('VALIDATION_FAILED', [
      { path: 'name', code: 'TOO_SHORT' },
      { path: 'duties.1.endsOn', code: 'ENDS_BEFORE_START' },
      { path: '', code: 'MALFORMED_JSON' },
    ]);

    expect(answer).toEqual({
      placed: [
        { field: 'name', code: 'TOO_SHORT' },
        { field: 'endsOn', row: 1, code: 'ENDS_BEFORE_START' },
      ],
      summary: true,
    });
  });

  it('shows a taken MyKad number at its field, and a duty conflict above the form', () => {
    expect(placeProblems('USER_EXISTS')).toEqual({
      placed: [{ field: 'icNumber', code: 'USER_EXISTS' }],
      summary: false,
    });
    expect(placeProblems('DUTY_CONFLICT', [])).toEqual({ placed: [], summary: true });
  });

  it("says the MyKad number's and an empty duty row's problems in their own words, the rest as every form does", () => {
    expect(problemText({ field: 'icNumber', code: 'USER_ID_INVALID' })).toBe('admin.register.icInvalid');
    expect(problemText({ field: 'icNumber', code: 'BIRTH_DATE_INVALID' })).toBe('admin.register.icDate');
    expect(problemText({ field: 'icNumber', code: 'USER_EXISTS' })).toBe('error.USER_EXISTS');
    expect(problemText({ field: 'duty', row: 0, code: 'REQUIRED' })).toBe('admin.register.dutyRequired');
    expect(problemText({ field: 'email', code: 'INVALID_FORMAT' })).toBe('admin.field.emailInvalid');
  });

  it('has a Malay and an English text for every word it can choose', () => {
    const codes = ['REQUIRED', 'INVALID_FORMAT', 'TOO_LONG', 'INVALID_CHARACTERS', 'BIRTH_DATE_INVALID'];
    const extra = [
      'USER_EXISTS',
      'USER_ID_INVALID',
      'DUTY_UNKNOWN',
      'APPROVAL_LIMIT_NOT_ALLOWED',
      'ENDS_BEFORE_START',
    ];
    const fields = ['icNumber', 'agencyCode', 'ptjCode', 'name', 'email'] as const;
    const dutyFields = ['duty', 'ptjCode', 'approvalLimit', 'startsOn', 'endsOn'] as const;
    const keys = new Set<string>();
    for (const code of [...codes, ...extra]) {
      for (const field of fields) keys.add(problemText({ field, code }));
      for (const field of dutyFields) keys.add(problemText({ field, row: 0, code }));
    }

    const malay: Record<string, string> = { ...ms, ...consoleMs };
    const english: Record<string, string> = { ...en, ...consoleEn };
    for (const key of keys) {
      expect(malay[key], key).toBeTruthy();
      expect(english[key], key).toBeTruthy();
    }
  });
});

describe('register: who registers, and what came of it', () => {
  it('prefills the PTJ of a PTJ administrator, and none for a system administrator', () => {
    const ptjAdmin = { roles: ['PENTADBIR_PTJ'], duties: [{ duty: 'PENTADBIR_PTJ', ptjCode: '1001' }] };
    const systemAdmin = {
      roles: ['PENTADBIR_SISTEM', 'PENTADBIR_PTJ'],
      duties: [{ duty: 'PENTADBIR_PTJ', ptjCode: '1001' }],
    };

    expect(registrar(ptjAdmin)).toEqual({ system: false, ptjCode: '1001' });
    expect(registrar(systemAdmin)).toEqual({ system: true, ptjCode: undefined });
  });

  it('tells a registration (the user) from a request for approval (the request)', () => {
    const user = {
      userId: 'kth:880202141234',
      icNumber: '880202141234',
      agencyCode: 'kth',
      ptjCode: '1001',
      name: 'AHMAD BIN ALI',
      email: 'ahmad@example.gov.my',
      status: 'PENDING' as const,
      registeredAt: '2026-01-01T00:00:00.000Z',
      activatedAt: null,
      lastSignInAt: null,
      duties: [],
    };
    const request = {
      id: 'r1',
      kind: 'REGISTER' as const,
      status: 'PENDING' as const,
      requestedBy: 'kth:820202085522',
      requestedAt: '2026-01-01T00:00:00.000Z',
      target: { icNumber: user.icNumber, userId: user.userId, name: user.name, ptjCode: '1001' },
      changes: {},
    };

    expect(registerOutcome({ user })).toEqual({
      kind: 'registered',
      userId: 'kth:880202141234',
      name: 'AHMAD BIN ALI',
      email: 'ahmad@example.gov.my',
    });
    expect(registerOutcome({ request })).toEqual({
      kind: 'requested',
      userId: 'kth:880202141234',
      name: 'AHMAD BIN ALI',
    });
  });
});
