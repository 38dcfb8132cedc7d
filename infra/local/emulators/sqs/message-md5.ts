import { createHash } from 'node:crypto';

/**
 * The MD5 digests SQS returns with each message. The SDK checks MD5OfBody on SendMessage, SendMessageBatch and
 * ReceiveMessage, so they must be exact. MD5OfMessageAttributes follows SQS's documented encoding: attributes
 * sorted by name; for each, name, data type (each length-prefixed, 4-byte big-endian), a transport byte
 * (1 = string value, 2 = binary value) and the length-prefixed value.
 */

export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** Base64, as on the JSON wire. */
  BinaryValue?: string;
}

export function md5OfBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

export function md5OfMessageAttributes(
  attributes: Readonly<Record<string, MessageAttributeValue>>,
): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const attribute = attributes[name] as MessageAttributeValue;
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(attribute.DataType, 'utf8')));
    if (
      attribute.BinaryValue !== undefined &&
      !attribute.DataType.startsWith('String') &&
      !attribute.DataType.startsWith('Number')
    ) {
      hash.update(Buffer.from([2]));
      hash.update(lengthPrefixed(Buffer.from(attribute.BinaryValue, 'base64')));
    } else {
      hash.update(Buffer.from([1]));
      hash.update(lengthPrefixed(Buffer.from(attribute.StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
