import Form from 'next/form';
import styles from '@/components/charts/dashboard.module.css';
import { groupingLabel } from '@/lib/evaluation/group-rows';
import { metricInfo } from '@/lib/evaluation/metric-info';

interface BiasPickerProps {
  evaluations: { id: string; label: string }[];
  evaluationId: string;
  metrics: string[];
  metric: string;
  groupings: string[];
  grouping: string;
}

/** A GET form: the chosen evaluation, metric and attribute live in the URL, so a view can be shared. */
export function BiasPicker(props: BiasPickerProps) {
  return (
    <Form
      action="/bias"
      className={`panel panel__body ${styles.picker}`}
      aria-label="Choose what to break down"
    >
      <div className="field">
        <label htmlFor="bias-evaluation">Evaluation</label>
        <select className="select" id="bias-evaluation" name="evaluation" defaultValue={props.evaluationId}>
          {props.evaluations.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="bias-metric">Metric</label>
        <select className="select" id="bias-metric" name="metric" defaultValue={props.metric}>
          {props.metrics.map((m) => (
            <option key={m} value={m}>
              {metricInfo(m).label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="bias-by">Break down by</label>
        <select className="select" id="bias-by" name="by" defaultValue={props.grouping}>
          {props.groupings.map((g) => (
            <option key={g} value={g}>
              {groupingLabel(g)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary">
        Show
      </button>
    </Form>
  );
}
