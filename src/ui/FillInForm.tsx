/**
 * Asks for the words a fix needs before it is applied (why a councillor is copied in): a short
 * list of usual reasons and a box for anything else, with the sentence as it will read. Nothing
 * is written into the draft until the user has given the words.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Suggestion } from '../engine/types.ts';
import { PanelButton } from './controls.tsx';
import { fillPlaceholders, placeholdersIn, sentenceAround, tidyWords, wordsProblem } from './placeholders.ts';
import { strings } from './strings.ts';

const OTHER = '__other__';

export interface FillInFormProps {
  suggestion: Suggestion;
  busy?: boolean;
  onApply(filled: Suggestion): void;
  onCancel(): void;
}

export function FillInForm({ suggestion, busy, onApply, onCancel }: FillInFormProps) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | undefined>();
  const first = useRef<HTMLInputElement>(null);
  const otherBox = useRef<HTMLInputElement>(null);
  const name = placeholdersIn(suggestion)[0] ?? 'reason';
  const sentence = sentenceAround(suggestion, name) ?? '';
  const words = choice === OTHER ? other : choice;
  const tidy = tidyWords(words);
  const preview = tidy ? sentence.replace(`[${name}]`, tidy) : sentence.replace(new RegExp(`\\[${name}\\]\\.?`), '…');

  useEffect(() => first.current?.focus(), []);

  function submit() {
    const problem = wordsProblem(words);
    if (problem) {
      setError(problem === 'placeholder' ? strings.reasonNoBrackets : choice === OTHER ? strings.reasonWriteOwn : strings.reasonChoose);
      (choice === OTHER ? otherBox.current : first.current)?.focus();
      return;
    }
    onApply(fillPlaceholders(suggestion, { [name]: words }));
  }

  return (
    <form
      className="pc-fill"
      aria-describedby={`${id}-preview`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset className="pc-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="pc-legend">{strings.reasonLegend}</legend>
        {error && (
          <p id={`${id}-error`} className="pc-field-error" role="alert">
            {error}
          </p>
        )}
        {strings.reasonChoices.map((c, i) => (
          <label key={c} className="pc-choice pc-touch">
            <input ref={i === 0 ? first : undefined} type="radio" name={`${id}-reason`} value={c} checked={choice === c} onChange={() => setChoice(c)} />
            <span>{c.charAt(0).toUpperCase() + c.slice(1)}</span>
          </label>
        ))}
        <label className="pc-choice pc-touch">
          <input
            type="radio"
            name={`${id}-reason`}
            value={OTHER}
            checked={choice === OTHER}
            onChange={() => {
              setChoice(OTHER);
              queueMicrotask(() => otherBox.current?.focus());
            }}
          />
          <span>{strings.reasonOther}</span>
        </label>
        {choice === OTHER && (
          <>
            <label htmlFor={`${id}-other`} className="pc-reason-label">
              {strings.reasonOwnLabel}
            </label>
            <input id={`${id}-other`} ref={otherBox} className="pc-reason pc-reason-line" value={other} onChange={(e) => setOther(e.currentTarget.value)} />
          </>
        )}
      </fieldset>
      <p id={`${id}-preview`} className="pc-caption pc-preview">
        {strings.willSay} “{preview}”
      </p>
      <div className="pc-row">
        <PanelButton className="pc-touch" type="submit" appearance="primary" disabled={busy}>
          {strings.applyPrefix}
        </PanelButton>
        <PanelButton className="pc-touch" type="button" appearance="secondary" onClick={onCancel}>
          {strings.cancel}
        </PanelButton>
      </div>
    </form>
  );
}
