import type { AuthenticatedMember } from './access-token-verifier';

/** What an export ticket allows: one member, one export request (path and query), until it expires. */
export interface ExportRequest {
  /** `/v1/exports/ledger.csv` */
  path: string;
  /** The request's query parameters, without the ticket itself. */
  query: Readonly<Record<string, string>>;
}

/**
 * Short-lived signed tickets for the streaming export URL: the tenant API (behind the JWT authorizer and the
 * role check) issues one for the member's export request and redirects there; the export function accepts the
 * ticket instead of the bearer token, which clients drop on a cross-origin redirect.
 */
export interface ExportTickets {
  issue(member: AuthenticatedMember, request: ExportRequest, now: Date): string;
  /** The member, or `undefined` when the ticket is forged, expired, or for another request. */
  verify(ticket: string, request: ExportRequest, now: Date): AuthenticatedMember | undefined;
}
