// Generator values moved to another issuer, such as the local replica's `http://127.0.0.1:<port>`
// or a test's loopback issuer, which the generator itself refuses (IAM takes only https://).
// It checks nothing: the emulated IAM accepts loopback http where it is told to.

import { oidcProviderHostPath } from '../emulators/state';
import { oidcProviderArn } from '../policy';
import type { GeneratorValues } from '../policy';

/**
 * The values with `issuer` in place of theirs: the registered URL, the provider path (the issuer
 * without its scheme, as IAM names providers and condition keys) and its ARN.
 * @example localizeIssuer(values, 'http://127.0.0.1:4101').providerPath // '127.0.0.1:4101'
 */
export function localizeIssuer(values: GeneratorValues, issuer: string): GeneratorValues {
  const providerPath = oidcProviderHostPath(issuer);
  return {
    ...values,
    issuer,
    providerPath,
    providerArn: oidcProviderArn(values.partition, values.accountId, providerPath),
  };
}
