import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InvalidTenantConfigError,
  loadTenantConfig,
  TENANT_CONFIG_DIRECTORY,
} from '#infra/config/load-tenant-config';
import { allSecretParameterNames, secretParameterName } from '#infra/config/secret-parameters';
import { tenantSettingsEnvironment } from '#infra/config/tenant-settings-environment';

const demo = JSON.parse(readFileSync(join(TENANT_CONFIG_DIRECTORY, 'demo.json'), 'utf8'));
const directory = mkdtempSync(join(tmpdir(), 'iris-tenants-'));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes `<tenant>.json` (a deep copy of demo.json changed by `change`) and loads it for `stage`. */
function loadVariant(tenant: string, change: (config: typeof demo) => void, stage: 'dev' | 'prod' = 'dev') {
  const config = structuredClone(demo);
  config.tenantId = tenant;
  change(config);
  writeFileSync(join(directory, `${tenant}.json`), JSON.stringify(config));
  return loadTenantConfig(tenant, stage, directory);
}

function errorOf(load: () => unknown): InvalidTenantConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTenantConfigError);
    return error as InvalidTenantConfigError;
  }
  throw new Error('expected the config to be refused');
}

describe('loadTenantConfig', () => {
  it('loads the demo tenant for both stages with the stage-specific settings', () => {
    const dev = loadTenantConfig('demo', 'dev');
    const prod = loadTenantConfig('demo', 'prod');
    expect(dev.tenant.tenantId).toBe('demo');
    expect(dev.settings.logRetentionDays).toBe(14);
    expect(prod.settings.logRetentionDays).toBe(90);
    expect(prod.settings.whatsappPhoneNumberId).not.toBe(dev.settings.whatsappPhoneNumberId);
  });

  it('names the missing file and the known tenants', () => {
    const error = errorOf(() => loadTenantConfig('acme', 'dev'));
    expect(error.message).toMatch(/no configuration for tenant "acme"/);
    expect(error.message).toContain(join(TENANT_CONFIG_DIRECTORY, 'acme.json'));
    expect(error.message).toMatch(/known tenants: .*demo/);
  });

  it('refuses a file that is not JSON', () => {
    writeFileSync(join(directory, 'broken.json'), '{ "tenantId": "broken", ');
    expect(errorOf(() => loadTenantConfig('broken', 'dev', directory)).message).toMatch(/not valid JSON/);
  });

  it('says which field is wrong and why', () => {
    const error = errorOf(() =>
      loadVariant('greedy', (c) => {
        c.interestPolicy.fineBps = 250;
        c.owners[0].phone = '11 98765-4321';
      }),
    );
    expect(error.message).toMatch(/interestPolicy\.fineBps/);
    expect(error.message).toMatch(/owners\[0\]\.phone/);
    expect(error.message).toMatch(/E\.164/);
  });

  it('refuses a usual maximum above the hard maximum', () => {
    const error = errorOf(() =>
      loadVariant('limits', (c) => {
        c.limits.usualMaxAmountCents = c.limits.maxBoletoAmountCents + 1;
      }),
    );
    expect(error.message).toMatch(/usualMaxAmountCents must not exceed maxBoletoAmountCents/);
  });

  it('refuses a reminder window that closes before it opens and a cadence out of order', () => {
    const error = errorOf(() =>
      loadVariant('window', (c) => {
        c.reminders.window.startHour = 20;
        c.reminders.window.endHour = 8;
        c.reminders.cadenceDaysFromDue = [0, -3, 7];
      }),
    );
    expect(error.message).toMatch(/startHour must be before endHour/);
    expect(error.message).toMatch(/strictly increasing/);
  });

  it('refuses unknown keys, so a typo cannot silently fall back to a default', () => {
    const error = errorOf(() =>
      loadVariant('typo', (c) => {
        c.limits.maxMessagesPerContactPerDya = 3;
      }),
    );
    expect(error.message).toMatch(/maxMessagesPerContactPerDya/);
  });

  it('refuses a log retention CloudWatch does not offer', () => {
    const error = errorOf(() =>
      loadVariant('retention', (c) => {
        c.stages.dev.logRetentionDays = 10;
      }),
    );
    expect(error.message).toMatch(/stages\.dev\.logRetentionDays/);
  });

  it('requires settings for the stage being deployed', () => {
    const error = errorOf(() => loadVariant('devonly', (c) => delete c.stages.prod, 'prod'));
    expect(error.message).toMatch(/no settings for stage "prod"/);
  });

  it('requires the file name to match the tenantId inside it', () => {
    writeFileSync(join(directory, 'alias.json'), JSON.stringify(demo));
    expect(errorOf(() => loadTenantConfig('alias', 'dev', directory)).message).toMatch(
      /tenantId "demo" does not match the file name "alias"/,
    );
  });

  it('requires an explicit interest policy, zero included (there is no implicit default)', () => {
    expect(errorOf(() => loadVariant('implicit', (c) => delete c.interestPolicy)).message).toMatch(
      /interestPolicy/,
    );
    const none = loadVariant('charges-nothing', (c) => {
      c.interestPolicy = { fineBps: 0, monthlyInterestBps: 0 };
    });
    expect(tenantSettingsEnvironment(none).interestPolicy).toEqual({ fineBps: 0, monthlyInterestBps: 0 });
  });
});

describe('tenantSettingsEnvironment', () => {
  it('carries the public settings of the deployed stage and no personal data', () => {
    const config = loadTenantConfig('demo', 'prod');
    const settings = tenantSettingsEnvironment(config);
    expect(settings).toMatchObject({
      tenantId: 'demo',
      whatsappPhoneNumberId: config.settings.whatsappPhoneNumberId,
      reminders: config.tenant.reminders,
      limits: config.tenant.limits,
    });
    const json = JSON.stringify(settings);
    for (const owner of config.tenant.owners) {
      expect(json).not.toContain(owner.phone);
      expect(json).not.toContain(owner.name);
    }
  });
});

describe('secret parameter names', () => {
  it('puts every secret under /iris/<tenant>/<stage>/ with a -previous slot for rotating ones', () => {
    expect(secretParameterName('demo', 'prod', 'whatsappAppSecret')).toBe(
      '/iris/demo/prod/whatsapp/app-secret',
    );
    expect(secretParameterName('demo', 'prod', 'whatsappAppSecret', 'previous')).toBe(
      '/iris/demo/prod/whatsapp/app-secret-previous',
    );
    const names = allSecretParameterNames('demo', 'dev', { openAiEnabled: false });
    expect(names).toContain('/iris/demo/dev/paytime/webhook-credentials-previous');
    expect(names).not.toContain('/iris/demo/dev/openai/api-key');
    expect(names.every((name) => name.startsWith('/iris/demo/dev/'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
