// Only the benchmark uses rdf-validate-shacl, to compare it with shacl-engine.
declare module 'rdf-validate-shacl' {
  import type { DatasetCore } from '@rdfjs/types';

  export default class SHACLValidator {
    constructor(shapes: DatasetCore, options: { factory: unknown });
    validate(data: DatasetCore): Promise<{ conforms: boolean; results: readonly unknown[] }>;
  }
}
