import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../globals.css';

export const metadata: Metadata = { title: 'What If', robots: { index: false } };

/**
 * Pages without a language in their path: the front door, and the links mail and sign-in
 * providers send people to. Each forwards to the same page in the person's language.
 */
export default function EntryLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
