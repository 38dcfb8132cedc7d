import { createHash } from 'node:crypto';

/**
 * Deterministic Step Functions execution names. AWS allows 1-80 characters; we keep to `[A-Za-z0-9_-]` (a
 * subset of what AWS accepts, and exactly what the local emulator enforces). The same business id always
 * gives the same name, so StartExecution itself de-duplicates replays. A readable part helps in the console;
 * the hash part makes the name unique even when the readable part is clipped or sanitised.
 */

export const MAX_EXECUTION_NAME_LENGTH = 80;
const NAME = /^[A-Za-z0-9_-]{1,80}$/;

function hashOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function readable(text: string, max: number): string {
  return text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

function compose(prefix: string, label: string, hash: string): string {
  const name = label ? `${prefix}-${label}-${hash}` : `${prefix}-${hash}`;
  if (!NAME.test(name)) throw new Error(`not a valid execution name: ${name}`);
  return name;
}

/** `conv-<end of the message id>-<24 hex>`: one conversation per inbound WhatsApp message. */
export function conversationExecutionName(tenantId: string, messageId: string): string {
  // WhatsApp ids share a long prefix (`wamid.HBgM…`): their end is what tells them apart to a reader.
  const label = readable(messageId, 200).slice(-40);
  return compose('conv', label, hashOf('conversation', tenantId, messageId).slice(0, 24));
}

/** `rl-<boleto id>-<24 hex>`: one reminder loop per boleto of a tenant. */
export function reminderLoopExecutionName(tenantId: string, boletoId: string): string {
  return compose('rl', readable(boletoId, 40), hashOf('reminder-loop', tenantId, boletoId).slice(0, 24));
}

/** `imp-<import id>-<24 hex>`: one aging import workflow per import (the id derives from the inbound message). */
export function agingImportExecutionName(tenantId: string, importId: string): string {
  return compose('imp', readable(importId, 32), hashOf('aging-import', tenantId, importId).slice(0, 24));
}

/** `arn:…:stateMachine:<machine>` + name → `arn:…:execution:<machine>:<name>` (StopExecution needs the ARN). */
export function executionArnOf(stateMachineArn: string, executionName: string): string {
  const marker = ':stateMachine:';
  const at = stateMachineArn.indexOf(marker);
  if (at < 0) throw new Error(`not a state machine ARN: ${stateMachineArn}`);
  return `${stateMachineArn.slice(0, at)}:execution:${stateMachineArn.slice(at + marker.length)}:${executionName}`;
}
