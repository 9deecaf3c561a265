// `token`: gets a demo user's access token from a running local OIDC provider (the sandbox's) by a
// real authorization code + PKCE flow, and prints it. It does not start a provider.

// Direct imports: the oidc folder's index would load oidc-provider, which this command never runs.
import { getTokenResponse } from '../../emulators/oidc/getAccessToken';
import { DEFAULT_USERS } from '../../emulators/oidc/users';
import { AwsStsError } from '../../errors';
import { DEFAULT_BASE_PORT, PORT_OFFSETS } from '../../replica/ports';
import { parseFlags, requireFlag } from '../parseFlags';
import { EXIT_OK, type Command } from '../types';

/** The sandbox's issuer on its default ports. */
export const DEFAULT_SANDBOX_ISSUER = `http://127.0.0.1:${DEFAULT_BASE_PORT + PORT_OFFSETS.oidc}`;

const DEMO_USERS = DEFAULT_USERS.map((user) => user.username).join(', ');

export const tokenCommand: Command = {
  name: 'token',
  summary: "Print a demo user's access token from the sandbox's OIDC provider (a real PKCE flow)",
  usage: `Usage: token --user NAME [--issuer URL] [--audience AUD] [--json]

Signs in to a running local OIDC provider (start one with "npm run sandbox") as a demo user, by the
authorization code flow with PKCE that a browser would run, and prints the access token: the last
line of standard output is the token, so this works:

  export TOKEN=$(npm run --silent cli -- token --issuer ${DEFAULT_SANDBOX_ISSUER} --user alice)

The token is a secret for as long as it is valid (one hour): keep it out of files and chats.

Flags:
  --user NAME        demo user: ${DEMO_USERS}
  --issuer URL       the provider's issuer (default ${DEFAULT_SANDBOX_ISSUER}, the sandbox's)
  --audience AUD     ask for this audience; the sandbox issues tokens for toolhive-aws only
  --json             print {"access_token","token_type","expires_in","user","issuer"} instead
  -h, --help         show this help

Exit status: 0 printed a token, 2 unknown user, refused request or unreachable issuer.`,

  async run(argv, io) {
    const flags = parseFlags('token', argv, {
      user: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      json: { type: 'boolean' },
    });
    const user = requireFlag('token', 'user', flags.user);
    const issuer = flags.issuer ?? DEFAULT_SANDBOX_ISSUER;
    let response: Awaited<ReturnType<typeof getTokenResponse>>;
    try {
      response = await getTokenResponse({
        issuer,
        user,
        ...(flags.audience !== undefined ? { audience: flags.audience } : {}),
      });
    } catch (error) {
      throw withHint(error);
    }
    if (flags.json === true) {
      io.stdout(
        JSON.stringify({
          access_token: response.access_token,
          token_type: response.token_type,
          expires_in: response.expires_in,
          user,
          issuer,
        })
      );
    } else {
      const expires = response.expires_in !== undefined ? `, valid ${response.expires_in} s` : '';
      io.stderr(`access token for ${user} from ${issuer}${expires}`);
      io.stdout(response.access_token);
    }
    return EXIT_OK;
  },
};

/** Adds what to do next to the provider's refusals. */
function withHint(error: unknown): unknown {
  if (!(error instanceof AwsStsError)) return error;
  if (error.message.startsWith('cannot reach')) {
    return new AwsStsError(
      error.code,
      `${error.message}: is the sandbox running? Start it with "npm run sandbox" (or pass the --issuer its banner shows)`
    );
  }
  if (error.message.includes('refused the login')) {
    return new AwsStsError(error.code, `${error.message}; the demo users are ${DEMO_USERS}`);
  }
  return error;
}
