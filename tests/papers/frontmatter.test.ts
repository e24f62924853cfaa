import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { FrontmatterError, paperBody, parsePaperFile, stringifyPaperFile, updatePaperFile } from '../../src/papers/frontmatter.ts';

describe('parsePaperFile', () => {
  it('keeps date-like and number-like strings as written', () => {
    const { data } = parsePaperFile("---\ntitle: 2024-01-02\nnoted: 2025-03-01\n---\n");
    expect(data.title).toBe('2024-01-02');
    expect(data.noted).toBe('2025-03-01');
  });

  it('reports broken YAML with the line in the file', () => {
    const text = '---\ntitle: A\nabstract: "unclosed\ntopics: []\n---\n';
    expect(() => parsePaperFile(text)).toThrow(FrontmatterError);
    try {
      parsePaperFile('---\ntitle: A\ntopics: [a\nabstract: x\n---\n');
    } catch (error) {
      expect((error as FrontmatterError).line).toBeGreaterThanOrEqual(3);
      expect((error as FrontmatterError).line).toBeLessThanOrEqual(5);
    }
  });

  it('rejects a file without frontmatter', () => {
    expect(() => parsePaperFile('just notes\n')).toThrow(/does not start with a "---"/);
  });
});

describe('stringifyPaperFile', () => {
  it('round-trips a file byte for byte, body included', () => {
    const text = stringifyPaperFile({ data: { title: 'A: B', topics: ['x'], status: 'read' }, body: '\n## Notes\n\nNo final newline' });
    const parsed = parsePaperFile(text);
    expect(stringifyPaperFile(parsed)).toBe(text);
    expect(parsed.body).toBe('\n## Notes\n\nNo final newline');
  });

  it('puts ingest fields first and keeps people fields in their order', () => {
    const text = stringifyPaperFile({ data: { zeta: 1, sources: [], title: 'T', alpha: 2, topics: [] }, body: '' });
    expect(text.split('\n').filter((line) => /^\w/.test(line)).map((line) => line.split(':')[0])).toEqual(['title', 'topics', 'sources', 'zeta', 'alpha']);
  });

  it('quotes text that YAML would misread', () => {
    const data = { title: 'No: colons # or hashes', abstract: '- a list? no\n\nsecond paragraph', topics: [] };
    expect(parsePaperFile(stringifyPaperFile({ data, body: '' })).data).toEqual(data);
  });
});

describe('paperBody', () => {
  it('gives the body parsePaperFile gives, for every real and fixture paper file', () => {
    const dirs = ['content/papers', 'tests/fixtures/site/content/papers'];
    let files = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => /\.mdx?$/.test(entry))) {
        const text = readFileSync(join(dir, name), 'utf8');
        expect(paperBody(text), name).toBe(parsePaperFile(text).body);
        files += 1;
      }
    }
    expect(files).toBeGreaterThan(300);
  });

  it('keeps the body byte for byte: line ends, a rule that looks like a fence, a missing final newline', () => {
    for (const [text, body] of [
      ["---\ntitle: 'A'\n---\nNotes *here*.\n", 'Notes *here*.\n'],
      ["---\r\ntitle: 'A'\r\n---\r\n\r\nCRLF notes", '\r\nCRLF notes'],
      ["---\ntitle: 'A'\n---\nOne\n\n---\n\nTwo", 'One\n\n---\n\nTwo'],
      ["---\ntitle: 'A'\n---", ''],
      ["---\ntitle: 'A'\n---\n", ''],
    ] as const) {
      expect(paperBody(text)).toBe(body);
      expect(parsePaperFile(text).body).toBe(body);
    }
    expect(paperBody('Just notes.')).toBe('Just notes.');
  });
});

describe('one YAML reading and writing', () => {
  // Text that a YAML reader could take for a date, a boolean, null, a number, an alias, a tag, a block, a list, a mapping or a comment.
  const titles = [
    '2024-01-02', '2024-01-02T10:00:00Z', 'yes', 'Yes', 'no', 'on', 'off', 'y', 'n', 'true', 'null', 'Null', '~', '',
    '1e3', '0x1F', '0o17', '017', '1_000', '0b101', '1:20', '+1', '.5', '.inf', '-.inf', '.nan', '<<', '=',
    '- a', 'a: b', '#x', 'x #y', '&x', '*x', '!x', '!!str x', '|', '>', '@x', '%x', '`x', '?x', '? x', '{x}', '[x]', ']x', ',x',
    'Trailing colon:', 'It\'s "quoted"', ' leading space', 'trailing space ', 'tab\there', 'two\nlines', '---', '...', '\u2028x', '=1+2 Formula Title Study',
  ];

  it('writes every title so the site reads it back as the same text, as does js-yaml\'s default schema (what Astro\'s MDX reads)', () => {
    for (const title of titles) {
      const text = stringifyPaperFile({ data: { title, abstract: 'A.', topics: [] }, body: '' });
      expect(parsePaperFile(text).data.title, JSON.stringify(title)).toBe(title);
      const yamlText = text.slice(4, text.lastIndexOf('---\n'));
      expect((yaml.load(yamlText) as { title: unknown }).title, JSON.stringify(title)).toBe(title);
      expect((yaml.load(yamlText, { schema: yaml.CORE_SCHEMA }) as { title: unknown }).title, JSON.stringify(title)).toBe(title);
    }
  });

  it('quotes a date-like title, which js-yaml\'s core schema alone would leave bare', () => {
    expect(stringifyPaperFile({ data: { title: '2024-01-02' }, body: '' })).toBe("---\ntitle: '2024-01-02'\n---\n");
    expect(stringifyPaperFile({ data: { title: '1_000' }, body: '' })).toBe("---\ntitle: '1_000'\n---\n");
  });

  it('reads what a person wrote unquoted as YAML 1.2 says: text stays text, dates included', () => {
    const { data } = parsePaperFile('---\ntitle: 2024-01-02\nnoted: 2025-03-01\nflag: yes\nnumber: 1e3\nnothing: ~\n---\n');
    expect(data).toEqual({ title: '2024-01-02', noted: '2025-03-01', flag: 'yes', number: 1000, nothing: null });
  });

  it('splits every real paper file as paperBody does, and writes each back byte for byte', () => {
    for (const name of readdirSync('content/papers')) {
      const text = readFileSync(join('content/papers', name), 'utf8');
      expect(stringifyPaperFile(parsePaperFile(text)), name).toBe(text);
    }
  });
});

describe('parsePaperFile errors', () => {
  /** The error a file gives, as `line:column field: message (fix)`. */
  const problem = (text: string) => {
    try {
      parsePaperFile(text);
    } catch (error) {
      const { line, column, field, message, fix } = error as FrontmatterError;
      return `${line}:${column} ${field ?? '-'}: ${message} (${fix})`;
    }
    throw new Error('parsed');
  };

  it.each([
    ['a tab that indents a line, at that line and column', '---\ntitle: A\ntopics:\n\t- long-context\n---\n', '4:1 topics: invalid YAML: a tab indents this line (indent with spaces: YAML does not allow tabs for indentation)'],
    ['an unclosed " where it opens, not where the parser gave up', '---\ntitle: A\nabstract: x\ntopics: []\nsources: []\nauto_topics: []\nstatus: read\nnote: "unclosed\nx: 1\ny: 2\nz: 3\nw: 4\n---\n', '8:7 note: invalid YAML: the " that opens the value is not closed on its line, so the lines after it were read as part of the value (end the value with " on the same line (and write \\" for a " inside it))'],
    ['a duplicate key by its name and both lines', '---\ntitle: A\nabstract: x\ntitle: B\n---\n', '4:1 title: invalid YAML: "title" is given twice (first on line 2) (keep one "title:" and delete the other)'],
    ['a duplicate key inside a list item', '---\ntitle: A\nlinks:\n  - label: a\n    label: b\n---\n', '5:5 links: invalid YAML: "label" is given twice (first on line 4) (keep one "label:" and delete the other)'],
    ['a missing closing ---', '---\ntitle: A\nabstract: x\n\nMy notes: they are long\nand go on.\n', '1:1 -: the frontmatter has no closing "---" line (add a line "---" after the last field, before the notes)'],
    ['notes written above the closing --- (a rule further down)', '---\ntitle: A\nabstract: x\nMy notes\n\n---\n\nMore\n', '4:1 -: invalid YAML: this line is not a "name: value" field (write it as "name: value", or move it below the closing "---" if it belongs to the notes)'],
    ["a ' inside a '-quoted value", "---\ntitle: 'It's a title'\nabstract: x\n---\n", "2:11 title: invalid YAML: the ' that opens the value closes at column 11, before the value ends (write '' for each ' inside a '-quoted value (It''s), or quote the value with \" instead)"],
    ['a ": " in an unquoted value, with the value quoted as the fix', '---\ntitle: Foo: Bar\nabstract: x\n---\n', "2:8 title: invalid YAML: the value holds \": \", which YAML reads as the start of another field (put the value in quotes: title: 'Foo: Bar')"],
    ['a value starting with an indicator', '---\ntitle: - a list?\n---\n', "2:8 title: invalid YAML: the value starts with \"-\", which means something in YAML (put the value in quotes: title: '- a list?')"],
    ['an alias-like value', '---\ntitle: *star\n---\n', "2:8 title: invalid YAML: the value starts with \"*\", which means something in YAML (put the value in quotes: title: '*star')"],
    ['an unclosed [', '---\ntitle: A\ntopics: [long-context\nabstract: x\n---\n', '3:9 topics: invalid YAML: the [ that opens the list is not closed (end the list with ] on the same line, or write it one "  - item" a line)'],
    ['an indented field', '---\ntitle: A\n  abstract: x\n---\n', '3:1 title: invalid YAML: this line is indented as if it belonged to the field above (start a field at the first column, or, if it continues the value above, put that value in quotes)'],
    ['a file without frontmatter', 'Just notes.\n', '1:1 -: the file does not start with a "---" line (start the file with a line "---", then the fields (title: …), then another "---" line, then the notes)'],
    ['a list instead of fields', '---\n- a\n---\n', '2:1 -: invalid YAML: the frontmatter must be fields, one "name: value" a line (write each field as "name: value" on its own line, starting at the line\'s first column)'],
  ])('names %s', (_, text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it("reports the junk key an unclosed ' makes of a real file as such, at the quote, not as missing fields", () => {
    // js-yaml reads this file without an error: the title runs on to the abstract's first ', and the rest of the abstract becomes a key.
    const text = readFileSync('content/papers/acemath-advancing-frontier-math-reasoning-with-post-training-and-reward-modeling.md', 'utf8');
    const broken = text.replace(/^(title: '.*)'$/m, '$1');
    expect(yaml.load(broken.slice(4, broken.indexOf('\n---\n')), { schema: yaml.CORE_SCHEMA })).not.toHaveProperty('abstract');
    expect(problem(broken)).toMatch(/^2:8 title: invalid YAML: the ' that opens the value is not closed on its line, so what follows, up to the next ', was read as part of it, and "In this paper, we introduce AceMath, a s…" as a field name \(end the value with ' on line 2 \(and write '' for a ' inside it\)\)$/);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    expect(parsePaperFile('\uFEFF---\r\ntitle: A\r\n---\r\nNotes\r\n')).toEqual({ data: { title: 'A' }, body: 'Notes\r\n' });
  });
});

describe('updatePaperFile', () => {
  const personal = "---\ntitle: 'Old: title'\nabstract: Old.\n# our reading group's pick\nstatus: read   # finished in May\ntags: [survey, rope]\nsources:\n  - dump: a.txt\n    line: 1\nmy_field:\n  nested: { a: 1 }\n---\n\nNotes, *kept*.";

  it('rewrites only the fields that change, where they stand, and keeps every other byte: comments, flow lists, order, body', () => {
    const text = updatePaperFile(personal, { title: 'New: title', sources: [{ dump: 'b.txt', line: 7 }] });
    expect(text).toBe("---\ntitle: 'New: title'\nabstract: Old.\n# our reading group's pick\nstatus: read   # finished in May\ntags: [survey, rope]\nsources:\n  - dump: b.txt\n    line: 7\nmy_field:\n  nested: { a: 1 }\n---\n\nNotes, *kept*.");
  });

  it('adds a missing field after the last one, and removes one given as undefined', () => {
    const text = updatePaperFile("---\ntitle: Mine\nabstract: By hand.\ntags: [a]\n# end\n---\nBody", { topics: ['long-context'], auto_topics: ['long-context'], tags: undefined });
    expect(text).toBe("---\ntitle: Mine\nabstract: By hand.\ntopics:\n  - long-context\nauto_topics:\n  - long-context\n# end\n---\nBody");
  });

  it('keeps CRLF line ends', () => {
    expect(updatePaperFile('---\r\ntitle: A\r\nabstract: B\r\n---\r\nNotes\r\n', { auto_topics: [] })).toBe('---\r\ntitle: A\r\nabstract: B\r\nauto_topics: []\r\n---\r\nNotes\r\n');
  });

  it('rewrites the whole frontmatter, values kept, when it is laid out as one flow mapping', () => {
    const text = updatePaperFile('---\n{ title: A, abstract: B, status: read }\n---\nNotes', { auto_topics: ['long-cot'] });
    expect(parsePaperFile(text)).toEqual({ data: { title: 'A', abstract: 'B', status: 'read', auto_topics: ['long-cot'] }, body: 'Notes' });
  });
});
