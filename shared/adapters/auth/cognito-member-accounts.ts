import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { MemberAccount, MemberAccounts } from '#application/ports/member-accounts';
import { MEMBER_ROLES } from '#domain/member-permissions';

/**
 * Members' sign-in accounts in the tenant-stage Cognito user pool (one pool per stack and tenant): username = member id, `name` and `phone_number` attributes, exactly one role
 * group. Cognito e-mails nothing here (the pool signs in by username; the owner hands the member a temporary
 * password set by an administrator, docs/deploy.md). Both calls are idempotent.
 */
export class CognitoMemberAccounts implements MemberAccounts {
  constructor(
    private readonly pool: { userPoolId: string },
    private readonly client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({}),
  ) {}

  async put(_tenantId: string, account: MemberAccount): Promise<void> {
    const UserPoolId = this.pool.userPoolId;
    const Username = account.memberId;
    const UserAttributes = [
      { Name: 'name', Value: account.name },
      { Name: 'phone_number', Value: account.phone },
    ];
    try {
      await this.client.send(
        new AdminCreateUserCommand({ UserPoolId, Username, UserAttributes, MessageAction: 'SUPPRESS' }),
      );
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
      await this.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes }));
    }
    const { Groups = [] } = await this.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId, Username }),
    );
    for (const group of Groups) {
      const name = group.GroupName ?? '';
      if (name !== account.role && (MEMBER_ROLES as readonly string[]).includes(name)) {
        await this.client.send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: name }),
        );
      }
    }
    await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: account.role }));
  }

  async remove(_tenantId: string, memberId: string): Promise<void> {
    try {
      await this.client.send(
        new AdminDeleteUserCommand({ UserPoolId: this.pool.userPoolId, Username: memberId }),
      );
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  }
}
