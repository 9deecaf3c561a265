// The two CEL environments ToolHive's role mapper uses, as @bufbuild/cel environments.
// It does not check or evaluate expressions; checkMatcherAst and compileMatcher do.

import { celEnv, CelScalar, mapType } from '@bufbuild/cel';

/** ToolHive's fixed expression for `claim` mappings; both operands are bound, never interpolated. */
export const CLAIM_BINDING_EXPRESSION = 'claim_value in claims[role_claim_key]';

/** Most characters (bytes, like Go's `len`) a matcher may have (toolhive-core `DefaultMaxExpressionLength`). */
export const MAX_EXPRESSION_LENGTH = 10_000;

const CLAIMS_TYPE = mapType(CelScalar.STRING, CelScalar.DYN);

/** Matchers see only `claims`, a `map(string, dyn)`. */
export const matcherEnvironment = celEnv({ variables: { claims: CLAIMS_TYPE } });

/** `claim` mappings see `claims`, `claim_value` and `role_claim_key`. */
export const claimBindingEnvironment = celEnv({
  variables: {
    claims: CLAIMS_TYPE,
    claim_value: CelScalar.STRING,
    role_claim_key: CelScalar.STRING,
  },
});
