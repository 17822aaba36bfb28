import type { Http2Bindings, HttpBindings } from '@hono/node-server';

/** What @hono/node-server passes to `fetch` beside the Request: the Node objects of the exchange. */
export type NodeBindings = HttpBindings | Http2Bindings;

type Fetch = (request: Request, env: NodeBindings) => Response | Promise<Response>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `[28/Nov/2026:21:45:39 +0000]`, the time format of the Common Log Format (always UTC here). */
export function clfTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `[${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000]`
  );
}

/** Quotes a client-supplied field as Apache does, so a request cannot forge log lines. */
export function clfQuote(value: string | undefined): string {
  if (value === undefined || value === '') return '"-"';
  let quoted = '"';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === '\\') quoted += `\\${c}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += c;
  }
  return `${quoted}"`;
}

/**
 * Wraps the app's fetch so each answered request writes one line in the Combined Log Format, followed
 * by the time taken in milliseconds. The line is written when the response has been sent, so it holds
 * the status and the bytes that really went out.
 */
export function withAccessLog(fetch: Fetch, write: (line: string) => void, now: () => Date = () => new Date()): Fetch {
  return async (request, env) => {
    const started = performance.now();
    const received = now();
    const { incoming, outgoing } = env;
    let bytes = 0;
    outgoing.once('finish', () => {
      const requestLine = `${incoming.method ?? '-'} ${incoming.url ?? '-'} HTTP/${incoming.httpVersion}`;
      write(
        [
          incoming.socket.remoteAddress ?? '-',
          '-',
          '-',
          clfTime(received),
          clfQuote(requestLine),
          outgoing.statusCode,
          bytes === 0 ? '-' : String(bytes),
          clfQuote(incoming.headers.referer),
          clfQuote(incoming.headers['user-agent']),
          `${Math.round(performance.now() - started)}ms`,
        ].join(' '),
      );
    });
    const response = await fetch(request, env);
    if (!response.body) return response;
    // The body bytes that really went out, however the app produced them (buffered or streamed).
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, response);
  };
}
