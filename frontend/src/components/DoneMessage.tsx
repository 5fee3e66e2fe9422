'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * What a dialog says once its form is done, in the form's place. It takes the focus the form's
 * button had (that button is gone), so a keyboard user stays in the dialog and hears it read.
 */
export function DoneMessage({ children }: { children: ReactNode }) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <p className="success" role="status" tabIndex={-1} ref={message}>
      {children}
    </p>
  );
}
