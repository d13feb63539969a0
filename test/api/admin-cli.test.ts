import { describe, expect, it } from 'vitest';
import { firstAdminCall, localRequest, regionOf, signedRequest } from '../../scripts/admin.ts';

const API = new URL('https://abc123.execute-api.ap-southeast-1.amazonaws.com');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

describe('npm run admin', () => {
  it('signs a call for execute-api in the Region of the admin API address', async () => {
    const request = await signedRequest(
      API,
      { method: 'GET', path: '/api/admin/users?status=PENDING&limit=2' },
      CREDENTIALS,
    );

    expect(request.url).toBe(`${API.origin}/api/admin/users?status=PENDING&limit=2`);
    const authorization = request.headers.get('authorization') ?? '';
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-1\/execute-api\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers.get('x-amz-date')).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('signs the body too: a different body gives a different signature', async () => {
    const call = firstAdminCall({
      ic: '700101015555',
      ptj: 'PN01',
      name: 'PENTADBIR',
      email: 'p@example.gov.my',
    });
    const a = await signedRequest(API, call, CREDENTIALS);
    const b = await signedRequest(
      API,
      { ...call, body: { ...(call.body as object), name: 'OTHER' } },
      CREDENTIALS,
    );

    const signature = (r: Request) => /Signature=(\w+)/.exec(r.headers.get('authorization') ?? '')?.[1];
    expect(signature(a)).not.toBe(signature(b));
  });

  it('refuses an address that is not an execute-api endpoint, saying which output to give', () => {
    expect(() => regionOf(new URL('https://ispeks.example.gov.my'))).toThrow(/AdminApiUrl/);
  });

  it('registers the first system administrator with the PENTADBIR_SISTEM duty in their PTJ', () => {
    const call = firstAdminCall({
      ic: '700101015555',
      agency: 'pn',
      ptj: 'PN01',
      name: 'PENTADBIR SISTEM',
      email: 'pentadbir@example.gov.my',
    });

    expect(call).toEqual({
      method: 'POST',
      path: '/api/admin/users',
      body: {
        icNumber: '700101015555',
        agencyCode: 'pn',
        ptjCode: 'PN01',
        name: 'PENTADBIR SISTEM',
        email: 'pentadbir@example.gov.my',
        duties: [{ duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01' }],
      },
    });
  });

  it('sends the bearer key to the local stack instead of a signature', () => {
    const request = localRequest(
      new URL('http://localhost:3000'),
      { method: 'GET', path: '/api/admin/duties' },
      'k'.repeat(32),
    );

    expect(request.url).toBe('http://localhost:3000/api/admin/duties');
    expect(request.headers.get('authorization')).toBe(`Bearer ${'k'.repeat(32)}`);
  });
});
