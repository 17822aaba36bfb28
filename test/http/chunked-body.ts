import { request } from 'node:http';

/**
 * POSTs `bytes` of spaces to `${url}/sparql` as a chunked body (no Content-Length), 64 KiB at a time,
 * and stops writing once the server answers: resolves with the status and the bytes written by then.
 * Rejects if the connection fails before an answer.
 */
export function postChunkedBody(
  url: string,
  bytes: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(`${url}/sparql`);
    const req = request({
      host: target.hostname,
      port: target.port,
      path: '/sparql',
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query', ...headers },
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sent });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
