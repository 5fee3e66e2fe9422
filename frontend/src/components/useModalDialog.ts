'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Opens and closes a native modal <dialog> with `open`, and keeps the keyboard where a person
 * expects it: Tab and Shift+Tab go round the dialog's own controls (the browser would otherwise
 * step out to its toolbar), and on close focus goes back to what had it when the dialog opened.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      node.showModal?.();
    }
    if (!open && node.open) {
      node.close();
      const previous = opener.current;
      opener.current = null;
      if (previous?.isConnected) previous.focus();
    }
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const controls = [...dialog.current.querySelectorAll<HTMLElement>(focusable)].filter(
      (element) => element.offsetParent !== null || element === document.activeElement,
    );
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return { dialog, onKeyDown };
}
