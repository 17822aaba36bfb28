import type { Literal } from '@rdfjs/types';
import type { JsonLdContext } from './serialize.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** Raised for a context or a value the direct writers do not handle; the caller falls back to jsonld.js. */
export class UnsupportedJsonLd extends Error {
  constructor(what: string) {
    super(`not handled by the direct JSON-LD writer: ${what}`);
    this.name = 'UnsupportedJsonLd';
  }
}

/** What a term of the context stands for. */
interface TermDefinition {
  readonly term: string;
  readonly iri: string;
  /** `@id`, a datatype IRI, or undefined for no coercion. */
  readonly type?: string;
  readonly reverse: boolean;
  /** May stand before a colon in a compact IRI (JSON-LD 1.1: a simple term whose IRI ends in a gen-delim). */
  readonly prefix: boolean;
}

/** A compacted JSON-LD value, as `JSON.stringify` writes it. */
export type Compacted = string | Compacted[] | { [key: string]: Compacted };

/**
 * The compaction of JSON-LD 1.1 (as jsonld.js does it, key for key and byte for byte) for the kind of
 * context this project publishes: prefixes, plain terms, terms coerced to `@id` or to a datatype, reverse
 * terms with a `@set` container, and aliases of `@id` and `@type`. Anything else (`@vocab`, `@base`, a
 * default language, other containers, scoped contexts) raises {@link UnsupportedJsonLd}, and so does an
 * IRI compaction that jsonld.js would refuse, so a caller can fall back to jsonld.js itself.
 */
export class TermCompactor {
  private readonly terms = new Map<string, TermDefinition>();
  /** IRI → its terms, shortest first, then in code-point order (the order jsonld.js prefers them in). */
  private readonly byIri = new Map<string, TermDefinition[]>();
  private readonly prefixes: TermDefinition[] = [];
  private readonly aliases = new Map<string, string>();
  private readonly vocabCache = new Map<string, string>();
  private readonly idCache = new Map<string, string>();

  constructor(contexts: readonly JsonLdContext[]) {
    const raw = new Map<string, unknown>();
    for (const context of contexts) {
      for (const [key, value] of Object.entries(context)) {
        if (key === '@version' || key === '@protected') continue;
        if (key.startsWith('@')) throw new UnsupportedJsonLd(`context keyword ${key}`);
        if (raw.has(key)) throw new UnsupportedJsonLd(`term ${key} defined twice`);
        raw.set(key, value);
      }
    }
    const expand = (value: string): string => {
      if (value.startsWith('@')) return value;
      const colon = value.indexOf(':');
      if (colon < 0) throw new UnsupportedJsonLd(`relative IRI ${value}`);
      const prefix = value.slice(0, colon);
      const suffix = value.slice(colon + 1);
      const definition = raw.get(prefix);
      if (prefix === '_' || suffix.startsWith('//') || definition === undefined) return value;
      if (typeof definition !== 'string' || definition.includes(':') === false || definition.startsWith('@'))
        throw new UnsupportedJsonLd(`prefix ${prefix}`);
      const base = expand(definition);
      if (!/[:/?#[\]@]$/.test(base)) throw new UnsupportedJsonLd(`prefix ${prefix} not ending in a delimiter`);
      return base + suffix;
    };
    for (const [term, value] of raw) {
      if (term.includes(':')) throw new UnsupportedJsonLd(`term ${term} with a colon`);
      let definition: TermDefinition;
      if (typeof value === 'string') {
        const iri = expand(value);
        if (iri === '@id' || iri === '@type') {
          this.aliases.set(iri, shortestLeast(this.aliases.get(iri), term));
          continue;
        }
        if (iri.startsWith('@')) throw new UnsupportedJsonLd(`alias of ${iri}`);
        definition = { term, iri, reverse: false, prefix: /[:/?#[\]@]$/.test(iri) };
      } else if (value !== null && typeof value === 'object') {
        const {
          '@id': id,
          '@type': type,
          '@reverse': reverse,
          '@container': container,
          ...rest
        } = value as Record<string, unknown>;
        if (Object.keys(rest).length > 0) throw new UnsupportedJsonLd(`term ${term}: ${Object.keys(rest).join(', ')}`);
        if (reverse !== undefined) {
          if (typeof reverse !== 'string' || id !== undefined || type !== undefined || container !== '@set')
            throw new UnsupportedJsonLd(`reverse term ${term}`);
          definition = { term, iri: expand(reverse), reverse: true, prefix: false };
        } else {
          if (typeof id !== 'string' || container !== undefined) throw new UnsupportedJsonLd(`term ${term}`);
          if (type !== undefined && (typeof type !== 'string' || (type.startsWith('@') && type !== '@id')))
            throw new UnsupportedJsonLd(`term ${term} of type ${String(type)}`);
          const iri = expand(id);
          if (iri.startsWith('@')) throw new UnsupportedJsonLd(`term ${term} for ${iri}`);
          definition = { term, iri, reverse: false, prefix: false, ...(type ? { type: expand(type) } : {}) };
        }
      } else {
        throw new UnsupportedJsonLd(`term ${term}`);
      }
      this.terms.set(term, definition);
      let list = this.byIri.get(definition.iri);
      if (!list) this.byIri.set(definition.iri, (list = []));
      list.push(definition);
      if (definition.prefix) this.prefixes.push(definition);
    }
    for (const list of this.byIri.values()) list.sort((a, b) => compareShortestLeast(a.term, b.term));
  }

  /** The key of a keyword (`@id`, `@type`) in compacted output: its alias if the context has one. */
  keyword(keyword: '@id' | '@type'): string {
    return this.aliases.get(keyword) ?? keyword;
  }

  /** An IRI in the position of a node id (`@id`, or a value of a term coerced to `@id`). */
  id(iri: string): string {
    let compacted = this.idCache.get(iri);
    if (compacted === undefined) this.idCache.set(iri, (compacted = this.compactIri(iri, false)));
    return compacted;
  }

  /** An IRI in the position of a type (`@type`, a datatype). */
  vocab(iri: string): string {
    let compacted = this.vocabCache.get(iri);
    if (compacted === undefined) {
      const term = this.select(iri, (d) => !d.reverse && d.type === '@id') ?? this.select(iri, isPlain);
      this.vocabCache.set(iri, (compacted = term ? term.term : this.compactIri(iri, false)));
    }
    return compacted;
  }

  /**
   * The key and the compacted value of one value of a property: a term chosen for the kind of value (as
   * jsonld.js's term selection chooses it), else a compact IRI, else the IRI; then the value compacted
   * for that key. `node` is the value when it is a node (reference or embedded), compacted by the caller.
   */
  property(
    iri: string,
    value: { literal: Literal } | { node: string; embedded?: Compacted },
    reverse = false,
  ): [string, Compacted] {
    let term: TermDefinition | undefined;
    if (reverse) term = this.select(iri, (d) => d.reverse);
    else if ('node' in value)
      term = this.select(iri, (d) => !d.reverse && d.type === '@id') ?? this.select(iri, isPlain);
    else if (value.literal.language) term = this.select(iri, isPlain);
    else if (value.literal.datatype.value !== XSD_STRING) {
      const datatype = value.literal.datatype.value;
      term = this.select(iri, (d) => !d.reverse && d.type === datatype) ?? this.select(iri, isPlain);
    } else term = this.select(iri, isPlain);
    if (reverse && !term) throw new UnsupportedJsonLd(`reverse property ${iri} without a term`);
    const key = term ? term.term : this.compactIri(iri, true);
    if ('node' in value) {
      if (value.embedded !== undefined) return [key, value.embedded];
      return [key, term?.type === '@id' ? this.id(value.node) : { [this.keyword('@id')]: this.id(value.node) }];
    }
    const literal = value.literal;
    if (literal.language) {
      return [key, { '@language': literal.language, '@value': literal.value }];
    }
    const datatype = literal.datatype.value;
    if (datatype === XSD_STRING || term?.type === datatype) return [key, literal.value];
    return [key, { [this.keyword('@type')]: this.vocab(datatype), '@value': literal.value }];
  }

  private select(iri: string, fits: (d: TermDefinition) => boolean): TermDefinition | undefined {
    return this.byIri.get(iri)?.find(fits);
  }

  /**
   * A compact IRI (`prefix:suffix`, the shortest, then the first in code-point order) or the IRI itself.
   * `forValue`: compacting a property for a value, where a compact IRI that is also a term cannot be used.
   */
  private compactIri(iri: string, forValue: boolean): string {
    let choice: string | undefined;
    for (const p of this.prefixes) {
      if (iri.length <= p.iri.length || !iri.startsWith(p.iri)) continue;
      const curie = `${p.term}:${iri.slice(p.iri.length)}`;
      const usable = !this.terms.has(curie) || (!forValue && this.terms.get(curie)!.iri === iri);
      if (usable && (choice === undefined || compareShortestLeast(curie, choice) < 0)) choice = curie;
    }
    if (choice !== undefined) return choice;
    for (const p of this.prefixes)
      if (iri.startsWith(`${p.term}:`)) throw new UnsupportedJsonLd(`IRI ${iri} confused with a prefix`);
    if (iri.startsWith('//') || !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(iri)) throw new UnsupportedJsonLd(`IRI ${iri}`);
    return iri;
  }
}

function isPlain(d: TermDefinition): boolean {
  return !d.reverse && d.type === undefined;
}

function compareShortestLeast(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function shortestLeast(a: string | undefined, b: string): string {
  return a === undefined || compareShortestLeast(b, a) < 0 ? b : a;
}
