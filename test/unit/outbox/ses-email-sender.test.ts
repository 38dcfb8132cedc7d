import { SESv2Client, SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesEmailSender } from '#adapters/ses/ses-email-sender';
import { EmailPermanentError, EmailRetryableError } from '#application/ports/email-sender';

const ses = mockClient(SESv2Client);

function sesError(name: string, status: number): SESv2ServiceException {
  return new SESv2ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    message: name,
  });
}

const email = {
  from: 'cobranca@empresa.test',
  to: ['cliente@exemplo.test'],
  subject: 'Fatura em aberto',
  text: 'Olá, sua fatura venceu.',
  html: '<p>Olá, sua fatura venceu.</p>',
  tags: { outbox_id: '01JOUTBOX', kind: 'collection_email' },
};

describe('SesEmailSender', () => {
  beforeEach(() => ses.reset());

  it('sends Simple content with text and HTML, the configuration set and the tags', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
    const sender = new SesEmailSender(
      { configurationSetName: 'iris-dev' },
      new SESv2Client({ region: 'us-east-1' }),
    );
    await expect(sender.send(email)).resolves.toEqual({ providerMessageId: 'ses-message-1' });
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toEqual({
      FromEmailAddress: 'cobranca@empresa.test',
      Destination: { ToAddresses: ['cliente@exemplo.test'] },
      Content: {
        Simple: {
          Subject: { Data: 'Fatura em aberto', Charset: 'UTF-8' },
          Body: {
            Text: { Data: 'Olá, sua fatura venceu.', Charset: 'UTF-8' },
            Html: { Data: '<p>Olá, sua fatura venceu.</p>', Charset: 'UTF-8' },
          },
        },
      },
      ConfigurationSetName: 'iris-dev',
      EmailTags: [
        { Name: 'outbox_id', Value: '01JOUTBOX' },
        { Name: 'kind', Value: 'collection_email' },
      ],
    });
  });

  it.each([
    ['TooManyRequestsException', 429],
    ['LimitExceededException', 400],
    ['InternalFailure', 500],
  ])('treats %s as retryable', async (name, status) => {
    ses.on(SendEmailCommand).rejects(sesError(name, status));
    const sender = new SesEmailSender(
      { configurationSetName: 'iris-dev' },
      new SESv2Client({ region: 'us-east-1' }),
    );
    await expect(sender.send(email)).rejects.toBeInstanceOf(EmailRetryableError);
  });

  it.each([
    ['MessageRejected', 400, 'rejected'],
    ['MailFromDomainNotVerifiedException', 400, 'sender_not_ready'],
    ['NotFoundException', 404, 'sender_not_ready'],
    ['BadRequestException', 400, 'invalid_request'],
  ])('treats %s as permanent (%s)', async (name, status, reason) => {
    ses.on(SendEmailCommand).rejects(sesError(name, status));
    const sender = new SesEmailSender(
      { configurationSetName: 'iris-dev' },
      new SESv2Client({ region: 'us-east-1' }),
    );
    const sending = sender.send(email);
    await expect(sending).rejects.toBeInstanceOf(EmailPermanentError);
    await expect(sending).rejects.toMatchObject({ reason });
  });

  it('treats a network failure (no HTTP status) as retryable', async () => {
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'Error' }));
    const sender = new SesEmailSender(
      { configurationSetName: 'iris-dev' },
      new SESv2Client({ region: 'us-east-1' }),
    );
    await expect(sender.send(email)).rejects.toBeInstanceOf(EmailRetryableError);
  });
});
