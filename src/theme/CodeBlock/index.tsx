// Wraps the theme's CodeBlock so string code shows the reader's values in place of placeholders.
// It imports only the tiny values store; validation and the form load lazily with <YourValues />.
import type { ReactNode } from 'react';
import { Children } from 'react';
import CodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';
import type { WrapperProps } from '@docusaurus/types';
import { fillYourValues, useYourValues } from '@site/src/components/YourValues/store';

type Props = WrapperProps<typeof CodeBlockType>;

export default function CodeBlockWrapper({ children, ...props }: Props): ReactNode {
  const values = useYourValues();
  const parts = Children.toArray(children);
  const text =
    values.substitutions.length > 0 &&
    parts.length > 0 &&
    parts.every((part) => typeof part === 'string')
      ? fillYourValues(parts.join(''))
      : undefined;
  return <CodeBlock {...props}>{text ?? children}</CodeBlock>;
}
