import type { InboundContent } from '#application/ports/inbound-message-repository';

export type ReceiptDecision = 'confirm' | 'deny';

/** `receipt-confirm:<proposalId>`: a tap answers exactly the proposal it was shown with. */
export function receiptButtonId(decision: ReceiptDecision, proposalId: string): string {
  return `receipt-${decision}:${proposalId}`;
}

export function parseReceiptButton(
  content: InboundContent,
): { decision: ReceiptDecision; proposalId: string } | undefined {
  if (content.type !== 'button') return undefined;
  const match = /^receipt-(confirm|deny):([A-Za-z0-9_-]+)$/.exec(content.payload);
  if (!match) return undefined;
  return { decision: match[1] as ReceiptDecision, proposalId: match[2] as string };
}
