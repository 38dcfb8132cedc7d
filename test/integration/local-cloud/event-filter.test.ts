import { describe, expect, it } from 'vitest';
import { OUTBOX_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/outbox/outbox-stream-filter';
import {
  FilterPatternError,
  matchesAnyFilter,
  parseFilterPatterns,
} from '#infra/local/emulators/dynamodb-streams/index';

const outboxInsert = {
  eventName: 'INSERT',
  dynamodb: {
    NewImage: {
      pk: { S: 'T#acme#OUTBOX#01' },
      entity: { S: 'OUTBOX' },
      channel: { S: 'email' },
      attempts: { N: '0' },
      tags: { L: [{ S: 'reminder' }, { S: 'late' }] },
    },
  },
};

const matches = (pattern: object, record: object = outboxInsert) =>
  matchesAnyFilter(record, parseFilterPatterns([JSON.stringify(pattern)]));

describe('event source mapping filters', () => {
  it('matches exact values and prefixes nested under dynamodb.NewImage', () => {
    expect(
      matches({ eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: 'T#acme#' }] } } } }),
    ).toBe(true);
    expect(matches({ eventName: ['MODIFY', 'REMOVE'] })).toBe(false);
    expect(matches({ dynamodb: { NewImage: { pk: { S: [{ prefix: 'T#other#' }] } } } })).toBe(false);
  });

  it('tests whether a field exists', () => {
    expect(matches({ dynamodb: { NewImage: { channel: [{ exists: true }] } } })).toBe(true);
    expect(matches({ dynamodb: { NewImage: { sentAt: [{ exists: false }] } } })).toBe(true);
    expect(matches({ dynamodb: { OldImage: [{ exists: true }] } })).toBe(false);
  });

  it('supports anything-but, suffix, equals-ignore-case and numeric', () => {
    expect(matches({ dynamodb: { NewImage: { channel: { S: [{ 'anything-but': ['whatsapp'] }] } } } })).toBe(
      true,
    );
    expect(
      matches({ dynamodb: { NewImage: { channel: { S: [{ 'anything-but': { prefix: 'em' } }] } } } }),
    ).toBe(false);
    expect(matches({ dynamodb: { NewImage: { pk: { S: [{ suffix: '#01' }] } } } })).toBe(true);
    expect(matches({ eventName: [{ 'equals-ignore-case': 'insert' }] })).toBe(true);
    expect(matches({ size: [{ numeric: ['>', 0, '<=', 10] }] }, { size: 5 })).toBe(true);
    expect(matches({ size: [{ numeric: ['>', 5] }] }, { size: 5 })).toBe(false);
  });

  it('matches a list field when any element matches, and any of several filters', () => {
    const tagged = { dynamodb: { NewImage: { tags: { L: { S: ['late'] } } } } };
    expect(matchesAnyFilter({ list: ['a', 'b'] }, parseFilterPatterns([{ list: ['b'] }]))).toBe(true);
    expect(matches(tagged)).toBe(false);
    const either = parseFilterPatterns([{ eventName: ['REMOVE'] }, { eventName: ['INSERT'] }]);
    expect(matchesAnyFilter(outboxInsert, either)).toBe(true);
    expect(matchesAnyFilter(outboxInsert, [])).toBe(true);
  });

  it('takes the outbox relay filter as the stack declares it', () => {
    const relayFilter = parseFilterPatterns([OUTBOX_STREAM_FILTER_PATTERN]);
    const insert = (entity: string) => ({
      eventName: 'INSERT',
      dynamodb: { NewImage: { entity: { S: entity } } },
    });
    expect(matchesAnyFilter(insert('OutboxMessage'), relayFilter)).toBe(true);
    expect(matchesAnyFilter(insert('Boleto'), relayFilter)).toBe(false);
    expect(matchesAnyFilter({ ...insert('OutboxMessage'), eventName: 'MODIFY' }, relayFilter)).toBe(false);
  });

  it('rejects patterns it does not understand instead of silently matching', () => {
    expect(() => parseFilterPatterns([JSON.stringify({ eventName: [{ wildcard: 'IN*' }] })])).toThrow(
      FilterPatternError,
    );
    expect(() => parseFilterPatterns([{ eventName: [] }])).toThrow(FilterPatternError);
    expect(() => parseFilterPatterns(['[1]'])).toThrow(FilterPatternError);
  });
});
