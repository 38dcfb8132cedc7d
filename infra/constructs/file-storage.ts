import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNag } from '#infra/nag/acknowledge';

export interface FileStorageProps {
  /** Production keeps its files (RETAIN, versioned); anything else is disposable (DESTROY, emptied). */
  readonly production: boolean;
}

/** Key prefixes of the bucket and how long their objects live (the lifecycle rules below). */
export const FILE_PREFIXES = {
  /** Raw imported spreadsheets: kept 400 days, so a year of imports can be re-read and audited. */
  imports: { prefix: 'imports/', expireAfterDays: 400 },
  /** Generated files sent to people (error CSVs, reports): the link is short-lived, the copy goes in 90 days. */
  outbound: { prefix: 'outbound/', expireAfterDays: 90 },
} as const;

/**
 * The stack's bucket for raw files (imports, generated reports): SSE-S3 encryption, all public access blocked,
 * TLS-only bucket policy, objects owned by the bucket (no ACLs), and lifecycle rules per prefix plus a cleanup
 * of abandoned multipart uploads. Functions reach it through `FILES_BUCKET_NAME` (function-access.ts).
 */
export class FileStorage extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: FileStorageProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
      lifecycleRules: [
        { id: 'abandoned-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        ...Object.entries(FILE_PREFIXES).map(([name, { prefix, expireAfterDays }]) => ({
          id: `${name}-expiry`,
          prefix,
          expiration: Duration.days(expireAfterDays),
          noncurrentVersionExpiration: Duration.days(30),
        })),
      ],
    });
    acknowledgeNag(
      this.bucket,
      'AwsSolutions-S1',
      "Server access logs would need a second bucket per tenant stack; every object is written and read by the stack's own functions, whose CloudTrail data events and Powertools logs already record each access by id.",
    );
  }
}
