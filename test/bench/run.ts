/**
 * `npm run bench`: speed and cost figures, each with its goal, printed and written to `bench.json` (gitignored:
 * figures depend on the machine; keep a copy to compare runs). Tests check behaviour; these numbers are for
 * people. Bundles, init and definitions come from what CDK builds for the stack; lifecycles run on the local
 * cloud. A failing benchmark exits non-zero.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_EMAIL_FROM_DAYS_LATE, DEFAULT_REMINDER_OFFSETS } from '#domain/reminder-cadence';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { benchAgingImport, printAgingImportBench } from './aging-import';
import { benchBundles } from './bundle-sizes';
import { synthesizeForBench } from './cdk-assets';
import {
  atDefaultCadence,
  type CostLines,
  costPerThousandBoletos,
  PRICES,
  type Region,
  USD_PER_WHATSAPP_UTILITY_TEMPLATE,
} from './cost-model';
import { benchLifecycles } from './lifecycle';
import { benchNluThroughput } from './nlu-throughput';
import { benchReceiptOcr } from './receipt-ocr';
import { benchReceiptPdf } from './receipt-pdf';
import { benchReminderTransitions } from './reminder-transitions';
import { benchReportGeneration } from './report-generation';
import { benchStatementRead } from './statement-read';
import { benchWebhookAck } from './webhook-ack';

const TRANSITIONS_GOAL = 20;
/** The conversation's happy path (all details given, "Sim"): Interpret, Route, AskConfirmation, HandleDecision. */
const CONVERSATION_TRANSITIONS_GOAL = 5;
const COST_GOAL_USD_PER_1000 = 0.6;
/** A never-paid boleto at the default cadence is e-mailed with every reminder from the escalation day on. */
const DEFAULT_CADENCE_EMAILS = DEFAULT_REMINDER_OFFSETS.filter(
  (offset) => offset >= DEFAULT_EMAIL_FROM_DAYS_LATE,
).length;

const section = (title: string) => console.log(`\n== ${title} ==`);
const report: Record<string, unknown> = { startedAt: new Date().toISOString(), node: process.version };
let cloud: LocalCloud | undefined;

/**
 * `npm run bench -- --only=webhook` (or `--only=bundles`, `--only=aging`) runs one part alone, prints it and
 * writes it to `bench-<part>.json`; the full run (no option) is the one whose `bench.json` holds every figure.
 * `--aging-rows=N` sizes the aging import (default 100,000, issue 13's figure).
 */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && only !== 'webhook' && only !== 'bundles' && only !== 'aging') {
  console.error(`unknown part ${only}: --only=webhook, --only=bundles or --only=aging`);
  process.exit(2);
}
const agingRows = Number(
  process.argv.find((arg) => arg.startsWith('--aging-rows='))?.slice('--aging-rows='.length) ?? 100_000,
);
const agingSection = `Aging import of ${agingRows} rows on the local cloud (goal <= 5 min, memory flat)`;

try {
  if (only === 'bundles') {
    section('Lambda bundles and init, from the CDK-built assets');
    report.bundles = benchBundles(synthesizeForBench());
  }
  if (only === 'webhook') {
    cloud = await startLocalCloud({ port: 0 });
    section('WhatsApp webhook ack vs a verify-only receiver, owner reply');
    report.webhookAck = await benchWebhookAck(cloud);
    await cloud.stop();
  }
  if (only === 'aging') {
    cloud = await startLocalCloud({ port: 0 });
    section(agingSection);
    report.agingImport = await benchAgingImport(cloud, agingRows);
    printAgingImportBench(report.agingImport as Awaited<ReturnType<typeof benchAgingImport>>);
    await cloud.stop();
  }
  if (only !== undefined) {
    writeFileSync(`bench-${only}.json`, `${JSON.stringify(report, null, 2)}\n`);
    process.exit(0);
  }

  section('Parser (npm run nlu)');
  report.nlu = await benchNluThroughput();

  section('Receipt OCR (Tesseract, generated receipt photos)');
  report.receiptOcr = await benchReceiptOcr();

  section('Receipt PDF (pdf.js text layer, generated receipt PDFs)');
  report.receiptPdf = await benchReceiptPdf();
  section('Owner report generation (figures + PDF)');
  report.reportGeneration = await benchReportGeneration();

  section('Lambda bundles and init, from the CDK-built assets');
  const built = synthesizeForBench();
  report.bundles = benchBundles(built);

  section('Reminder loop transitions (the deployed definition)');
  const reminders = await benchReminderTransitions(built);
  report.reminderLoop = reminders;

  // One local cloud per process (the functions compose once, at load): the webhook runs, then the lifecycles.
  cloud = await startLocalCloud({ port: 0 });
  section(
    'WhatsApp webhook ack vs a verify-only receiver, owner reply (goal p50 <= 3x, p99 <= 5x, throughput >= 1/3)',
  );
  report.webhookAck = await benchWebhookAck(cloud);

  section(agingSection);
  const aging = await benchAgingImport(cloud, agingRows);
  report.agingImport = aging;
  printAgingImportBench(aging);

  section('Boleto lifecycles on the local cloud');
  const lifecycles = await benchLifecycles(cloud);
  await cloud.stop();
  cloud = undefined;
  report.lifecycles = lifecycles;
  for (const [label, run] of [
    ['never paid (local cadence)', lifecycles.neverPaid],
    ['paid after the 2nd reminder', lifecycles.paidAfterSecondReminder],
  ] as const) {
    console.log(
      `${label}: transitions ${run.transitions.total} (conversation ${run.transitions.conversation} + reminder loop ${run.transitions.reminderLoop}), ` +
        `reminders ${run.reminders}, Lambda invocations ${run.invocationsTotal}, ` +
        `DynamoDB ${run.dynamodbUnitsPerBoleto} RCU+WCU (${JSON.stringify(run.dynamodb.requests)}), ` +
        `WhatsApp ${run.whatsapp.toContact} to the contact + ${run.whatsapp.toOwner} to the owner (${run.whatsapp.billableTemplates} billable templates), e-mails ${run.emails}`,
    );
    console.log(
      `  invocations: ${Object.entries(run.invocations)
        .map(([name, { count }]) => `${name} ${count}`)
        .join(', ')}`,
    );
    console.log(
      `  daily reconciliation in those days (per tenant): ${run.reconciliation.runs} runs, ${run.reconciliation.units} units`,
    );
  }
  console.log(`local cadence: ${lifecycles.localCadence}`);
  const scans = [lifecycles.neverPaid, lifecycles.paidAfterSecondReminder].reduce(
    (sum, run) => sum + (run.dynamodb.requests.Scan ?? 0),
    0,
  );
  console.log(`Scan requests during the lifecycles: ${scans}`);
  const question = lifecycles.inboundQuestion;
  console.log(
    `one inbound message ("quem está devendo?"): ${question.dynamodb.readUnits} RCU + ${question.dynamodb.writeUnits} WCU ` +
      `(${JSON.stringify(question.dynamodb.requests)}), invocations ${JSON.stringify(question.invocations)}`,
  );

  section('Transitions per boleto lifecycle at the default cadence (goal <= 20)');
  const conversation = lifecycles.neverPaid.transitions.conversation;
  const perLifecycle = conversation + reminders.defaultNeverPaid.transitions;
  console.log(
    `conversation ${conversation} (measured, confirm-then-create) + reminder loop ${reminders.defaultNeverPaid.transitions} ` +
      `(default cadence, ${reminders.defaultNeverPaid.reminders} reminders, never paid) = ${perLifecycle} ` +
      `${perLifecycle <= TRANSITIONS_GOAL ? 'ok' : `GAP of ${perLifecycle - TRANSITIONS_GOAL}`}`,
  );
  console.log(
    `conversation happy path ${conversation} (goal <= ${CONVERSATION_TRANSITIONS_GOAL}) ` +
      `${conversation <= CONVERSATION_TRANSITIONS_GOAL ? 'ok' : `GAP of ${conversation - CONVERSATION_TRANSITIONS_GOAL}`}`,
  );
  report.transitionsPerLifecycle = {
    conversation,
    reminderLoop: reminders.defaultNeverPaid.transitions,
    total: perLifecycle,
    goal: TRANSITIONS_GOAL,
    conversationGoal: CONVERSATION_TRANSITIONS_GOAL,
  };

  section('Statement of a payer with 500 boletos, GET /v1/statements (goal p99 <= 50 ms)');
  report.statementRead = benchStatementRead();
  console.log(JSON.stringify(report.statementRead));

  section('AWS cost per 1,000 boletos (goal <= US$ 0.60 at the default cadence, never paid)');
  const memory = Object.fromEntries(built.functions.map((fn) => [fn.name, fn.memoryMb]));
  const defaultNeverPaid = atDefaultCadence(lifecycles.neverPaid, {
    transitions: perLifecycle,
    measuredReminders: lifecycles.neverPaid.reminders,
    defaultReminders: reminders.defaultNeverPaid.reminders,
    defaultEmails: DEFAULT_CADENCE_EMAILS,
  });
  const costs: Record<string, unknown> = {};
  for (const [scenario, lifecycle] of [
    ['default cadence, never paid', defaultNeverPaid],
    ['measured: demo cadence, never paid', lifecycles.neverPaid],
    ['measured: paid after the 2nd reminder', lifecycles.paidAfterSecondReminder],
  ] as const) {
    const byRegion: Record<string, CostLines> = {};
    for (const region of Object.keys(PRICES) as Region[]) {
      const lines = costPerThousandBoletos(lifecycle, memory, region);
      byRegion[region] = lines;
      console.log(
        `${scenario} (${lifecycle.transitions.total} transitions, ${lifecycle.reminders} reminders, ${lifecycle.emails} e-mails), ` +
          `${region}: US$ ${lines.total.toFixed(4)} ${lines.total <= COST_GOAL_USD_PER_1000 ? 'ok' : `GAP of ${(lines.total - COST_GOAL_USD_PER_1000).toFixed(4)}`}  ` +
          Object.entries(lines)
            .filter(([key]) => key !== 'total')
            .map(([key, value]) => `${key} ${value.toFixed(4)}`)
            .join(', '),
      );
    }
    costs[scenario] = byRegion;
  }
  const headline = costPerThousandBoletos(defaultNeverPaid, memory, 'us-east-1');
  const floor = headline.stepFunctions + headline.ses;
  const gapCause =
    headline.total <= COST_GOAL_USD_PER_1000
      ? undefined
      : `Step Functions (${perLifecycle} transitions = US$ ${headline.stepFunctions.toFixed(3)}) + SES ` +
        `(${DEFAULT_CADENCE_EMAILS} escalation e-mails = US$ ${headline.ses.toFixed(3)}) = US$ ${floor.toFixed(3)} per 1,000 ` +
        `before any Lambda, DynamoDB, SQS or API Gateway cost; the rest is DynamoDB ${headline.dynamoDb.toFixed(3)}, ` +
        `Lambda ${(headline.lambdaRequests + headline.lambdaCompute).toFixed(3)} (compute from local wall time: an upper bound)`;
  if (gapCause) console.log(`gap cause (us-east-1): ${gapCause}`);
  console.log(
    'default cadence: transitions and e-mails exact; per-message lines scaled from the measured lifecycle ' +
      `(${lifecycles.neverPaid.reminders} -> ${reminders.defaultNeverPaid.reminders} reminders)`,
  );
  report.costPerThousandBoletos = {
    ...costs,
    goal: COST_GOAL_USD_PER_1000,
    headline: { scenario: 'default cadence, never paid', region: 'us-east-1', ...headline },
    ...(gapCause ? { gapCause } : {}),
    prices: PRICES,
  };
  const paid = lifecycles.paidAfterSecondReminder;
  const whatsappPerPaid = paid.whatsapp.billableTemplates * USD_PER_WHATSAPP_UTILITY_TEMPLATE;
  console.log(
    `WhatsApp per paid boleto (paid after the 2nd reminder): ${paid.whatsapp.toContact + paid.whatsapp.toOwner} messages, ` +
      `${paid.whatsapp.billableTemplates} billable templates = US$ ${whatsappPerPaid.toFixed(3)} (US$ ${(whatsappPerPaid * 1000).toFixed(2)} per 1,000)`,
  );
  report.whatsappPerPaidBoleto = {
    messages: paid.whatsapp.toContact + paid.whatsapp.toOwner,
    billableTemplates: paid.whatsapp.billableTemplates,
    usd: whatsappPerPaid,
  };
  writeFileSync('bench.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwrote bench.json');
  process.exit(0);
} catch (error) {
  console.error(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
  await cloud?.stop();
  process.exit(1);
}
