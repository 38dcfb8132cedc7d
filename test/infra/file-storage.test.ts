import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_PREFIXES } from '#infra/constructs/file-storage';
import {
  resourcesOfType,
  type SynthesizedTenantStage,
  synthesizeTenantStage,
} from './support/tenant-stage-template';

let dev: SynthesizedTenantStage;
let prod: SynthesizedTenantStage;

beforeAll(() => {
  dev = synthesizeTenantStage('dev');
  prod = synthesizeTenantStage('prod');
});

interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

describe('the file bucket', () => {
  it('is encrypted, private, bucket-owned and has a lifecycle per prefix', () => {
    const buckets = resourcesOfType(dev.json, 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(1);
    const [, bucket] = buckets[0] as [string, { Properties: Record<string, unknown> }];
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> })
      .Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: 'Enabled',
      }),
    );
    for (const { prefix, expireAfterDays } of Object.values(FILE_PREFIXES)) {
      expect(rules).toContainEqual(
        expect.objectContaining({ Prefix: prefix, ExpirationInDays: expireAfterDays }),
      );
    }
  });

  it('refuses any request without TLS 1.2 or newer', () => {
    const [, policy] = resourcesOfType(dev.json, 'AWS::S3::BucketPolicy')[0] as unknown as [
      string,
      { Properties: { PolicyDocument: { Statement: PolicyStatement[] } } },
    ];
    const denials = policy.Properties.PolicyDocument.Statement.filter((s) => s.Effect === 'Deny');
    expect(denials).toContainEqual(
      expect.objectContaining({ Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(denials).toContainEqual(
      expect.objectContaining({ Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
  });

  it('keeps production files (versioned, retained) and lets dev go', () => {
    const [, prodBucket] = resourcesOfType(prod.json, 'AWS::S3::Bucket')[0] as [
      string,
      { Properties: Record<string, unknown>; DeletionPolicy?: string },
    ];
    expect(prodBucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(prodBucket.DeletionPolicy).toBe('Retain');
    const [, devBucket] = resourcesOfType(dev.json, 'AWS::S3::Bucket')[0] as [
      string,
      { DeletionPolicy?: string },
    ];
    expect(devBucket.DeletionPolicy).toBe('Delete');
  });

  it('names the bucket in an output', () => {
    expect(dev.json.Outputs.FilesBucketName).toBeDefined();
  });
});
