import type { ReportTerms } from '#application/ports/language-model';
import { saoPauloDateOf } from '#domain/calendar-date';
import { normalizePhone } from '#domain/phone-number';
import { monthPeriod, periodMonth, periodTitle, previousMonthPeriod } from '#domain/report-period';
import { REPORT_TIME, type ReportScheduleDependencies, setReportCadence } from './report-schedule';
import { type SendReportDependencies, sendLedgerSpreadsheet, sendReport } from './send-report';

export type ReportIntent = 'send_report' | 'send_spreadsheet' | 'report_schedule';

/** The owner's report requests by message; each returns the one pt-BR reply. */
export interface ReportCommands {
  answer(input: {
    tenantId: string;
    ownerPhone: string;
    messageId: string;
    intent: ReportIntent;
    terms: ReportTerms | undefined;
  }): Promise<string>;
}

const AT = `${String(REPORT_TIME.hour).padStart(2, '0')}:${String(REPORT_TIME.minute).padStart(2, '0')}`;

/**
 * "me manda o relatório de novembro": the month's report to the asker, keyed on the message id (a replayed
 * message sends nothing twice); the reply is the summary and says the PDF is queued, not sent. "me manda a
 * planilha de dezembro": the month's ledger CSV the same way. "toda segunda" / "volta pro mensal": the
 * tenant's report schedule, changed before the reply says so.
 */
export function reportCommands(
  deps: SendReportDependencies & { schedule?: ReportScheduleDependencies },
): ReportCommands {
  return {
    async answer({ tenantId, ownerPhone, messageId, intent, terms }) {
      if (intent === 'report_schedule') {
        if (!deps.schedule) return 'Ainda não consigo mudar quando o relatório chega.';
        const cadence = terms?.cadence;
        if (!cadence) return 'Quer o relatório toda segunda-feira ou no primeiro dia útil de cada mês?';
        await setReportCadence(deps.schedule, { tenantId, cadence });
        return cadence === 'weekly'
          ? `Pronto: o relatório agora chega toda segunda-feira às ${AT}, com a semana anterior.`
          : `Pronto: o relatório volta a chegar no primeiro dia útil de cada mês às ${AT}, com o mês anterior.`;
      }
      const today = saoPauloDateOf(deps.clock.now());
      const period = terms?.month ? monthPeriod(terms.month) : previousMonthPeriod(today);
      if (periodMonth(period) > today.slice(0, 7)) {
        return `Ainda não temos lançamentos de ${periodTitle(period)}.`;
      }
      const request = {
        tenantId,
        reportId: `request-${messageId}`,
        period,
        trigger: 'request' as const,
        recipients: [normalizePhone(ownerPhone)],
        correlationId: messageId,
        summaryMessage: false,
      };
      if (intent === 'send_spreadsheet') {
        const sheet = await sendLedgerSpreadsheet(deps, request);
        return `Preparei a planilha de lançamentos de ${sheet.title} (${sheet.filename}): o arquivo está na fila de envio.`;
      }
      const { report, summary } = await sendReport(deps, request);
      return `${summary ?? `Relatório de ${report.title}`}\nO PDF está na fila de envio.`;
    },
  };
}
