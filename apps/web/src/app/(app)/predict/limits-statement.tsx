import styles from './predict.module.css';

/** Always on screen, before and beside every result: the model supports a decision, it does not make one. */
export function LimitsStatement() {
  return (
    <aside className={`notice ${styles.limits}`} data-testid="model-limits" aria-label="Limits of the model">
      <h2 className={styles.limitsTitle}>Decision support only — not validated for clinical use</h2>
      <ul>
        <li>
          The output is a research model's estimate, not a diagnosis. It has not been validated in a clinical
          study and must not replace your examination, dermoscopy or histopathology.
        </li>
        <li>
          It only knows the classes it was trained on and the populations in its training data; it can be
          confidently wrong on an unusual lesion, a poor image or an under-represented skin type.
        </li>
        <li>
          Automation bias is real: clinicians follow wrong AI advice, and the least experienced follow it most
          (Tschandl et al., <cite>Human–computer collaboration for skin cancer recognition</cite>, Nature
          Medicine 2020). Form your own impression first.
        </li>
      </ul>
    </aside>
  );
}
