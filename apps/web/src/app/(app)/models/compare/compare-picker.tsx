import Form from 'next/form';
import styles from '@/components/charts/dashboard.module.css';

interface ComparePickerProps {
  models: { id: string; name: string }[];
  versions: { id: string; label: string }[];
  a: string;
  b: string;
  version: string;
  split: string;
}

export function ComparePicker({ models, versions, a, b, version, split }: ComparePickerProps) {
  const select = (
    id: string,
    name: string,
    label: string,
    value: string,
    options: { id: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select className="select" id={id} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const modelOptions = models.map((m) => ({ id: m.id, label: m.name }));
  return (
    <Form
      action="/models/compare"
      className={`panel panel__body ${styles.picker}`}
      aria-label="Choose two models"
    >
      {select('compare-a', 'a', 'Model A', a, modelOptions)}
      {select('compare-b', 'b', 'Model B', b, modelOptions)}
      {select('compare-version', 'version', 'Dataset version', version, versions)}
      {select(
        'compare-split',
        'split',
        'Split',
        split,
        ['TEST', 'VAL', 'TRAIN'].map((s) => ({ id: s, label: s.toLowerCase() })),
      )}
      <button type="submit" className="button button--primary">
        Compare
      </button>
    </Form>
  );
}
