'use client';

import { useEffect, useState } from 'react';

/**
 * The page's query string, read after hydration: pages stay prerendered (no Suspense bail-out
 * to client rendering), and `null` means "not read yet".
 */
export function useQuery(): URLSearchParams | null {
  const [params, setParams] = useState<URLSearchParams | null>(null);
  useEffect(() => {
    const read = () => setParams(new URLSearchParams(window.location.search));
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, []);
  return params;
}

/** A return path from the query, only when it stays on this site. */
export function safeNextPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
