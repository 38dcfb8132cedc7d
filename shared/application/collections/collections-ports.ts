import type {
  AccountControls,
  CollectionEmailLog,
  CollectionEmailWriter,
  CollectionTemplates,
} from '#application/ports/collection-emails';
import type { ReceivablesRepository } from '#application/ports/receivables-repository';
import type { WeeklyCollectionsPorts } from './weekly-collections';

/** What collections need in the conversation; absent where a function does not send collection e-mails. */
export interface CollectionsPorts {
  receivables: ReceivablesRepository;
  controls: AccountControls;
  emailLog: CollectionEmailLog;
  templates: CollectionTemplates;
  writer?: CollectionEmailWriter;
  /** The weekly run; absent where the stack grants no schedules. */
  weekly?: WeeklyCollectionsPorts;
}
