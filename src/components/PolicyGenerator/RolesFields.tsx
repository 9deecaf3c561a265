// The roles part of the form: the fallback role and the mapped roles (name, claim value or CEL
// matcher, priority, preset permissions), added and removed by the reader. Rules are the generator's.
import type { ReactNode, Ref } from 'react';
import {
  PERMISSION_PRESETS,
  PRESET_NAMES,
  type PermissionPresetName,
} from '@toolhive-aws-sts/sandbox/policy';
import Field from './Field';
import type { FormRole, FormState } from './formState';
import { roleField } from './issues';
import type { FieldBinding } from './ValuesFields';
import styles from './styles.module.css';

type FallbackPatch = Partial<
  Pick<FormState, 'useFallback' | 'fallbackName' | 'fallbackPermissions'>
>;

interface Props extends FieldBinding {
  form: FormState;
  onFallback: (patch: FallbackPatch) => void;
  onRole: (key: number, patch: Partial<FormRole>) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
  addButton: Ref<HTMLButtonElement>;
}

const PRESET_OPTIONS = PRESET_NAMES.map((name) => ({ value: name, label: name }));
const MATCH_OPTIONS = [
  { value: 'claim', label: 'Claim value' },
  { value: 'matcher', label: 'CEL matcher' },
] as const;

const presetHint = (name: PermissionPresetName) =>
  `Grants ${PERMISSION_PRESETS[name].description}.`;

export default function RolesFields(props: Props): ReactNode {
  const { form, onFallback, onRole, onAdd, onRemove, addButton, idFor, errorsFor } = props;
  const roleClaim = form.roleClaim.trim() || 'groups';
  const fallbackToggle = `${idFor('fallbackRole.name')}-use`;
  return (
    <>
      <fieldset className={styles.group}>
        <legend>Fallback role</legend>
        <div className={styles.check}>
          <input
            id={fallbackToggle}
            type='checkbox'
            checked={form.useFallback}
            onChange={(event) => onFallback({ useFallback: event.target.checked })}
          />
          <label htmlFor={fallbackToggle}>Use a fallback role for users who match no mapping</label>
        </div>
        {form.useFallback && (
          <div className={styles.grid}>
            <Field
              id={idFor('fallbackRole.name')}
              label='Fallback role name'
              hint='An IAM role name: letters, digits and _+=,.@-'
              value={form.fallbackName}
              errors={errorsFor('fallbackRole.name')}
              onChange={(value) => onFallback({ fallbackName: value })}
            />
            <Field
              id={idFor('fallbackRole.permissions')}
              kind='select'
              label='Fallback role permissions'
              hint={presetHint(form.fallbackPermissions)}
              value={form.fallbackPermissions}
              options={PRESET_OPTIONS}
              errors={errorsFor('fallbackRole.permissions')}
              onChange={(value) =>
                onFallback({ fallbackPermissions: value as PermissionPresetName })
              }
            />
          </div>
        )}
      </fieldset>
      {form.roles.map((role, index) => {
        const number = index + 1;
        const field = (name: 'name' | 'match' | 'priority' | 'permissions') =>
          roleField(index, name);
        return (
          <fieldset key={role.key} className={styles.group}>
            <legend>Mapped role {number}</legend>
            <div className={styles.grid}>
              <Field
                id={idFor(field('name'))}
                label={`Role ${number} name`}
                hint='An IAM role name, unique in the account.'
                value={role.name}
                errors={errorsFor(field('name'))}
                onChange={(value) => onRole(role.key, { name: value })}
              />
              <Field
                id={`${idFor(field('match'))}-by`}
                kind='select'
                label={`Role ${number} matches by`}
                hint={`A value in the ${roleClaim} claim, or a CEL expression over all claims.`}
                value={role.matchBy}
                options={MATCH_OPTIONS}
                onChange={(value) => onRole(role.key, { matchBy: value as FormRole['matchBy'] })}
              />
              <Field
                id={idFor(field('match'))}
                label={`Role ${number} ${role.matchBy === 'claim' ? 'claim value' : 'CEL matcher'}`}
                hint={
                  role.matchBy === 'claim'
                    ? `Exact and case-sensitive, e.g. s3-readers in ${roleClaim}.`
                    : 'e.g. "admins" in claims["groups"] && claims["email_verified"] == true'
                }
                value={role.match}
                errors={errorsFor(field('match'))}
                onChange={(value) => onRole(role.key, { match: value })}
              />
              <Field
                id={idFor(field('priority'))}
                label={`Role ${number} priority`}
                hint='Lower wins when several roles match. Empty: after every numbered role.'
                value={role.priority}
                inputMode='numeric'
                errors={errorsFor(field('priority'))}
                onChange={(value) => onRole(role.key, { priority: value })}
              />
              <Field
                id={idFor(field('permissions'))}
                kind='select'
                label={`Role ${number} permissions`}
                hint={presetHint(role.permissions)}
                value={role.permissions}
                options={PRESET_OPTIONS}
                errors={errorsFor(field('permissions'))}
                onChange={(value) =>
                  onRole(role.key, { permissions: value as PermissionPresetName })
                }
              />
            </div>
            <button
              type='button'
              className='button button--secondary button--sm'
              onClick={() => onRemove(role.key)}
            >
              Remove role {number}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button
          ref={addButton}
          type='button'
          className='button button--secondary button--sm'
          onClick={onAdd}
        >
          Add a mapped role
        </button>
      </div>
    </>
  );
}
