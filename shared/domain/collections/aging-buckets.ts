import type { Cents } from '#domain/money';

/**
 * The receivables aging buckets, by days past the due date: 0–30, 31–60, 61–90, 91–120 and over 120. An
 * amount not yet due counts in 0–30 (the ERP exports this product reads put current invoices there).
 */
export const AGING_BUCKETS = ['days0To30', 'days31To60', 'days61To90', 'days91To120', 'daysOver120'] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type AgingBuckets = Readonly<Record<AgingBucket, Cents>>;

export const EMPTY_AGING: AgingBuckets = {
  days0To30: 0,
  days31To60: 0,
  days61To90: 0,
  days91To120: 0,
  daysOver120: 0,
};

/** pt-BR label of a bucket, as the owner reads it. */
export const AGING_BUCKET_LABELS: Readonly<Record<AgingBucket, string>> = {
  days0To30: '0–30 dias',
  days31To60: '31–60 dias',
  days61To90: '61–90 dias',
  days91To120: '91–120 dias',
  daysOver120: 'mais de 120 dias',
};

export function agingTotal(aging: AgingBuckets): Cents {
  return AGING_BUCKETS.reduce((sum, bucket) => sum + aging[bucket], 0);
}

export function addAging(a: AgingBuckets, b: AgingBuckets): AgingBuckets {
  return {
    days0To30: a.days0To30 + b.days0To30,
    days31To60: a.days31To60 + b.days31To60,
    days61To90: a.days61To90 + b.days61To90,
    days91To120: a.days91To120 + b.days91To120,
    daysOver120: a.daysOver120 + b.daysOver120,
  };
}

/** The bucket a number of days past due falls in (negative = not yet due → 0–30). */
export function bucketOfDaysOverdue(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 30) return 'days0To30';
  if (daysOverdue <= 60) return 'days31To60';
  if (daysOverdue <= 90) return 'days61To90';
  if (daysOverdue <= 120) return 'days91To120';
  return 'daysOver120';
}

/** The oldest bucket holding money, or undefined when everything is zero. */
export function oldestBucketWithBalance(aging: AgingBuckets): AgingBucket | undefined {
  for (let i = AGING_BUCKETS.length - 1; i >= 0; i--) {
    const bucket = AGING_BUCKETS[i] as AgingBucket;
    if (aging[bucket] > 0) return bucket;
  }
  return undefined;
}
