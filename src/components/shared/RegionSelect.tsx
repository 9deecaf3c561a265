// A choice among the AWS MCP Server's Regions, with "Another Region…" for a code AWS adds after
// this site was built (the generator then notes it). It holds only which control shows; the
// region itself is the caller's value, and the rules are the generator's.
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { AWS_MCP_SERVER_REGIONS, isAwsMcpServerRegion } from '@toolhive-aws-sts/sandbox/policy';

const OTHER = '__other__';

interface Props {
  /** The select's id; the form's `<label htmlFor>` points at it. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Class of the select and of the text input. */
  className?: string;
  /** Class of the text input's label. */
  labelClassName?: string;
  /** Ids of the hint and messages, for both controls. */
  describedBy?: string;
  invalid?: boolean;
  /** When set, an empty value is allowed and this option stands for it. */
  emptyLabel?: string;
}

export default function RegionSelect(props: Props): ReactNode {
  const { id, value, onChange, className, labelClassName, describedBy, invalid, emptyLabel } =
    props;
  const otherId = `${useId()}-other`;
  const [otherChosen, setOtherChosen] = useState(false);
  const other = otherChosen || (value !== '' && !isAwsMcpServerRegion(value));
  return (
    <>
      <select
        id={id}
        className={className}
        value={other ? OTHER : value}
        aria-invalid={invalid && !other}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = event.target.value;
          setOtherChosen(next === OTHER);
          if (next !== OTHER) onChange(next);
        }}
      >
        {emptyLabel !== undefined && <option value=''>{emptyLabel}</option>}
        {AWS_MCP_SERVER_REGIONS.map((region) => (
          <option key={region.code} value={region.code}>
            {region.code} ({region.name})
          </option>
        ))}
        <option value={OTHER}>Another Region (type its code)…</option>
      </select>
      {other && (
        <>
          <label htmlFor={otherId} className={labelClassName}>
            Region code
          </label>
          <input
            id={otherId}
            className={className}
            type='text'
            value={value}
            placeholder='e.g. ca-central-1'
            autoComplete='off'
            autoCapitalize='none'
            autoCorrect='off'
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        </>
      )}
    </>
  );
}
