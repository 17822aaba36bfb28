import type { Prng } from './prng.js';

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '"',
  "'",
  '\\',
  '<',
  '>',
  '?',
  '$',
  '#',
  '.',
  ';',
  ',',
  '|',
  '^',
  '*',
  '%',
  '@',
  '\u0000',
  '\uFFFF',
  '"""',
  'SELECT',
  'UNION',
  'FILTER(',
  'SERVICE <http://127.0.0.1:9/sparql>',
];

/**
 * Byte mutations of a query's UTF-8: bytes flipped, inserted, deleted, duplicated or cut, and syntax
 * tokens spliced in. The result may not even be UTF-8 any more, which is part of the test.
 */
export function mutate(query: string, random: Prng): Uint8Array {
  let bytes = Buffer.from(query, 'utf8');
  const rounds = random.int(1, 6);
  for (let i = 0; i < rounds; i++) {
    const at = random.int(0, Math.max(0, bytes.length - 1));
    switch (random.int(0, 6)) {
      case 0:
        if (bytes.length > 0) bytes[at] = bytes[at]! ^ (1 << random.int(0, 7));
        break;
      case 1:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([random.int(0, 255)]), bytes.subarray(at)]);
        break;
      case 2:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + random.int(1, 8))]);
        break;
      case 3: {
        const end = Math.min(bytes.length, at + random.int(1, 40));
        bytes = Buffer.concat([bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end)]);
        break;
      }
      case 4:
        bytes = bytes.subarray(0, at);
        break;
      default:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(TOKENS), 'utf8'), bytes.subarray(at)]);
    }
  }
  return new Uint8Array(bytes);
}
