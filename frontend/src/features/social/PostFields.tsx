'use client';

import type { Post } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';

export interface PostFieldValues {
  caption: string;
  /** As typed: tags separated by commas. */
  tags: string;
  visibility: Post['visibility'];
}

/** The tags typed as "a, b, c", as the API takes them (at most 10). */
export function readPostTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
    .slice(0, 10);
}

/** What a post says besides its scenario, as publishing and editing both ask for it. */
export function PostFields({
  id,
  values,
  onChange,
}: {
  id: string;
  values: PostFieldValues;
  onChange: (values: PostFieldValues) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-caption`}>{t('social.caption')}</label>
        <textarea
          id={`${id}-caption`}
          rows={3}
          maxLength={500}
          value={values.caption}
          onChange={(event) => onChange({ ...values, caption: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('social.tagsField')}</label>
        <input
          id={`${id}-tags`}
          type="text"
          value={values.tags}
          onChange={(event) => onChange({ ...values, tags: event.target.value })}
        />
      </div>
      <fieldset className="options">
        <legend>{t('social.visibility')}</legend>
        {(['public', 'followers'] as const).map((value) => (
          <label key={value} className="chip">
            <input
              type="radio"
              name={`${id}-visibility`}
              checked={values.visibility === value}
              onChange={() => onChange({ ...values, visibility: value })}
            />
            <span>{t(`social.visibility.${value}`)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
