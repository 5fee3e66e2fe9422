'use client';

import { type ReactNode, useMemo } from 'react';
import useSWRInfinite from 'swr/infinite';
import { fetcher, query } from '@/api/client';
import type { Page } from '@/api/types';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';

/**
 * A cursor-paged list (`{items, nextCursor}`) read page by page. `path` null waits (no
 * session yet); `params` are added to every page's query.
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(
  path: string | null,
  params: Record<string, string | number> = {},
) {
  const pages = useSWRInfinite<P>(
    (index, previous: P | null) => {
      if (!path || (previous && !previous.nextCursor)) return null;
      return `${path}${query({ ...params, cursor: previous?.nextCursor ?? undefined })}`;
    },
    fetcher,
    { revalidateFirstPage: false },
  );
  const items = useMemo(() => (pages.data ?? []).flatMap((page) => page.items), [pages.data]);
  const last = pages.data?.[pages.data.length - 1];
  return {
    items,
    /** The first page as it came, for what a list says besides its items. */
    first: pages.data?.[0],
    error: pages.error as unknown,
    loading: !pages.data && !pages.error,
    hasMore: Boolean(last?.nextCursor),
    loadingMore: pages.isValidating && pages.size > (pages.data?.length ?? 0),
    loadMore: () => void pages.setSize(pages.size + 1),
    refresh: () => pages.mutate(),
  };
}

/** What a page shows of a paged list (what usePagedList answers). */
export interface PagedListState<T> {
  items: T[];
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * A paged list as every list page shows it: the problem when a page failed, "Loading…" until
 * the first page comes, `empty` when there is nothing, else `children` with the items read so
 * far, and "Load more" under them while there is more.
 */
export function PagedList<T>({
  list,
  empty,
  children,
}: {
  list: PagedListState<T>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {list.error ? <ProblemMessage error={list.error} /> : null}
      {list.loading ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="notice">{empty}</p>
      ) : (
        children(list.items)
      )}
      <LoadMore list={list} />
    </>
  );
}

/** "Load more" under a paged list, while there is more. */
export function LoadMore({
  list,
}: {
  list: Pick<PagedListState<unknown>, 'hasMore' | 'loadingMore' | 'loadMore'>;
}) {
  const { t } = useI18n();
  if (!list.hasMore) return null;
  return (
    <p>
      <button type="button" className="button" disabled={list.loadingMore} onClick={list.loadMore}>
        {list.loadingMore ? t('common.loading') : t('common.loadMore')}
      </button>
    </p>
  );
}
