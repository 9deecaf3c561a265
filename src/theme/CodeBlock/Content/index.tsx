// The code of a code block, highlighted into one HTML string (highlightedHtml.ts) and mounted as
// the inner HTML of a single <code>: hydrating a page then costs one element per block, not one
// per token (the tutorial has thousands). Replaces the theme's CodeBlock/Content (an "unsafe"
// swizzle: it reads the theme's internal code block context); title, buttons, magic comments and
// the reader's values (CodeBlock/index.tsx) are the theme's and the wrapper's, unchanged.
import type { ReactNode, RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
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

/** Set once the page the browser loaded has hydrated; blocks rendered later highlight themselves. */
let pageHydrated = false;

type Metadata = ReturnType<typeof useCodeBlockContext>['metadata'];

function blockHtml({ code, language, lineClassNames, lineNumbersStart }: Metadata): string {
  return highlightedHtml(tokenizeLines(Prism, code, language), {
    lineClassNames,
    lineNumbers: lineNumbersStart !== undefined ? LINE_NUMBERS : undefined,
    plain: PLAIN,
  });
}

/**
 * True while the block shows the code it was hydrated with: the server wrote its highlighted HTML
 * and React keeps it, so the browser need not tokenise it again. False on the server, for blocks
 * rendered in the browser, and for good once the code changes (the reader's values).
 */
function useServerHtml(metadata: Metadata): [boolean, RefObject<HTMLElement | null>] {
  const element = useRef<HTMLElement>(null);
  const [hydratedCode, setHydratedCode] = useState(() =>
    typeof window !== 'undefined' && !pageHydrated ? metadata.code : undefined
  );
  if (hydratedCode !== undefined && hydratedCode !== metadata.code) setHydratedCode(undefined);
  const kept = hydratedCode !== undefined;
  useEffect(() => {
    pageHydrated = true;
    // Rendered in the browser after all (React gave up the server's HTML): fill the element.
    if (kept && element.current && !element.current.hasChildNodes()) {
      element.current.innerHTML = blockHtml(metadata);
    }
  }, [kept, metadata]);
  return [kept, element];
}

export default function CodeBlockContent({ className }: { className?: string }): ReactNode {
  const { metadata, wordWrap } = useCodeBlockContext();
  const { codeBlockRef } = wordWrap;
  const { language, lineNumbersStart } = metadata;
  const numbered = lineNumbersStart !== undefined;
  const [serverHtml, codeElement] = useServerHtml(metadata);
  // Nothing to tokenise while the server's HTML stays (the theme builds new metadata on each
  // render of the block, so a memo keyed on it would never hit).
  const html = serverHtml ? '' : blockHtml(metadata);
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
        ref={codeElement}
        className={clsx(styles.codeBlockLines, numbered && styles.codeBlockLinesWithNumbering)}
        style={numbered ? { counterReset: `line-count ${lineNumbersStart - 1}` } : undefined}
        // While the block shows the code it was hydrated with, the server's HTML stays in place.
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </pre>
  );
}
