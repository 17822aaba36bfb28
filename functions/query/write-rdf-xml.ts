import type { Quad, Term } from '@rdfjs/types';
import { XmlText } from './xml-text.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const NC_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/**
 * RDF/XML of the triples (graph names are dropped: the format has none), one rdf:Description per
 * subject. A predicate whose IRI does not end in an XML name cannot be written, and says so. Characters
 * XML 1.0 cannot carry are replaced, and a closing note says how many (see XmlText).
 */
export function writeRdfXml(quads: readonly Quad[]): string {
  const text = new XmlText();
  const escapeXml = text.escape;
  const namespaces = new Map<string, string>([[RDF, 'rdf']]);
  const qname = (iri: string): string => {
    const split = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
    const ns = iri.slice(0, split);
    const local = iri.slice(split);
    if (!NC_NAME.test(local)) throw new Error(`the predicate <${iri}> cannot be written in RDF/XML`);
    if (!namespaces.has(ns)) namespaces.set(ns, `ns${namespaces.size}`);
    return `${namespaces.get(ns)}:${local}`;
  };
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), q]);
  }
  const descriptions = [...bySubject.values()].map((triples) => {
    const subject = triples[0]!.subject;
    const about =
      subject.termType === 'BlankNode'
        ? `rdf:nodeID="${escapeXml(subject.value)}"`
        : `rdf:about="${escapeXml(subject.value)}"`;
    const properties = triples.map((q) => `    ${property(qname(q.predicate.value), q.object, escapeXml)}`);
    return `  <rdf:Description ${about}>\n${properties.join('\n')}\n  </rdf:Description>`;
  });
  const xmlns = [...namespaces].map(([ns, prefix]) => `xmlns:${prefix}="${escapeXml(ns)}"`).join('\n    ');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF ${xmlns}>\n${descriptions.join('\n')}\n</rdf:RDF>\n${text.note()}`;
}

function property(name: string, object: Term, escapeXml: (text: string) => string): string {
  if (object.termType === 'NamedNode') return `<${name} rdf:resource="${escapeXml(object.value)}"/>`;
  if (object.termType === 'BlankNode') return `<${name} rdf:nodeID="${escapeXml(object.value)}"/>`;
  if (object.termType !== 'Literal') throw new Error(`a ${object.termType} cannot be written in RDF/XML`);
  const attributes = object.language
    ? ` xml:lang="${escapeXml(object.language)}"`
    : object.datatype.value === XSD_STRING
      ? ''
      : ` rdf:datatype="${escapeXml(object.datatype.value)}"`;
  return `<${name}${attributes}>${escapeXml(object.value)}</${name}>`;
}
