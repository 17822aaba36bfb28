import type { RawRecord } from './parse-record-file.js';
import type { MouRowRecord } from './schema/mou-row.js';

export interface MouRowCandidate {
  readonly raw: RawRecord;
  readonly record: MouRowRecord;
}

interface Finding {
  readonly raw: RawRecord;
  readonly field: string;
  readonly message: string;
}

/**
 * Two rows of the MoU table that name one agreement describe one graph node: they must agree on its
 * type, parties and period, or the merged agreement would say two different things.
 */
export function checkAgreements(rows: readonly MouRowCandidate[]): Finding[] {
  const first = new Map<string, { file: string; type: string; parties: string; period: string }>();
  const findings: Finding[] = [];
  for (const { raw, record } of rows) {
    record.frameworks.forEach((f, i) => {
      const seen = {
        file: raw.file,
        type: f.type,
        parties: [...f.parties].sort().join(', '),
        period: `${f.period?.start ?? ''}-${f.period?.end ?? ''}`,
      };
      const earlier = first.get(f.agreement);
      if (!earlier) {
        first.set(f.agreement, seen);
        return;
      }
      for (const key of ['type', 'parties', 'period'] as const) {
        if (earlier[key] !== seen[key]) {
          findings.push({
            raw,
            field: `frameworks[${i}].${key === 'period' ? 'period' : key}`,
            message: `agreement "${f.agreement}" has ${key} "${seen[key]}" here but "${earlier[key]}" in ${earlier.file} (expected one description of one agreement)`,
          });
        }
      }
    });
  }
  return findings;
}
