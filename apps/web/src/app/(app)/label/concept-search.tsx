'use client';

import { type KeyboardEvent, type Ref, useState } from 'react';
import styles from './label.module.css';

const SHOWN = 8;

/** Typing searches the whole taxonomy by code or name; arrows choose, Enter labels, Escape goes back to the keys. */
export function ConceptSearch({
  ref,
  text,
  onText,
  concepts,
  onPick,
}: {
  ref: Ref<HTMLInputElement>;
  /** Held by the workbench: a letter typed anywhere starts the search. */
  text: string;
  onText: (text: string) => void;
  concepts: { code: string; name: string }[];
  onPick: (code: string) => void;
}) {
  const [picked, setChosen] = useState(0);
  const needle = text.trim().toLowerCase();
  const matches = needle
    ? concepts
        .filter((c) => c.code.toLowerCase().includes(needle) || c.name.toLowerCase().includes(needle))
        .slice(0, SHOWN)
    : [];
  // The text may change from outside (a letter typed on the page): keep the choice within the matches.
  const chosen = Math.min(picked, Math.max(matches.length - 1, 0));
  const pick = (code: string, input: HTMLInputElement | null) => {
    onPick(code);
    onText('');
    setChosen(0);
    input?.blur();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const by = event.key === 'ArrowDown' ? 1 : -1;
      if (matches.length) setChosen((chosen + by + matches.length) % matches.length);
    } else if (event.key === 'Enter' && matches[chosen]) {
      event.preventDefault();
      pick(matches[chosen]!.code, event.currentTarget);
    } else if (event.key === 'Escape') {
      onText('');
      event.currentTarget.blur();
    }
  };
  return (
    <div className={styles.search}>
      <label className="field-label" htmlFor="concept-search">
        Another diagnosis: type its code or name
      </label>
      <input
        id="concept-search"
        ref={ref}
        className="input"
        type="search"
        autoComplete="off"
        placeholder="Type a code or a name"
        value={text}
        onChange={(event) => {
          onText(event.target.value);
          setChosen(0);
        }}
        onKeyDown={onKeyDown}
      />
      {matches.length ? (
        <ul className={styles.matches} data-testid="concept-matches">
          {matches.map((concept, index) => (
            <li key={concept.code}>
              <button
                type="button"
                className={index === chosen ? styles.suggestionActive : styles.suggestion}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(concept.code, null)}
                data-testid="concept-match"
                data-code={concept.code}
              >
                <span className={styles.suggestionName}>
                  {concept.name} <span className="muted mono">{concept.code}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : needle ? (
        <p className="muted">No diagnosis matches "{text.trim()}".</p>
      ) : null}
    </div>
  );
}
