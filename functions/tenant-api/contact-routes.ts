import {
  changeContact,
  createContact,
  deleteContact,
  InvalidContactFieldError,
} from '#application/contacts/manage-contacts';
import { DuplicateContactPhoneError } from '#application/ports/contact-repository';
import {
  ContactChangeBody,
  ContactDeletion,
  ContactView,
  IdParams,
  NewContactBody,
  PageQuery,
  Problem,
  pageOf,
} from './api-schemas';
import { pageRequestOf } from './route-query';
import { notFound, ok, refuse } from './route-results';
import { type Route, type RouteResult, route } from './route-table';
import { contactView, pageView } from './views';

const problem = (description: string) => ({ description, schema: Problem });

async function refusingBadFields<T>(
  work: () => Promise<T>,
): Promise<{ value: T } | { refused: RouteResult }> {
  try {
    return { value: await work() };
  } catch (error) {
    if (error instanceof InvalidContactFieldError)
      return { refused: refuse(400, 'Bad Request', error.message) };
    if (error instanceof DuplicateContactPhoneError)
      return { refused: refuse(409, 'Conflict', 'Another contact already has this phone number.') };
    throw error;
  }
}

export const CONTACT_ROUTES: readonly Route[] = [
  route({
    method: 'GET',
    path: '/v1/contacts',
    action: 'read',
    tag: 'contacts',
    summary: 'List contacts (payers), by id, including archived ones',
    query: PageQuery,
    responses: { 200: { description: 'A page of contacts', schema: pageOf(ContactView) } },
    async handle(deps, { query }) {
      const page = await deps.contacts.listPage(deps.tenantId, pageRequestOf(query));
      return ok(200, pageView(page, contactView));
    },
  }),
  route({
    method: 'POST',
    path: '/v1/contacts',
    action: 'manage_contacts',
    tag: 'contacts',
    summary: 'Create a contact: name, WhatsApp number and a valid CPF/CNPJ',
    body: NewContactBody,
    responses: {
      201: { description: 'The contact', schema: ContactView },
      400: problem('A field failed its rule (phone, CPF/CNPJ check digits, e-mail)'),
      409: problem('Another contact has this phone number'),
    },
    async handle(deps, { body }) {
      const result = await refusingBadFields(() =>
        createContact(deps, { tenantId: deps.tenantId, fields: body }),
      );
      if ('refused' in result) return result.refused;
      return ok(201, contactView(result.value), { location: `/v1/contacts/${result.value.contactId}` });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/contacts/{id}',
    action: 'read',
    tag: 'contacts',
    summary: 'Read a contact',
    params: IdParams,
    responses: { 200: { description: 'The contact', schema: ContactView }, 404: problem('No such contact') },
    async handle(deps, { params }) {
      const contact = await deps.contacts.get(deps.tenantId, params.id);
      return contact ? ok(200, contactView(contact)) : notFound('contact');
    },
  }),
  route({
    method: 'PATCH',
    path: '/v1/contacts/{id}',
    action: 'manage_contacts',
    tag: 'contacts',
    summary: 'Change a contact (fields given); `email: null` removes the e-mail',
    params: IdParams,
    body: ContactChangeBody,
    responses: {
      200: { description: 'The contact as changed', schema: ContactView },
      400: problem('A field failed its rule'),
      404: problem('No such contact (or it is archived)'),
      409: problem('Another contact has this phone number'),
    },
    async handle(deps, { params, body }) {
      const result = await refusingBadFields(() =>
        changeContact(deps, { tenantId: deps.tenantId, contactId: params.id, fields: body }),
      );
      if ('refused' in result) return result.refused;
      return result.value ? ok(200, contactView(result.value)) : notFound('contact');
    },
  }),
  route({
    method: 'DELETE',
    path: '/v1/contacts/{id}',
    action: 'manage_contacts',
    tag: 'contacts',
    summary: 'Delete a contact; one with boletos is archived instead (never hard-deleted)',
    params: IdParams,
    responses: {
      200: {
        description: 'What was done: deleted, or archived because it has boletos',
        schema: ContactDeletion,
      },
      404: problem('No such contact'),
    },
    async handle(deps, { params }) {
      const result = await deleteContact(deps, { tenantId: deps.tenantId, contactId: params.id });
      if (result.outcome === 'not_found') return notFound('contact');
      return ok(200, {
        id: params.id,
        outcome: result.outcome,
        detail:
          result.outcome === 'deleted'
            ? 'The contact had no boletos and was deleted.'
            : 'The contact has boletos, so it was archived, not deleted: its boletos, payments and statement keep it.',
      });
    },
  }),
];
