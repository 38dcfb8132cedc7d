import { DEMO_TENANT } from '#infra/local/demo-tenant';

/**
 * The demo tenant's members as seeded (a Cognito user pool's users and groups, locally): one per role. Members an
 * owner adds later are read from the table by the token endpoint (`LocalTenantApiGateway.issueToken`).
 */
export const DEMO_MEMBERS = DEMO_TENANT.members;

export type DemoMemberName = (typeof DEMO_MEMBERS)[number]['username'];
