/**
 * The simulator's billets, kept exactly in the JSON shape Paytime returns (create / get / list / cancel and
 * webhook `data`), plus the listing rules of `GET /v1/marketplace/billets`.
 */

export type PaytimeBilletStatus = 'PROCESSING' | 'PENDING' | 'PAID' | 'CANCELED' | 'EXPIRED' | 'FAILED';

export const BILLET_STATUSES: readonly PaytimeBilletStatus[] = [
  'PROCESSING',
  'PENDING',
  'PAID',
  'CANCELED',
  'EXPIRED',
  'FAILED',
];

export interface SimulatedBilletClient {
  first_name: string;
  last_name: string;
  document: string;
  email?: string;
  phone?: string;
  address?: Record<string, string>;
  _id: string;
}

export interface SimulatedBillet {
  _id: string;
  type: 'BILLET';
  gateway_key: string;
  establishment_id: string;
  description: string;
  /** Net of fees, as in Paytime's samples. */
  amount: number;
  original_amount: number;
  fees: number;
  fees_banking: { name: string; description: string; fees: number };
  barcode: string | null;
  digitable_line: string | null;
  url: string | null;
  pix_emv: string | null;
  status: PaytimeBilletStatus;
  expiration_at: string;
  payment_limit_date: string;
  billing_instructions: Array<{ name: string; mode: string; amount: number; limit_date?: string }>;
  recharge: boolean;
  gateway_authorization: 'CELCOIN';
  request_origin: 'API';
  created_at: string;
  updated_at: string;
  client: SimulatedBilletClient;
  transaction_id: string;
  /** Simulator assumption (Paytime's samples show no payment fields): set when paid. */
  paid_at?: string;
  paid_amount?: number;
}

export interface BilletListQuery {
  status?: PaytimeBilletStatus;
  establishmentId?: string;
  /** Simulator extension: ISO instants bounding `created_at` (inclusive). */
  createdFrom?: string;
  createdTo?: string;
  /** Matches the id, the client's document or e-mail (Paytime's documented search fields). */
  search?: string;
  sorters: Array<{ column: SortColumn; direction: 'ASC' | 'DESC' }>;
  page: number;
  perPage: number;
}

export type SortColumn = 'created_at' | 'updated_at' | 'expiration_at' | 'amount';

export interface BilletListPage {
  total: number;
  page: number;
  perPage: number;
  lastPage: number;
  data: SimulatedBillet[];
}

export class BilletStore {
  private readonly billets = new Map<string, SimulatedBillet>();

  add(billet: SimulatedBillet): void {
    this.billets.set(billet._id, billet);
  }

  get(id: string): SimulatedBillet | undefined {
    return this.billets.get(id);
  }

  all(): SimulatedBillet[] {
    return [...this.billets.values()];
  }

  clear(): void {
    this.billets.clear();
  }

  list(query: BilletListQuery): BilletListPage {
    const search = query.search?.trim().toLowerCase();
    const matching = this.all().filter((billet) => {
      if (query.status && billet.status !== query.status) return false;
      if (query.establishmentId && billet.establishment_id !== query.establishmentId) return false;
      if (query.createdFrom && billet.created_at < query.createdFrom) return false;
      if (query.createdTo && billet.created_at > query.createdTo) return false;
      if (search) {
        const fields = [billet._id, billet.client.document, billet.client.email ?? ''];
        if (!fields.some((field) => field.toLowerCase().includes(search))) return false;
      }
      return true;
    });
    const sorters =
      query.sorters.length > 0
        ? query.sorters
        : [{ column: 'created_at' as const, direction: 'DESC' as const }];
    matching.sort((a, b) => {
      for (const { column, direction } of sorters) {
        const order = compare(a[column], b[column]);
        if (order !== 0) return direction === 'ASC' ? order : -order;
      }
      return 0;
    });
    const start = (query.page - 1) * query.perPage;
    return {
      total: matching.length,
      page: query.page,
      perPage: query.perPage,
      lastPage: Math.max(1, Math.ceil(matching.length / query.perPage)),
      data: matching.slice(start, start + query.perPage),
    };
  }
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
