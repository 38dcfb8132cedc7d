/** The current instant. Production uses the system clock; the local cloud and tests move a virtual one. */
export interface Clock {
  now(): Date;
}
