import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = { title: 'Not found · What If' };

/** The 404 page CloudFront and the local server answer for a path that is no page. */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="entry">
          <h1>
            <span lang="en">Page not found</span> · <span lang="vi">Không tìm thấy trang</span>
          </h1>
          <ul className="entry-languages">
            <li>
              <a href="/en" lang="en" hrefLang="en">
                Back to What If
              </a>
            </li>
            <li>
              <a href="/vi" lang="vi" hrefLang="vi">
                Quay lại What If
              </a>
            </li>
          </ul>
        </main>
      </body>
    </html>
  );
}
