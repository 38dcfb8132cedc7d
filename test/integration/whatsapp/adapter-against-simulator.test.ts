import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import type { MediaDownloader } from '#application/ports/media-downloader';
import { WhatsAppPermanentError, WhatsAppRetryableError } from '#application/ports/message-sender';
import { type E164, normalizePhone } from '#domain/phone-number';
import { PHONE_NUMBER_ID, type SimulatorFixture, startSimulatorFixture } from './simulator-fixture';

const CONTACT: E164 = normalizePhone('+5511987654321');
const HOUR = 60 * 60 * 1000;

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('WhatsAppCloudApiSender against the simulator', () => {
  let fixture: SimulatorFixture;

  beforeEach(async () => {
    fixture = await startSimulatorFixture({ legacyBrazilianWaIds: true }, 300);
  });

  afterEach(async () => {
    await fixture.stop();
  });

  it('sends text inside the 24-hour window and the simulator records it', async () => {
    await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'Oi' });
    const sent = await fixture.sender.sendText({ to: CONTACT, text: 'Olá, João! Seu boleto está pronto.' });
    expect(sent.providerMessageId).toMatch(/^wamid\./);
    expect(sent.recipientWaId).toBe('551187654321');
    const outbound = fixture.simulator.controls.outboundTo('551187654321');
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({
      messageId: sent.providerMessageId,
      to: '5511987654321',
      type: 'text',
      accepted: true,
      request: { text: { body: 'Olá, João! Seu boleto está pronto.' } },
    });
  });

  it('rejects free-form text outside the window as outside_24h_window, and records the rejection', async () => {
    const error = await rejectionOf(fixture.sender.sendText({ to: CONTACT, text: 'Lembrete' }));
    expect(error).toBeInstanceOf(WhatsAppPermanentError);
    expect(error).toMatchObject({ reason: 'outside_24h_window', metaCode: 131047, httpStatus: 400 });
    expect(fixture.simulator.controls.outboundTo(CONTACT)).toMatchObject([
      { accepted: false, error: { code: 131047 } },
    ]);
  });

  it('closes the window 24 hours after the last inbound message, by the simulator clock', async () => {
    fixture.simulator.controls.setNow(Date.parse('2026-12-08T12:00:00Z'));
    await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'Oi' });
    fixture.simulator.controls.advanceClock(23 * HOUR);
    await expect(fixture.sender.sendText({ to: CONTACT, text: 'ainda dentro' })).resolves.toHaveProperty(
      'providerMessageId',
    );
    fixture.simulator.controls.advanceClock(HOUR);
    expect(await rejectionOf(fixture.sender.sendText({ to: CONTACT, text: 'fora' }))).toMatchObject({
      reason: 'outside_24h_window',
    });
  });

  it('sends a template outside the window, and interactive buttons and documents only inside it', async () => {
    const template = await fixture.sender.sendTemplate({
      to: CONTACT,
      templateName: 'lembrete_boleto',
      languageCode: 'pt_BR',
      parameters: ['João', 'R$ 150,00', '10/12/2026'],
    });
    expect(template.providerMessageId).toMatch(/^wamid\./);
    expect(
      await rejectionOf(
        fixture.sender.sendDocument({ to: CONTACT, link: 'https://x.test/b.pdf', filename: 'b.pdf' }),
      ),
    ).toMatchObject({
      reason: 'outside_24h_window',
    });
    await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'Pode mandar' });
    await fixture.sender.sendDocument({
      to: CONTACT,
      link: 'https://x.test/b.pdf',
      filename: 'boleto.pdf',
      caption: 'Seu boleto',
    });
    await fixture.sender.sendInteractiveButtons({
      to: CONTACT,
      body: 'Confirma?',
      buttons: [
        { id: 'yes', title: 'Sim' },
        { id: 'no', title: 'Não' },
      ],
    });
    const types = fixture.simulator.controls
      .outboundTo(CONTACT)
      .map((record) => `${record.type}:${record.accepted}`);
    expect(types).toEqual(['template:true', 'document:false', 'document:true', 'interactive:true']);
  });

  it('gives retryable errors for two 429s, then sends once', async () => {
    await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'Oi' });
    fixture.simulator.controls.failNextSends({ kind: 'rate_limit', retryAfterSeconds: 2 }, 2);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await rejectionOf(fixture.sender.sendText({ to: CONTACT, text: 'Olá' }));
      expect(error).toBeInstanceOf(WhatsAppRetryableError);
      expect(error).toMatchObject({ httpStatus: 429, metaCode: 130429, retryAfterSeconds: 2 });
    }
    await fixture.sender.sendText({ to: CONTACT, text: 'Olá' });
    expect(fixture.simulator.controls.outboundTo(CONTACT).filter((record) => record.accepted)).toHaveLength(
      1,
    );
  });

  it('gives a retryable error with an unknown outcome when the simulator hangs', async () => {
    await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'Oi' });
    fixture.simulator.controls.failNextSends({ kind: 'timeout' });
    const started = Date.now();
    const error = await rejectionOf(fixture.sender.sendText({ to: CONTACT, text: 'Olá' }));
    expect(error).toBeInstanceOf(WhatsAppRetryableError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(fixture.sender.sendText({ to: CONTACT, text: 'Olá' })).resolves.toHaveProperty(
      'providerMessageId',
    );
  });

  it('maps a 500 to retryable and injected permanent codes to their reasons', async () => {
    fixture.simulator.controls.failNextSends({ kind: 'server_error' });
    fixture.simulator.controls.failNextSends({ kind: 'permanent', code: 131026 });
    fixture.simulator.controls.failNextSends({ kind: 'permanent', code: 132001 });
    const send = () =>
      fixture.sender.sendTemplate({ to: CONTACT, templateName: 't', languageCode: 'pt_BR', parameters: [] });
    expect(await rejectionOf(send())).toMatchObject({
      name: 'WhatsAppRetryableError',
      httpStatus: 500,
      metaCode: 2,
    });
    expect(await rejectionOf(send())).toMatchObject({
      name: 'WhatsAppPermanentError',
      reason: 'invalid_recipient',
    });
    expect(await rejectionOf(send())).toMatchObject({
      name: 'WhatsAppPermanentError',
      reason: 'template_rejected',
    });
  });

  it('refuses a wrong access token or another phone-number id', async () => {
    const intruder = new WhatsAppCloudApiSender({
      baseUrl: fixture.simulator.url,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: 'stolen',
    });
    expect(
      await rejectionOf(
        intruder.sendTemplate({ to: CONTACT, templateName: 't', languageCode: 'pt_BR', parameters: [] }),
      ),
    ).toMatchObject({
      reason: 'auth',
      httpStatus: 401,
    });
    const wrongNumber = new WhatsAppCloudApiSender({
      baseUrl: fixture.simulator.url,
      phoneNumberId: '1',
      accessToken: 'simulator-access-token',
    });
    expect(
      await rejectionOf(
        wrongNumber.sendTemplate({ to: CONTACT, templateName: 't', languageCode: 'pt_BR', parameters: [] }),
      ),
    ).toMatchObject({
      reason: 'invalid_request',
      metaCode: 100,
    });
  });

  it('downloads the media of an inbound voice note', async () => {
    const voice = Buffer.from('OggS fake opus frames');
    const inbound = await fixture.simulator.controls.sendInbound({
      from: CONTACT,
      audio: { base64: voice.toString('base64'), mimeType: 'audio/ogg; codecs=opus' },
    });
    expect(inbound.mediaId).toMatch(/^\d+$/);
    const media = await fixture.sender.downloadMedia(inbound.mediaId ?? '');
    expect(Buffer.from(media.bytes).equals(voice)).toBe(true);
    expect(media.mimeType).toBe('audio/ogg; codecs=opus');
  });

  it('downloads the bytes of an inbound photo and document through the MediaDownloader port', async () => {
    const downloader: MediaDownloader = fixture.sender;
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const pdf = Buffer.from('%PDF-1.4 receipt');
    const sentPhoto = await fixture.simulator.controls.sendInbound({
      from: CONTACT,
      image: { mime_type: 'image/png', content_base64: photo.toString('base64') },
    });
    const sentPdf = await fixture.simulator.controls.sendInbound({
      from: CONTACT,
      document: {
        filename: 'nota.pdf',
        mime_type: 'application/pdf',
        content_base64: pdf.toString('base64'),
      },
    });
    const photoMedia = await downloader.downloadMedia(sentPhoto.mediaId ?? '');
    expect(Buffer.from(photoMedia.bytes).equals(photo)).toBe(true);
    expect(photoMedia.mimeType).toBe('image/png');
    const pdfMedia = await downloader.downloadMedia(sentPdf.mediaId ?? '');
    expect(Buffer.from(pdfMedia.bytes).toString()).toBe('%PDF-1.4 receipt');
    expect(pdfMedia.mimeType).toBe('application/pdf');
  });
});
