import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { ApiProblem } from '@/api/problem';
import { PagedList, type PagedListState } from '@/components/usePagedList';
import { I18nProvider } from '@/i18n/I18nProvider';
import { catalogue } from '@/i18n/messages';

function state(overrides: Partial<PagedListState<string>>): PagedListState<string> {
  return {
    items: [],
    error: undefined,
    loading: false,
    hasMore: false,
    loadingMore: false,
    loadMore: () => undefined,
    ...overrides,
  };
}

function shown(list: PagedListState<string>) {
  return render(
    <I18nProvider locale="en" messages={catalogue('en')}>
      <PagedList list={list} empty="Nothing here yet.">
        {(items) => (
          <ul aria-label="Things">
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </PagedList>
    </I18nProvider>,
  );
}

describe('a paged list as every list page shows it', () => {
  test('says it is loading until the first page comes, and nothing else', () => {
    shown(state({ loading: true }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('says there is nothing when the list is empty', () => {
    shown(state({}));
    expect(screen.getByText('Nothing here yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });

  test('shows the items read so far, and "Load more" asks for the next page while there is one', async () => {
    const loadMore = vi.fn();
    const view = shown(state({ items: ['first', 'second'], hasMore: true, loadMore }));
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['first', 'second']);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(loadMore).toHaveBeenCalledTimes(1);

    view.unmount();
    shown(state({ items: ['first', 'second'], hasMore: true, loadingMore: true, loadMore }));
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
  });

  test('the last page has no "Load more"', () => {
    shown(state({ items: ['only'] }));
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a failed page says what went wrong, and the items read before stay', () => {
    shown(state({ items: ['first'], error: new ApiProblem({ type: '/problems/internal', status: 500 }) }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('first');
  });
});
