/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other than tab,
 * LF and CR, U+FFFE, U+FFFF and unpaired surrogates. A literal may hold them (SPARQL and N-Quads allow
 * them), so an XML answer replaces each with U+FFFD and says so at its end. XML 1.1 could carry them as
 * references, but the common SPARQL clients' parsers (expat in Python, for one) read XML 1.0 only.
 */
const NOT_IN_XML_1_0 =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be read back as LF (end-of-line normalization): a reference keeps it.
  '\r': '&#xD;',
};

/** Escapes text for XML content and attribute values, counting the characters it had to replace. */
export class XmlText {
  private count = 0;

  /** How many characters were replaced by U+FFFD so far. */
  get replaced(): number {
    return this.count;
  }

  readonly escape = (text: string): string =>
    text
      .replace(NOT_IN_XML_1_0, () => {
        this.count++;
        return '\uFFFD';
      })
      .replace(/[<>&"'\r]/g, (c) => ENTITIES[c]!);

  /** The closing note of a document with replacements (an XML comment after the root), else nothing. */
  note(): string {
    return this.count === 0 ? '' : `<!-- ${NOTE} ${this.count} -->\n`;
  }
}

const NOTE = 'characters not allowed in XML 1.0, replaced by U+FFFD (ask for JSON for the exact values):';
const NOTE_AT_END = new RegExp(`<!-- ${NOTE.replace(/[()+.]/g, '\\$&')} (\\d+) -->\\n$`);

/** How many characters an XML answer had replaced, read from its closing note (0 without one). */
export function replacedCharacters(body: string): number {
  const match = NOTE_AT_END.exec(body.slice(-200));
  return match ? Number(match[1]) : 0;
}
