/**
 * Who asks, for per-client limits: the socket address, or behind `trustedHops` proxies that each append
 * the address they saw to X-Forwarded-For (CloudFront does), the address the outermost one saw. Entries
 * left of it come from the client itself and are not trusted.
 */
export function clientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  if (trustedHops > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h.length > 0);
    const client = hops[Math.max(0, hops.length - trustedHops)];
    if (client) return client;
  }
  return socketAddress ?? 'unknown';
}
