import type { Term } from '@rdfjs/types';
import { XmlText } from './xml-text.js';

/** One solution: variable name (without `?`) → term. */
export type Solution = ReadonlyMap<string, Term>;

/** Writes SPARQL results row by row within a byte budget, so a large result is cut at a row boundary. */
export interface ResultWriter {
  /** Adds a row; false when it would pass the byte budget (the row is then not written). */
  row(solution: Solution): boolean;
  /** The whole document. */
  end(): string;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

class Budget {
  private used = 0;
  constructor(private readonly max: number) {}
  take(chunk: string): boolean {
    const bytes = Buffer.byteLength(chunk);
    if (this.used + bytes > this.max) return false;
    this.used += bytes;
    return true;
  }
}

/** SPARQL 1.1 Query Results JSON. */
export function jsonWriter(vars: readonly string[], maxBytes: number): ResultWriter {
  const rows: string[] = [];
  const head = `{"head":{"vars":${JSON.stringify(vars)}},"results":{"bindings":[`;
  const budget = new Budget(maxBytes - head.length - 4);
  return {
    row(solution) {
      const binding: Record<string, unknown> = {};
      for (const [name, term] of solution) binding[name] = jsonTerm(term);
      const chunk = `${rows.length > 0 ? ',' : ''}\n${JSON.stringify(binding)}`;
      if (!budget.take(chunk)) return false;
      rows.push(chunk);
      return true;
    },
    end: () => `${head}${rows.join('')}\n]}}\n`,
  };
}

function jsonTerm(term: Term): Record<string, string> {
  switch (term.termType) {
    case 'NamedNode':
      return { type: 'uri', value: term.value };
    case 'BlankNode':
      return { type: 'bnode', value: term.value };
    case 'Literal':
      if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
      if (term.datatype.value !== XSD_STRING)
        return { type: 'literal', value: term.value, datatype: term.datatype.value };
      return { type: 'literal', value: term.value };
    default:
      return { type: 'literal', value: term.value };
  }
}

/** SPARQL Query Results XML (1.0: characters it cannot carry are replaced, see XmlText). */
export function xmlWriter(vars: readonly string[], maxBytes: number): ResultWriter {
  const text = new XmlText();
  const rows: string[] = [];
  const head = `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>${vars.map((v) => `<variable name="${text.escape(v)}"/>`).join('')}</head>\n<results>\n`;
  // Room for the closing tags and the note of replaced characters.
  const budget = new Budget(maxBytes - head.length - 24 - 160);
  return {
    row(solution) {
      const bindings = [...solution].map(
        ([name, term]) => `<binding name="${text.escape(name)}">${xmlTerm(term, text.escape)}</binding>`,
      );
      const chunk = `<result>${bindings.join('')}</result>\n`;
      if (!budget.take(chunk)) return false;
      rows.push(chunk);
      return true;
    },
    end: () => `${head}${rows.join('')}</results>\n</sparql>\n${text.note()}`,
  };
}

function xmlTerm(term: Term, escape: (text: string) => string): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<uri>${escape(term.value)}</uri>`;
    case 'BlankNode':
      return `<bnode>${escape(term.value)}</bnode>`;
    case 'Literal':
      if (term.language) return `<literal xml:lang="${escape(term.language)}">${escape(term.value)}</literal>`;
      if (term.datatype.value !== XSD_STRING)
        return `<literal datatype="${escape(term.datatype.value)}">${escape(term.value)}</literal>`;
      return `<literal>${escape(term.value)}</literal>`;
    default:
      return `<literal>${escape(term.value)}</literal>`;
  }
}

/** SPARQL 1.1 Query Results CSV: plain values, quoted where needed. */
export function csvWriter(vars: readonly string[], maxBytes: number): ResultWriter {
  const lines = [`${vars.map(csvField).join(',')}\r\n`];
  const budget = new Budget(maxBytes - lines[0]!.length);
  return {
    row(solution) {
      const chunk = `${vars.map((v) => csvField(csvValue(solution.get(v)))).join(',')}\r\n`;
      if (!budget.take(chunk)) return false;
      lines.push(chunk);
      return true;
    },
    end: () => lines.join(''),
  };
}

function csvValue(term: Term | undefined): string {
  if (!term) return '';
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** SPARQL 1.1 Query Results TSV: terms in Turtle syntax. */
export function tsvWriter(vars: readonly string[], maxBytes: number): ResultWriter {
  const lines = [`${vars.map((v) => `?${v}`).join('\t')}\n`];
  const budget = new Budget(maxBytes - lines[0]!.length);
  return {
    row(solution) {
      const chunk = `${vars.map((v) => tsvTerm(solution.get(v))).join('\t')}\n`;
      if (!budget.take(chunk)) return false;
      lines.push(chunk);
      return true;
    },
    end: () => lines.join(''),
  };
}

function tsvTerm(term: Term | undefined): string {
  if (!term) return '';
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const value = `"${term.value.replace(/[\\"\t\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)}"`;
      if (term.language) return `${value}@${term.language}`;
      if (term.datatype.value !== XSD_STRING) return `${value}^^<${term.datatype.value}>`;
      return value;
    }
    default:
      return term.value;
  }
}

export function booleanResult(mediaType: string, value: boolean): string {
  if (mediaType === 'application/sparql-results+xml') {
    return `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n<boolean>${value}</boolean>\n</sparql>\n`;
  }
  return `{"head":{},"boolean":${value}}\n`;
}

export function bindingsWriter(mediaType: string, vars: readonly string[], maxBytes: number): ResultWriter {
  switch (mediaType) {
    case 'application/sparql-results+xml':
      return xmlWriter(vars, maxBytes);
    case 'text/csv':
      return csvWriter(vars, maxBytes);
    case 'text/tab-separated-values':
      return tsvWriter(vars, maxBytes);
    default:
      return jsonWriter(vars, maxBytes);
  }
}
