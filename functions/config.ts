import { z } from 'zod';
import { DEFAULT_BASE_IRI } from './rdf/namespaces.js';
import { isIri } from './rdf/rfc3987.js';

/** Configured IRIs land in the dumps as they are: strict stores refuse a file for one invalid IRI. */
const absoluteIri = z
  .url({ protocol: /^https?$/, error: 'expected an absolute http(s) IRI', abort: true })
  .refine(isIri, { error: 'expected an IRI (RFC 3987): percent-encode spaces, brackets and the like' });
const baseIri = absoluteIri.refine((v) => v.endsWith('/'), { error: 'expected an IRI ending in "/"' });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: 'expected a calendar date' });
const unixSeconds = z.string().regex(/^\d{1,12}$/, { error: 'expected whole seconds since 1970-01-01 UTC' });
const urlTemplate = z
  .string()
  .regex(/^https?:\/\/\S+\/$/, { error: 'expected an absolute http(s) URL ending in "/" (it may hold {version})' });

/** The first release (0.1.0) of the graph at the default BASE_IRI: the default DATASET_ISSUED. */
export const FIRST_RELEASE_DATE = '2026-11-27';

/** Everything a deployment may configure about publishing, read once from the environment. */
export const publishConfigSchema = z.object({
  /** BASE_IRI: the base of every minted IRI. */
  baseIri: baseIri.default(DEFAULT_BASE_IRI),
  /**
   * DUMPS_URL: where the files of a dump set are downloadable; `{version}` stands for its version
   * (default `{base}dumps/{version}/`: immutable URLs, as the server and the dumps bucket serve them).
   */
  dumpsUrl: urlTemplate.optional(),
  /** CONTEXT_URL: the published JSON-LD context (default `{base}context.jsonld`). */
  contextUrl: absoluteIri.optional(),
  /** SPARQL_ENDPOINT_URL: the public SPARQL endpoint (default `{base}sparql`). */
  sparqlEndpoint: absoluteIri.optional(),
  /**
   * DATASET_LICENSE: the licence under which this deployment publishes the graph, if it has one. The
   * source document states none, so there is no default: the catalog then cites the source's terms.
   */
  license: absoluteIri.optional(),
  /** PUBLISHER_NAME / PUBLISHER_URL / CONTACT_EMAIL: who publishes the graph and how to reach them. */
  publisherName: z.string().min(1).default('ICAT Knowledge Graph maintainers'),
  publisherUrl: absoluteIri.optional(),
  contactEmail: z.email().optional(),
  /**
   * DATASET_ISSUED: the date this deployment first published the graph (`dct:issued` of the catalog and
   * the dataset). A fact of the deployment, not of the records nor of a run; the default is the first
   * release (0.1.0) of the graph at the default BASE_IRI.
   */
  issued: isoDate.default(FIRST_RELEASE_DATE),
  /**
   * SOURCE_DATE_EPOCH: the reproducible-builds convention, the time of the release in seconds (typically
   * the last commit's). Its UTC date is `dct:modified` of the catalog, dataset and distributions and
   * `dct:issued` of the (versioned) distributions; without it those dates fall back to DATASET_ISSUED.
   */
  sourceDateEpoch: unixSeconds.optional(),
});

export type PublishConfigInput = z.input<typeof publishConfigSchema>;

/** The configuration with every default resolved. */
export interface PublishConfig {
  readonly baseIri: string;
  readonly dumpsUrl: string;
  readonly contextUrl: string;
  readonly sparqlEndpoint: string;
  readonly license?: string | undefined;
  readonly publisherName: string;
  readonly publisherUrl: string;
  readonly contactEmail?: string | undefined;
  /** Release dates (xsd:date), never the time of the build: see DATASET_ISSUED and SOURCE_DATE_EPOCH. */
  readonly dates: ReleaseDates;
}

export interface ReleaseDates {
  /** First publication of the graph by this deployment (catalog and dataset `dct:issued`). */
  readonly issued: string;
  /** This release (`dct:modified` everywhere, `dct:issued` of the versioned distributions). */
  readonly modified: string;
}

/** The download URL prefix of one dump set version. */
export function dumpsUrlOf(config: PublishConfig, version: string): string {
  return config.dumpsUrl.replaceAll('{version}', version);
}

export function resolvePublishConfig(input: PublishConfigInput = {}): PublishConfig {
  const { issued, sourceDateEpoch, ...c } = publishConfigSchema.parse(input);
  return {
    ...c,
    dates: releaseDates(issued, sourceDateEpoch),
    dumpsUrl: c.dumpsUrl ?? `${c.baseIri}dumps/{version}/`,
    contextUrl: c.contextUrl ?? `${c.baseIri}context.jsonld`,
    sparqlEndpoint: c.sparqlEndpoint ?? `${c.baseIri}sparql`,
    publisherUrl: c.publisherUrl ?? c.baseIri,
  };
}

function releaseDates(issued: string, sourceDateEpoch: string | undefined): ReleaseDates {
  if (sourceDateEpoch === undefined) return { issued, modified: issued };
  const modified = new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10);
  if (modified < issued)
    throw new Error(
      `SOURCE_DATE_EPOCH=${sourceDateEpoch} is ${modified}, before DATASET_ISSUED=${issued}: a release cannot predate the first one (set DATASET_ISSUED too).`,
    );
  return { issued, modified };
}

/** The environment variable of each configuration field, for the variable a bad value is reported under. */
const VARIABLES = {
  baseIri: 'BASE_IRI',
  dumpsUrl: 'DUMPS_URL',
  contextUrl: 'CONTEXT_URL',
  sparqlEndpoint: 'SPARQL_ENDPOINT_URL',
  license: 'DATASET_LICENSE',
  publisherName: 'PUBLISHER_NAME',
  publisherUrl: 'PUBLISHER_URL',
  contactEmail: 'CONTACT_EMAIL',
  issued: 'DATASET_ISSUED',
  sourceDateEpoch: 'SOURCE_DATE_EPOCH',
} as const satisfies Record<keyof PublishConfigInput, string>;

/** Reads the publishing configuration from environment variables (undefined ones take their defaults). */
export function publishConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PublishConfig {
  const pick = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const input = Object.fromEntries(Object.entries(VARIABLES).map(([field, variable]) => [field, pick(variable)]));
  try {
    return resolvePublishConfig(input);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const problems = error.issues.map((i) => {
      const variable = VARIABLES[i.path[0] as keyof typeof VARIABLES];
      return `${variable}=${JSON.stringify(env[variable])}: ${i.message}`;
    });
    throw new Error(`invalid configuration: ${[...new Set(problems)].join('; ')}`);
  }
}
