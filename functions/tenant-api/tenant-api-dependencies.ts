import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import type { AgingUploads } from '#application/ports/aging-uploads';
import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { CollectionTemplateStore } from '#application/ports/collection-emails';
import type { ConversationRepository } from '#application/ports/conversation-repository';
import type { ExportTickets } from '#application/ports/export-tickets';
import type { IdGenerator } from '#application/ports/id-generator';
import type { MemberAccounts } from '#application/ports/member-accounts';
import type { ObjectStore, ObjectUploadUrls } from '#application/ports/object-store';
import type { RateLimiter } from '#application/ports/rate-limiter';
import type { ReceivablesRepository } from '#application/ports/receivables-repository';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { UserRepository } from '#application/ports/user-repository';
import type { AgingImportWorkflow, Workflows } from '#application/ports/workflows';

/** What the tenant API's routes use: the tenant it serves and the same ports as the WhatsApp use cases. */
export interface TenantApiDependencies extends Omit<PaymentDependencies, 'workflows'> {
  tenantId: string;
  conversations: ConversationRepository;
  workflows: Pick<Workflows, 'stopReminderLoop' | 'startConversation'>;
  statements: StatementProjection;
  ids: IdGenerator;
  /** The tenant's learned category rules: an entry booked without a category gets the same one as on WhatsApp. */
  categoryRules: CategoryRuleRepository;
  /** The collection e-mail templates, versioned per degree (`collection-template-routes.ts`). */
  collectionTemplates: CollectionTemplateStore;
  /** Aging imports through an upload URL (`aging-import-routes.ts`): the file bucket, uploads, the workflow. */
  agingImports: {
    files: ObjectStore & ObjectUploadUrls;
    uploads: AgingUploads;
    receivables: ReceivablesRepository;
    workflow: AgingImportWorkflow;
  };
  /** The tenant's members and their sign-in accounts (`member-routes.ts`). */
  team: { users: UserRepository; memberAccounts?: MemberAccounts };
  /** Per-member request limit (429 with Retry-After); see docs/decisions.md, "Team". */
  rateLimiter?: RateLimiter;
  /**
   * The streaming export function's URL and the tickets it accepts: exports are answered 303 there. Without
   * it (a stack or test that has no export URL) an export is joined into one response here.
   */
  exports?: { url: string; tickets: ExportTickets };
}
