import { describe, expect, it } from 'vitest';
import { ownerMediaRouteOf } from '#application/owner-media/media-route';

describe('ownerMediaRouteOf', () => {
  it('sends images and PDFs to receipts', () => {
    expect(ownerMediaRouteOf({ kind: 'image', mimeType: 'image/jpeg' })).toBe('receipt');
    expect(ownerMediaRouteOf({ kind: 'image', mimeType: 'image/webp' })).toBe('receipt');
    expect(ownerMediaRouteOf({ kind: 'document', mimeType: 'application/pdf', filename: 'nota.pdf' })).toBe(
      'receipt',
    );
    expect(ownerMediaRouteOf({ kind: 'document', mimeType: 'IMAGE/PNG; q=1' })).toBe('receipt');
  });

  it('sends CSV and XLSX documents to the spreadsheet import, also when WhatsApp labels them generically', () => {
    expect(ownerMediaRouteOf({ kind: 'document', mimeType: 'text/csv', filename: 'a.csv' })).toBe(
      'spreadsheet',
    );
    expect(
      ownerMediaRouteOf({
        kind: 'document',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ).toBe('spreadsheet');
    expect(
      ownerMediaRouteOf({ kind: 'document', mimeType: 'application/octet-stream', filename: 'Aging.XLSX' }),
    ).toBe('spreadsheet');
    expect(ownerMediaRouteOf({ kind: 'document', mimeType: 'text/plain', filename: 'aging.csv' })).toBe(
      'spreadsheet',
    );
  });

  it('declines everything else', () => {
    expect(ownerMediaRouteOf({ kind: 'document', mimeType: 'application/msword', filename: 'a.doc' })).toBe(
      'unsupported',
    );
    expect(
      ownerMediaRouteOf({ kind: 'document', mimeType: 'application/octet-stream', filename: 'a.zip' }),
    ).toBe('unsupported');
    expect(ownerMediaRouteOf({ kind: 'document', mimeType: 'text/plain' })).toBe('unsupported');
  });
});
