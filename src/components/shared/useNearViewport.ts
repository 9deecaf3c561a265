// Tells a component's shell when it comes within reach of the viewport, so that its code loads
// just before the reader gets there. It loads nothing itself.
import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

/** How far ahead of the viewport loading starts. */
const AHEAD = '400px 0px';

/**
 * True from the moment `ref`'s element is within 400 px of the viewport (and from then on).
 * @example const near = useNearViewport(ref); return near ? <OnDemand … /> : fallback;
 */
export function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (node === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: AHEAD }
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}
