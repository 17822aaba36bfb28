import type { Prng } from './prng.js';

/**
 * A small SPARQL 1.1 query grammar, generated at random with a depth bound: every query form, group
 * patterns with OPTIONAL, UNION, MINUS, GRAPH, FILTER, BIND, VALUES and subqueries, property paths,
 * expressions with the built-in functions, solution modifiers. Most queries are valid; the terms come
 * from the fuzz graph so that many of them match something. A LIMIT keeps most of them cheap.
 */
export const EX = 'http://example.org/fuzz/';
const NODES = 60;
const VARS = ['?a', '?b', '?c', '?d', '?e'];
const PREDICATES = ['ex:p', 'ex:q', 'ex:label', 'ex:n', 'rdf:type', 'ex:missing'];
export const PREFIXES = `PREFIX ex: <${EX}>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n`;
const FUNCTIONS1 = [
  'STR',
  'LANG',
  'DATATYPE',
  'ISIRI',
  'ISLITERAL',
  'ISBLANK',
  'BOUND',
  'STRLEN',
  'UCASE',
  'LCASE',
  'ABS',
  'CEIL',
  'ROUND',
  'MD5',
  'SHA256',
  'ENCODE_FOR_URI',
  'IRI',
  'BNODE',
  'STRUUID',
  'YEAR',
  'NOW',
];
const FUNCTIONS2 = [
  'CONCAT',
  'CONTAINS',
  'STRSTARTS',
  'STRENDS',
  'STRBEFORE',
  'STRAFTER',
  'LANGMATCHES',
  'SUBSTR',
  'SAMETERM',
  'STRDT',
  'STRLANG',
];
const OPERATORS = ['=', '!=', '<', '>', '<=', '>=', '&&', '||', '+', '-', '*', '/'];
const AGGREGATES = ['COUNT', 'SUM', 'MIN', 'MAX', 'AVG', 'SAMPLE'];

export class SparqlGrammar {
  constructor(private readonly random: Prng) {}

  query(): string {
    const r = this.random;
    const where = this.group(3);
    const limit = r.chance(0.9) ? ` LIMIT ${r.int(0, 50)}` : '';
    switch (r.int(0, 5)) {
      case 0:
        return `${PREFIXES}ASK ${where}`;
      case 1:
        return `${PREFIXES}CONSTRUCT { ${this.triple()} } WHERE ${where}${limit}`;
      case 2:
        return `${PREFIXES}DESCRIBE ${r.chance(0.5) ? this.variable() : this.iri()} WHERE ${where}${limit}`;
      case 3: {
        const v = this.variable();
        const agg = r.pick(AGGREGATES);
        return `${PREFIXES}SELECT ${v} (${agg}(${r.chance(0.3) ? 'DISTINCT ' : ''}${this.variable()}) AS ?agg) WHERE ${where} GROUP BY ${v}${r.chance(0.5) ? ` HAVING (${agg}(${this.variable()}) > ${r.int(0, 3)})` : ''}${limit}`;
      }
      default: {
        const projection = r.chance(0.4)
          ? '*'
          : `${this.variable()} ${r.chance(0.5) ? `(${this.expression(2)} AS ?x)` : this.variable()}`;
        const order = r.chance(0.3) ? ` ORDER BY ${r.chance(0.5) ? 'DESC' : 'ASC'}(${this.variable()})` : '';
        const offset = r.chance(0.2) ? ` OFFSET ${r.int(0, 20)}` : '';
        return `${PREFIXES}SELECT ${r.chance(0.2) ? 'DISTINCT ' : r.chance(0.1) ? 'REDUCED ' : ''}${projection} WHERE ${where}${order}${limit}${offset}`;
      }
    }
  }

  group(depth: number): string {
    const r = this.random;
    const elements = [this.triple()];
    const count = depth > 0 ? r.int(0, 3) : 0;
    for (let i = 0; i < count; i++) {
      switch (r.int(0, 8)) {
        case 0:
          elements.push(`OPTIONAL ${this.group(depth - 1)}`);
          break;
        case 1:
          elements.push(`${this.group(depth - 1)} UNION ${this.group(depth - 1)}`);
          break;
        case 2:
          elements.push(`MINUS ${this.group(depth - 1)}`);
          break;
        case 3:
          elements.push(`GRAPH ${r.chance(0.5) ? '?g' : `<${EX}graph/${r.int(0, 4)}>`} ${this.group(depth - 1)}`);
          break;
        case 4:
          elements.push(`FILTER(${this.expression(2)})`);
          break;
        case 5:
          elements.push(`BIND(${this.expression(2)} AS ?bound${r.int(0, 9)})`);
          break;
        case 6:
          elements.push(
            `VALUES ${this.variable()} { ${Array.from({ length: r.int(0, 3) }, () => this.term()).join(' ')} }`,
          );
          break;
        case 7:
          elements.push(`{ SELECT * WHERE ${this.group(depth - 1)} LIMIT ${r.int(1, 10)} }`);
          break;
        default:
          elements.push(this.triple());
      }
    }
    return `{ ${elements.join(' . ')} }`;
  }

  triple(): string {
    const r = this.random;
    const subject = r.chance(0.7) ? this.variable() : this.iri();
    const predicate = r.chance(0.2) ? this.path(2) : r.chance(0.2) ? this.variable() : r.pick(PREDICATES);
    return `${subject} ${predicate} ${r.chance(0.6) ? this.variable() : this.term()}`;
  }

  path(depth: number): string {
    const r = this.random;
    if (depth === 0) return r.pick(PREDICATES.filter((p) => p !== 'rdf:type'));
    switch (r.int(0, 6)) {
      case 0:
        return `^${this.path(depth - 1)}`;
      case 1:
        return `${this.path(depth - 1)}/${this.path(depth - 1)}`;
      case 2:
        return `(${this.path(depth - 1)}|${this.path(depth - 1)})`;
      case 3:
        return `${this.path(0)}${r.pick(['*', '+', '?'])}`;
      case 4:
        return `!(${this.path(0)}|^${this.path(0)})`;
      default:
        return this.path(0);
    }
  }

  expression(depth: number): string {
    const r = this.random;
    if (depth === 0) return r.chance(0.5) ? this.variable() : this.term();
    switch (r.int(0, 5)) {
      case 0:
        return `(${this.expression(depth - 1)} ${r.pick(OPERATORS)} ${this.expression(depth - 1)})`;
      case 1:
        return `${r.pick(FUNCTIONS1)}(${this.expression(depth - 1)})`;
      case 2:
        return `${r.pick(FUNCTIONS2)}(${this.expression(depth - 1)}, ${this.expression(depth - 1)})`;
      case 3:
        return `REGEX(STR(${this.variable()}), "${r.pick(['^a', 'b$', '[0-9]+', 'x|y', '.*', '(ab)+'])}"${r.chance(0.5) ? `, "${r.pick(['i', 's', 'm', 'x', ''])}"` : ''})`;
      case 4:
        return `IF(${this.expression(depth - 1)}, ${this.expression(depth - 1)}, ${this.expression(depth - 1)})`;
      default:
        return `${r.chance(0.5) ? '!' : ''}${r.pick(['EXISTS', 'NOT EXISTS'])} { ${this.triple()} }`;
    }
  }

  variable(): string {
    return this.random.pick(VARS);
  }

  iri(): string {
    return `<${EX}node/${this.random.int(0, NODES - 1)}>`;
  }

  term(): string {
    const r = this.random;
    switch (r.int(0, 6)) {
      case 0:
        return this.iri();
      case 1:
        return String(r.int(-5, 100));
      case 2:
        return `"${r.pick(['a', 'b', 'label 3', 'é', '\\u0001', '\\n', '\\"', ''])}"@${r.pick(['en', 'fr', 'es-419'])}`;
      case 3:
        return `"${r.int(0, 9)}.${r.int(0, 9)}"^^xsd:${r.pick(['decimal', 'double', 'integer', 'date', 'boolean'])}`;
      case 4:
        return r.pick(['true', 'false', '1e3', '-0.5']);
      case 5:
        return `_:b${r.int(0, 3)}`;
      default:
        return `"${r.pick(['a', 'xyz', 'node 4', '12'])}"`;
    }
  }
}

/** The fuzz graph: 300 quads in five named graphs, with labels, numbers, cycles and types. */
export function fuzzGraph(): string {
  const lines: string[] = [];
  for (let i = 0; i < NODES; i++) {
    const node = `<${EX}node/${i}>`;
    const graph = `<${EX}graph/${i % 5}>`;
    lines.push(`${node} <${EX}p> <${EX}node/${(i * 7 + 1) % NODES}> ${graph} .`);
    lines.push(`${node} <${EX}q> <${EX}node/${(i + 1) % NODES}> ${graph} .`);
    lines.push(`${node} <${EX}label> "label ${i}"@${['en', 'fr', 'es'][i % 3]} ${graph} .`);
    lines.push(`${node} <${EX}n> "${i}"^^<http://www.w3.org/2001/XMLSchema#integer> ${graph} .`);
    lines.push(`${node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EX}Type${i % 4}> ${graph} .`);
  }
  return `${lines.join('\n')}\n`;
}
