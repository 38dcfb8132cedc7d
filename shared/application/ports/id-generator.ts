/** New unique ids for entities (boletos, payments, outbox messages...). */
export interface IdGenerator {
  newId(): string;
}
