import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type NewNotification,
  type NotificationItem,
  type NotificationType,
  addNotification,
  disabledTypes,
  forgetAccountNotifications,
  forgetCommentNotifications,
  forgetPostNotifications,
  listNotifications,
  markAllRead,
  markRead,
  setDisabledTypes,
  unreadState,
} from './notifications';
import type { Page } from './read-page';
import type { StoreContext } from './store-context';

/** Notifications, their unread count and preferences: the data access of src/notifications. */
export interface NotificationStore {
  add(notification: NewNotification): Promise<void>;
  list(request: {
    userId: string;
    limit: number;
    after?: string;
    unreadOnly: boolean;
  }): Promise<Page<NotificationItem>>;
  unread(userId: string): Promise<{ unread: number; version: number }>;
  markRead(userId: string, id: string): Promise<boolean>;
  markAllRead(userId: string): Promise<number>;
  disabledTypes(userId: string): Promise<Set<NotificationType>>;
  setDisabledTypes(userId: string, disabled: ReadonlySet<NotificationType>): Promise<void>;
  forgetPost(postId: string): Promise<number>;
  /** A deleted comment: the notifications of the mentions in it. */
  forgetComment(commentId: string): Promise<number>;
  forgetAccount(userId: string): Promise<number>;
}

export function createNotificationStore(
  documents: DynamoDBDocumentClient,
  tableName: string,
): NotificationStore {
  const context: StoreContext = { documents, tableName };
  return {
    add: (notification) => addNotification(context, notification, new Date()),
    list: (request) => listNotifications(context, request),
    unread: (userId) => unreadState(context, userId),
    markRead: (userId, id) => markRead(context, userId, id),
    markAllRead: (userId) => markAllRead(context, userId),
    disabledTypes: (userId) => disabledTypes(context, userId),
    setDisabledTypes: (userId, disabled) => setDisabledTypes(context, userId, disabled),
    forgetPost: (postId) => forgetPostNotifications(context, postId),
    forgetComment: (commentId) => forgetCommentNotifications(context, commentId),
    forgetAccount: (userId) => forgetAccountNotifications(context, userId),
  };
}
