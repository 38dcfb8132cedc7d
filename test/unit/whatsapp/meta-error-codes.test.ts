import { describe, expect, it } from 'vitest';
import { classifyMetaError } from '#webhooks/whatsapp/meta-error-codes';

describe('classifyMetaError', () => {
  it.each([
    [131047, 'outside_24h_window'],
    [131026, 'invalid_recipient'],
    [131030, 'invalid_recipient'],
    [131021, 'invalid_recipient'],
    [131050, 'opted_out'],
    [132000, 'template_rejected'],
    [132001, 'template_rejected'],
    [132015, 'template_rejected'],
    [132016, 'template_rejected'],
    [132069, 'template_rejected'],
    [190, 'auth'],
    [0, 'auth'],
    [10, 'auth'],
    [250, 'auth'],
    [368, 'account_restricted'],
    [131031, 'account_restricted'],
    [131042, 'account_restricted'],
    [100, 'invalid_request'],
    [131009, 'invalid_request'],
    [131051, 'invalid_request'],
    [131049, 'other'],
  ] as const)('code %i is permanent: %s', (metaCode, reason) => {
    expect(classifyMetaError({ metaCode, httpStatus: 400 })).toEqual({ kind: 'permanent', reason });
  });

  it.each([1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 131057, 133004])(
    'code %i is retryable',
    (metaCode) => {
      expect(classifyMetaError({ metaCode, httpStatus: 400 })).toEqual({ kind: 'retryable' });
    },
  );

  it('lets a known code win over the HTTP status', () => {
    expect(classifyMetaError({ metaCode: 131047, httpStatus: 500 })).toEqual({
      kind: 'permanent',
      reason: 'outside_24h_window',
    });
    expect(classifyMetaError({ metaCode: 130429, httpStatus: 400 })).toEqual({ kind: 'retryable' });
  });

  it('falls back to the HTTP status for unknown codes', () => {
    expect(classifyMetaError({ httpStatus: 429 })).toEqual({ kind: 'retryable' });
    expect(classifyMetaError({ metaCode: 999999, httpStatus: 503 })).toEqual({ kind: 'retryable' });
    expect(classifyMetaError({ httpStatus: 408 })).toEqual({ kind: 'retryable' });
    expect(classifyMetaError({ httpStatus: 401 })).toEqual({ kind: 'permanent', reason: 'auth' });
    expect(classifyMetaError({ httpStatus: 404 })).toEqual({ kind: 'permanent', reason: 'other' });
    expect(classifyMetaError({ metaCode: 999999 })).toEqual({ kind: 'permanent', reason: 'other' });
  });
});
