// Every artifact from one set of values: IAM policies, the AWS CLI scripts, the Kubernetes
// manifests and a README, as file path → text. It writes no files (the CLI command does).

import { generateCleanupScript } from './scripts/cleanupScript';
import { generateExternalAuthConfig } from './kubernetes/externalAuthConfig';
import { formatJson } from './iam-policies/formatJson';
import { joinYamlDocuments, toYaml } from './kubernetes/formatYaml';
import { generateGateway, generateHttpRoute } from './kubernetes/gateway';
import { generateIngress } from './kubernetes/ingress';
import { FILE_PATHS } from './names';
import { parseGeneratorValues } from './input/parseValues';
import { generatePermissionPolicy } from './iam-policies/permissionPolicy';
import { generateOidcConfig, generateRemoteProxy } from './kubernetes/proxyResources';
import { generateReadme } from './readme';
import { generateSetupScript } from './scripts/setupScript';
import { generateTrustPolicy } from './iam-policies/trustPolicy';
import type { ArtifactFiles, GenerationResult, GeneratorValues } from './types';
import { validateGeneratorInput } from './input/validateInput';

const file = (text: string): string => `${text}\n`;

/**
 * The files for checked values, in this order: README.md, each role's trust and permission
 * policy (fallback first), aws/setup.sh, aws/cleanup.sh, then the Kubernetes manifests (the
 * Gateway API and the Ingress alternatives last).
 * @example Object.keys(generateFiles(values))[1] // 'aws/trust-policy-DefaultMCPRole.json'
 */
export function generateFiles(values: GeneratorValues): ArtifactFiles {
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  const gateway = generateGateway(values);
  const ingress = generateIngress(values);
  const body: ArtifactFiles = {};
  for (const role of roles) {
    body[FILE_PATHS.trustPolicy(role.name)] = file(formatJson(generateTrustPolicy(values, role)));
    body[FILE_PATHS.permissionPolicy(role.name)] = file(
      formatJson(generatePermissionPolicy(role.permissions))
    );
  }
  body[FILE_PATHS.setupScript] = generateSetupScript(values);
  body[FILE_PATHS.cleanupScript] = generateCleanupScript(values);
  body[FILE_PATHS.externalAuthConfig] = file(toYaml(generateExternalAuthConfig(values)));
  body[FILE_PATHS.oidcConfig] = file(toYaml(generateOidcConfig(values)));
  body[FILE_PATHS.remoteProxy] = file(toYaml(generateRemoteProxy(values)));
  body[FILE_PATHS.gateway] = file(
    joinYamlDocuments([
      toYaml(gateway.resource, gateway.comments),
      toYaml(generateHttpRoute(values)),
    ])
  );
  body[FILE_PATHS.ingress] = file(toYaml(ingress.resource, ingress.comments));
  const paths = [FILE_PATHS.readme, ...Object.keys(body)];
  return { [FILE_PATHS.readme]: generateReadme(values, paths), ...body };
}

/**
 * Checks the values and generates every file, or returns every problem with the values.
 * @example generateArtifacts(TUTORIAL_VALUES).ok // true
 */
export function generateArtifacts(input: unknown): GenerationResult {
  const checked = validateGeneratorInput(input);
  if (!checked.ok) return checked;
  return {
    ok: true,
    files: generateFiles(checked.values),
    values: checked.values,
    notes: checked.notes,
  };
}

/**
 * `generateArtifacts` for the text of a values file (JSON or YAML).
 * @example generateArtifactsFromText('{"issuer": "…", …}')
 */
export function generateArtifactsFromText(text: string): GenerationResult {
  const parsed = parseGeneratorValues(text);
  return parsed.ok ? generateArtifacts(parsed.value) : parsed;
}
