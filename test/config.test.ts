import { describe, expect, it } from 'vitest';
import { publishConfigFromEnv } from '../functions/config.js';

describe('the publishing configuration', () => {
  it('dates a release from SOURCE_DATE_EPOCH (UTC) and the first release from DATASET_ISSUED', () => {
    expect(publishConfigFromEnv({}).dates).toEqual({ issued: '2026-11-27', modified: '2026-11-27' });
    // 2026-12-31T23:59:59Z: the UTC date, whatever the machine's time zone.
    expect(publishConfigFromEnv({ SOURCE_DATE_EPOCH: '1798761599' }).dates).toEqual({
      issued: '2026-11-27',
      modified: '2026-12-31',
    });
    expect(publishConfigFromEnv({ DATASET_ISSUED: '2024-02-29', SOURCE_DATE_EPOCH: '1709251200' }).dates).toEqual({
      issued: '2024-02-29',
      modified: '2024-03-01',
    });
  });

  it('names the variable and the value it rejects', () => {
    expect(() => publishConfigFromEnv({ SOURCE_DATE_EPOCH: '2026-12-01' })).toThrow(
      'invalid configuration: SOURCE_DATE_EPOCH="2026-12-01": expected whole seconds since 1970-01-01 UTC',
    );
    expect(() => publishConfigFromEnv({ DATASET_ISSUED: '2026-02-30' })).toThrow(
      'invalid configuration: DATASET_ISSUED="2026-02-30": expected a calendar date',
    );
    expect(() => publishConfigFromEnv({ BASE_IRI: 'https://example.org/kg' })).toThrow(
      'invalid configuration: BASE_IRI="https://example.org/kg": expected an IRI ending in "/"',
    );
    // Nix builds default to 1980: a release before the first one is refused, not published.
    expect(() => publishConfigFromEnv({ SOURCE_DATE_EPOCH: '315532800' })).toThrow(
      'SOURCE_DATE_EPOCH=315532800 is 1980-01-01, before DATASET_ISSUED=2026-11-27: a release cannot predate the first one (set DATASET_ISSUED too).',
    );
  });
});
