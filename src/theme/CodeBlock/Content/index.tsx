// The code of a code block, highlighted into one HTML string (highlightedHtml.ts) and mounted as
// the inner HTML of a single <code>: hydrating a page then costs one element per block, not one
// per token (the tutorial has thousands). Replaces the theme's CodeBlock/Content (an "unsafe"
// swizzle: it reads the theme's internal code block context); title, buttons, magic comments and
// the reader's values (CodeBlock/index.tsx) are the theme's and the wrapper's, unchanged.
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import clsx from 'clsx';
import { Prism } from 'prism-react-renderer';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { accessibleDark, accessibleLight } from '@site/src/theme/prismThemes';
import { highlightedHtml, plainTypes, tokenizeLines } from './highlightedHtml';
import styles from './styles.module.css';

/** Types coloured like plain text in both colour modes (the themes docusaurus.config.ts sets). */
const PLAIN = plainTypes([accessibleLight, accessibleDark]);

const LINE_NUMBERS = {
  line: styles.codeLine!,
  number: styles.codeLineNumber!,
  content: styles.codeLineContent!,
};

export default function CodeBlockContent({ className }: { className?: string }): ReactNode {
  const { metadata, wordWrap } = useCodeBlockContext();
  const { codeBlockRef } = wordWrap;
  const { code, language, lineNumbersStart, lineClassNames } = metadata;
  const numbered = lineNumbersStart !== undefined;
  const html = useMemo(
    () =>
      highlightedHtml(tokenizeLines(Prism, code, language), {
        lineClassNames,
        lineNumbers: numbered ? LINE_NUMBERS : undefined,
        plain: PLAIN,
      }),
    [code, language, lineClassNames, numbered]
  );
  return (
    <pre
      ref={codeBlockRef}
      // Focusable so that keyboard users can scroll a long line (as the theme's block is).
      tabIndex={0}
      className={clsx(
        className,
        'prism-code',
        `language-${language}`,
        styles.codeBlock,
        'thin-scrollbar'
      )}
    >
      <code
        className={clsx(styles.codeBlockLines, numbered && styles.codeBlockLinesWithNumbering)}
        style={numbered ? { counterReset: `line-count ${lineNumbersStart - 1}` } : undefined}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </pre>
  );
}
