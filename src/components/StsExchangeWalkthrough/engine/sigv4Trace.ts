// Shows how signForUpstream's signature came about: the canonical request and string to sign,
// read from @smithy/signature-v4 itself while it re-signs the same request. It computes no SigV4.
import type { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HeaderBag, HttpRequest as SmithyHttpRequest } from '@smithy/types';
import {
  signableRequest,
  signerInit,
  signForUpstream,
  type SignedUpstreamRequest,
  type SigningCredentials,
  type UpstreamRequest,
} from '@toolhive-aws-sts/sandbox/signing';

/** The intermediate strings of one SigV4 signature, and the header it produced. */
export interface SigV4Trace {
  canonicalRequest: string;
  stringToSign: string;
  authorization: string;
}

/** signForUpstream's result, with the trace that reproduces its `Authorization` header. */
export interface TracedSignature extends SignedUpstreamRequest {
  trace: SigV4Trace;
}

/** The library's signer, remembering the strings it builds (it signs exactly as its parent). */
class ObservedSignatureV4 extends SignatureV4 {
  canonicalRequest = '';
  stringToSign = '';

  protected override createCanonicalRequest(
    request: SmithyHttpRequest,
    canonicalHeaders: HeaderBag,
    payloadHash: string
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    return this.canonicalRequest;
  }

  protected override async createStringToSign(
    longDate: string,
    credentialScope: string,
    canonicalRequest: string,
    algorithmIdentifier: string
  ): Promise<string> {
    this.stringToSign = await super.createStringToSign(
      longDate,
      credentialScope,
      canonicalRequest,
      algorithmIdentifier
    );
    return this.stringToSign;
  }
}

/**
 * Re-signs the request signForUpstream produced (its headers, its body, its date) with an
 * observed `SignatureV4` configured as signForUpstream configures its own, and returns the
 * canonical request and string to sign. Throws if the re-signed `Authorization` differs, so a
 * displayed trace always belongs to the real signature.
 */
export async function traceSigV4(
  request: { method: string; url: string; headers: Record<string, string>; body: Uint8Array },
  credentials: SigningCredentials,
  options: { region: string; service?: string; signingDate: Date }
): Promise<SigV4Trace> {
  const signer = new ObservedSignatureV4(signerInit(credentials, options.region, options.service));
  const signed = (await signer.sign(
    signableRequest(request.method, new URL(request.url), request.headers, request.body),
    { signingDate: options.signingDate }
  )) as HttpRequest;
  const authorization = signed.headers.authorization ?? '';
  if (authorization !== request.headers.authorization) {
    throw new Error(
      'The displayed SigV4 trace does not reproduce the signature signForUpstream made; not showing it.'
    );
  }
  return {
    canonicalRequest: signer.canonicalRequest,
    stringToSign: signer.stringToSign,
    authorization,
  };
}

/**
 * signForUpstream, plus the canonical request and string to sign behind its signature.
 * @example const { headers, trace } = await signAndTrace({ method: 'POST', url, headers, body }, creds, { region: 'us-east-1', signingDate: new Date() });
 */
export async function signAndTrace(
  request: UpstreamRequest & { url: string; body: Uint8Array },
  credentials: SigningCredentials,
  options: { region: string; service?: string; signingDate: Date }
): Promise<TracedSignature> {
  const signed = await signForUpstream(request, credentials, options);
  const trace = await traceSigV4(
    { method: request.method, url: request.url, headers: signed.headers, body: request.body },
    credentials,
    options
  );
  return { ...signed, trace };
}
