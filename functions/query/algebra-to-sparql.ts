import type { Algebra } from '@comunica/utils-algebra';
import { toAst } from '@traqula/algebra-sparql-1-2';
import { Generator } from '@traqula/generator-sparql-1-2';

let generator: Generator | undefined;

/**
 * SPARQL text for an algebra operation, as Comunica's own serializer writes it. Over a remote store the
 * runner hands Comunica this text rather than the algebra: Comunica then sends the store the whole query,
 * FROM clauses included (given algebra, it drops the dataset).
 */
export function algebraToSparql(operation: Algebra.Operation): string {
  generator ??= new Generator();
  const text = generator.generate(toAst(operation as Parameters<typeof toAst>[0])).trim();
  // The generator types every plain literal as xsd:string. RDF 1.1 makes "en" and "en"^^xsd:string one
  // term, but stores of RDF 1.0 lineage (Virtuoso) do not, so LANG(?x) = "en"^^xsd:string matches nothing
  // there: write simple literals plainly. Scanning whole literals, an escaped quote never ends one.
  return text.replace(SIMPLE_STRING, '$1');
}

const SIMPLE_STRING = /("(?:[^"\\]|\\.)*")\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#string>/g;
