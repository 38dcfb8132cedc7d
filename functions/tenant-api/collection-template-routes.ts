import * as z from 'zod/mini';
import {
  collectionTemplatesOverview,
  editCollectionTemplate,
} from '#application/collections/edit-collection-template';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import type { EmailTemplateVersion } from '#domain/collections/email-template';
import { ESCALATION_DEGREE_NAMES, type EscalationDegree } from '#domain/collections/escalation';
import { InvalidInputError } from '#domain/domain-error';
import { Problem } from './api-schemas';
import { ok, refuse } from './route-results';
import { type Route, route } from './route-table';

/**
 * `GET /v1/collection-templates`, `GET/PUT /v1/collection-templates/{degree}` (issue 13): the collection e-mail
 * template of each escalation degree, versioned. A PUT (owner only: `edit_templates`) checks the text with the
 * template rules (`validateTemplateText`) and writes the next version, the only active one
 * (`editCollectionTemplate`); bad text is a 400 and nothing changes. The HTML e-mail is rendered from the text
 * (`textToHtml`), so a template has a subject and a text only.
 */

const DegreeParams = z.object({ degree: z.enum(['1', '2', '3', '4']) });

const TemplateVersionView = z.object({
  degree: z.int(),
  degreeName: z.string(),
  version: z.int(),
  subject: z.string(),
  text: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});

const TemplateEditBody = z.object({
  subject: z.string().check(z.maxLength(200)),
  text: z.string().check(z.maxLength(10_000)),
});

const problem = (description: string) => ({ description, schema: Problem });

function versionView(version: EmailTemplateVersion) {
  return {
    degree: version.degree,
    degreeName: ESCALATION_DEGREE_NAMES[version.degree],
    version: version.version,
    subject: version.subject,
    text: version.body,
    active: version.active,
    createdAt: version.createdAt,
    createdBy: version.createdBy,
  };
}

const degreeOf = (params: { degree: string }) => Number(params.degree) as EscalationDegree;

export const COLLECTION_TEMPLATE_ROUTES: readonly Route[] = [
  route({
    method: 'GET',
    path: '/v1/collection-templates',
    action: 'read',
    tag: 'collections',
    summary: 'The active collection e-mail template of each degree, with its number of versions',
    responses: {
      200: {
        description: 'Degrees 1 to 4',
        schema: z.object({
          data: z.array(z.object({ active: TemplateVersionView, versions: z.int() })),
        }),
      },
    },
    async handle(deps) {
      const overview = await collectionTemplatesOverview(
        { templates: deps.collectionTemplates },
        deps.tenantId,
      );
      return ok(200, {
        data: overview.map((entry) => ({ active: versionView(entry.active), versions: entry.versions })),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/collection-templates/{degree}',
    action: 'read',
    tag: 'collections',
    summary: 'Every version of one degree’s collection e-mail template, oldest first',
    params: DegreeParams,
    responses: {
      200: { description: 'The versions', schema: z.object({ data: z.array(TemplateVersionView) }) },
      400: problem('The degree is not 1 to 4'),
    },
    async handle(deps, { params }) {
      const versions = await deps.collectionTemplates.versions(deps.tenantId, degreeOf(params));
      return ok(200, { data: [...versions].sort((a, b) => a.version - b.version).map(versionView) });
    },
  }),
  route({
    method: 'PUT',
    path: '/v1/collection-templates/{degree}',
    action: 'edit_templates',
    tag: 'collections',
    summary: 'Edit one degree’s template: writes the next version and makes it the only active one',
    params: DegreeParams,
    body: TemplateEditBody,
    responses: {
      200: { description: 'The new active version', schema: TemplateVersionView },
      400: problem('The degree is not 1 to 4, or the text breaks the template rules'),
      409: problem('Another edit of this degree was saved at the same time'),
    },
    async handle(deps, { member, params, body }) {
      try {
        const created = await editCollectionTemplate(
          { templates: deps.collectionTemplates, clock: deps.clock },
          {
            tenantId: deps.tenantId,
            degree: degreeOf(params),
            subject: body.subject,
            body: body.text,
            editedBy: member.sub,
          },
        );
        return ok(200, versionView(created));
      } catch (error) {
        if (error instanceof InvalidInputError) return refuse(400, 'Bad Request', error.message);
        if (error instanceof ConcurrentModificationError)
          return refuse(409, 'Conflict', 'Another edit of this template was saved first; read it and retry.');
        throw error;
      }
    },
  }),
];
