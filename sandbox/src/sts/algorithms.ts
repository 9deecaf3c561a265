// The JWS algorithms AWS STS accepts for a web identity token, in one list: the proxy refuses
// anything else up front, the STS emulator verifies with these, doctor checks against them.

/**
 * RS256/384/512 and ES256/384/512: the `WebIdentityToken` member of `AssumeRoleWithWebIdentity`
 * in the STS service model (botocore `botocore/data/sts/2011-06-15/service-2.json`).
 * @example (STS_ALGORITHMS as readonly string[]).includes('PS256') // false
 */
export const STS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
