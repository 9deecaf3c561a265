// ToolHive's ValidateRoleArn messages (Go, aws-sdk-go-v2 arn.Parse), and the ARNs where the
// CRD's stricter pattern disagrees with it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsStsError } from '../errors';
import { crdRoleArnMismatch, roleArnError, validateRoleArn } from './validateRoleArn';

const P = 'invalid IAM role ARN format';
const cases: { arn: string; go: string | undefined; crd: RegExp | undefined }[] = [
  { arn: 'arn:aws:iam::123456789012:role/DefaultMCPRole', go: undefined, crd: undefined },
  { arn: 'arn:aws:iam::123456789012:role/service-role/MyRole', go: undefined, crd: undefined },
  { arn: 'arn:aws-cn:iam::123456789012:role/R', go: undefined, crd: undefined },
  { arn: '', go: `${P}: ARN is empty`, crd: /not an ARN/ },
  { arn: 'not-an-arn', go: `${P}: not-an-arn`, crd: /not an ARN/ },
  { arn: 'arn:aws:iam::123456789012', go: `${P}: arn:aws:iam::123456789012`, crd: /not an ARN/ },
  {
    arn: 'arn::iam::123456789012:role/R',
    go: `${P}: arn::iam::123456789012:role/R`,
    crd: /not an ARN/,
  },
  {
    arn: 'arn:aws:s3:::bucket',
    go: `${P}: not an IAM ARN: arn:aws:s3:::bucket`,
    crd: /service "s3"/,
  },
  {
    arn: 'arn:aws:iam::123456789012:user/bob',
    go: `${P}: not a role ARN: arn:aws:iam::123456789012:user/bob`,
    crd: /does not start with role/,
  },
  {
    arn: 'arn:aws:iam::12345:role/R',
    go: `${P}: invalid account ID: arn:aws:iam::12345:role/R`,
    crd: /12 digits/,
  },
  // Go accepts these; the CRD pattern does not.
  { arn: 'arn:aws-iso:iam::123456789012:role/R', go: undefined, crd: /partition "aws-iso"/ },
  { arn: 'arn:aws:iam:us-east-1:123456789012:role/R', go: undefined, crd: /no region/ },
  { arn: 'arn:aws:iam::123456789012:role/', go: undefined, crd: /role name is empty/ },
  { arn: 'arn:aws:iam::123456789012:role/a:b', go: undefined, crd: /only letters/ },
  { arn: 'arn:aws:iam::123456789012:role/a b', go: undefined, crd: /only letters/ },
  { arn: 'arn:aws:iam::abcdefghijkl:role/R', go: undefined, crd: /12 digits/ },
];

for (const c of cases) {
  test(`role ARN ${JSON.stringify(c.arn)}`, () => {
    assert.equal(roleArnError(c.arn), c.go);
    const mismatch = crdRoleArnMismatch(c.arn);
    if (c.crd === undefined) assert.equal(mismatch, undefined);
    else assert.match(mismatch ?? '', c.crd);
    if (c.go === undefined) validateRoleArn(c.arn);
    else {
      assert.throws(
        () => validateRoleArn(c.arn),
        (e: unknown) =>
          e instanceof AwsStsError && e.code === 'INVALID_ROLE_ARN' && e.message === c.go
      );
    }
  });
}
