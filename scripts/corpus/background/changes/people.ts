import { assumedRole } from '../../actors.js';
import type { Ctx } from '../../context.js';
import { pickIn } from '../../context.js';
import type { Actor, JsonObject } from '../../record.js';
import type { Template } from '../template.js';
import { browser, change, cliPerson } from './common.js';

/**
 * People at work: console sign-ins (IAM Identity Center, the Okta SAML role, the
 * one human IAM user with MFA), Session Manager sessions and Run Command on one
 * instance at a time.
 */

function loginTo(ctx: Ctx): string {
  return `https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_${ctx.region}_${ctx.rng.hex(16)}`;
}

/** A federated person's console session: an assumed role with no access key yet. */
function federated(ctx: Ctx, saml: boolean): { actor: Actor; extra: JsonObject } {
  const role = saml
    ? ctx.account.samlRole
    : (ctx.account.ssoRoles[ctx.rng.chance(0.6) ? 1 : ctx.rng.int(0, 2)] ?? ctx.account.ciRole);
  const identity = assumedRole(
    ctx,
    ctx.account,
    role,
    `${ctx.rng.pick(ctx.world.people)}@example.com`,
  );
  delete identity.accessKeyId;
  const extra = saml
    ? { SamlProviderArn: `arn:aws:iam::${ctx.account.id}:saml-provider/Okta` }
    : {};
  return { actor: browser(identity, role.arn, ctx), extra };
}

/** sam.ops, the one person with an IAM user, signing in with a hardware MFA key. */
function iamUserWithMfa(ctx: Ctx): { actor: Actor; extra: JsonObject } {
  const user =
    ctx.account.users.find((u) => u.name === 'sam.ops') ?? ctx.rng.pick(ctx.account.users);
  const identity = {
    type: 'IAMUser',
    principalId: user.id,
    arn: user.arn,
    accountId: ctx.account.id,
    accessKeyId: '',
    userName: user.name,
  };
  return {
    actor: browser(identity, user.arn, ctx),
    extra: { MFAIdentifier: `arn:aws:iam::${ctx.account.id}:mfa/${user.name}-yubikey` },
  };
}

export const peopleChangeTemplates: readonly Template[] = [
  change(
    'signin.amazonaws.com',
    'ConsoleLogin',
    0.003,
    (ctx) => {
      const r = ctx.rng.next();
      const { actor, extra } =
        r < 0.75 ? federated(ctx, false) : r < 0.92 ? federated(ctx, true) : iamUserWithMfa(ctx);
      const mfa = actor.identity.type === 'IAMUser';
      return {
        actor,
        request: null,
        response: { ConsoleLogin: 'Success' },
        additionalEventData: {
          LoginTo: loginTo(ctx),
          MobileVersion: 'No',
          ...extra,
          MFAUsed: mfa ? 'Yes' : 'No',
        },
        eventType: 'AwsConsoleSignIn',
        requestID: null,
        tlsHost: 'signin.aws.amazon.com',
      };
    },
    { global: true },
  ),
  change('ssm.amazonaws.com', 'SendCommand', 0.0003, (ctx) => {
    const instance = pickIn(ctx, ctx.account.instances);
    const commandId = ctx.rng.uuid();
    return {
      actor: cliPerson(ctx),
      request: {
        instanceIds: [instance],
        documentName: 'AWS-RunShellScript',
        parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        comment: 'restart the app service',
        interactive: false,
      },
      response: {
        command: {
          commandId,
          documentName: 'AWS-RunShellScript',
          instanceIds: [instance],
          targets: [],
          status: 'Pending',
          targetCount: 1,
          timeoutSeconds: 3600,
        },
      },
    };
  }),
  change('ssm.amazonaws.com', 'StartSession', 0.0005, (ctx) => {
    const actor = cliPerson(ctx);
    const instance = pickIn(ctx, ctx.account.instances);
    const person = String(actor.identity.arn).split('/').pop() ?? 'someone';
    const sessionId = `${person}-${ctx.rng.hex(17)}`;
    return {
      actor,
      request: { target: instance },
      response: {
        sessionId,
        tokenValue: 'Value hidden due to security reasons.',
        streamUrl: `wss://ssmmessages.${ctx.region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=${ctx.rng.base64(60)}`,
      },
      resources: [
        {
          accountId: ctx.account.id,
          type: 'AWS::EC2::Instance',
          ARN: `arn:aws:ec2:${ctx.region}:${ctx.account.id}:instance/${instance}`,
        },
      ],
    };
  }),
];
