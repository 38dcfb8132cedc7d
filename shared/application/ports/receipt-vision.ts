import type { CalendarDate } from '#domain/calendar-date';
import type { ProposedReceiptFields } from '#domain/receipt-fields';

/**
 * A vision model that reads a receipt photo and proposes its fields. It only proposes: the proposal is checked
 * against the OCR text by the rules (`checkReceiptProposal`), and the rules' own reading is used otherwise.
 */
export interface ReceiptVision {
  /** The proposed fields, or null when the model gave nothing usable (not configured for the file, an API
   *  failure, a refusal, an answer outside the schema): the adapter logs why. */
  propose(input: {
    bytes: Uint8Array;
    mimeType: string;
    today: CalendarDate;
  }): Promise<ProposedReceiptFields | null>;
}
