import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sigV4Fetch } from '../../functions/aws/sigv4-fetch.js';

// The example credentials of the AWS documentation: fixed, never valid anywhere.
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
};
const now = () => new Date('2026-11-28T23:30:00Z');

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** What Neptune does on its side, written from the SigV4 specification: the signature the request should carry. */
function expectedSignature(r: Received, signedHeaders: string[], date: string): string {
  const url = new URL(r.url, 'http://placeholder');
  const query = [...url.searchParams]
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const headerLines = signedHeaders.map((h) => `${h}:${String(r.headers[h]).trim()}\n`).join('');
  const canonical = [r.method, url.pathname, query, headerLines, signedHeaders.join(';'), sha256(r.body)].join('\n');
  const scope = `${date.slice(0, 8)}/eu-west-1/neptune-db/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, date.slice(0, 8));
  for (const part of ['eu-west-1', 'neptune-db', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sigV4Fetch', () => {
  const signing = () => sigV4Fetch({ region: 'eu-west-1', credentials, now });

  it('signs a Graph Store PUT: scope, signed headers, the body hash, and a signature the server can recompute', async () => {
    received.length = 0;
    const body = '<https://kg.example.org/a> <https://kg.example.org/p> "é" .';
    const response = await signing()(`${base}/sparql/gsp/?graph=${encodeURIComponent('https://kg.example.org/g/1')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/n-triples' },
      body,
    });
    expect(response.status).toBe(204);
    const [r] = received;
    expect(r!.method).toBe('PUT');
    expect(r!.body).toBe(body);
    expect(r!.headers['x-amz-date']).toBe('20261128T233000Z');
    expect(r!.headers['x-amz-security-token']).toBe('session-token-example');
    expect(r!.headers['x-amz-content-sha256']).toBe(sha256(body));
    const auth = String(r!.headers.authorization);
    const match =
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261128\/eu-west-1\/neptune-db\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    expect(match, auth).not.toBeNull();
    const signed = match![1]!.split(';');
    expect(signed).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']);
    expect(match![2]).toBe(expectedSignature(r!, signed, '20261128T233000Z'));
  });

  it('signs a form-encoded SPARQL POST and a GET with a query string alike', async () => {
    received.length = 0;
    const fetch = signing();
    await fetch(`${base}/sparql`, { method: 'POST', body: new URLSearchParams({ query: 'ASK {}' }) });
    await fetch(new URL(`${base}/sparql?query=${encodeURIComponent('SELECT * { ?s ?p ?o }')}&x=(1)`));
    expect(received.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(received[0]!.body).toBe('query=ASK+%7B%7D');
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    for (const r of received) {
      const [, signedList, signature] = /SignedHeaders=([^,]+), Signature=(\w+)/.exec(String(r.headers.authorization))!;
      expect(signature).toBe(expectedSignature(r, signedList!.split(';'), '20261128T233000Z'));
    }
  });

  it('gives a different signature when the body differs (the body hash is signed)', async () => {
    received.length = 0;
    const fetch = signing();
    for (const body of ['<a:x> <a:p> "1" .', '<a:x> <a:p> "2" .'])
      await fetch(`${base}/sparql/gsp/?default`, { method: 'PUT', body });
    const signatures = received.map((r) => /Signature=(\w+)/.exec(String(r.headers.authorization))![1]);
    expect(new Set(signatures).size).toBe(2);
  });

  it('refuses a streamed body, whose hash cannot be known before sending', async () => {
    const stream = new ReadableStream({ start: (c) => c.close() });
    await expect(signing()(`${base}/x`, { method: 'PUT', body: stream })).rejects.toThrow(
      /signs string, form or byte bodies only/,
    );
  });
});
