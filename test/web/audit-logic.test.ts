import { describe, expect, it } from 'vitest';
import { malaysiaDayEnd, malaysiaDayStart } from '../../functions/domain/malaysia-time.ts';
import {
  AUDIT_DETAIL_KEYS,
  AUDIT_EVENTS,
  auditFiltersFrom,
  auditFiltersQuery,
  auditPath,
  dateRangeProblem,
  detailKey,
  fillPage,
  isCalendarDay,
} from '../../web/src/admin/audit-logic.ts';
import { consoleEn } from '../../web/src/i18n/console-en.ts';
import { consoleMs } from '../../web/src/i18n/console-ms.ts';

describe('audit search filters', () => {
  it('keeps the filters that have a usable value in the page address, and drops the rest', () => {
    // Arrange
    const search =
      '?userId=%20kth:900101145678%20&ptjCode=pn01&event=USER_DEACTIVATED&from=2026-02-30&to=2026-03-01&other=1&actor=';

    // Act
    const filters = auditFiltersFrom(search);

    // Assert
    expect(filters).toEqual({
      userId: 'kth:900101145678',
      ptjCode: 'pn01',
      event: 'USER_DEACTIVATED',
      to: '2026-03-01',
    });
    expect(auditFiltersQuery(filters)).toBe(
      'userId=kth%3A900101145678&ptjCode=PN01&event=USER_DEACTIVATED&to=2026-03-01',
    );
    expect(auditFiltersFrom(`?${auditFiltersQuery(filters)}`)).toEqual({ ...filters, ptjCode: 'PN01' });
  });

  it('drops an event that is not one of the trail’s', () => {
    expect(auditFiltersFrom('?event=DROP_TABLE')).toEqual({});
    expect(auditFiltersFrom('?event=SIGN_IN_FAILED')).toEqual({ event: 'SIGN_IN_FAILED' });
  });

  it('knows a real calendar day from a lookalike', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('1/3/2025')).toBe(false);
  });

  it('puts a range that ends before it starts at the end date, and lets one day through', () => {
    expect(dateRangeProblem({ from: '2026-03-02', to: '2026-03-01' })).toEqual({
      path: 'to',
      code: 'TO_BEFORE_FROM',
    });
    expect(dateRangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeUndefined();
    expect(dateRangeProblem({ to: '2026-03-01' })).toBeUndefined();
  });
});

describe('audit search query', () => {
  it('turns Malaysian days into instants: from the start of the first to the end of the last', () => {
    expect(malaysiaDayStart('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(malaysiaDayEnd('2026-03-01')).toBe('2026-03-01T15:59:59.999Z');
    expect(malaysiaDayEnd('2024-12-31')).toBe('2024-12-31T15:59:59.999Z');
  });

  it('asks the API for the filters, the page size and the cursor as it was given', () => {
    // Act
    const path = auditPath(
      {
        userId: '900101-14-5678',
        ptjCode: 'pn01',
        actor: 'kth:820202085522',
        from: '2026-03-01',
        to: '2026-03-02',
      },
      10,
      'abc+/=',
    );

    // Assert
    const params = new URL(path, 'http://x').searchParams;
    expect(path.startsWith('/api/admin/audit?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      userId: '900101-14-5678',
      ptjCode: 'PN01',
      actor: 'kth:820202085522',
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-02T15:59:59.999Z',
      limit: '10',
      cursor: 'abc+/=',
    });
    expect(auditPath({})).toBe('/api/admin/audit?limit=25');
  });
});

describe('filling a page of the trail', () => {
  /** Answers in turn, recording what each read asked for. */
  function reader(answers: { items: number[]; nextCursor?: string }[]) {
    const asked: [number, string | undefined][] = [];
    const read = async (limit: number, cursor: string | undefined) => {
      asked.push([limit, cursor]);
      const data = answers.shift() ?? { items: [] };
      return { ok: true as const, data };
    };
    return { read, asked };
  }

  it('reads on over short answers, asking only for what is missing, until the page is full', async () => {
    // Arrange
    const { read, asked } = reader([
      { items: [], nextCursor: 'a' },
      { items: [1, 2], nextCursor: 'b' },
      { items: [3], nextCursor: 'c' },
    ]);

    // Act
    const page = await fillPage(read, undefined, 3);

    // Assert
    expect(page).toEqual({ ok: true, items: [1, 2, 3], nextCursor: 'c' });
    expect(asked).toEqual([
      [3, undefined],
      [3, 'a'],
      [1, 'b'],
    ]);
  });

  it('stops at the end of the trail, and after a bounded number of reads with the cursor to go on', async () => {
    const ended = await fillPage(reader([{ items: [1] }]).read, 'x', 3);
    const sparse = await fillPage(
      reader([
        { items: [], nextCursor: 'a' },
        { items: [], nextCursor: 'b' },
      ]).read,
      undefined,
      3,
      2,
    );

    expect(ended).toEqual({ ok: true, items: [1] });
    expect(sparse).toEqual({ ok: true, items: [], nextCursor: 'b' });
  });

  it('returns the first failure as it came', async () => {
    const failure = { ok: false as const, status: 400 };
    const page = await fillPage(async () => failure, undefined);

    expect(page).toBe(failure);
  });
});

describe('audit records in words', () => {
  it('names every event of the trail, and every detail it records, in Malay and English', () => {
    const keys = [...AUDIT_EVENTS.map((event) => `admin.event.${event}`), ...AUDIT_DETAIL_KEYS];

    for (const table of [consoleMs, consoleEn] as Record<string, string>[]) {
      expect(keys.filter((key) => !table[key])).toEqual([]);
    }
  });

  it('finds the words for a known detail, and none for one it does not know', () => {
    expect(detailKey('wrong-password')).toBe('admin.audit.detail.wrong-password');
    expect(detailKey('TOKEN_EXPIRED')).toBe('admin.audit.detail.TOKEN_EXPIRED');
    expect(detailKey('something-new')).toBeUndefined();
  });
});
