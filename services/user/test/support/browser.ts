/**
 * Just enough of a browser for OAuth flows: a cookie jar per host (name, value and path
 * only), redirects followed by hand so each hop can be inspected, and form posts.
 */
export class Browser {
  private readonly jars = new Map<string, Map<string, { value: string; path: string }>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).host)?.get(name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = '/'): void {
    const host = new URL(origin).host;
    const jar = this.jars.get(host) ?? new Map();
    jar.set(name, { value, path });
    this.jars.set(host, jar);
  }

  private cookieHeader(url: URL): string {
    const jar = this.jars.get(url.host);
    if (!jar) return '';
    return [...jar.entries()]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private remember(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair!.indexOf('=');
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      const path =
        attributes
          .map((part) => part.trim())
          .find((part) => part.toLowerCase().startsWith('path='))
          ?.slice(5) ?? '/';
      const expired =
        attributes.some((part) => /expires=thu, 01 jan 1970/i.test(part.trim())) || value === '';
      const jar = this.jars.get(url.host) ?? new Map();
      if (expired) jar.delete(name);
      else jar.set(name, { value, path });
      this.jars.set(url.host, jar);
    }
  }

  /** One request, no redirect followed. */
  async request(
    method: string,
    target: string,
    init: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const url = new URL(target);
    const headers: Record<string, string> = { ...init.headers };
    const cookies = this.cookieHeader(url);
    if (cookies) headers['cookie'] = cookies;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    this.remember(url, response);
    return response;
  }

  /** Follows redirects until a page answers, or until `stopAt` says a location is where to stop. */
  async follow(
    start: Response,
    from: string,
    stopAt: (location: URL) => boolean,
  ): Promise<{ response: Response; url: URL }> {
    let response = start;
    let url = new URL(from);
    for (let hop = 0; hop < 20; hop += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      url = new URL(location, url);
      if (stopAt(url)) return { response, url };
      response = await this.request('GET', url.toString());
    }
    throw new Error('too many redirects');
  }
}

/** The action and hidden fields of the first form in a page. */
export function firstForm(html: string, base: URL): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form in:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    fields[input[1]!] = input[2]!;
  }
  return { action: new URL(form[1]!.replace(/&amp;/g, '&'), base).toString(), fields };
}
