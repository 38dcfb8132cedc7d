import type { InboundContent } from '#application/ports/inbound-message-repository';
import type { Transcriber } from '#application/ports/transcriber';

/** What the owner said, as text: typed text, a transcribed voice note, or a tapped button's title. */
export async function textOf(content: InboundContent, transcriber: Transcriber): Promise<string> {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'audio':
      return transcriber.transcribe({ mediaId: content.mediaId, mimeType: content.mimeType });
    case 'button':
      return content.title;
    case 'media':
      return content.caption ?? '';
    case 'unsupported':
    case 'recurring_issue':
    case 'collections_run':
    case 'api_charge':
      return '';
  }
}

export interface ConfirmationButton {
  decision: 'confirm' | 'deny';
  requestId: string;
  version: number;
}

/** Reply buttons carry `confirm:<requestId>:<version>`: a tap confirms exactly what was shown. */
export function confirmationButtonId(
  decision: 'confirm' | 'deny',
  requestId: string,
  version: number,
): string {
  return `${decision}:${requestId}:${version}`;
}

export function parseConfirmationButton(content: InboundContent): ConfirmationButton | undefined {
  if (content.type !== 'button') return undefined;
  const match = /^(confirm|deny):([A-Za-z0-9_-]+):(\d+)$/.exec(content.payload);
  if (!match) return undefined;
  return {
    decision: match[1] as 'confirm' | 'deny',
    requestId: match[2] as string,
    version: Number(match[3]),
  };
}
