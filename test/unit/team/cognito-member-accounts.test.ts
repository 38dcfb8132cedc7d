import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  InternalErrorException,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CognitoMemberAccounts } from '#adapters/auth/cognito-member-accounts';
import { normalizePhone } from '#domain/phone-number';

/**
 * The one adapter test allowed to mock an AWS client (there is no Cognito emulator here): the exact commands
 * and inputs the adapter sends to the tenant-stage user pool, its idempotency and its errors.
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const UserPoolId = 'sa-east-1_TestPool';
const accounts = new CognitoMemberAccounts(
  { userPoolId: UserPoolId },
  new CognitoIdentityProviderClient({ region: 'sa-east-1' }),
);
const carla = {
  memberId: 'carla',
  name: 'Carla Souza',
  role: 'operator' as const,
  phone: normalizePhone('+5511999990003'),
};
const attributes = [
  { Name: 'name', Value: 'Carla Souza' },
  { Name: 'phone_number', Value: '+5511999990003' },
];
const meta = { $metadata: {} };

function sentCommands(): string[] {
  return cognito.calls().map((call) => (call.args[0] as { constructor: { name: string } }).constructor.name);
}

describe('CognitoMemberAccounts', () => {
  beforeEach(() => {
    cognito.reset();
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
  });

  it('creates a new member without any invitation message and puts them in their role group', async () => {
    await accounts.put('demo', carla);
    expect(sentCommands()).toEqual([
      'AdminCreateUserCommand',
      'AdminListGroupsForUserCommand',
      'AdminAddUserToGroupCommand',
    ]);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId,
      Username: 'carla',
      UserAttributes: attributes,
      MessageAction: 'SUPPRESS',
    });
    expect(cognito.commandCalls(AdminListGroupsForUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId,
      Username: 'carla',
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId,
      Username: 'carla',
      GroupName: 'operator',
    });
  });

  it('an existing account (a retried or repeated put) gets its attributes updated, not an error', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'User account already exists', ...meta }));
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'operator' }] });
    await accounts.put('demo', carla);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input).toEqual({
      UserPoolId,
      Username: 'carla',
      UserAttributes: attributes,
    });
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input.GroupName).toBe('operator');
  });

  it('a role change leaves the other role groups and joins the new one, keeping groups that are no role', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'User account already exists', ...meta }));
    cognito.on(AdminListGroupsForUserCommand).resolves({
      Groups: [{ GroupName: 'viewer' }, { GroupName: 'owner' }, { GroupName: 'beta-testers' }],
    });
    await accounts.put('demo', carla);
    const removed = cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((call) => call.args[0].input);
    expect(removed).toEqual([
      { UserPoolId, Username: 'carla', GroupName: 'viewer' },
      { UserPoolId, Username: 'carla', GroupName: 'owner' },
    ]);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId, Username: 'carla', GroupName: 'operator' },
    ]);
    expect(sentCommands().at(-1)).toBe('AdminAddUserToGroupCommand');
  });

  it('surfaces any other error of the create call and changes no group', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new InternalErrorException({ message: 'boom', ...meta }));
    await expect(accounts.put('demo', carla)).rejects.toBeInstanceOf(InternalErrorException);
    expect(sentCommands()).toEqual(['AdminCreateUserCommand']);
  });

  it('surfaces a failed group change (the use case retries the whole idempotent put)', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito
      .on(AdminAddUserToGroupCommand)
      .rejects(new TooManyRequestsException({ message: 'slow down', ...meta }));
    await expect(accounts.put('demo', carla)).rejects.toBeInstanceOf(TooManyRequestsException);
  });

  it('removes a member by deleting their account (their group memberships go with it)', async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});
    await accounts.remove('demo', 'carla');
    expect(sentCommands()).toEqual(['AdminDeleteUserCommand']);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId,
      Username: 'carla',
    });
  });

  it('removing an account that is already gone does nothing (a retried removal)', async () => {
    cognito
      .on(AdminDeleteUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', ...meta }));
    await expect(accounts.remove('demo', 'carla')).resolves.toBeUndefined();
  });

  it('surfaces any other error of the removal', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(new InternalErrorException({ message: 'boom', ...meta }));
    await expect(accounts.remove('demo', 'carla')).rejects.toBeInstanceOf(InternalErrorException);
  });
});
