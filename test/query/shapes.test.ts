import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../functions/query/fair-queue.js';
import { queryShapes } from '../../functions/query/normalize-query.js';
import { ShapeBreaker } from '../../functions/query/shape-breaker.js';
import { RecentShapes } from '../../functions/query/recent-shapes.js';

describe('the shape of a query', () => {
  it('is shared by queries that differ only in strings, numbers, comments and layout', () => {
    const shapes = [
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?c != "1") } LIMIT 10',
      "SELECT (COUNT(*) AS ?n) WHERE {\n  ?a ?b ?c . ?d ?e ?f   # a product\n  FILTER(?c != 'two')\n} LIMIT 20",
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?c != """3""") } LIMIT 3.5e1',
    ].map((query) => queryShapes(query).shape);
    expect(new Set(shapes)).toEqual(
      new Set(['SELECT(COUNT(*)AS ?n)WHERE{?a ?b ?c . ?d ?e ?f FILTER(?c != "")}LIMIT 0']),
    );
  });

  it('keeps IRIs, prefixed names and variables, digits and all', () => {
    expect(queryShapes('SELECT ?a0 { <http://x/e42> sdg:16.2 ?a0 ; ex:p -7 }').shape).toBe(
      'SELECT ?a0{<http://x/e42> sdg:16.2 ?a0;ex:p 0}',
    );
    expect(queryShapes('ASK { <http://x/1> ?p ?o }').shape).not.toBe(queryShapes('ASK { <http://x/2> ?p ?o }').shape);
  });
});

describe('the slow shapes kept', () => {
  it('are forgotten after their time, on request, and least recently marked first past the capacity', () => {
    let now = 0;
    const slow = new RecentShapes(2, 1000, () => now);
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

  it('gives up every item of a kind at once, keeping the others in their turn', () => {
    const queue = new FairQueue<{ client: string; id: string }>();
    for (const [client, id] of [
      ['x', 'a1'],
      ['y', 'b1'],
      ['x', 'b2'],
      ['z', 'a2'],
    ])
      queue.push({ client: client!, id: id! });
    expect(queue.removeWhere((item) => item.id.startsWith('a')).map((item) => item.id)).toEqual(['a1', 'a2']);
    expect(queue.size).toBe(2);
    expect([queue.shift()?.id, queue.shift()?.id, queue.shift()]).toEqual(['b2', 'b1', undefined]);
  });
});

describe('the shape breaker', () => {
  it('refuses a shape stopped twice in a row for the cool-down, then lets one query through', () => {
    let now = 0;
    const breaker = new ShapeBreaker(60_000, 2, 1000, () => now);
    breaker.stopped('a');
    expect(breaker.refusedFor('a')).toBe(0);
    now = 5_000;
    breaker.stopped('a');
    expect(breaker.refusedFor('a')).toBe(60_000);
    now = 64_000;
    expect(breaker.refusedFor('a')).toBe(1_000);
    expect(breaker.refusedFor('b')).toBe(0);
    now = 65_000;
    expect(breaker.refusedFor('a')).toBe(0);
    // The query let through is stopped again: refused again at once, for a whole cool-down.
    breaker.stopped('a');
    expect(breaker.refusedFor('a')).toBe(60_000);
  });

  it('clears a shape when one of its queries ends in time, so stops must come in a row', () => {
    const breaker = new ShapeBreaker(60_000, 2, 1000, () => 0);
    breaker.stopped('a');
    breaker.succeeded('a');
    breaker.stopped('a');
    expect(breaker.refusedFor('a')).toBe(0);
    breaker.stopped('a');
    expect(breaker.refusedFor('a')).toBe(60_000);
    breaker.succeeded('a');
    expect([breaker.refusedFor('a'), breaker.size]).toEqual([0, 0]);
  });

  it('keeps at most its capacity, dropping the shape stopped longest ago, and never refuses with no cool-down', () => {
    const breaker = new ShapeBreaker(60_000, 1, 2);
    for (const shape of ['a', 'b', 'a', 'c']) breaker.stopped(shape);
    expect(breaker.size).toBe(2);
    expect(['a', 'b', 'c'].map((shape) => breaker.refusedFor(shape) > 0)).toEqual([true, false, true]);
    const off = new ShapeBreaker(0, 1);
    off.stopped('a');
    expect([off.refusedFor('a'), off.size]).toEqual([0, 0]);
  });
});

describe('the shape the breaker counts', () => {
  it('keeps numbers, so a LIMIT or OFFSET that makes a query slow does not close its short variants', () => {
    const shape = (query: string) => queryShapes(query).exactShape;
    expect(shape('SELECT * { ?s ?p ?o FILTER(?o != "x") } OFFSET 1000000 LIMIT 1')).toBe(
      shape('SELECT * {\n ?s ?p ?o FILTER(?o != "y") # another\n} OFFSET 1000000 LIMIT 1'),
    );
    expect(shape('SELECT * { ?s ?p ?o } OFFSET 1000000 LIMIT 1')).not.toBe(
      shape('SELECT * { ?s ?p ?o } OFFSET 0 LIMIT 1'),
    );
  });
});
