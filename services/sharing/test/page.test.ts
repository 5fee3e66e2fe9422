import { createHash } from 'node:crypto';
import { eventually } from '../../../test/support/eventually';
import { type SharingHarness, browserAgent, publicOrigin, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({
    SHARE_PASSWORD_FAILURES_PER_SHARE: '3',
    SHARE_PASSWORD_FAILURES_PER_IP: '5',
    SCENARIO_CACHE_SECONDS: '0',
  });
});

afterAll(async () => {
  await sharing?.stop();
});

/** The content attribute of a meta tag, as a crawler reads it. */
function meta(page: string, attribute: 'property' | 'name', key: string): string | undefined {
  const match = new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"\\s*/?>`).exec(page);
  return match?.[1];
}

function unlock(slug: string, password: string) {
  return fetch(`${sharing.url}/s/${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': browserAgent },
    body: new URLSearchParams({ password }).toString(),
  });
}

test('the page is the whole scenario, server-rendered, with Open Graph and Twitter tags and a canonical link', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id, visibility: 'public' });
  const page = await sharing.browse(`/s/${share.slug}`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(page.headers.get('content-security-policy')).not.toContain('script-src');
  expect(page.text).not.toContain('<script');
  // The browser applies the page's one stylesheet only if its exact text has the policy's hash.
  const styleText = /<style>([\s\S]*?)<\/style>/.exec(page.text)?.[1] ?? '';
  const styleHash = createHash('sha256').update(styleText).digest('base64');
  expect(page.headers.get('content-security-policy')).toContain(`style-src 'sha256-${styleHash}'`);
  expect(page.text).toContain('<html lang="en">');
  for (const text of [
    scenario.title,
    scenario.question,
    scenario.premise,
    ...scenario.timeline.map((entry) => entry.event),
  ]) {
    expect(page.text).toContain(text);
  }
  expect(meta(page.text, 'property', 'og:title')).toBe(scenario.title);
  expect(meta(page.text, 'property', 'og:description')).toBe(scenario.premise);
  expect(meta(page.text, 'property', 'og:url')).toBe(`${publicOrigin}/s/${share.slug}`);
  expect(meta(page.text, 'property', 'og:image')).toBe(`${publicOrigin}/s/${share.slug}/og.png`);
  expect(meta(page.text, 'name', 'twitter:card')).toBe('summary_large_image');
  expect(page.text).toMatch(
    new RegExp(`<link rel="canonical" href="${publicOrigin}/s/${share.slug}"\\s*/?>`),
  );
  expect(page.text).toContain('href="http://app.test"');
  // A signed-in reader can make a video of it in the web app (which asks others to sign in first).
  expect(page.text).toContain(`href="http://app.test/en/videos?share=${share.slug}">Make a video of it</a>`);
});

test("a Vietnamese scenario's page is in Vietnamese, with its locale", async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId, {
    language: 'vi',
    title: 'Nếu nhà Trần không đánh bại quân Nguyên',
    question: 'Điều gì sẽ xảy ra nếu nhà Trần thất bại?',
  });
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  const page = await sharing.browse(`/s/${share.slug}`);
  expect(page.text).toContain('<html lang="vi">');
  expect(page.text).toContain('Dòng thời gian');
  expect(page.text).toContain(
    `href="http://app.test/vi/videos?share=${share.slug}">Làm video từ kịch bản này</a>`,
  );
  expect(meta(page.text, 'property', 'og:locale')).toBe('vi_VN');
  expect(meta(page.text, 'property', 'og:title')).toBe('Nếu nhà Trần không đánh bại quân Nguyên');
});

test('hostile text in every field is escaped, never markup', async () => {
  const hostile = `<script>alert("x")</script>'"&<img src=x onerror=alert(1)>`;
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId, {
    title: `T ${hostile}`,
    question: `What if ${hostile}?`,
    premise: `P ${hostile}`,
    divergence: { when: `W ${hostile}`, event: `E ${hostile}` },
    timeline: Array.from({ length: 5 }, (_, index) => ({
      when: `${index} ${hostile}`,
      event: `${index} ${hostile}`,
    })),
    consequences: {
      immediate: `I ${hostile}`,
      shortTerm: `S ${hostile}`,
      longTerm: `L ${hostile}`,
      byDomain: { politics: `Po ${hostile}`, culture: `C ${hostile}` },
    },
    keyFigures: [{ name: `N ${hostile}`, role: `R ${hostile}` }],
    plausibility: { score: 5, assumptions: [`A ${hostile}`] },
  });
  const share = await sharing.share(owner.token, {
    scenarioId: scenario.id,
    title: `Override ${hostile}`,
    description: `Description ${hostile}`,
  });
  const page = await sharing.browse(`/s/${share.slug}`);
  expect(page.status).toBe(200);
  expect(page.text).not.toContain('<script');
  expect(page.text).not.toContain('<img');
  expect(page.text).not.toMatch(/content="[^"]*"[^>\s]/);
  const escaped =
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&quot;&amp;&lt;img src=x onerror=alert(1)&gt;';
  // Each field's text arrives escaped (one count per field: 20 fields, plus the override in title and og/twitter tags).
  expect(page.text.split(escaped).length - 1).toBeGreaterThanOrEqual(20);
  expect(meta(page.text, 'property', 'og:title')).toBe(`Override ${escaped}`);
  expect(meta(page.text, 'property', 'og:description')).toBe(`Description ${escaped}`);
});

test('a protected share shows a form and neutral previews; the right password opens it, a wrong one never does', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId, { title: 'Secret Plans of Rome' });
  const share = await sharing.share(owner.token, { scenarioId: scenario.id, password: 'correct horse' });
  const form = await sharing.browse(`/s/${share.slug}`);
  expect(form.status).toBe(200);
  expect(form.text).toContain('<form method="post"');
  expect(form.text).toContain('type="password"');
  expect(form.text).not.toContain('Secret Plans of Rome');
  expect(form.text).not.toContain(scenario.premise);
  expect(meta(form.text, 'property', 'og:title')).toBe('A shared What If scenario');

  const wrong = await unlock(share.slug, 'wrong horse');
  const wrongAgain = await unlock(share.slug, 'another guess');
  expect(wrong.status).toBe(401);
  expect(await wrong.text()).toBe(await wrongAgain.text());
  const right = await unlock(share.slug, 'correct horse');
  expect(right.status).toBe(200);
  const opened = await right.text();
  expect(opened).toContain('Secret Plans of Rome');
  expect(right.headers.get('cache-control')).toBe('no-store');
});

test('guessing passwords hits the per-share limit: then even the right one answers 429', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id, password: 'the real one' });
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 4; attempt += 1)
    statuses.push((await unlock(share.slug, `guess ${attempt}`)).status);
  expect(statuses).toEqual([401, 401, 401, 429]);
  const right = await unlock(share.slug, 'the real one');
  expect(right.status).toBe(429);
  expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await right.text()).not.toContain(scenario.title);
});

test('one client guessing across many shares hits the per-client limit', async () => {
  const owner = sharing.newUser();
  const slugs: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    const scenario = sharing.saveScenario(owner.userId);
    slugs.push(
      (await sharing.share(owner.token, { scenarioId: scenario.id, password: 'not guessable' })).slug,
    );
  }
  // The previous test's guesses came from this client too: its window already holds four.
  const statuses: number[] = [];
  for (const slug of [...slugs, ...slugs]) statuses.push((await unlock(slug, 'a guess')).status);
  expect(statuses).toContain(429);
  expect(statuses.indexOf(429)).toBeLessThanOrEqual(2);
});

test('a revoked or expired link answers 410 with a page that says so', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const revoked = await sharing.share(owner.token, { scenarioId: scenario.id });
  await sharing.call('POST', `/api/v1/shares/${revoked.slug}/revoke`, { token: owner.token });
  const gone = await sharing.browse(`/s/${revoked.slug}`);
  expect(gone.status).toBe(410);
  expect(gone.text).toContain('withdrawn');
  expect(gone.text).not.toContain(scenario.title);

  const expiring = await sharing.share(owner.token, {
    scenarioId: scenario.id,
    another: true,
    expiresAt: new Date(Date.now() + 1_500).toISOString(),
  });
  expect((await sharing.browse(`/s/${expiring.slug}`)).status).toBe(200);
  const expired = await eventually(async () => {
    const page = await sharing.browse(`/s/${expiring.slug}`);
    expect(page.status).toBe(410);
    return page;
  }, 5_000);
  expect(expired.text).toContain('expired');
  expect((await sharing.browse(`/s/${expiring.slug}/og.png`)).status).toBe(410);
});

test('an unknown slug answers a 404 page', async () => {
  const page = await sharing.browse('/s/AAAAAAAAAAAA');
  expect(page.status).toBe(404);
  expect(page.text).toContain('No such share');
});

test('once history no longer has the scenario, its shares answer 410', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(200);
  sharing.history.scenarios.delete(scenario.id);
  const page = await sharing.browse(`/s/${share.slug}`);
  expect(page.status).toBe(410);
  expect(page.text).not.toContain(scenario.title);
});
