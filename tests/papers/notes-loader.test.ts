import { describe, expect, it } from 'vitest';
import { bodyStart } from '../../src/papers/notes-loader.ts';

describe('bodyStart', () => {
  it('finds where the body starts after the frontmatter, keeping its bytes', () => {
    const text = "---\ntitle: 'A'\n---\nNotes *here*.\n";
    expect(text.slice(bodyStart(text))).toBe('Notes *here*.\n');
    expect("---\r\ntitle: 'A'\r\n---\r\n\r\nCRLF notes".slice(bodyStart("---\r\ntitle: 'A'\r\n---\r\n\r\nCRLF notes"))).toBe('\r\nCRLF notes');
  });

  it('gives an empty body for a file that ends with its frontmatter, and the whole text for a file without one', () => {
    expect("---\ntitle: 'A'\n---".slice(bodyStart("---\ntitle: 'A'\n---"))).toBe('');
    expect("---\ntitle: 'A'\n---\n".slice(bodyStart("---\ntitle: 'A'\n---\n"))).toBe('');
    expect(bodyStart('Just notes.')).toBe(0);
  });

  it('stops at the first closing line, so a horizontal rule in the notes stays in the body', () => {
    const text = "---\ntitle: 'A'\n---\nOne\n\n---\n\nTwo\n";
    expect(text.slice(bodyStart(text))).toBe('One\n\n---\n\nTwo\n');
  });
});
