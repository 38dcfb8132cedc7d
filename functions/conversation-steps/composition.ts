import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
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
import {
  type OwnerMediaDependencies,
  ownerMediaReplies,
  ownerMediaRouter,
} from '#application/owner-media/handle-owner-media';
import { cancelBoletoForOwner } from '#application/payments/cancel-boleto';
import type { LanguageModel } from '#application/ports/language-model';
import { planFirstReminder } from '#application/reminders/plan-first-reminder';
import { conversationConfig, conversationSecrets, conversationSettings } from '#config/conversation-config';
import { composeObjectStore, loadObjectStoreConfig } from '#config/object-store-config';
import { processEnv } from '#config/process-env';
import { DeterministicLanguageModel } from '#language/deterministic-language-model';
import { createLogger } from '#logging/create-logger';
import type { ConversationStepsDependencies } from './create-handler';

/**
 * Wires the conversation's ports to their adapters, once per container. Without an OpenAI key the
 * deterministic pt-BR parser understands the owner and voice notes get a "please write" answer.
 */
export async function composeConversationSteps(
  env: NodeJS.ProcessEnv = processEnv() as NodeJS.ProcessEnv,
): Promise<ConversationStepsDependencies> {
  const config = conversationConfig(env);
  const secrets = await conversationSecrets(env);
  const logger = createLogger('conversation-steps');
  const repositories = createTableRepositories(config.TABLE_NAME);
  const clock = systemClock;
  const billing = new PaytimeBillingProvider({
    baseUrl: config.PAYTIME_BASE_URL,
    ...secrets.paytime,
    clock,
    defaultPayerEmail: config.PAYTIME_DEFAULT_PAYER_EMAIL,
  });
  const workflows = new StepFunctionsWorkflows({
    conversationStateMachineArn: config.CONVERSATION_STATE_MACHINE_ARN,
    reminderLoopStateMachineArn: config.REMINDER_STATE_MACHINE_ARN,
    client: new SFNClient({}),
  });
  const deterministic = new DeterministicLanguageModel();
  // The OpenAI SDK loads only when a key is configured (import() here, not at the top): without one, init
  // never evaluates it.
  const openAi = secrets.openAiApiKey
    ? {
        apiKey: secrets.openAiApiKey,
        language: await import('#adapters/openai/openai-language-model'),
        transcription: await import('#adapters/transcription/openai-transcriber'),
      }
    : undefined;
  const language: LanguageModel = openAi
    ? new openAi.language.OpenAiLanguageModel({
        apiKey: openAi.apiKey,
        baseURL: config.OPENAI_BASE_URL,
        model: config.OPENAI_MODEL,
        timeoutMs: 8_000,
        fallback: deterministic,
        logger,
      })
    : deterministic;
  const media = new WhatsAppCloudApiSender({
    phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
    accessToken: secrets.whatsAppAccessToken,
    baseUrl: config.WHATSAPP_API_BASE_URL,
  });
  const transcriber = openAi
    ? new openAi.transcription.OpenAiTranscriber({
        apiKey: openAi.apiKey,
        baseURL: config.OPENAI_BASE_URL,
        media,
      })
    : unavailableTranscriber;
  const payments = { ...repositories, billing, workflows, clock, logger, providerName: 'paytime' };
  const replyToMedia: OwnerMediaDependencies['reply'] = (input, text, purpose) =>
    replyOnce({ ...repositories, clock }, input.tenantId, input.ownerPhone, text, input.messageId, purpose);
  return {
    ...repositories,
    language,
    transcriber,
    billing,
    workflows,
    clock,
    ids: new TimeOrderedIdGenerator(clock),
    logger,
    settings: conversationSettings(config),
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
      ledger: repositories.ledger,
      clock,
      boletos: boletoQueries(payments),
      conversations: repositories.conversations,
    }),
    ownerMedia: ownerMediaRouter({
      receipts: {
        read: (input) => replyToMedia(input, ownerMediaReplies.receiptReadingPending(), 'receipt-pending'),
      },
      spreadsheets: agingSpreadsheetReader({
        files: composeObjectStore(loadObjectStoreConfig(env)),
        receivables: new DynamoDbReceivablesRepository(new TableAccess(config.TABLE_NAME)),
        clock,
        ids: new TimeOrderedIdGenerator(clock),
        media,
        reply: replyToMedia,
      }),
      reply: replyToMedia,
    }),
    cancellation: {
      async cancel(input) {
        await cancelBoletoForOwner(payments, input);
      },
    },
  };
}
