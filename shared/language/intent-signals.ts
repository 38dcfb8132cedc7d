/** What the parser found in a message before deciding its intent: the rules in intents.ts read these. */
export interface IntentSignals {
  hasAmount: boolean;
  /** A name found with reasonable certainty (capitalised, after a cue, or a known first name). */
  hasContact: boolean;
  hasDate: boolean;
  /** A name (even a lowercase one), an amount and a due date with nothing else: "joão silva 150 dia 20". */
  bareCharge?: boolean;
}
