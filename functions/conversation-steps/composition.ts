import { DynamoDbAccountControls } from '#adapters/dynamodb/receivables/dynamodb-account-controls';
import { DynamoDbCollectionEmailLog } from '#adapters/dynamodb/receivables/dynamodb-collection-email-log';
import { DynamoDbCollectionTemplates } from '#adapters/dynamodb/receivables/dynamodb-collection-templates';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { ReceiptFileReader } from '#adapters/ocr/receipt-file-reader';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { unavailableTranscriber } from '#adapters/transcription/unavailable-transcriber';
import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import { agingSpreadsheetReader } from '#application/collections/aging-spreadsheet-reader';
import { boletoQueries } from '#application/conversation/boleto-queries';
import { ownerCommands } from '#application/conversation/owner-commands';
import { replyOnce } from '#application/conversation/reply-once';
import { ownerEntryBooking } from '#application/ledger/record-owner-entry';
import { type OwnerMediaDependencies, ownerMediaRouter } from '#application/owner-media/handle-owner-media';
import { cancelBoletoForOwner } from '#application/payments/cancel-boleto';
import type { LanguageModel } from '#application/ports/language-model';
import type { ReportRenderer } from '#application/ports/report-renderer';
import { receiptDecisions } from '#application/receipts/decide-receipt';
import { receiptReader } from '#application/receipts/read-receipt';
import { planFirstReminder } from '#application/reminders/plan-first-reminder';
import { reportCommands } from '#application/reports/report-commands';
import { repositoryReportSources } from '#application/reports/report-sources';
import { recurringExpenseOffers } from '#application/subscriptions/decide-recurring-expense';
import { loadConversationConfig } from '#config/conversation-config';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { composeMemberAccounts } from '#config/member-accounts-config';
import { composeObjectStore, loadObjectStoreConfig } from '#config/object-store-config';
import { processEnv } from '#config/process-env';
import { loadReportScheduleConfig } from '#config/report-config';
import { composeSchedules } from '#config/schedules-config';
import { DeterministicLanguageModel } from '#language/deterministic-language-model';
import { createLogger } from '#logging/create-logger';
import type { ConversationStepsDependencies } from './create-handler';

/**
 * Wires the conversation's ports to their adapters, once per container. Without an OpenAI key the
 * deterministic pt-BR parser understands the owner; without a transcription key (TRANSCRIPTION_API_KEY, else
 * OPENAI_API_KEY) voice notes get a "please write" answer.
 */
const config = await loadConversationConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;
const memberAccounts = composeMemberAccounts(processEnv());

export const logger = createLogger('conversation-steps');

const billing = new PaytimeBillingProvider({
  ...config.paytime,
  clock,
  defaultPayerEmail: config.paytimeDefaultPayerEmail,
});
const workflows = new StepFunctionsWorkflows({
  conversationStateMachineArn: config.conversationStateMachineArn,
  reminderLoopStateMachineArn: config.reminderStateMachineArn,
  ...(config.agingImportStateMachineArn && { agingImportStateMachineArn: config.agingImportStateMachineArn }),
});
const deterministic = new DeterministicLanguageModel();
const media = new WhatsAppCloudApiSender({
  phoneNumberId: config.whatsApp.phoneNumberId,
  accessToken: config.whatsApp.accessToken,
  baseUrl: config.whatsApp.apiBaseUrl,
});
// The OpenAI SDK loads only when a key is configured (import() here, not at the top): without one, init
// never evaluates it.
const openAi = config.openAi
  ? {
      ...config.openAi,
      language: await import('#adapters/openai/openai-language-model'),
    }
  : undefined;
// Collection e-mails: the model writes them when a key is configured (checked, else the template renders).
const collectionEmailWriter = config.openAi
  ? new (await import('#adapters/openai/openai-collection-email-writer')).OpenAiCollectionEmailWriter({
      apiKey: config.openAi.apiKey,
      baseURL: config.openAi.baseUrl,
      model: config.openAi.model,
      timeoutMs: 20_000,
    })
  : undefined;
const receivablesTable = new TableAccess(config.tableName);
const receivables = new DynamoDbReceivablesRepository(receivablesTable);
const schedules = config.schedules ? composeSchedules(config.schedules) : undefined;
const language: LanguageModel = openAi
  ? new openAi.language.OpenAiLanguageModel({
      apiKey: openAi.apiKey,
      baseURL: openAi.baseUrl,
      model: openAi.model,
      timeoutMs: 8_000,
      fallback: deterministic,
      logger,
    })
  : deterministic;
// Voice notes: their own API and key (TRANSCRIPTION_*, defaulting to OpenAI's), so the local cloud can
// transcribe through its OpenAI simulator while the text model stays the deterministic parser.
const transcriber = config.transcription
  ? new (await import('#adapters/transcription/openai-transcriber')).OpenAiTranscriber({
      apiKey: config.transcription.apiKey,
      baseURL: config.transcription.baseUrl,
      model: config.transcription.model,
      media,
    })
  : unavailableTranscriber;
const payments = { ...repositories, billing, workflows, clock, logger, providerName: PAYTIME_PROVIDER_NAME };
const proposals = repositories.receiptProposals;
// Every new entry's category (typed, from a receipt) and the subscription check after each booked expense.
// With an OpenAI key the model files an entry no learned rule or keyword knows (checked against the set).
const categoryProposer = openAi
  ? new (await import('#adapters/openai/openai-category-proposer')).OpenAiCategoryProposer({
      apiKey: openAi.apiKey,
      baseURL: openAi.baseUrl,
      model: openAi.model,
      timeoutMs: 5_000,
    })
  : undefined;
const booking = ownerEntryBooking({
  ...repositories,
  clock,
  logger,
  ...(categoryProposer && { categoryProposer }),
});
const ocr = new ReceiptFileReader({ langPath: config.ocrLangPath });
// With an OpenAI key the model proposes a receipt photo's fields; the OCR text grounds them (read-receipt.ts).
const vision = openAi
  ? new (await import('#adapters/openai/openai-receipt-vision')).OpenAiReceiptVision({
      apiKey: openAi.apiKey,
      baseURL: openAi.baseUrl,
      model: openAi.model,
      timeoutMs: 20_000,
      logger,
    })
  : undefined;
const files = composeObjectStore(loadObjectStoreConfig(processEnv()));
const reportSchedule = loadReportScheduleConfig(processEnv());
// The report's PDF library loads on the first report asked for, not at init.
const renderer: ReportRenderer = {
  renderPdf: async (content) =>
    new (await import('#adapters/pdf/pdf-lib-report-renderer')).PdfLibReportRenderer().renderPdf(content),
};
const replyToMedia: OwnerMediaDependencies['reply'] = (input, text, purpose) =>
  replyOnce({ ...repositories, clock }, input.tenantId, input.ownerPhone, text, input.messageId, purpose);

export const deps: ConversationStepsDependencies = {
  ...repositories,
  language,
  transcriber,
  billing,
  workflows,
  clock,
  ids: new TimeOrderedIdGenerator(clock),
  logger,
  settings: config.settings,
  reminders: {
    async firstReminderAt({ tenantId, boleto }) {
      const plan = planFirstReminder({
        tenantId,
        boletoId: boleto.id,
        dueDate: boleto.dueDate,
        now: clock.now(),
        profile: await repositories.tenants.getProfile(tenantId),
        logger,
      });
      return plan?.nextReminderAt;
    },
  },
  commands: ownerCommands({
    ...booking,
    categoryRules: repositories.categoryRules,
    recurringExpenses: repositories.recurringExpenses,
    boletos: boletoQueries(payments),
    conversations: repositories.conversations,
    finance: {
      aggregates: repositories.ledgerAggregates,
      latePayments: repositories.latePayments,
      boletos: repositories.boletos,
      contacts: repositories.contacts,
      statements: repositories.statements,
      tenants: repositories.tenants,
      budgets: repositories.budgets,
    },
    reports: reportCommands({
      ...repositories,
      sources: repositoryReportSources({ ...repositories, clock }),
      renderer,
      files,
      ids: new TimeOrderedIdGenerator(clock),
      clock,
      ...(reportSchedule && {
        schedule: {
          schedules: composeSchedules(reportSchedule.schedules),
          reportFunctionArn: reportSchedule.reportFunctionArn,
        },
      }),
    }),
  }),
  ownerMedia: ownerMediaRouter({
    receipts: receiptReader({ ...repositories, ...booking, media, ocr, vision, proposals, logger }),
    spreadsheets: agingSpreadsheetReader({
      files,
      media,
      imports: workflows,
      reply: replyToMedia,
    }),
    reply: replyToMedia,
  }),
  receipts: receiptDecisions({ ...repositories, ...booking, proposals }),
  recurringExpenseOffers: recurringExpenseOffers({ ...repositories, clock }),
  cancellation: {
    cancel: (input) => cancelBoletoForOwner(payments, input),
  },
  // Team changes an owner confirms put and remove members' sign-in accounts (where the stack names the pool).
  ...(memberAccounts && { memberAccounts }),
  collections: {
    receivables,
    controls: new DynamoDbAccountControls(receivablesTable),
    emailLog: new DynamoDbCollectionEmailLog(receivablesTable),
    templates: new DynamoDbCollectionTemplates(receivablesTable),
    ...(collectionEmailWriter && { writer: collectionEmailWriter }),
    // The weekly run: its schedule starts this conversation each Monday (where the stack grants schedules).
    ...(schedules && {
      weekly: { schedules, conversationStateMachineArn: config.conversationStateMachineArn },
    }),
  },
  // Recurring plans: their schedules start this conversation each month (where the stack grants schedules).
  ...(schedules && {
    recurring: {
      plans: repositories.recurringPlans,
      schedules,
      conversationStateMachineArn: config.conversationStateMachineArn,
    },
  }),
};
