// Test support: msw handlers that answer the IAM Query API (form-encoded POST, XML replies in
// IAM's shapes) for the operations the generated scripts use, backed by IamMockModel. They check
// that calls are SigV4-signed for `iam`, but not the signature itself.

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { OidcProviderRecord, RoleRecord } from '../src/emulators/state';
import { IamError, type IamMockModel } from './iamMockModel';

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`
  );

/** `<Name>value</Name>` for each defined entry, in order. */
function elements(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(value ?? '')}</${name}>`)
    .join('');
}

const members = (values: readonly string[]): string =>
  values.map((value) => `<member>${escapeXml(value)}</member>`).join('');

/** IAM returns policy documents URL-encoded, as AWS does. */
function roleXml(role: RoleRecord): string {
  return `<Role>${elements({
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate.toISOString(),
    AssumeRolePolicyDocument: encodeURIComponent(role.assumeRolePolicyDocument),
    MaxSessionDuration: String(role.maxSessionDuration),
  })}</Role>`;
}

function providerXml(provider: OidcProviderRecord): string {
  return (
    `<ClientIDList>${members(provider.clientIds)}</ClientIDList>` +
    `<ThumbprintList>${members(provider.thumbprints)}</ThumbprintList>` +
    elements({
      Url: provider.url.replace(/^https:\/\//, ''),
      CreateDate: provider.createDate.toISOString(),
    })
  );
}

function reply(action: string, result: string | undefined): Response {
  const body = result === undefined ? '' : `<${action}Result>${result}</${action}Result>`;
  return HttpResponse.xml(
    `<${action}Response xmlns="${NS}">${body}<ResponseMetadata><RequestId>${crypto.randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
    { headers: { 'x-amzn-RequestId': crypto.randomUUID() } }
  );
}

function errorReply(error: IamError): Response {
  return HttpResponse.xml(
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${crypto.randomUUID()}</RequestId></ErrorResponse>`,
    { status: error.status }
  );
}

/** `Name.member.1`, `Name.member.2`, … */
function memberList(form: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; form.has(`${name}.member.${i}`); i++)
    out.push(form.get(`${name}.member.${i}`) ?? '');
  return out;
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (value === null || value === '') {
    throw new IamError(
      'ValidationError',
      400,
      `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`
    );
  }
  return value;
}

type Operation = (form: URLSearchParams, model: IamMockModel) => string | undefined;

/** The operations the generated scripts use (plus reads for assertions). */
const OPERATIONS: Record<string, Operation> = {
  CreateOpenIDConnectProvider: (f, m) =>
    elements({
      OpenIDConnectProviderArn: m.createOpenIDConnectProvider(
        required(f, 'Url'),
        memberList(f, 'ClientIDList')
      ).arn,
    }),
  GetOpenIDConnectProvider: (f, m) =>
    providerXml(m.getOpenIDConnectProvider(required(f, 'OpenIDConnectProviderArn'))),
  AddClientIDToOpenIDConnectProvider: (f, m) => {
    m.addClientIDToOpenIDConnectProvider(
      required(f, 'OpenIDConnectProviderArn'),
      required(f, 'ClientID')
    );
    return undefined;
  },
  DeleteOpenIDConnectProvider: (f, m) => {
    m.deleteOpenIDConnectProvider(required(f, 'OpenIDConnectProviderArn'));
    return undefined;
  },
  CreateRole: (f, m) => {
    const max = f.get('MaxSessionDuration');
    return roleXml(
      m.createRole(
        required(f, 'RoleName'),
        required(f, 'AssumeRolePolicyDocument'),
        max === null ? undefined : Number(max)
      )
    );
  },
  GetRole: (f, m) => roleXml(m.getRole(required(f, 'RoleName'))),
  UpdateAssumeRolePolicy: (f, m) => {
    m.updateAssumeRolePolicy(required(f, 'RoleName'), required(f, 'PolicyDocument'));
    return undefined;
  },
  UpdateRole: (f, m) => {
    const max = f.get('MaxSessionDuration');
    m.updateRole(required(f, 'RoleName'), max === null ? undefined : Number(max));
    return '';
  },
  PutRolePolicy: (f, m) => {
    m.putRolePolicy(
      required(f, 'RoleName'),
      required(f, 'PolicyName'),
      required(f, 'PolicyDocument')
    );
    return undefined;
  },
  GetRolePolicy: (f, m) => {
    const [roleName, policyName] = [required(f, 'RoleName'), required(f, 'PolicyName')];
    return elements({
      RoleName: roleName,
      PolicyName: policyName,
      PolicyDocument: encodeURIComponent(m.getRolePolicy(roleName, policyName)),
    });
  },
  DeleteRolePolicy: (f, m) => {
    m.deleteRolePolicy(required(f, 'RoleName'), required(f, 'PolicyName'));
    return undefined;
  },
  DeleteRole: (f, m) => {
    m.deleteRole(required(f, 'RoleName'));
    return undefined;
  },
};

/** The IAM operations these handlers implement. */
export const IAM_MOCK_OPERATIONS = Object.keys(OPERATIONS);

/**
 * Handlers for `POST <baseUrl>/` answering the IAM Query API from `model`.
 * @example setupServer(...createIamHandlers(new IamMockModel(), 'https://iam.mock.invalid'))
 */
export function createIamHandlers(model: IamMockModel, baseUrl: string): HttpHandler[] {
  return [
    http.post(`${baseUrl.replace(/\/$/, '')}/`, async ({ request }) => {
      const authorization = request.headers.get('authorization') ?? '';
      if (
        !/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[\w-]+\/iam\/aws4_request,/.test(authorization)
      ) {
        return errorReply(
          new IamError(
            'MissingAuthenticationToken',
            403,
            'Request is missing a SigV4 Authorization header for iam'
          )
        );
      }
      const form = new URLSearchParams(await request.text());
      const action = form.get('Action') ?? '';
      const operation = OPERATIONS[action];
      if (form.get('Version') !== '2010-05-08' || operation === undefined) {
        return errorReply(
          new IamError(
            'InvalidAction',
            400,
            `Could not find operation ${action} for version ${form.get('Version') ?? 'NO_VERSION_SPECIFIED'}`
          )
        );
      }
      try {
        return reply(action, operation(form, model));
      } catch (error) {
        if (error instanceof IamError) return errorReply(error);
        throw error;
      }
    }),
  ];
}
