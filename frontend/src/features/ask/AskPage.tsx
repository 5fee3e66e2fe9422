'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, query } from '@/api/client';
import {
  categories,
  lengths,
  tones,
  type Category,
  type Language,
  type Length,
  type SavedScenario,
  type ScenarioRequest,
  type Suggestions,
  type Tone,
} from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { ScenarioBody } from '@/features/scenario/ScenarioBody';
import { useScenarioStream } from './useScenarioStream';

const questionMin = 10;
const questionMax = 500;

interface Continuation {
  id: string;
  title: string;
  timelineIndex: number;
  when: string;
}

function randomItem<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

export function AskPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const path = useLocalePath();
  const ids = useId();
  const questionBox = useRef<HTMLTextAreaElement>(null);
  const [question, setQuestion] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [tone, setTone] = useState<Tone>('serious');
  const [length, setLength] = useState<Length>('standard');
  const [language, setLanguage] = useState<Language | ''>('');
  const [questionError, setQuestionError] = useState<string>();
  const [continuation, setContinuation] = useState<Continuation | null>(null);
  const [favorite, setFavorite] = useState(false);
  const [favoriteError, setFavoriteError] = useState<unknown>();

  // A plain request rather than SWR: this page has the tightest JavaScript budget.
  const [suggestions, setSuggestions] = useState<Suggestions>();
  useEffect(() => {
    let current = true;
    api<Suggestions>(`/api/v1/scenarios/suggestions${query({ language: locale, perCategory: 3 })}`).then(
      (answer) => current && setSuggestions(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [locale]);

  const { state, start, stop } = useScenarioStream({
    onMeta: () => announce(t('ask.live.started')),
    onSection: (name) => announce(t('ask.live.section', { section: t(`section.${name}`) })),
    onRestart: () => announce(t('ask.live.restart')),
    onDone: (scenario) => {
      setFavorite(false);
      announce(t('ask.live.done', { title: scenario.title }));
    },
  });
  const streaming = state.phase === 'streaming';

  // "What if, then…" from a scenario's page arrives as ?continue=<id>&from=<index>. Read after
  // hydration, so the page itself stays prerendered.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const continueId = params.get('continue');
    const continueFrom = Number(params.get('from'));
    if (!continueId || !Number.isInteger(continueFrom) || session.status !== 'signed-in') return;
    let cancelled = false;
    void api<SavedScenario>(`/api/v1/scenarios/${encodeURIComponent(continueId)}`).then(
      (parent) => {
        const entry = parent.timeline[continueFrom];
        if (cancelled || !entry) return;
        setContinuation({
          id: parent.id,
          title: parent.title,
          timelineIndex: continueFrom,
          when: entry.when,
        });
        questionBox.current?.focus();
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [session.status]);

  const request = (text: string): ScenarioRequest => ({
    question: text,
    tone,
    length,
    ...(category ? { category } : {}),
    ...(language ? { language } : {}),
    ...(continuation ? { parentId: continuation.id, timelineIndex: continuation.timelineIndex } : {}),
  });

  const ask = (text: string) => {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    if (trimmed.length < questionMin) {
      setQuestionError(t('ask.questionTooShort', { min: questionMin }));
      questionBox.current?.focus();
      return;
    }
    setQuestionError(undefined);
    setFavoriteError(undefined);
    void start(request(trimmed));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    ask(question);
  };

  const pool = (suggestions?.categories ?? []).filter((entry) => !category || entry.category === category);
  const surprise = () => {
    const picked = randomItem(pool.flatMap((entry) => entry.questions));
    if (!picked) return;
    setQuestion(picked);
    ask(picked);
  };

  const branch = (timelineIndex: number) => {
    const scenario = state.scenario;
    const entry = scenario?.timeline[timelineIndex];
    if (!scenario || !entry) return;
    setContinuation({ id: scenario.id, title: scenario.title, timelineIndex, when: entry.when });
    setQuestion('');
    questionBox.current?.focus();
    questionBox.current?.scrollIntoView?.({ block: 'center' });
  };

  const toggleFavorite = async () => {
    const scenario = state.scenario;
    if (!scenario) return;
    try {
      await api(`/api/v1/scenarios/${encodeURIComponent(scenario.id)}`, {
        method: 'PATCH',
        body: { favorite: !favorite },
      });
      setFavorite(!favorite);
      setFavoriteError(undefined);
      announce(favorite ? t('scenario.unfavorited') : t('scenario.favorited'));
    } catch (error) {
      setFavoriteError(error);
    }
  };

  const signedIn = session.status === 'signed-in';
  const saved = signedIn && state.phase === 'done' && state.scenario;

  return (
    <div className="ask">
      <section className="ask-hero" aria-labelledby="ask-heading">
        <h1 id="ask-heading">{t('ask.heading')}</h1>
        <p className="lede">{t('ask.lede')}</p>
      </section>

      <form className="ask-form" onSubmit={onSubmit} noValidate aria-describedby={`${ids}-quota`}>
        {continuation ? (
          <div className="continuation" role="status">
            <p>{t('ask.continuing', { title: continuation.title, when: continuation.when })}</p>
            <button type="button" className="button button-small" onClick={() => setContinuation(null)}>
              {t('ask.continuingCancel')}
            </button>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="question">{continuation ? t('ask.questionThen') : t('ask.questionLabel')}</label>
          <textarea
            id="question"
            ref={questionBox}
            name="question"
            rows={3}
            maxLength={questionMax}
            value={question}
            placeholder={t('ask.questionPlaceholder')}
            aria-describedby={`${ids}-count${questionError ? ` ${ids}-error` : ''}`}
            aria-invalid={questionError ? true : undefined}
            onChange={(event) => setQuestion(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) onSubmit(event);
            }}
          />
          <p className="field-hint" id={`${ids}-count`}>
            {t('ask.characters', { count: question.length, max: questionMax })}
          </p>
          {questionError ? (
            <p className="field-error" id={`${ids}-error`} role="alert">
              {questionError}
            </p>
          ) : null}
        </div>

        <fieldset className="chips">
          <legend>{t('ask.category')}</legend>
          {(['', ...categories] as const).map((value) => (
            <label key={value || 'any'} className="chip">
              <input
                type="radio"
                name="category"
                value={value}
                checked={category === value}
                onChange={() => setCategory(value)}
              />
              <span>{value ? t(`category.${value}`) : t('category.any')}</span>
            </label>
          ))}
        </fieldset>

        <div className="options">
          <div className="field">
            <label htmlFor="tone">{t('ask.tone')}</label>
            <select id="tone" value={tone} onChange={(event) => setTone(event.target.value as Tone)}>
              {tones.map((value) => (
                <option key={value} value={value}>
                  {t(`tone.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="length">{t('ask.length')}</label>
            <select id="length" value={length} onChange={(event) => setLength(event.target.value as Length)}>
              {lengths.map((value) => (
                <option key={value} value={value}>
                  {t(`length.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="language">{t('ask.language')}</label>
            <select
              id="language"
              value={language}
              onChange={(event) => setLanguage(event.target.value as Language | '')}
            >
              <option value="">{t('ask.languageAuto')}</option>
              <option value="en" lang="en">
                English
              </option>
              <option value="vi" lang="vi">
                Tiếng Việt
              </option>
            </select>
          </div>
        </div>

        <div className="form-actions">
          {streaming ? (
            <button type="button" className="button button-danger" onClick={stop}>
              {t('ask.stop')}
            </button>
          ) : (
            <button type="submit" className="button button-primary">
              {t('ask.submit')}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={surprise}
            disabled={streaming || pool.length === 0}
          >
            {t('ask.surprise')}
          </button>
        </div>
        <p className="field-hint" id={`${ids}-quota`}>
          {signedIn ? t('ask.savedHint') : t('ask.anonymousHint')}
        </p>
      </form>

      {state.phase === 'idle' && pool.length > 0 ? (
        <section className="suggestions" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{t('ask.suggestions')}</h2>
          <ul>
            {pool.flatMap((entry) =>
              entry.questions.map((text) => (
                <li key={text}>
                  <button type="button" className="suggestion" onClick={() => setQuestion(text)}>
                    <span className="suggestion-category">{t(`category.${entry.category}`)}</span>
                    {text}
                  </button>
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}

      {state.phase !== 'idle' ? (
        <article className="result" aria-busy={streaming} aria-labelledby="result-heading">
          <h2 id="result-heading" className="visually-hidden">
            {t('ask.result')}
          </h2>
          {state.meta ? (
            <p className="result-question">
              <span className="visually-hidden">{t('ask.yourQuestion')} </span>
              {state.meta.question}
            </p>
          ) : null}
          {streaming ? (
            <p className="stream-status" role="status">
              {state.restarts > 0 ? t('ask.restarted') : t('ask.writing')}
              {state.receivedCharacters > 0
                ? ` ${t('ask.received', { count: state.receivedCharacters })}`
                : ''}
            </p>
          ) : null}
          {state.phase === 'stopped' ? <p className="notice">{t('ask.stopped')}</p> : null}
          {state.phase === 'failed' ? <ProblemMessage error={state.error} /> : null}
          <ScenarioBody
            content={state.sections}
            streaming={streaming}
            onBranch={saved ? branch : undefined}
          />
          {state.phase === 'done' && state.scenario ? (
            <div className="result-actions">
              {saved ? (
                <>
                  <button type="button" className="button" aria-pressed={favorite} onClick={toggleFavorite}>
                    {favorite ? t('scenario.unfavorite') : t('scenario.favorite')}
                  </button>
                  <Link
                    className="button"
                    href={`${path('/scenario')}?id=${encodeURIComponent(state.scenario.id)}`}
                  >
                    {t('ask.open')}
                  </Link>
                  <Link
                    className="button"
                    href={`${path('/scenario')}?id=${encodeURIComponent(state.scenario.id)}&action=share`}
                  >
                    {t('scenario.share')}
                  </Link>
                </>
              ) : null}
              <button
                type="button"
                className="button"
                onClick={() => state.request && void start({ ...state.request, regenerate: true })}
              >
                {t('ask.regenerate')}
              </button>
              {!signedIn ? (
                <p className="field-hint">
                  <Link href={`${path('/sign-in')}?next=${encodeURIComponent(path('/'))}`}>
                    {t('ask.signInToKeep')}
                  </Link>
                </p>
              ) : null}
              {favoriteError ? <ProblemMessage error={favoriteError} /> : null}
            </div>
          ) : null}
          {state.phase === 'done' && state.scenario ? (
            <p className="provenance">
              {t('scenario.provenance', {
                provider: state.scenario.provenance.provider,
                model: state.scenario.provenance.model,
              })}
            </p>
          ) : null}
        </article>
      ) : null}
    </div>
  );
}
