'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import useSWRInfinite from 'swr/infinite';
import { api, fetcher, query } from '@/api/client';
import {
  categories,
  type BulkAction,
  type BulkResults,
  type Category,
  type Language,
  type Page,
  type ScenarioSummary,
} from '@/api/types';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { Toast, type ToastMessage } from '@/components/Toast';
import { useI18n } from '@/i18n/I18nProvider';
import { localeNames, locales } from '@/i18n/locales';
import { useLocalePath } from '@/i18n/useLocalePath';

const pageSize = 20;

interface Filters {
  q: string;
  category: Category | '';
  language: Language | '';
  favorite: '' | 'true' | 'false';
  tag: string;
}

/** The value after the person stopped typing for a moment. */
function useSettled<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function HistoryPage() {
  return (
    <RequireSession>
      <History />
    </RequireSession>
  );
}

function History() {
  const { t, date } = useI18n();
  const path = useLocalePath();
  const [filters, setFilters] = useState<Filters>({
    q: '',
    category: '',
    language: '',
    favorite: '',
    tag: '',
  });
  const settled = useSettled(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tagInput, setTagInput] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [bulkError, setBulkError] = useState<unknown>();
  const sentinel = useRef<HTMLDivElement>(null);

  const pages = useSWRInfinite<Page<ScenarioSummary>>(
    (index, previous: Page<ScenarioSummary> | null) => {
      if (previous && !previous.nextCursor) return null;
      return `/api/v1/scenarios${query({
        limit: pageSize,
        cursor: previous?.nextCursor,
        q: settled.q.trim(),
        category: settled.category,
        language: settled.language,
        favorite: settled.favorite,
        tag: settled.tag.trim(),
      })}`;
    },
    fetcher,
    { revalidateFirstPage: false },
  );
  const items = useMemo(() => (pages.data ?? []).flatMap((page) => page.items), [pages.data]);
  const last = pages.data?.[pages.data.length - 1];
  const hasMore = Boolean(last?.nextCursor);
  const loadingMore = pages.isValidating && pages.size > (pages.data?.length ?? 0);

  // Load more when the end of the list scrolls into view; the button does the same by keyboard.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !pages.isValidating)
        void pages.setSize(pages.size + 1);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, pages]);

  useEffect(() => setSelected(new Set()), [settled]);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));

  const bulk = async (action: BulkAction, ids: string[], tags?: string[]) => {
    const answer = await api<BulkResults>('/api/v1/scenarios/bulk', {
      method: 'POST',
      body: { action, ids, ...(tags ? { tags } : {}) },
    });
    await pages.mutate();
    return answer.results.filter((result) => result.status === 'ok').length;
  };

  const run = async (action: BulkAction) => {
    const ids = [...selected];
    if (ids.length === 0) return;
    const before = new Map(items.filter((item) => selected.has(item.id)).map((item) => [item.id, item]));
    const tag = tagInput.trim().toLowerCase();
    if ((action === 'tag' || action === 'untag') && !tag) return;
    setBulkError(undefined);
    try {
      const done = await bulk(action, ids, action === 'tag' || action === 'untag' ? [tag] : undefined);
      const text = t(`history.bulkDone.${action}`, { count: done });
      announce(text);
      setSelected(new Set());
      // Undo restores what each scenario was before, where the API can.
      let undo: (() => void) | undefined;
      if (action === 'favorite' || action === 'unfavorite') {
        const changed = ids.filter((id) => before.get(id)?.favorite !== (action === 'favorite'));
        undo = () => void bulk(action === 'favorite' ? 'unfavorite' : 'favorite', changed);
      } else if (action === 'tag' || action === 'untag') {
        const changed = ids.filter(
          (id) => (before.get(id)?.tags.includes(tag) ?? false) === (action === 'untag'),
        );
        undo = () => void bulk(action === 'tag' ? 'untag' : 'tag', changed, [tag]);
      }
      setToast({ id: Date.now(), text, undo });
    } catch (failure) {
      setBulkError(failure);
    }
  };

  const filtered = Boolean(
    settled.q || settled.category || settled.language || settled.favorite || settled.tag,
  );

  return (
    <div>
      <h1>{t('history.heading')}</h1>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="history-search">{t('history.search')}</label>
          <input
            id="history-search"
            type="search"
            value={filters.q}
            maxLength={100}
            onChange={(event) => setFilters({ ...filters, q: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="history-category">{t('ask.category')}</label>
          <select
            id="history-category"
            value={filters.category}
            onChange={(event) => setFilters({ ...filters, category: event.target.value as Category | '' })}
          >
            <option value="">{t('category.any')}</option>
            {categories.map((value) => (
              <option key={value} value={value}>
                {t(`category.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-language">{t('history.language')}</label>
          <select
            id="history-language"
            value={filters.language}
            onChange={(event) => setFilters({ ...filters, language: event.target.value as Language | '' })}
          >
            <option value="">{t('history.languageAny')}</option>
            {locales.map((value) => (
              <option key={value} value={value} lang={value}>
                {localeNames[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-favorite">{t('history.favourites')}</label>
          <select
            id="history-favorite"
            value={filters.favorite}
            onChange={(event) =>
              setFilters({ ...filters, favorite: event.target.value as Filters['favorite'] })
            }
          >
            <option value="">{t('history.favouritesAll')}</option>
            <option value="true">{t('history.favouritesOnly')}</option>
            <option value="false">{t('history.favouritesOthers')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-tag">{t('history.tag')}</label>
          <input
            id="history-tag"
            type="text"
            maxLength={40}
            value={filters.tag}
            onChange={(event) => setFilters({ ...filters, tag: event.target.value })}
          />
        </div>
      </form>

      {pages.error ? <ProblemMessage error={pages.error} /> : null}
      {!pages.data && !pages.error ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {pages.data && items.length === 0 && !hasMore ? (
        <div className="notice">
          <p>{filtered ? t('history.noMatches') : t('history.empty')}</p>
          {!filtered ? <Link href={path('/')}>{t('history.askFirst')}</Link> : null}
        </div>
      ) : null}

      {items.length > 0 ? (
        <>
          <p className="field-hint" role="status">
            {t('history.shown', { count: items.length })}
          </p>
          <label className="chip">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))}
            />
            <span>{t('history.selectAll')}</span>
          </label>
          <ul className="item-list" aria-label={t('history.listLabel')}>
            {items.map((item) => (
              <li key={item.id} className="item">
                <input
                  type="checkbox"
                  id={`select-${item.id}`}
                  checked={selected.has(item.id)}
                  onChange={() => toggle(item.id)}
                  aria-label={t('history.select', { title: item.title })}
                />
                <div className="item-main">
                  <Link
                    className="item-title"
                    href={`${path('/scenario')}?id=${encodeURIComponent(item.id)}`}
                  >
                    {item.title}
                  </Link>
                  <p className="item-meta">
                    {item.favorite ? `★ ${t('history.favourite')} · ` : ''}
                    {t(`category.${item.category}`)} · {date(item.createdAt)}
                    {item.parent ? ` · ${t('history.continuation')}` : ''}
                  </p>
                  <p className="item-meta" lang={item.language}>
                    {item.question}
                  </p>
                  {item.tags.length > 0 ? (
                    <ul className="tags" aria-label={t('section.tags')}>
                      {item.tags.map((tag) => (
                        <li key={tag}>{tag}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div ref={sentinel} />
      {hasMore ? (
        <button
          type="button"
          className="button"
          disabled={loadingMore}
          onClick={() => void pages.setSize(pages.size + 1)}
        >
          {loadingMore ? t('common.loading') : t('history.loadMore')}
        </button>
      ) : null}

      {selected.size > 0 ? (
        <div className="bulk-bar" role="region" aria-label={t('history.bulkLabel')}>
          <strong>{t('history.selected', { count: selected.size })}</strong>
          <button type="button" className="button button-small" onClick={() => void run('favorite')}>
            {t('history.bulk.favorite')}
          </button>
          <button type="button" className="button button-small" onClick={() => void run('unfavorite')}>
            {t('history.bulk.unfavorite')}
          </button>
          <label htmlFor="bulk-tag" className="visually-hidden">
            {t('history.bulkTagLabel')}
          </label>
          <input
            id="bulk-tag"
            type="text"
            maxLength={40}
            placeholder={t('history.bulkTagLabel')}
            value={tagInput}
            onChange={(event) => setTagInput(event.target.value)}
          />
          <button
            type="button"
            className="button button-small"
            disabled={!tagInput.trim()}
            onClick={() => void run('tag')}
          >
            {t('history.bulk.tag')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!tagInput.trim()}
            onClick={() => void run('untag')}
          >
            {t('history.bulk.untag')}
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => setConfirmDelete(true)}
          >
            {t('history.bulk.delete')}
          </button>
        </div>
      ) : null}
      {bulkError ? <ProblemMessage error={bulkError} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('history.deleteTitle', { count: selected.size })}
        confirmLabel={t('history.bulk.delete')}
        danger
        onConfirm={() => {
          setConfirmDelete(false);
          void run('delete');
        }}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('history.deleteLede')}</p>
      </ConfirmDialog>
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  );
}
