// After `next build`: gives every exported page a Content-Security-Policy <meta> that allows
// exactly the inline scripts Next.js wrote into that page (by SHA-256) and scripts from this
// origin, nothing else. A static export has no server to mint nonces, and CloudFront sends one
// header for every page, so the per-page hashes travel with the page. The header CloudFront
// (and the local server) sends adds what a <meta> policy cannot say (frame-ancestors); both
// policies apply, so a script must pass each.
//
// The build fails when a page holds something the policy would block: an inline style
// attribute or element, or an inline event handler.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'out');

/** Everything but scripts: this origin only; avatars may be any https image. */
export const pagePolicy = {
  'default-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'https:'],
  // Videos are S3 presigned links on ECS (another origin); locally they are on this one.
  'media-src': ["'self'", 'blob:', 'https:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const inlineScript = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const executable = (attributes) => {
  const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
  return !type || /^(text|application)\/(javascript|ecmascript)$|^module$/.test(type);
};

export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(inlineScript)) {
    if (!executable(attributes) || body.length === 0) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export function policyFor(html) {
  const directives = { ...pagePolicy, 'script-src': ["'self'", ...inlineScriptHashes(html)] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function blockedInline(html) {
  const found = [];
  if (/<style[\s>]/.test(html)) found.push('a <style> element');
  if (/\sstyle="/.test(html)) found.push('a style="…" attribute');
  if (/<[a-z][^>]*\son[a-z]+="/i.test(html)) found.push('an inline event handler');
  return found;
}

async function* htmlFiles(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

async function main() {
  const problems = [];
  let pages = 0;
  for await (const file of htmlFiles(outDir)) {
    let html = await readFile(file, 'utf8');
    const relative = path.relative(outDir, file);
    for (const found of blockedInline(html)) problems.push(`${relative}: ${found} (the policy allows none)`);
    html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}"/>`;
    // Right after the charset, before any script the policy must govern.
    const anchor = html.indexOf('<meta charSet="utf-8"/>');
    if (anchor === -1) {
      problems.push(`${relative}: no <meta charSet> to place the policy after`);
      continue;
    }
    const at = anchor + '<meta charSet="utf-8"/>'.length;
    html = `${html.slice(0, at)}${meta}${html.slice(at)}`;
    if (html.indexOf('<script') < html.indexOf(meta))
      problems.push(`${relative}: a script comes before the policy`);
    await writeFile(file, html);
    pages += 1;
  }
  if (problems.length > 0) {
    process.stderr.write(
      `content-security-policy: ${problems.length} problem(s):\n  ${problems.join('\n  ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`content-security-policy: ${pages} pages carry their script hashes\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
