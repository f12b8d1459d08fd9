'use client';

import { useEffect, useReducer, useRef, useState } from 'react';
import type { LabellingTaskFields } from '@/lib/labelling/labelling-queries';
import type { QueueRequest } from '@/lib/labelling/queue-request';
import {
  commandForKey,
  initialState,
  type Outcome,
  reduce,
  undoTarget,
  type WorkbenchState,
} from '@/lib/labelling/workbench-state';
import { loadQueuePage, submitLabelAction, undoLabelAction } from './actions';
import { ConceptSearch } from './concept-search';
import { ImageViewer } from './image-viewer';
import styles from './label.module.css';
import { SuggestionList } from './suggestion-list';
import { TaskContext } from './task-context';
import { useHeatmap } from './use-heatmap';

type Task = LabellingTaskFields & { imageId: string };
type Concept = { code: string; name: string };

// Fetch the next page while this many open images are still ahead, so the reader never waits.
const PREFETCH_AHEAD = 2;
const counts = (outcome: Outcome | null) => outcome === 'LABELLED' || outcome === 'UNSURE';

export function LabelWorkbench(props: {
  request: QueueRequest;
  initialTasks: LabellingTaskFields[];
  initialCursor: string | null;
  labelledToday: number;
  concepts: Concept[];
}) {
  const [state, dispatch] = useReducer(
    reduce<Task>,
    props.initialTasks.map((task) => ({ ...task, imageId: task.image.id })),
    (tasks): WorkbenchState<Task> => initialState(tasks),
  );
  const [labelledToday, setLabelledToday] = useState(props.labelledToday);
  const [cursor, setCursor] = useState(props.initialCursor);
  const [loading, setLoading] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const [searchText, setSearchText] = useState('');
  // Answers go to the API one after another, in the order given, while the reader moves on.
  const chain = useRef(Promise.resolve());
  const enqueue = (work: () => Promise<void>) => {
    chain.current = chain.current.then(work).catch(() => {
      dispatch({
        type: 'message',
        message: 'The server did not answer; reload the page to see what was saved.',
      });
    });
  };
  const names = new Map(props.concepts.map((concept) => [concept.code, concept.name]));
  const task = state.tasks[state.current] ?? null;
  // A blind read hides the model's view along with its suggestion.
  const [heatmapOn, setHeatmapOn] = useState(false);
  const heatmap = useHeatmap(props.request.blind ? null : (task?.imageId ?? null), heatmapOn);
  const toggleHeatmap = () => setHeatmapOn((on) => !on);

  function answer(target: Task, outcome: Outcome, code: string | null) {
    dispatch({ type: 'answer', imageId: target.imageId, outcome, code });
    enqueue(async () => {
      const suggestionShown = !props.request.blind && target.suggestion.length > 0;
      const input = { imageId: target.imageId, outcome, code, suggestionShown };
      const result = await submitLabelAction(input);
      if (!result.ok) {
        const restore = { outcome: null, code: null };
        return dispatch({ type: 'failed', imageId: target.imageId, restore, message: result.message });
      }
      dispatch({ type: 'settled' });
      if (counts(outcome)) setLabelledToday((n) => n + 1);
    });
  }

  function undo() {
    const target = undoTarget(state);
    if (!target) return dispatch({ type: 'message', message: 'Nothing to undo yet.' });
    const restore = { outcome: target.outcome, code: target.code };
    dispatch({ type: 'undo', imageId: target.imageId });
    enqueue(async () => {
      const result = await undoLabelAction(target.imageId);
      if (!result.ok)
        return dispatch({ type: 'failed', imageId: target.imageId, restore, message: result.message });
      dispatch({ type: 'settled' });
      if (counts(restore.outcome)) setLabelledToday((n) => n - 1);
    });
  }

  function give(outcome: Outcome, code: string | null) {
    if (!task) return;
    if (task.outcome) {
      dispatch({ type: 'message', message: 'You answered this image already: press z to undo it first.' });
      return;
    }
    answer(task, outcome, code);
  }

  function onKey(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
    const command = commandForKey(event.key);
    if (!command) return;
    event.preventDefault();
    const suggestion = (!props.request.blind && task?.suggestion) || [];
    const highlighted = suggestion[state.highlighted]?.code ?? null;
    switch (command.type) {
      case 'pick':
        if (suggestion[command.index]) give('LABELLED', suggestion[command.index]!.code);
        break;
      case 'pickHighlighted':
        if (highlighted) give('LABELLED', highlighted);
        break;
      case 'unsure':
        give('UNSURE', highlighted);
        break;
      case 'skip':
        give('SKIPPED', null);
        break;
      case 'undo':
        undo();
        break;
      case 'heatmap':
        if (props.request.blind)
          dispatch({ type: 'message', message: 'Blind read: the heatmap is hidden with the suggestion.' });
        else toggleHeatmap();
        break;
      case 'move':
      case 'highlight':
        dispatch({ type: command.type, by: command.by });
        break;
      case 'search':
        if (command.text) setSearchText(command.text);
        searchRef.current?.focus();
        break;
    }
  }
  // The listener is registered once and always calls this render's handler.
  const keyHandler = useRef(onKey);
  keyHandler.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const openAhead = state.tasks.slice(state.current).filter((t) => !t.outcome).length;
  useEffect(() => {
    if (!cursor || loading || openAhead > PREFETCH_AHEAD) return;
    setLoading(true);
    loadQueuePage(props.request, cursor)
      .then((page) => {
        if (!page.ok) return dispatch({ type: 'message', message: page.message });
        dispatch({ type: 'append', tasks: page.value.tasks.map((t) => ({ ...t, imageId: t.image.id })) });
        setCursor(page.value.hasNextPage ? page.value.endCursor : null);
      })
      .finally(() => setLoading(false));
  }, [cursor, loading, openAhead, props.request]);

  const answered = state.tasks.filter((t) => t.outcome).length;
  return (
    <section className={styles.workbench} data-testid="label-workbench" data-pending={state.pending}>
      <div className={styles.status}>
        <span className="badge badge--accent" data-testid="labelled-today">
          {labelledToday} labelled today
        </span>
        <span className="muted" data-testid="batch-progress">
          {answered} of {state.tasks.length} answered in this session{cursor ? ', more to come' : ''}
        </span>
        {state.pending > 0 ? <span className="muted">saving…</span> : null}
      </div>
      {state.message ? (
        <p className="notice notice--alert" role="alert" data-testid="label-message">
          {state.message}
        </p>
      ) : null}
      {task ? (
        <div
          className={styles.layout}
          data-testid="label-task"
          data-image-id={task.imageId}
          data-round={task.round}
        >
          <ImageViewer
            key={task.imageId}
            imageId={task.imageId}
            heatmap={heatmap}
            onToggleHeatmap={props.request.blind ? undefined : toggleHeatmap}
          />
          <div className={styles.side}>
            <p className={styles.reason}>
              {task.round === 2 ? <span className="badge">Second read</span> : null} {task.reason}
            </p>
            {task.outcome ? (
              <p className="badge badge--ok" data-testid="task-answer">
                {task.outcome === 'SKIPPED'
                  ? 'Skipped'
                  : `${task.outcome === 'UNSURE' ? 'Unsure' : 'Labelled'}: ${task.code ?? 'no code'}`}{' '}
                (z undoes)
              </p>
            ) : null}
            {props.request.blind ? (
              <p className="notice" data-testid="blind-read">
                Blind read: the model's suggestion is hidden. Type a diagnosis to label.
              </p>
            ) : (
              <SuggestionList
                suggestion={task.suggestion}
                highlighted={state.highlighted}
                names={names}
                onPick={(code) => give('LABELLED', code)}
              />
            )}
            <ConceptSearch
              ref={searchRef}
              text={searchText}
              onText={setSearchText}
              concepts={props.concepts}
              onPick={(code) => give('LABELLED', code)}
            />
            <div className={styles.actions}>
              <button
                type="button"
                className="button"
                onClick={() =>
                  give(
                    'UNSURE',
                    props.request.blind ? null : (task.suggestion[state.highlighted]?.code ?? null),
                  )
                }
              >
                Unsure <kbd>u</kbd>
              </button>
              <button type="button" className="button" onClick={() => give('SKIPPED', null)}>
                Skip <kbd>s</kbd>
              </button>
              <button type="button" className="button button--ghost" onClick={undo}>
                Undo <kbd>z</kbd>
              </button>
            </div>
            <TaskContext task={task} />
          </div>
        </div>
      ) : (
        <div className="panel empty-state" data-testid="label-done">
          <h2>{loading ? 'Loading more images…' : 'Nothing left in your queue'}</h2>
          {loading ? null : (
            <p className="muted">
              Every image this queue could serve you is answered or held by another reader. New images, and
              second reads of other readers' answers, arrive as they are added; reload to ask again.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
