import type { Parser as SparqlParser } from '@traqula/parser-sparql-1-2';
import type { AstFactory as SparqlAstFactory } from '@traqula/rules-sparql-1-2';
import type { toAlgebra as ToAlgebra } from '@traqula/algebra-sparql-1-2';

export interface SparqlSyntax {
  readonly parser: SparqlParser;
  readonly AstFactory: typeof SparqlAstFactory;
  readonly toAlgebra: typeof ToAlgebra;
}

let loaded: Promise<SparqlSyntax> | undefined;

/**
 * Comunica's SPARQL parser and algebra translation (traqula), loaded and built on first use: loading its
 * ES modules and building the parser take a few hundred milliseconds, which no start-up (Lambda init,
 * query workers) should pay before it is needed.
 */
export function sparqlSyntax(): Promise<SparqlSyntax> {
  loaded ??= Promise.all([
    import('@traqula/parser-sparql-1-2'),
    import('@traqula/rules-sparql-1-2'),
    import('@traqula/algebra-sparql-1-2'),
  ]).then(([{ Parser }, { AstFactory }, { toAlgebra }]) => ({
    parser: new Parser({ lexerConfig: { positionTracking: 'full' } }),
    AstFactory,
    toAlgebra,
  }));
  return loaded;
}
