// aws/cleanup.sh: deletes what setup.sh created, in reverse order, skipping what is already
// gone (NoSuchEntity). It does not touch Kubernetes or anything setup.sh did not create.

import { formatAwsCliCommand } from './awsCli';
import { cleanupCommands } from './awsCliPlan';
import { scriptPreamble } from './scriptPreamble';
import type { GeneratorValues } from '../types';

const IGNORE_MISSING = `# Runs a command, treating "the entity does not exist" (NoSuchEntity) as done.
ignore_missing() {
  local output
  if output=$("$@" 2>&1); then
    if [ -n "$output" ]; then echo "$output"; fi
  elif [[ "$output" == *NoSuchEntity* ]]; then
    echo "already gone, skipped: $*"
  else
    echo "$output" >&2
    return 1
  fi
}
`;

/**
 * The cleanup script: each role's inline policy and the role (last role first), then the OIDC
 * provider. Safe to run again.
 * @example generateCleanupScript(values).includes('delete-open-id-connect-provider') // true
 */
export function generateCleanupScript(values: GeneratorValues): string {
  const commands = cleanupCommands(values).map(
    (command) => `ignore_missing ${formatAwsCliCommand(command)}`
  );
  return [
    scriptPreamble({
      script: 'cleanup.sh',
      purpose: [
        'Deletes what setup.sh created, in reverse order: the inline policy and the role for',
        `each role, then the OIDC provider for ${values.issuer}`,
        '(other roles that trust this provider stop working). Safe to run again.',
      ],
      accountId: values.accountId,
    }),
    IGNORE_MISSING,
    `${commands.join('\n')}\n`,
    `echo 'Done: the roles and the OIDC provider are gone.'\n`,
  ].join('\n');
}
