import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedMember } from '#application/ports/access-token-verifier';
import type { ExportRequest, ExportTickets } from '#application/ports/export-tickets';
import { isMemberRole, type MemberRole } from '#domain/member-permissions';

/** How long a ticket is good for: the redirect is followed at once; a copied URL soon stops working. */
export const EXPORT_TICKET_SECONDS = 60;

interface TicketClaims {
  sub: string;
  username: string;
  role: MemberRole;
  /** The request it is for: method-less (exports are GETs), path and the sorted query. */
  req: string;
  /** Epoch seconds. */
  exp: number;
}

function requestKey(request: ExportRequest): string {
  const query = Object.entries(request.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([request.path, query]);
}

/**
 * `<base64url claims>.<base64url HMAC-SHA256>`, signed with the `EXPORT_TICKET_KEY` secret. Verification
 * accepts the current and the previous key (a rotating secret), compares in constant time, and checks the
 * expiry and that the ticket names this very request.
 */
export class HmacExportTickets implements ExportTickets {
  constructor(private readonly keys: readonly string[]) {
    if (keys.length === 0 || keys.some((key) => key.length < 32))
      throw new Error('export ticket keys have at least 32 characters');
  }

  issue(member: AuthenticatedMember, request: ExportRequest, now: Date): string {
    const claims: TicketClaims = {
      sub: member.sub,
      username: member.username,
      role: member.role,
      req: requestKey(request),
      exp: Math.floor(now.getTime() / 1000) + EXPORT_TICKET_SECONDS,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.signature(this.keys[0] ?? '', payload).toString('base64url')}`;
  }

  verify(ticket: string, request: ExportRequest, now: Date): AuthenticatedMember | undefined {
    const [payload, signature, extra] = ticket.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    const signed = this.keys.some((key) => {
      const expected = this.signature(key, payload);
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!signed) return undefined;
    let claims: TicketClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TicketClaims;
    } catch {
      return undefined;
    }
    if (typeof claims.exp !== 'number' || claims.exp < now.getTime() / 1000) return undefined;
    if (claims.req !== requestKey(request) || !isMemberRole(claims.role)) return undefined;
    return { sub: claims.sub, username: claims.username, role: claims.role };
  }

  private signature(key: string, payload: string): Buffer {
    return createHmac('sha256', key).update(payload).digest();
  }
}
