import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../functions/query/fair-queue.js';
import { queryShape } from '../../functions/query/normalize-query.js';
import { SlowShapes } from '../../functions/query/slow-shapes.js';

describe('the shape of a query', () => {
  it('is shared by queries that differ only in strings, numbers, comments and layout', () => {
    const shapes = [
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?c != "1") } LIMIT 10',
      "SELECT (COUNT(*) AS ?n) WHERE {\n  ?a ?b ?c . ?d ?e ?f   # a product\n  FILTER(?c != 'two')\n} LIMIT 20",
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?c != """3""") } LIMIT 3.5e1',
    ].map(queryShape);
    expect(new Set(shapes)).toEqual(
      new Set(['SELECT(COUNT(*)AS ?n)WHERE{?a ?b ?c . ?d ?e ?f FILTER(?c != "")}LIMIT 0']),
    );
  });

  it('keeps IRIs, prefixed names and variables, digits and all', () => {
    expect(queryShape('SELECT ?a0 { <http://x/e42> sdg:16.2 ?a0 ; ex:p -7 }')).toBe(
      'SELECT ?a0{<http://x/e42> sdg:16.2 ?a0;ex:p 0}',
    );
    expect(queryShape('ASK { <http://x/1> ?p ?o }')).not.toBe(queryShape('ASK { <http://x/2> ?p ?o }'));
  });
});

describe('the slow shapes kept', () => {
  it('are forgotten after their time, on request, and least recently marked first past the capacity', () => {
    let now = 0;
    const slow = new SlowShapes(2, 1000, () => now);
    slow.mark('a');
    slow.mark('b');
    slow.mark('a'); // seen again: now the most recent
    slow.mark('c'); // over capacity: b goes
    expect(['a', 'b', 'c'].map((s) => slow.has(s))).toEqual([true, false, true]);
    slow.forget('c');
    expect(slow.has('c')).toBe(false);
    now = 999;
    expect(slow.has('a')).toBe(true);
    now = 1001;
    expect(slow.has('a')).toBe(false);
    expect(slow.size).toBe(0);
  });
});

describe('the fair queue, asked for what it may start', () => {
  it('takes each client in turn, passing over what is not accepted without holding up the rest', () => {
    const queue = new FairQueue<{ client: string; id: string; slow: boolean }>();
    for (const [client, id, slow] of [
      ['x', 'x1', true],
      ['x', 'x2', false],
      ['y', 'y1', true],
      ['z', 'z1', false],
    ] as const)
      queue.push({ client, id, slow });
    const fast = (item: { slow: boolean }) => !item.slow;
    expect(queue.shift(fast)?.id).toBe('x2');
    expect(queue.shift(fast)?.id).toBe('z1');
    expect(queue.shift(fast)).toBeUndefined();
    expect(queue.size).toBe(2);
    expect([queue.shift()?.id, queue.shift()?.id]).toEqual(['y1', 'x1']);
  });
});
