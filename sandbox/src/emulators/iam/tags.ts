// Tag lists as IAM checks them on create calls: count quota, key and value lengths, unique keys.
// It does not implement TagRole/UntagRole.

import { memberValues, memberViolations, validationErrorMessage } from '../aws-query';
import { iamFaults } from './iamFaults';
import type { Tag } from './types';

/**
 * Validates tags and returns a copy; throws LimitExceeded, ValidationError or InvalidInput.
 * @example checkTags([{ key: 'team', value: 'platform' }], 50)
 */
export function checkTags(tags: readonly Tag[], limit: number): Tag[] {
  if (tags.length > limit) {
    throw iamFaults.limitExceeded(`Cannot exceed quota for TagsPerEntity: ${limit}`);
  }
  const seen = new Set<string>();
  for (const tag of tags) {
    const violations = memberViolations(memberValues({ Key: tag.key, Value: tag.value }), [
      { name: 'Key', required: true, minLength: 1, maxLength: 128 },
      { name: 'Value', required: true, minLength: 0, maxLength: 256 },
    ]);
    if (violations.length > 0) throw iamFaults.validation(validationErrorMessage(violations));
    const lower = tag.key.toLowerCase();
    if (seen.has(lower)) {
      throw iamFaults.invalidInput(
        `Duplicate tag keys found. Please note that Tag keys are case insensitive.`
      );
    }
    seen.add(lower);
  }
  return tags.map((t) => ({ key: t.key, value: t.value }));
}
