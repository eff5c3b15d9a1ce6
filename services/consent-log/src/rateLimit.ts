import { createHash, randomBytes } from 'node:crypto';

/**
 * Counts requests per client in windows of a minute, in memory. A client is known
 * only by a salted hash of its address: the address itself is never kept, and
 * the salt, new at every start and never written anywhere, makes the hashes
 * worthless outside this process. Returns, for each request, how many seconds the
 * client must wait: 0 when it may go ahead.
 */
export function createRateLimiter(perMinute: number): (address: string) => number {
  const salt = randomBytes(32);
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  return (address) => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      counts = new Map();
      windowStart = now;
    }
    const key = createHash('sha256').update(salt).update(address).digest('base64');
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    return count <= perMinute ? 0 : Math.ceil((windowStart + 60_000 - now) / 1000);
  };
}
