import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Quad_Graph, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { iriFromUrl } from './iri-from-url.js';
import { NS } from './namespaces.js';

const { namedNode, literal, quad } = DataFactory;

export const iri = (value: string): NamedNode => namedNode(value);
export const rdfType = namedNode(`${NS.rdf}type`);

/** A term of an external namespace, e.g. `ns('skos', 'prefLabel')`. */
export const ns = (prefix: keyof typeof NS, local: string): NamedNode => namedNode(`${NS[prefix]}${local}`);

export const langString = (value: string, language = 'en'): Literal => literal(value, language);
export const plain = (value: string): Literal => literal(value);
export const typed = (value: string, datatype: string): Literal => literal(value, namedNode(datatype));
export const gYear = (year: number): Literal => typed(String(year), `${NS.xsd}gYear`);
export const boolean = (value: boolean): Literal => typed(String(value), `${NS.xsd}boolean`);
export const integer = (value: number): Literal => typed(String(value), `${NS.xsd}integer`);
export const decimal = (value: number): Literal =>
  Number.isInteger(value) ? integer(value) : typed(String(value), `${NS.xsd}decimal`);

/** Collects the quads of one named graph. */
export class GraphBuilder {
  readonly quads: Quad[] = [];
  readonly graph: Quad_Graph;

  constructor(graph: string) {
    this.graph = namedNode(graph);
  }

  add(subject: string | Quad_Subject, predicate: string | NamedNode, object: Quad_Object | undefined): this {
    if (object === undefined) return this;
    const s = typeof subject === 'string' ? namedNode(subject) : subject;
    const p = typeof predicate === 'string' ? namedNode(predicate) : predicate;
    this.quads.push(quad(s, p, object, this.graph));
    return this;
  }

  /** Adds `subject predicate <object>` for an IRI that may be absent. */
  link(subject: string, predicate: string | NamedNode, object: string | undefined): this {
    return object === undefined ? this : this.add(subject, predicate, namedNode(object));
  }

  links(subject: string, predicate: string | NamedNode, objects: readonly string[]): this {
    for (const o of objects) this.link(subject, predicate, o);
    return this;
  }

  /** Links to a URL as a record prints it, percent-encoded where an IRI needs it (iriFromUrl). */
  url(subject: string, predicate: string | NamedNode, url: string | undefined): this {
    return this.link(subject, predicate, url === undefined ? undefined : iriFromUrl(url));
  }

  urls(subject: string, predicate: string | NamedNode, urls: readonly string[]): this {
    for (const u of urls) this.url(subject, predicate, u);
    return this;
  }

  type(subject: string, ...classes: string[]): this {
    for (const c of classes) this.link(subject, rdfType, c);
    return this;
  }
}
