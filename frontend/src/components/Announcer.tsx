'use client';

import { useEffect, useRef } from 'react';

let speak: ((text: string) => void) | null = null;

/**
 * Says something to screen-reader users politely, once: a finished section, a saved change.
 * Streamed text is announced per section, never per token.
 */
export function announce(text: string): void {
  speak?.(text);
}

/** The one polite live region of the page; mounted once by the layout. */
export function Announcer() {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    speak = (text) => {
      const node = region.current;
      if (!node) return;
      // Emptied first, so the same words said twice are announced twice.
      node.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(() => {
        node.textContent = text;
      }, 50);
    };
    return () => {
      speak = null;
      clearTimeout(timer);
    };
  }, []);
  return <div ref={region} className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" />;
}
