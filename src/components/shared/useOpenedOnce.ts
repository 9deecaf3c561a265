// Tells a component's `<details>` shell that the reader has opened it, so that its code loads
// then and stays loaded. It loads nothing itself.
import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

/**
 * True from the first time `ref`'s `<details>` is open, also when the reader opened it before
 * the page was hydrated.
 * @example const opened = useOpenedOnce(details); return opened ? <OnDemand … /> : fallback;
 */
export function useOpenedOnce(ref: RefObject<HTMLDetailsElement | null>): boolean {
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (node === null) return;
    const onToggle = () => {
      if (node.open) setOpened(true);
    };
    node.addEventListener('toggle', onToggle);
    onToggle();
    return () => node.removeEventListener('toggle', onToggle);
  }, [ref]);
  return opened;
}
