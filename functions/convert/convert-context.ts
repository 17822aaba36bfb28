import type { RecordSet } from '../records/record-set.js';
import { entityType, organizationType } from '../records/record-types.js';
import type { Iris } from '../rdf/iris.js';
import type { SdgKos } from '../vocab/sdg-kos.js';

/** What every record converter may consult besides its own record. */
export class ConvertContext {
  constructor(
    readonly iris: Iris,
    readonly records: RecordSet,
    readonly kos: SdgKos,
    /** The id of the source document every graph derives from. */
    readonly sourceId: string,
    /** Entity or organization, for agents whose record is invalid this time (see ValidationResult). */
    private readonly agentKinds: ReadonlyMap<string, 'entity' | 'organization'> = new Map(),
  ) {}

  get sourceIri(): string {
    return this.iris.source(this.sourceId);
  }

  /** An agent slug names an ICAT entity or another organization; validation made sure it is one of them. */
  agentIri(slug: string): string {
    if (this.records.get(entityType, slug)) return this.iris.entity(slug);
    if (this.records.get(organizationType, slug)) return this.iris.org(slug);
    const kind = this.agentKinds.get(slug);
    if (kind) return kind === 'entity' ? this.iris.entity(slug) : this.iris.org(slug);
    throw new Error(`agent "${slug}" is neither an entity nor an organization: validate the records first`);
  }

  /** The official IRI of an SDG goal, target or indicator code. */
  sdgIri(code: string): string {
    const found = this.kos.sdgByCode.get(code);
    if (!found) throw new Error(`SDG code "${code}" is not in the SDG KOS: validate the records first`);
    return found;
  }
}
