'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import { notificationTypes, type Notification, type NotificationPreferences } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { PagedList, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { useMemberNames } from '../social/Member';
import { notificationHref, notificationText } from './notification-text';
import { setUnreadCount } from './unread-count';

export function NotificationsPage() {
  return (
    <RequireSession>
      <Notifications />
    </RequireSession>
  );
}

/** The person's notifications, newest activity first: each says what happened and links to it. */
function Notifications() {
  const { t } = useI18n();
  const list = usePagedList<Notification>('/api/v1/social/notifications', { limit: 20 });
  const [error, setError] = useState<unknown>();
  const unread = list.items.some((item) => !item.read);
  const heading = useRef<HTMLHeadingElement>(null);
  const nameOf = useMemberNames(list.items.map((item) => item.actors.latest));
  const readAll = async () => {
    setError(undefined);
    try {
      await api('/api/v1/social/notifications/read', { method: 'POST' });
      setUnreadCount(0);
      await list.refresh();
      announce(t('notifications.allRead'));
      // The button goes once nothing is unread: the keyboard's place moves to the page's heading.
      heading.current?.focus();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('notifications.heading')}
      </h1>
      {unread ? (
        <p>
          <button type="button" className="button" onClick={() => void readAll()}>
            {t('notifications.markAllRead')}
          </button>
        </p>
      ) : null}
      {error ? <ProblemMessage error={error} /> : null}
      <PagedList list={list} empty={t('notifications.empty')}>
        {(items) => (
          <ul className="item-list" aria-label={t('notifications.listLabel')}>
            {items.map((item) => (
              <NotificationItem
                key={item.id}
                notification={item}
                who={nameOf(item.actors.latest)}
                onRead={() => void list.refresh()}
              />
            ))}
          </ul>
        )}
      </PagedList>
      <Preferences />
    </>
  );
}

function NotificationItem({
  notification,
  who,
  onRead,
}: {
  notification: Notification;
  who: string;
  onRead: () => void;
}) {
  const { t, dateTime } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  const text = notificationText(notification, who, t);
  const href = notificationHref(notification, path, session.user?.id);
  const markRead = () => {
    if (notification.read) return;
    void api(`/api/v1/social/notifications/${notification.id}/read`, { method: 'POST' })
      .then(onRead)
      .catch(() => undefined);
  };
  return (
    <li className={notification.read ? 'item' : 'item item-unread'}>
      <div className="item-main">
        <p>
          {notification.read ? null : <span className="visually-hidden">{t('notifications.unread')} </span>}
          {href ? (
            <Link href={href} onClick={markRead}>
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        <p className="item-meta">{dateTime(notification.updatedAt)}</p>
      </div>
    </li>
  );
}

/** Which kinds of notification arrive; each box saves on its own. */
function Preferences() {
  const { t } = useI18n();
  const key = '/api/v1/social/notifications/preferences';
  const preferences = useSWR<NotificationPreferences>(key, fetcher);
  const [error, setError] = useState<unknown>();
  const set = async (type: (typeof notificationTypes)[number], on: boolean) => {
    setError(undefined);
    try {
      const next = await api<NotificationPreferences>(key, {
        method: 'PUT',
        body: { types: { [type]: on } },
      });
      await preferences.mutate(next, { revalidate: false });
      announce(t('notifications.preferencesSaved'));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section className="card" aria-labelledby="notification-preferences">
      <h2 id="notification-preferences">{t('notifications.preferences')}</h2>
      {preferences.error ? <ProblemMessage error={preferences.error} /> : null}
      {preferences.data ? (
        <fieldset className="options">
          <legend>{t('notifications.preferencesLegend')}</legend>
          {notificationTypes.map((type) => (
            <label key={type} className="chip">
              <input
                type="checkbox"
                checked={preferences.data?.types[type] ?? true}
                onChange={(event) => void set(type, event.target.checked)}
              />
              <span>{t(`notifications.type.${type}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? <ProblemMessage error={error} /> : null}
    </section>
  );
}
