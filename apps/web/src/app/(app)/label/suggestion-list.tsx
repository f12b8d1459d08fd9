import { describeMargin } from '@/lib/labelling/workbench-state';
import styles from './label.module.css';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The model's best codes, each with its key (1-9) and probability, and how sure the model is in words. */
export function SuggestionList({
  suggestion,
  highlighted,
  names,
  onPick,
}: {
  suggestion: { code: string; probability: number }[];
  highlighted: number;
  names: Map<string, string>;
  onPick: (code: string) => void;
}) {
  return (
    <section className="panel" aria-labelledby="suggestion-title">
      <div className="panel__header">
        <h2 id="suggestion-title">Model suggestion</h2>
      </div>
      <div className="panel__body">
        <p className="muted" data-testid="label-uncertainty">
          {describeMargin(suggestion)}
        </p>
        <ol className={styles.suggestions}>
          {suggestion.map((item, index) => (
            <li key={item.code}>
              <button
                type="button"
                className={index === highlighted ? styles.suggestionActive : styles.suggestion}
                onClick={() => onPick(item.code)}
                data-testid="suggestion"
                data-code={item.code}
              >
                <kbd>{index + 1}</kbd>
                <span className={styles.suggestionName}>
                  {names.get(item.code) ?? item.code} <span className="muted mono">{item.code}</span>
                </span>
                <span className={styles.track} aria-hidden="true">
                  <span
                    className={styles.fill}
                    style={{ width: `${Math.max(item.probability * 100, 0.5)}%` }}
                  />
                </span>
                <span className="mono">{percent(item.probability)}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
