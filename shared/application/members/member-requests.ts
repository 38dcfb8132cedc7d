import type {
  ConversationDependencies,
  ReplyInput,
} from '#application/conversation/conversation-dependencies';
import { awaitSideConfirmation, decideSideRequest } from '#application/conversation/decide-side-request';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { DomainError } from '#domain/domain-error';
import type { MemberRole } from '#domain/member-permissions';
import { close, type OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import type { MemberChange, MemberDetails } from '#domain/team-member';
import { applyMemberChange, membersNamed, planAddMember, planRemoveMember } from './change-team';
import { teamTexts } from './team-texts-pt-br';

/**
 * The owner's "adiciona a Carla como operadora, 11 98888-7777" and "remove o Bruno" on WhatsApp: the change is
 * planned (name, role, phone E.164), summarised for an explicit Sim, and carried out only then, by the same
 * rules as `/v1/members` (`change-team.ts`). Anything missing or refused is said at once and nothing is kept.
 */

export interface MemberMessageInput {
  tenantId: string;
  ownerPhone: E164;
  memberId?: string;
  messageId: string;
  /** Name, role and phone as the owner wrote them (`Interpretation.member`). */
  details: MemberDetails;
  intent: 'add_member' | 'remove_member';
}

export async function startMemberRequest(
  deps: ConversationDependencies,
  input: MemberMessageInput,
): Promise<StepResult> {
  const reply = async (text: string, purpose: string) => {
    await replyOnce(deps, input.tenantId, input.ownerPhone, text, input.messageId, purpose);
    return DONE;
  };
  const requestId = deterministicId('request', input.tenantId, input.messageId);
  const existing = await deps.conversations.getRequest(input.tenantId, requestId);
  if (existing) return { requestId, next: existing.status === 'awaiting_confirmation' ? 'confirm' : 'done' };
  const { details } = input;
  let change: MemberChange;
  try {
    if (input.intent === 'remove_member') {
      if (!details.name) return reply(teamTexts.notFound('essa pessoa'), 'member-remove-who');
      const named = await membersNamed(deps, input.tenantId, details.name);
      const [only] = named;
      if (!only) return reply(teamTexts.notFound(details.name), 'member-not-found');
      if (named.length > 1) {
        return reply(
          teamTexts.several(
            details.name,
            named.map((member) => member.name),
          ),
          'member-several',
        );
      }
      change = await planRemoveMember(deps, input.tenantId, only.memberId ?? only.phone);
    } else {
      if (details.invalidPhone) return reply(teamTexts.invalidPhone(details.invalidPhone), 'member-phone');
      const missing = [
        ...(details.name ? [] : ['o nome']),
        ...(details.role ? [] : ['o perfil (dono, operador ou consulta)']),
        ...(details.phone ? [] : ['o WhatsApp']),
      ];
      if (!details.name || !details.role || !details.phone) {
        return reply(teamTexts.missing(missing), 'member-missing');
      }
      change = await planAddMember(deps, input.tenantId, details as Required<typeof details>);
    }
  } catch (error) {
    const text = refusalText(error, details.name ?? '', details.role);
    if (!text) throw error;
    return reply(text, 'member-refused');
  }
  return awaitSideConfirmation(deps, {
    tenantId: input.tenantId,
    requestId,
    ownerPhone: input.ownerPhone,
    ...(input.memberId && { memberId: input.memberId }),
    kind: input.intent,
    memberChange: change,
  });
}

export function isMemberRequest(request: OwnerRequest): boolean {
  return request.kind === 'add_member' || request.kind === 'remove_member';
}

/** "Adicionar Carla à equipe? …" for the confirmation buttons; undefined for other requests. */
export function memberConfirmationText(request: OwnerRequest): string | undefined {
  return isMemberRequest(request) && request.memberChange
    ? teamTexts.confirm(request.memberChange)
    : undefined;
}

/** The owner's answer to the summary: only their Sim for this request and version changes the team. */
export function decideMemberRequest(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<StepResult> {
  return decideSideRequest(deps, request, input, {
    kept: () => ({ text: teamTexts.kept(), purpose: 'member-kept' }),
    carryOut,
  });
}

async function carryOut(
  deps: ConversationDependencies,
  request: OwnerRequest,
  causeId: string,
): Promise<StepResult> {
  const change = request.memberChange;
  if (!change) throw new Error(`request ${request.requestId}: a member request without its change`);
  const actor = await deps.users.findByPhone(request.tenantId, request.ownerPhone);
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, request.tenantId, request.ownerPhone, text, causeId, purpose);
  try {
    await applyMemberChange(deps, request.tenantId, actor?.role ?? 'viewer', change);
    await reply(teamTexts.done(change), 'member-changed');
    deps.logger.info('team changed', {
      requestId: request.requestId,
      action: change.action,
      memberId: change.memberId,
      role: change.role,
      byMemberId: request.memberId,
    });
  } catch (error) {
    const text = refusalText(error, change.name, change.role);
    if (!text) throw error;
    await reply(text, 'member-refused');
  }
  await deps.conversations.saveRequest(close(request, 'completed', deps.clock.now()), request.version);
  await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
  return DONE;
}

function refusalText(error: unknown, name: string, role?: MemberRole): string | undefined {
  if (!(error instanceof DomainError)) return undefined;
  switch (error.code) {
    case 'last_owner':
      return teamTexts.lastOwner();
    case 'member_not_found':
      return teamTexts.notFound(name);
    case 'phone_of_contact':
      return teamTexts.phoneTaken();
    case 'same_role':
      return teamTexts.sameRole(name, role ?? 'owner');
    case 'forbidden_action':
      return teamTexts.refused(undefined, 'manage_members');
    default:
      return undefined;
  }
}
