// The bash that setup.sh uses to get an OIDC provider's certificate thumbprints when one is needed:
// from OIDC_THUMBPRINT, or AWS's documented openssl procedure. It decides nothing about when.

import { describeAwsCliVersions, OPTIONAL_THUMBPRINT_AWS_CLI } from './awsCliVersions';

/** IAM User Guide, "Obtain the thumbprint for an OpenID Connect identity provider". */
export const THUMBPRINT_GUIDE_URL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html';

/** IAM's limit on an OIDC provider's thumbprint list. */
const MAX_THUMBPRINTS = 5;

/** The environment variable that gives the thumbprints instead of reading them. */
export const THUMBPRINT_VARIABLE = 'OIDC_THUMBPRINT';

/**
 * Bash defining `read_thumbprints ISSUER`, which sets the array `thumbprints`: the values of
 * OIDC_THUMBPRINT (comma- or space-separated), or else the SHA-1 of the last certificate (the top
 * intermediate CA) that the issuer's host and its `jwks_uri` host present, read with curl and
 * `openssl s_client` as the IAM User Guide describes. Stops the script with a message naming both
 * ways out when neither works. Needs `$cli_version` from the preamble.
 * @example readThumbprintsFunction().includes('read_thumbprints()') // true
 */
export function readThumbprintsFunction(): string {
  const newer = describeAwsCliVersions(OPTIONAL_THUMBPRINT_AWS_CLI);
  return `# Stops the script: the provider for $1 needs a thumbprint, and $2.
thumbprint_error() {
  echo "error: creating the OIDC provider for $1 with AWS CLI $cli_version needs a certificate thumbprint, and $2." >&2
  echo "Set ${THUMBPRINT_VARIABLE} to the SHA-1 thumbprint (40 hexadecimal characters; ${THUMBPRINT_GUIDE_URL})," >&2
  echo "or use AWS CLI ${newer} or later, which does not need one." >&2
  exit 1
}

# Sets the array thumbprints for the issuer $1: ${THUMBPRINT_VARIABLE} (comma-separated), or else, as the
# IAM User Guide describes, the SHA-1 of the last certificate that the issuer's host and its
# jwks_uri host present (the top intermediate CA), read with curl and openssl.
read_thumbprints() {
  local issuer=$1 config jwks_uri url host pem sha1
  thumbprints=()
  if [ -n "\${${THUMBPRINT_VARIABLE}:-}" ]; then
    IFS=', ' read -r -a thumbprints <<<"$${THUMBPRINT_VARIABLE}"
  else
    command -v curl >/dev/null && command -v openssl >/dev/null ||
      thumbprint_error "$issuer" 'reading it needs curl and openssl'
    config=$(curl -fsSL --max-time 30 "\${issuer%/}/.well-known/openid-configuration" 2>&1) ||
      thumbprint_error "$issuer" "its discovery document could not be read ($config)"
    jwks_uri=$(printf '%s' "$config" | tr -d '\\n' |
      sed -n 's|\\\\/|/|g; s|.*"jwks_uri"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*|\\1|p')
    case "$jwks_uri" in
      https://*) ;;
      *) thumbprint_error "$issuer" 'its discovery document names no https jwks_uri' ;;
    esac
    for url in "$issuer" "$jwks_uri"; do
      host=\${url#https://}
      host=\${host%%/*}
      case "$host" in *:*) ;; *) host="$host:443" ;; esac
      pem=$(openssl s_client -connect "$host" -servername "\${host%:*}" -showcerts </dev/null 2>/dev/null |
        awk '/-BEGIN CERTIFICATE-/ { pem = "" } { pem = pem $0 "\\n" } /-END CERTIFICATE-/ { last = pem } END { printf "%s", last }') ||
        pem=''
      sha1=$(printf '%s' "$pem" | openssl x509 -noout -fingerprint -sha1 2>/dev/null) ||
        thumbprint_error "$issuer" "no certificate could be read from $host"
      sha1=$(printf '%s' "\${sha1#*=}" | tr -d ':' | tr 'A-F' 'a-f')
      case " \${thumbprints[*]-} " in *" $sha1 "*) ;; *) thumbprints+=("$sha1") ;; esac
    done
  fi
  if [ "\${#thumbprints[@]}" -lt 1 ] || [ "\${#thumbprints[@]}" -gt ${MAX_THUMBPRINTS} ]; then
    thumbprint_error "$issuer" "IAM takes one to ${MAX_THUMBPRINTS} thumbprints, not \${#thumbprints[@]}"
  fi
  for sha1 in "\${thumbprints[@]}"; do
    [[ $sha1 =~ ^[0-9a-fA-F]{40}$ ]] ||
      thumbprint_error "$issuer" "'$sha1' is not a SHA-1 thumbprint (40 hexadecimal characters)"
  done
  echo "Certificate thumbprint(s) for the OIDC provider: \${thumbprints[*]}"
}
`;
}
