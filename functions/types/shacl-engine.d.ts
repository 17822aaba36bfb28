// The part of shacl-engine's API this project uses (the package ships no types).
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, Term } from '@rdfjs/types';

  interface ResultTerm {
    readonly term: Term;
  }

  export interface ValidationResult {
    readonly severity?: Term;
    readonly focusNode?: ResultTerm;
    readonly path?: readonly { readonly predicates?: readonly Term[] }[];
    readonly value?: ResultTerm;
    readonly message: readonly Term[];
    readonly constraintComponent?: Term;
    readonly shape?: ResultTerm;
  }

  export interface ValidationReport {
    readonly conforms: boolean;
    readonly results: readonly ValidationResult[];
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory & { dataset(): DatasetCore } });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}
