/**
 * A progress line with count, rate and ETA: redrawn in place on a terminal, one plain line every few seconds
 * otherwise (logs, CI).
 */
export interface ProgressBar {
  update(done: number, total?: number): void;
  stop(message?: string): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600 ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`;
}

export function createProgressBar(label: string, options: { stream?: NodeJS.WriteStream; unit?: string } = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const unit = options.unit ?? 'items';
  const interactive = Boolean(stream.isTTY);
  const started = Date.now();
  let firstDone: number | null = null;
  let lastPlain = 0;
  let lastLine = '';
  const render = (done: number, total?: number) => {
    firstDone ??= done;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? (done - firstDone) / elapsed : 0;
    const eta = total !== undefined && rate > 0 ? (total - done) / rate : Number.NaN;
    const width = 24;
    const fraction = total ? Math.min(1, done / total) : 0;
    const bar = total ? `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ` : '';
    const count = total ? `${done}/${total}` : `${done}`;
    return `${label} ${bar}${count} ${unit}  ${rate.toFixed(1)} ${unit}/s  ETA ${formatDuration(eta)}`;
  };
  return {
    update(done, total) {
      lastLine = render(done, total);
      if (interactive) stream.write(`\r\x1b[2K${lastLine}`);
      else if (Date.now() - lastPlain > 5000 || done === total) {
        lastPlain = Date.now();
        stream.write(`${lastLine}\n`);
      }
    },
    stop(message) {
      if (interactive) stream.write(`\r\x1b[2K${message ?? lastLine}\n`);
      else if (message) stream.write(`${message}\n`);
    },
  };
}
