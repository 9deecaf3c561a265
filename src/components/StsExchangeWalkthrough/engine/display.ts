// How secrets and long values appear on screen: shortened tokens, masked keys, and the AWS CLI
// equivalent of the exchange. Text only; nothing here sends, stores or logs a value.
import { shellQuote } from '@toolhive-aws-sts/sandbox/policy';

/**
 * The first and last characters of a long value, with its length.
 * @example shorten('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln') // 'eyJhbGciOiJS…9.c2ln (45 characters)'
 */
export function shorten(value: string, head = 12, tail = 6): string {
  if (value.length <= head + tail + 3) return value;
  return `${value.slice(0, head)}…${value.slice(-tail)} (${value.length} characters)`;
}

/**
 * A secret with only its first four characters visible.
 * @example mask('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY') // 'wJal… (hidden, 40 characters)'
 */
export function mask(secret: string): string {
  return `${secret.slice(0, 4)}… (hidden, ${secret.length} characters)`;
}

/**
 * An STS XML answer with the secret access key and session token masked.
 * @example maskCredentialsXml('<SecretAccessKey>abcd1234</SecretAccessKey>') // '<SecretAccessKey>abcd… (hidden, 8 characters)</SecretAccessKey>'
 */
export function maskCredentialsXml(xml: string): string {
  return xml.replace(
    /<(SecretAccessKey|SessionToken)>([^<]*)<\/\1>/g,
    (_, name: string, value: string) => `<${name}>${mask(value)}</${name}>`
  );
}

/** The `aws sts assume-role-with-web-identity` call the browser would have made. */
export function assumeRoleCliCommand(input: {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  region: string;
}): string {
  return [
    '# TOKEN holds the access token you pasted (export TOKEN=…)',
    'aws sts assume-role-with-web-identity \\',
    `  --role-arn ${shellQuote(input.roleArn || '<ROLE_ARN>')} \\`,
    `  --role-session-name ${shellQuote(input.sessionName || '<SESSION_NAME>')} \\`,
    '  --web-identity-token "$TOKEN" \\',
    `  --duration-seconds ${input.durationSeconds} \\`,
    `  --region ${shellQuote(input.region || 'us-east-1')}`,
  ].join('\n');
}
