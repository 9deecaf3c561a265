// The AWS CLI versions that change what the generated scripts must do, each with its source.
// Data only: scriptPreamble.ts and setupScript.ts write the bash that checks them.

/** A version of the AWS CLI v2 and the v1 release that ships the same botocore change. */
export interface AwsCliVersions {
  v2: string;
  v1: string;
}

/**
 * The oldest CLIs that run every command of setup.sh and cleanup.sh: any v2, and v1 from 1.14.66,
 * the first on botocore 1.9.19 (2018-03-28), whose IAM model added `MaxSessionDuration` to
 * `UpdateRole` (`update-role --max-session-duration`).
 */
export const MINIMUM_AWS_CLI: AwsCliVersions = { v2: '2.0.0', v1: '1.14.66' };

/**
 * The first CLIs that read `AWS_ENDPOINT_URL_IAM` and `AWS_ENDPOINT_URL` (aws-cli CHANGELOG,
 * 2.13.0 and 1.29.0 on botocore 1.31.0: "Configure the endpoint URL … via an environment
 * variable"). Older ones ignore them and would call AWS itself, so the scripts pass them on.
 */
export const ENDPOINT_VARIABLES_AWS_CLI: AwsCliVersions = { v2: '2.13.0', v1: '1.29.0' };

/**
 * The first CLIs whose `create-open-id-connect-provider` runs without `--thumbprint-list`
 * (aws-cli 2.15.38 and 1.32.83, on botocore 1.34.83 of 2024-04-11: "For
 * CreateOpenIDConnectProvider API, the ThumbprintList parameter is no longer required"). Debian
 * 12's packaged CLI, 2.9.19, is older.
 */
export const OPTIONAL_THUMBPRINT_AWS_CLI: AwsCliVersions = { v2: '2.15.38', v1: '1.32.83' };

/** How the scripts name a pair in messages: `2.15.38 (v1: 1.32.83)`. */
export const describeAwsCliVersions = (versions: AwsCliVersions): string =>
  `${versions.v2} (v1: ${versions.v1})`;

/** The AWS CLI install guide, named in the scripts' messages. */
export const AWS_CLI_INSTALL_URL =
  'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';
