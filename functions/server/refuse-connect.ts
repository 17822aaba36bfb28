import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { DATA_POLICY, SECURITY_HEADERS } from '../http/security-headers.js';

const BODY = 'Method CONNECT is not allowed: this server is not a proxy. Use GET or POST.\n';

/**
 * Node hands a CONNECT request to the server's 'connect' event, never to the app: without a listener it
 * drops the connection with no answer. This answers 405 with Allow, as the app does for other methods.
 */
export function refuseConnect(_request: IncomingMessage, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  socket.end(
    [
      'HTTP/1.1 405 Method Not Allowed',
      'Allow: GET, HEAD, POST, OPTIONS',
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(BODY)}`,
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
      `Content-Security-Policy: ${DATA_POLICY}`,
      'Connection: close',
      '',
      BODY,
    ].join('\r\n'),
  );
}
