import { AGING_IMPORT_ROUTES } from './aging-import-routes';
import { BOLETO_ROUTES } from './boleto-routes';
import { COLLECTION_TEMPLATE_ROUTES } from './collection-template-routes';
import { CONTACT_ROUTES } from './contact-routes';
import { EXPORT_ROUTES } from './export-routes';
import { MEMBER_ROUTES } from './member-routes';
import { MONEY_ROUTES } from './money-routes';
import type { Route } from './route-table';

/** Every route of the tenant API, in the order OpenAPI lists them. */
export const ROUTES: readonly Route[] = [
  ...CONTACT_ROUTES,
  ...BOLETO_ROUTES,
  ...MONEY_ROUTES,
  ...EXPORT_ROUTES,
  ...MEMBER_ROUTES,
  ...COLLECTION_TEMPLATE_ROUTES,
  ...AGING_IMPORT_ROUTES,
];
