import type { MemberRole } from '#domain/member-permissions';
import { DEMO_TENANT } from '#infra/local/demo-tenant';

/** The demo tenant's members (a Cognito user pool's users and groups, locally): one per role. */
export const DEMO_MEMBERS = [
  { username: 'ana', name: DEMO_TENANT.owner.name, role: 'owner', phone: DEMO_TENANT.owner.phone },
  { username: 'bruno', name: 'Bruno Operador', role: 'operator', phone: '+5511999990002' },
  { username: 'carla', name: 'Carla Consulta', role: 'viewer', phone: '+5511999990003' },
] as const satisfies ReadonlyArray<{ username: string; name: string; role: MemberRole; phone: string }>;

export type DemoMemberName = (typeof DEMO_MEMBERS)[number]['username'];
