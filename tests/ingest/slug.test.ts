import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from '../../src/ingest/slug.ts';

describe('slugify', () => {
  it('makes a readable slug from a title', () => {
    expect(slugify('CAFA: Class-Aware Feature Alignment for Test-Time Adaptation')).toBe('cafa-class-aware-feature-alignment-for-test-time-adaptation');
  });

  it('drops accents and symbols', () => {
    expect(slugify('Überlange Kontexte: α & β <script>')).toBe('uberlange-kontexte-script');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((part) => part === 'word')).toBe(true);
  });
});

describe('uniqueSlug', () => {
  it('adds a number when the slug is taken', () => {
    expect(uniqueSlug('A Paper', 'apaper', new Set(['a-paper', 'a-paper-2']))).toBe('a-paper-3');
  });

  it('falls back to a stable hash for titles with no ASCII words', () => {
    const slug = uniqueSlug('长上下文语言模型', '长上下文语言模型', new Set());
    expect(slug).toMatch(/^paper-[0-9a-z]{7}$/);
    expect(uniqueSlug('长上下文语言模型', '长上下文语言模型', new Set())).toBe(slug);
  });
});
