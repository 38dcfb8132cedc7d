import { describe, expect, it } from 'vitest';
import { EXPORT_TICKET_SECONDS, HmacExportTickets } from '#adapters/auth/hmac-export-tickets';

const KEY = 'current-export-ticket-key-0123456789abcdef';
const OLD = 'previous-export-ticket-key-0123456789abcdef';
const member = { sub: 'sub-1', username: 'carla', role: 'viewer' as const };
const request = { path: '/v1/exports/ledger.csv', query: { month: '2026-01', format: 'iso' } };
const now = new Date('2026-02-01T12:00:00.000Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('export tickets', () => {
  const tickets = new HmacExportTickets([KEY]);

  it('names the member for the very request it was issued for, in any query order, until it expires', () => {
    const ticket = tickets.issue(member, request, now);
    const reordered = { path: request.path, query: { format: 'iso', month: '2026-01' } };
    expect(tickets.verify(ticket, reordered, later(EXPORT_TICKET_SECONDS - 1))).toEqual(member);
    expect(tickets.verify(ticket, request, later(EXPORT_TICKET_SECONDS + 1))).toBeUndefined();
  });

  it('refuses another path or query, a tampered payload or signature, and another key', () => {
    const ticket = tickets.issue(member, request, now);
    expect(tickets.verify(ticket, { ...request, path: '/v1/exports/payments.csv' }, now)).toBeUndefined();
    expect(
      tickets.verify(ticket, { ...request, query: { month: '2026-02', format: 'iso' } }, now),
    ).toBeUndefined();
    const [payload = '', signature = ''] = ticket.split('.');
    const owner = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('"viewer"', '"owner"'),
    ).toString('base64url');
    expect(tickets.verify(`${owner}.${signature}`, request, now)).toBeUndefined();
    expect(tickets.verify(`${payload}.${signature.slice(0, -2)}AA`, request, now)).toBeUndefined();
    expect(tickets.verify(`${payload}.${signature}.x`, request, now)).toBeUndefined();
    expect(new HmacExportTickets([OLD]).verify(ticket, request, now)).toBeUndefined();
  });

  it('accepts a ticket signed with the previous key while the key rotates', () => {
    const ticket = new HmacExportTickets([OLD]).issue(member, request, now);
    expect(new HmacExportTickets([KEY, OLD]).verify(ticket, request, now)).toEqual(member);
  });

  it('refuses a short key', () => {
    expect(() => new HmacExportTickets(['short'])).toThrow(/32 characters/);
  });
});
