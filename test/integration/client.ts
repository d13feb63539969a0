import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LINK_FIELDS, type LinkPurpose } from '../../functions/domain/links.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { LOCAL_CREDENTIALS } from '../../functions/local/errors.ts';
import { tokensTable, usersTable } from '../../functions/tables.ts';
import { activationBody, OFFICER, registrationBody } from '../support/fixtures.ts';

export const stack = inject('stack');

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { code?: string; errors?: { path: string; code: string }[] };
}

export async function call(
  method: string,
  path: string,
  body?: unknown,
  init: { headers?: Record<string, string>; raw?: string } = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.raw !== undefined
      ? { body: init.raw }
      : body !== undefined
        ? { body: JSON.stringify(body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

export const post = (path: string, body: unknown) => call('POST', path, body);

let serial = 0;
/** A fresh, valid, fictional MyKad number per call, so tests never share a user. */
export function newIcNumber(): string {
  serial += 1;
  const unique = (process.pid % 1000) * 1000 + serial;
  return `880202${String(unique).padStart(6, '0').slice(-6)}`;
}

/**
 * The officer of the fixtures, registered by automation under a number and address of her own. The
 * registration sends her activation e-mail; `paced: false` forgets that send, as if an hour had
 * passed, so a test can ask for another at once.
 */
export async function registerUser(icNumber = newIcNumber(), { paced = false } = {}) {
  const email = `u${icNumber}@example.gov.my`;
  const answer = await call('POST', '/api/admin/users', registrationBody({ icNumber, email }), {
    headers: { authorization: `Bearer ${stack.adminApiKey}` },
  });
  if (answer.status !== 201)
    throw new Error(`register failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  if (!paced) await forgetEarlierSends(icNumber);
  return { icNumber, userId: `${OFFICER.agencyCode}:${icNumber}`, email };
}

/** The officer registered and activated through the API (the registration's e-mail): PASSWORD and GOOD_ANSWERS. */
export async function activatedUser() {
  const user = await registerUser();
  const activated = await post('/api/activation/activate', activationBody(await latestToken(user.email)));
  if (activated.status !== 200) throw new Error(`activation failed: ${activated.status}`);
  return user;
}

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { html: string; text: string };
  from: string;
}

/** Every mail the SES emulator holds for `to`, oldest first. */
export async function mailsTo(to: string): Promise<StoredMail[]> {
  const response = await fetch(`${stack.inboxUrl}store`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails.filter((m) => m.destination.to.includes(to));
}

export async function latestToken(to: string): Promise<string> {
  const mails = await mailsTo(to);
  const last = mails[mails.length - 1];
  const token = last ? /#token=([A-Za-z0-9_-]+)/.exec(last.body.text)?.[1] : undefined;
  if (!token) throw new Error(`no activation mail for ${to}`);
  return token;
}

export const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: 'ap-southeast-1',
    endpoint: stack.dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  }),
);

/** Forgets the user's earlier e-mails of one purpose, as if an hour had passed (no sleeping in tests). */
export async function forgetEarlierSends(
  icNumber: string,
  purpose: LinkPurpose = 'ACTIVATION',
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: usersTable.localName,
      Key: { icNumber },
      UpdateExpression: `SET ${LINK_FIELDS[purpose].sends} = :none`,
      ExpressionAttributeValues: { ':none': [] },
    }),
  );
}

/** Makes a token past its expiry while its item stays in the table, as DynamoDB TTL allows. */
export async function expireToken(token: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: tokensTable.localName,
      Key: { tokenHash: hashToken(token) },
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
    }),
  );
}

export async function storedUser(icNumber: string) {
  const { Item } = await db.send(new GetCommand({ TableName: usersTable.localName, Key: { icNumber } }));
  return Item;
}
