// Runs the doctor's offline checks on what the reader pasted: the same `diagnose` the CLI runs,
// given no fetch, IAM or STS client, so nothing is sent anywhere. It renders nothing.
import { diagnose, type DoctorReport } from '@toolhive-aws-sts/sandbox/doctor';
import type { DiagnoseFields } from './examples';

/** The token as pasted, without white space or a `Bearer ` prefix copied from a header. */
export function pastedToken(text: string): string {
  return text.trim().replace(/^Bearer\s+/i, '');
}

/** True when there is nothing to check yet. */
export function isBlank(fields: DiagnoseFields): boolean {
  return fields.token.trim() === '' && fields.config.trim() === '';
}

/**
 * The offline report for the pasted fields (`now` only for tests and fixed examples).
 * @example (await diagnoseOffline(EXAMPLES[0].build(new Date()))).ok // true
 */
export function diagnoseOffline(fields: DiagnoseFields, now?: Date): Promise<DoctorReport> {
  return diagnose(
    {
      token: pastedToken(fields.token),
      config: fields.config,
      trustPolicy: fields.trustPolicy,
      permissionPolicies: fields.permissionPolicies.filter((text) => text.trim() !== ''),
    },
    now !== undefined ? { now: () => now } : {}
  );
}
