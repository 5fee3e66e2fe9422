import type { ShareLinks } from './links';
import { type ShareItem, shareState } from './store/records';

/** A share as its owner sees it through the API (openapi.yaml, `Share`). */
export interface ShareView {
  slug: string;
  url: string;
  qrCodeUrl: string;
  qrCodeSvgUrl: string;
  imageUrl: string;
  scenarioId: string;
  scenarioTitle: string;
  language: ShareItem['language'];
  title: string | null;
  description: string | null;
  hasPassword: boolean;
  visibility: ShareItem['visibility'];
  expiresAt: string | null;
  status: ReturnType<typeof shareState>;
  revokedAt: string | null;
  moderation: ShareItem['moderation'];
  views: number;
  createdAt: string;
  updatedAt: string;
}

export function shareView(item: ShareItem, links: ShareLinks, now: Date): ShareView {
  return {
    slug: item.slug,
    url: links.page(item.slug),
    qrCodeUrl: links.qrPng(item.slug),
    qrCodeSvgUrl: links.qrSvg(item.slug),
    imageUrl: links.ogImage(item.slug),
    scenarioId: item.scenarioId,
    scenarioTitle: item.scenarioTitle,
    language: item.language,
    title: item.title ?? null,
    description: item.description ?? null,
    hasPassword: item.passwordHash !== undefined,
    visibility: item.visibility,
    expiresAt: item.linkExpiresAt ?? null,
    status: shareState(item, now),
    revokedAt: item.revokedAt ?? null,
    moderation: item.moderation,
    views: item.viewCount,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
