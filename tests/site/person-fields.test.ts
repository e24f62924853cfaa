import { describe, expect, it } from 'vitest';
import { humanize, otherPersonFields, ratingStars, statusLabel } from '../../src/site/person-fields.ts';

describe('statusLabel', () => {
  it('names the known statuses and humanizes others', () => {
    expect(statusLabel('to-read')).toBe('To read');
    expect(statusLabel('read')).toBe('Read');
    expect(statusLabel('on_hold')).toBe('On hold');
  });
});

describe('ratingStars', () => {
  it('draws filled and empty stars and says the rating in words', () => {
    expect(ratingStars(4)).toEqual({ stars: '★★★★☆', label: '4 out of 5' });
  });

  it('keeps the rating between 0 and 5', () => {
    expect(ratingStars(9).stars).toBe('★★★★★');
  });
});

describe('humanize', () => {
  it('turns keys into labels', () => {
    expect(humanize('reading_group')).toBe('Reading group');
    expect(humanize('follow-up')).toBe('Follow up');
  });
});

describe('otherPersonFields', () => {
  it('lists only fields the page does not show elsewhere, as text', () => {
    const data = {
      title: 'T',
      abstract: 'A',
      topics: [],
      auto_topics: [],
      sources: [],
      status: 'read',
      rating: 3,
      reading_group: 'Tuesday',
      presented: new Date('2025-02-03'),
      venues: ['ICML', 'NeurIPS'],
      extra: { a: 1 },
      empty: null,
    };
    expect(otherPersonFields(data)).toEqual([
      { label: 'Reading group', value: 'Tuesday' },
      { label: 'Presented', value: '2025-02-03' },
      { label: 'Venues', value: 'ICML, NeurIPS' },
      { label: 'Extra', value: '{"a":1}' },
    ]);
  });
});
