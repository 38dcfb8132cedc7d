/** The shapes of an Amazon States Language definition the local emulator reads (JSON, as CDK synthesizes it). */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type StateDefinition = { Type: string; [field: string]: unknown };
export interface MachineDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
  [field: string]: unknown;
}
