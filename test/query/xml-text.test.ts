import { describe, expect, it } from 'vitest';
import { replacedCharacters, XmlText } from '../../functions/query/xml-text.js';

describe('XML 1.0 text', () => {
  it('escapes markup and CR, keeps tab, LF and every character XML 1.0 allows', () => {
    const text = new XmlText();
    expect(text.escape(`<a href="x">&'\r\t\n é 😀 \uE000 \uFFFD</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#xD;\t\n é 😀 \uE000 \uFFFD&lt;/a&gt;',
    );
    expect(text.replaced).toBe(0);
    expect(text.note()).toBe('');
  });

  it('replaces C0 controls, U+FFFE, U+FFFF and unpaired surrogates by U+FFFD, and counts them', () => {
    const text = new XmlText();
    expect(text.escape('\u0000\u0001\u0008\u000B\u000C\u000E\u001F|\uFFFE\uFFFF|\uD800x\uDC00|\uD83D\uDE00')).toBe(
      '\uFFFD'.repeat(7) + '|\uFFFD\uFFFD|\uFFFDx\uFFFD|😀',
    );
    expect(text.escape('\u0002')).toBe('\uFFFD');
    expect(text.replaced).toBe(12);
  });

  it('says how many at the end of the document, and reads that back', () => {
    const text = new XmlText();
    text.escape('a\u0001b\u0002');
    const document = `<?xml version="1.0"?>\n<r/>\n${text.note()}`;
    expect(text.note()).toBe(
      '<!-- characters not allowed in XML 1.0, replaced by U+FFFD (ask for JSON for the exact values): 2 -->\n',
    );
    expect(replacedCharacters(document)).toBe(2);
    expect(replacedCharacters('<?xml version="1.0"?>\n<r/>\n')).toBe(0);
    // A note inside the data (escaped, so never a comment) does not count.
    expect(replacedCharacters(`<r>${new XmlText().escape(text.note())}</r>\n`)).toBe(0);
  });
});
