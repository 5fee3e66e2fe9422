import type { Scenario } from '@what-if/contracts';
import { reportReasons } from '@what-if/contracts';
import type { ShareLinks } from '../links';
import type { ShareItem } from '../store/records';
import { type SafeHtml, html } from './html';
import { type PageLabels, labelsFor, ogLocale } from './labels';
import { page } from './layout';

/** Why a link answers 410. */
export type GoneReason = keyof PageLabels['gone'];

const descriptionLength = 200;

/** The first sentences of a text, cut at a word before `max` characters. */
export function excerpt(text: string, max = descriptionLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function reportForm(share: ShareItem, labels: PageLabels): SafeHtml {
  return html`<details>
    <summary>${labels.report}</summary>
    <form method="post" action="/s/${share.slug}/report">
      <label for="reason">${labels.reportReason}</label>
      <select id="reason" name="reason" required>
        ${reportReasons.map((reason) => html`<option value="${reason}">${labels.reasons[reason] ?? reason}</option>`)}
      </select>
      <label for="note">${labels.reportNote}</label>
      <textarea id="note" name="note" maxlength="1000" rows="3"></textarea>
      <button type="submit">${labels.reportSend}</button>
    </form>
  </details>`;
}

function scenarioBody(scenario: Scenario, heading: string, labels: PageLabels): SafeHtml {
  const domains = Object.entries(scenario.consequences.byDomain ?? {}).filter(([, text]) => Boolean(text));
  return html`<article>
    <p class="question">${scenario.question}</p>
    <h1>${heading}</h1>
    <p>${scenario.premise}</p>
    <h2>${labels.divergence}</h2>
    <p><span class="when">${scenario.divergence.when}</span> — ${scenario.divergence.event}</p>
    <h2>${labels.timeline}</h2>
    <ol class="timeline">
      ${scenario.timeline.map((entry) => html`<li><span class="when">${entry.when}</span> — ${entry.event}</li>`)}
    </ol>
    <h2>${labels.consequences}</h2>
    <dl>
      <dt>${labels.immediate}</dt>
      <dd>${scenario.consequences.immediate}</dd>
      <dt>${labels.shortTerm}</dt>
      <dd>${scenario.consequences.shortTerm}</dd>
      <dt>${labels.longTerm}</dt>
      <dd>${scenario.consequences.longTerm}</dd>
      ${domains.map(
        ([domain, text]) =>
          html`<dt>${domain}</dt>
            <dd>${text}</dd>`,
      )}
    </dl>
    <h2>${labels.keyFigures}</h2>
    <ul>
      ${scenario.keyFigures.map((figure) => html`<li><strong>${figure.name}</strong> — ${figure.role}</li>`)}
    </ul>
    <h2>${labels.plausibility}: ${scenario.plausibility.score}/10</h2>
    <p>${labels.assumptions}:</p>
    <ul>
      ${scenario.plausibility.assumptions.map((assumption) => html`<li>${assumption}</li>`)}
    </ul>
  </article>`;
}

/** The share as anyone with the link reads it: the whole scenario, in its language. */
export function sharePage(share: ShareItem, scenario: Scenario, links: ShareLinks): string {
  const labels = labelsFor(scenario.language);
  const title = share.title ?? scenario.title;
  return page(
    {
      language: scenario.language,
      title,
      description: share.description ?? excerpt(scenario.premise),
      canonicalUrl: links.page(share.slug),
      imageUrl: links.ogImage(share.slug),
      imageAlt: scenario.question,
      locale: ogLocale(scenario.language),
      siteName: labels.siteName,
      ...(share.visibility === 'unlisted' ? { noindex: true } : {}),
    },
    html`${scenarioBody(scenario, title, labels)}
      <a class="app" href="${links.makeVideo(share.slug, scenario.language)}">${labels.makeVideo}</a>
      <a class="app" href="${links.app}">${labels.openApp}</a>
      ${reportForm(share, labels)}`,
  );
}

/**
 * A protected share before its password: a form, and previews that say nothing of the content
 * (the title, description and image are neutral; only the language is known).
 */
export function passwordPage(share: ShareItem, links: ShareLinks, notice?: 'wrong' | 'limited'): string {
  const labels = labelsFor(share.language);
  return page(
    {
      language: share.language,
      title: labels.protectedTitle,
      description: labels.protectedText,
      canonicalUrl: links.page(share.slug),
      imageUrl: links.ogImage(share.slug),
      imageAlt: labels.protectedTitle,
      locale: ogLocale(share.language),
      siteName: labels.siteName,
      noindex: true,
    },
    html`<h1>${labels.protectedTitle}</h1>
      <p>${labels.protectedText}</p>
      ${notice ? html`<p class="notice" role="alert">${notice === 'wrong' ? labels.wrongPassword : labels.tooManyAttempts}</p>` : ''}
      <form method="post" action="/s/${share.slug}">
        <label for="password">${labels.password}</label>
        <input id="password" name="password" type="password" autocomplete="off" required maxlength="200" />
        <button type="submit">${labels.unlock}</button>
      </form>`,
  );
}

/** 410: the link existed and no longer shows anything. */
export function gonePage(share: ShareItem, reason: GoneReason, links: ShareLinks): string {
  const labels = labelsFor(share.language);
  return page(
    {
      language: share.language,
      title: labels.goneTitle,
      description: labels.gone[reason],
      canonicalUrl: links.page(share.slug),
      locale: ogLocale(share.language),
      siteName: labels.siteName,
      noindex: true,
    },
    html`<h1>${labels.goneTitle}</h1>
      <p>${labels.gone[reason]}</p>
      <a class="app" href="${links.app}">${labels.openApp}</a>`,
  );
}

/** 404: no share has this slug (never had, or deleted with everything it had). */
export function notFoundPage(slug: string, links: ShareLinks): string {
  const labels = labelsFor('en');
  return page(
    {
      language: 'en',
      title: labels.notFoundTitle,
      description: labels.notFound,
      canonicalUrl: links.page(slug),
      locale: ogLocale('en'),
      siteName: labels.siteName,
      noindex: true,
    },
    html`<h1>${labels.notFoundTitle}</h1>
      <p>${labels.notFound}</p>
      <a class="app" href="${links.app}">${labels.openApp}</a>`,
  );
}

/** What the report form answers. */
export function reportedPage(
  share: ShareItem,
  outcome: 'accepted' | 'repeat' | 'limited',
  links: ShareLinks,
): string {
  const labels = labelsFor(share.language);
  const text =
    outcome === 'accepted'
      ? labels.reported
      : outcome === 'repeat'
        ? labels.reportRepeat
        : labels.reportLimited;
  return page(
    {
      language: share.language,
      title: labels.reportedTitle,
      description: text,
      canonicalUrl: links.page(share.slug),
      locale: ogLocale(share.language),
      siteName: labels.siteName,
      noindex: true,
    },
    html`<h1>${labels.reportedTitle}</h1>
      <p>${text}</p>
      <a href="/s/${share.slug}">←</a>`,
  );
}
