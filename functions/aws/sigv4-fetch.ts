// Adapter: requests to Amazon Neptune with IAM database authentication are signed with AWS Signature
// Version 4 (service `neptune-db`). The core takes any `fetch`; this one signs before it sends.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, HttpRequest, Provider, SourceData } from '@smithy/types';

type FetchInput = string | URL | Request;
export type SigningFetch = (input: FetchInput, init?: RequestInit) => Promise<Response>;

export interface SigV4FetchOptions {
  /** The region of the Neptune cluster. */
  readonly region: string;
  /** Fixed credentials (tests) or a provider (the Lambda role's, through the default chain). */
  readonly credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** @default neptune-db */
  readonly service?: string;
  /** The signing time. @default the clock */
  readonly now?: () => Date;
  /** The fetch that sends the signed request. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
}

/** SHA-256 (or HMAC-SHA-256 with a secret) from node:crypto, in the shape the signer asks for. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key = typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as Uint8Array);
    return createHmac('sha256', key);
  }
}

/** The body as the bytes that go on the wire, so that the signed hash is the hash of what is sent. */
function bodyText(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('sigV4Fetch signs string, form or byte bodies only (a stream cannot be hashed first)');
}

/**
 * A `fetch` that signs every request with SigV4: the method, path, query, host and every header given,
 * and the SHA-256 of the body (x-amz-content-sha256), for the `neptune-db` service by default.
 */
export function sigV4Fetch(options: SigV4FetchOptions): SigningFetch {
  const signer = new SignatureV4({
    service: options.service ?? 'neptune-db',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const send = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : input.toString());
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers ?? request?.headers).forEach((value, name) => (headers[name] = value));
    const body = init.body === undefined && request?.body ? await request.text() : bodyText(init.body);
    if (init.body instanceof URLSearchParams && !headers['content-type'])
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const seen = query[name];
      query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    const unsigned: HttpRequest = {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers: { ...headers, host: url.host },
      ...(body === undefined ? {} : { body }),
    };
    const signed = await signer.sign(unsigned, { signingDate: now() });
    // fetch sets Host itself, from the same URL: the signed value is the one that goes out.
    const sent = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host'));
    return send(url, { ...init, method, headers: sent, ...(body === undefined ? {} : { body }) });
  };
}
