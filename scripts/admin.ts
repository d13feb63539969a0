/**
 * `npm run admin -- <command>`: the administration API from a terminal, for the deployer and for
 * automation. In AWS it signs every request with SigV4 (the credentials of the AWS CLI's chain:
 * environment, profile, SSO, instance role) and calls the IAM-authorized admin API (the stack's
 * `AdminApiUrl` output); on the local stack it sends the bearer admin key instead.
 *
 *   npm run admin -- first-admin --api <AdminApiUrl> --ic 700101015555 --agency pn --ptj PN01 \
 *     --name "PENTADBIR SISTEM" --email pentadbir@example.gov.my
 *   npm run admin -- call GET /api/admin/users?status=PENDING --api <AdminApiUrl>
 *   npm run admin -- call GET /api/admin/progress --local --key <ADMIN_API_KEY>
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@smithy/types';

/** SHA-256 (and HMAC-SHA-256 with a secret) for the signer, from Node's own crypto. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key =
      typeof this.secret === 'string'
        ? this.secret
        : ArrayBuffer.isView(this.secret)
          ? Buffer.from(this.secret.buffer, this.secret.byteOffset, this.secret.byteLength)
          : Buffer.from(this.secret);
    return createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
          : Buffer.from(data),
    );
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

export interface AdminCall {
  method: string;
  /** The path and query, e.g. `/api/admin/users?status=PENDING`. */
  path: string;
  body?: unknown;
}

export type Credentials = AwsCredentialIdentity | Provider<AwsCredentialIdentity>;

/** The Region of an execute-api address: `https://abc123.execute-api.ap-southeast-1.amazonaws.com`. */
export function regionOf(api: URL): string {
  const region = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(api.hostname)?.[1];
  if (!region) throw new Error(`${api.origin} is not an execute-api address; give the AdminApiUrl output.`);
  return region;
}

/** The request, signed with SigV4 for `execute-api` (the admin API's IAM authorizer checks it). */
export async function signedRequest(api: URL, call: AdminCall, credentials: Credentials): Promise<Request> {
  const url = new URL(call.path, api);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const signer = new SignatureV4({
    service: 'execute-api',
    region: regionOf(api),
    credentials,
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: call.method,
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: {
      host: url.host,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body }),
  });
  return new Request(url, {
    method: call.method,
    headers: signed.headers as Record<string, string>,
    ...(body === undefined ? {} : { body }),
  });
}

/** The same request for the local stack: the bearer admin key stands in for SigV4. */
export function localRequest(base: URL, call: AdminCall, key: string): Request {
  return new Request(new URL(call.path, base), {
    method: call.method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}

/** The registration of the first system administrator: an officer with the PENTADBIR_SISTEM duty. */
export function firstAdminCall(options: {
  ic: string;
  agency?: string | undefined;
  ptj: string;
  name: string;
  email: string;
}): AdminCall {
  return {
    method: 'POST',
    path: '/api/admin/users',
    body: {
      icNumber: options.ic,
      ...(options.agency ? { agencyCode: options.agency } : {}),
      ptjCode: options.ptj,
      name: options.name,
      email: options.email,
      duties: [{ duty: 'PENTADBIR_SISTEM', ptjCode: options.ptj }],
    },
  };
}

const USAGE = `Usage:
  npm run admin -- first-admin --ic <IC> --ptj <PTJ> --name "<NAME>" --email <e-mail> [--agency <code>] (--api <AdminApiUrl> | --local [--key <key>])
  npm run admin -- call <METHOD> <PATH> [<JSON body>] (--api <AdminApiUrl> | --local [--key <key>])

--api    the stack's AdminApiUrl output; requests are signed with SigV4 using the AWS credential chain
--local  the local stack (http://localhost:3000, or --url); the key defaults to ADMIN_API_KEY`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      local: { type: 'boolean' },
      url: { type: 'string' },
      key: { type: 'string' },
      ic: { type: 'string' },
      agency: { type: 'string' },
      ptj: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  let call: AdminCall;
  if (command === 'first-admin') {
    const { ic, ptj, name, email } = values;
    if (!ic || !ptj || !name || !email)
      throw new UsageError('first-admin needs --ic, --ptj, --name and --email.');
    call = firstAdminCall({ ic, agency: values.agency, ptj, name, email });
  } else if (command === 'call') {
    const [method, path, json] = rest;
    if (!method || !path?.startsWith('/api/'))
      throw new UsageError('call needs a METHOD and a PATH under /api/.');
    let body: unknown;
    if (json !== undefined) {
      try {
        body = JSON.parse(json);
      } catch {
        throw new UsageError('The body is not JSON.');
      }
    }
    call = { method: method.toUpperCase(), path, ...(body === undefined ? {} : { body }) };
  } else {
    throw new UsageError(`Unknown command ${command}.`);
  }

  let request: Request;
  if (values.local) {
    const key = values.key ?? process.env.ADMIN_API_KEY;
    if (!key) throw new UsageError('--local needs --key or ADMIN_API_KEY (npm start prints it).');
    request = localRequest(new URL(values.url ?? 'http://localhost:3000'), call, key);
  } else if (values.api) {
    request = await signedRequest(new URL(values.api), call, defaultProvider());
  } else {
    throw new UsageError('Give --api <AdminApiUrl> (AWS) or --local.');
  }
  const response = await fetch(request);
  const text = await response.text();
  process.stdout.write(`${response.status} ${response.statusText}\n${text}\n`);
  return response.ok ? 0 : 1;
}

class UsageError extends Error {}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        error instanceof UsageError
          ? `${error.message}\n\n${USAGE}\n`
          : `Failed: ${(error as Error).message}\n`,
      );
      process.exitCode = 2;
    },
  );
}
