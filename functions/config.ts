import { z } from 'zod';
import { DEFAULT_BASE_IRI } from './rdf/namespaces.js';
import { isIri } from './rdf/rfc3987.js';

/** Configured IRIs land in the dumps as they are: strict stores refuse a file for one invalid IRI. */
const absoluteIri = z
  .url({ protocol: /^https?$/, error: 'expected an absolute http(s) IRI', abort: true })
  .refine(isIri, { error: 'expected an IRI (RFC 3987): percent-encode spaces, brackets and the like' });
const baseIri = absoluteIri.refine((v) => v.endsWith('/'), { error: 'expected an IRI ending in "/"' });
const urlTemplate = z
  .string()
  .regex(/^https?:\/\/\S+\/$/, { error: 'expected an absolute http(s) URL ending in "/" (it may hold {version})' });

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
}

/** The download URL prefix of one dump set version. */
export function dumpsUrlOf(config: PublishConfig, version: string): string {
  return config.dumpsUrl.replaceAll('{version}', version);
}

export function resolvePublishConfig(input: PublishConfigInput = {}): PublishConfig {
  const c = publishConfigSchema.parse(input);
  return {
    ...c,
    dumpsUrl: c.dumpsUrl ?? `${c.baseIri}dumps/{version}/`,
    contextUrl: c.contextUrl ?? `${c.baseIri}context.jsonld`,
    sparqlEndpoint: c.sparqlEndpoint ?? `${c.baseIri}sparql`,
    publisherUrl: c.publisherUrl ?? c.baseIri,
  };
}

/** Reads the publishing configuration from environment variables (undefined ones take their defaults). */
export function publishConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PublishConfig {
  const pick = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  return resolvePublishConfig({
    baseIri: pick('BASE_IRI'),
    dumpsUrl: pick('DUMPS_URL'),
    contextUrl: pick('CONTEXT_URL'),
    sparqlEndpoint: pick('SPARQL_ENDPOINT_URL'),
    license: pick('DATASET_LICENSE'),
    publisherName: pick('PUBLISHER_NAME'),
    publisherUrl: pick('PUBLISHER_URL'),
    contactEmail: pick('CONTACT_EMAIL'),
  });
}
