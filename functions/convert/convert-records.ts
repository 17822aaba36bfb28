import type { Quad } from '@rdfjs/types';
import type { RecordSet, Located } from '../records/record-set.js';
import {
  activityType,
  conceptSchemeType,
  entityType,
  findingType,
  initiativeType,
  instrumentType,
  interventionType,
  mouRowType,
  organizationType,
  partnershipType,
  publicationType,
  sourceDocumentType,
} from '../records/record-types.js';
import type { Iris } from '../rdf/iris.js';
import type { GraphBuilder } from '../rdf/terms.js';
import type { SdgKos } from '../vocab/sdg-kos.js';
import { convertActivity, convertPartnership } from './convert-activity.js';
import { convertMouRow, unilateralAgreements } from './convert-agreements.js';
import { ConvertContext } from './convert-context.js';
import { convertEntity, convertOrganization } from './convert-entity.js';
import { convertInitiative } from './convert-initiative.js';
import { convertPublication } from './convert-publication.js';
import { convertFinding, convertIntervention } from './convert-statements.js';
import { convertInstrument, convertScheme, convertSource } from './convert-vocabulary.js';

/** The named graph of one source record. */
export interface RecordGraph {
  readonly graph: string;
  /** The record file it comes from (e.g. `data/entities/unodc.yaml`). */
  readonly file?: string;
  readonly quads: readonly Quad[];
}

/**
 * Converts every valid record into its own named graph (`{base}graph/{type}/{slug}`). Pure: the same
 * records give the same quads, in the same order.
 */
export function convertRecords(
  records: RecordSet,
  iris: Iris,
  kos: SdgKos,
  agentKinds?: ReadonlyMap<string, 'entity' | 'organization'>,
): RecordGraph[] {
  const sources = records.all(sourceDocumentType);
  if (sources.length !== 1) {
    throw new Error(`expected exactly one source document in data/sources, found ${sources.length}`);
  }
  const ctx = new ConvertContext(iris, records, kos, sources[0]!.id, agentKinds);
  const unilateral = unilateralAgreements(records.all(mouRowType));
  const each = <T>(located: Located<T>[], convert: (l: Located<T>) => GraphBuilder) =>
    located.map((l) => ({ file: l.file, builder: convert(l) }));
  const builders = [
    ...each(records.located(sourceDocumentType), (l) => convertSource(ctx, l)),
    ...each(records.located(conceptSchemeType), (l) => convertScheme(ctx, l)),
    ...each(records.located(entityType), (l) => convertEntity(ctx, l)),
    ...each(records.located(organizationType), (l) => convertOrganization(ctx, l)),
    ...each(records.located(instrumentType), (l) => convertInstrument(ctx, l)),
    ...each(records.located(interventionType), (l) => convertIntervention(ctx, l)),
    ...each(records.located(findingType), (l) => convertFinding(ctx, l)),
    ...each(records.located(activityType), (l) => convertActivity(ctx, l)),
    ...each(records.located(mouRowType), (l) => convertMouRow(ctx, l, unilateral)),
    ...each(records.located(partnershipType), (l) => convertPartnership(ctx, l)),
    ...each(records.located(initiativeType), (l) => convertInitiative(ctx, l)),
    ...each(records.located(publicationType), (l) => convertPublication(ctx, l)),
  ];
  return builders.map(({ file, builder }) => ({ graph: builder.graph.value, file, quads: builder.quads }));
}
