// The labelling workbench's state, kept pure so the keyboard rules are tested without a browser. The page applies
// an answer at once (a confident label must not wait for the network) and reverts it if the API refuses.

export type Outcome = 'LABELLED' | 'UNSURE' | 'SKIPPED';

export interface WorkbenchTask {
  imageId: string;
  suggestion: { code: string; probability: number }[];
  outcome: Outcome | null;
  code: string | null;
}

export interface WorkbenchState<T extends WorkbenchTask> {
  tasks: T[];
  /** Index of the task on screen (tasks.length when the loaded queue is used up). */
  current: number;
  /** Highlighted row of the current task's suggestions (Enter and `u` use it). */
  highlighted: number;
  /** Image ids answered in this session, newest last: what `z` takes back. */
  history: string[];
  /** Answers sent and not yet confirmed. */
  pending: number;
  message: string | null;
}

export type Command =
  | { type: 'pick'; index: number }
  | { type: 'pickHighlighted' }
  | { type: 'unsure' }
  | { type: 'skip' }
  | { type: 'undo' }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'highlight'; by: 1 | -1 }
  /** Show or hide where the model looked (Shift+H: lower-case letters search). */
  | { type: 'heatmap' }
  /** Focus the taxonomy search, starting it with `text` (the letter typed) when given. */
  | { type: 'search'; text: string };

/**
 * The workbench's keys: 1-9 pick a suggestion, Enter the highlighted one, u unsure, s skip, z undo, arrows move,
 * Shift+H the heatmap; any other letter (or /) starts a search of the taxonomy.
 */
export function commandForKey(key: string): Command | null {
  if (/^[1-9]$/.test(key)) return { type: 'pick', index: Number(key) - 1 };
  if (key === 'H') return { type: 'heatmap' };
  if (/^[a-z]$/i.test(key) && !/^[usz]$/.test(key)) return { type: 'search', text: key };
  switch (key) {
    case 'Enter':
      return { type: 'pickHighlighted' };
    case 'u':
      return { type: 'unsure' };
    case 's':
      return { type: 'skip' };
    case 'z':
      return { type: 'undo' };
    case 'ArrowRight':
      return { type: 'move', by: 1 };
    case 'ArrowLeft':
      return { type: 'move', by: -1 };
    case 'ArrowDown':
      return { type: 'highlight', by: 1 };
    case 'ArrowUp':
      return { type: 'highlight', by: -1 };
    case '/':
      return { type: 'search', text: '' };
    default:
      return null;
  }
}

export type Action<T extends WorkbenchTask> =
  | { type: 'answer'; imageId: string; outcome: Outcome; code: string | null }
  | { type: 'undo'; imageId: string }
  | { type: 'settled' }
  | { type: 'failed'; imageId: string; restore: Pick<WorkbenchTask, 'outcome' | 'code'>; message: string }
  | { type: 'move'; by: number }
  | { type: 'highlight'; by: number }
  | { type: 'append'; tasks: T[] }
  | { type: 'message'; message: string | null };

export function initialState<T extends WorkbenchTask>(tasks: T[]): WorkbenchState<T> {
  return { tasks, current: 0, highlighted: 0, history: [], pending: 0, message: null };
}

/** The first unanswered task after `from` (wrapping to earlier ones), or tasks.length when none is left. */
export function nextOpen(tasks: WorkbenchTask[], from: number): number {
  for (let i = from + 1; i < tasks.length; i += 1) if (!tasks[i]!.outcome) return i;
  for (let i = 0; i <= Math.min(from, tasks.length - 1); i += 1) if (!tasks[i]!.outcome) return i;
  return tasks.length;
}

/** The task `z` takes back: the one on screen when it is answered, else the newest answer of the session. */
export function undoTarget<T extends WorkbenchTask>(state: WorkbenchState<T>): T | null {
  const onScreen = state.tasks[state.current];
  if (onScreen?.outcome) return onScreen;
  const last = state.history.at(-1);
  return state.tasks.find((task) => task.imageId === last) ?? null;
}

function setTask<T extends WorkbenchTask>(tasks: T[], imageId: string, change: Partial<WorkbenchTask>): T[] {
  return tasks.map((task) => (task.imageId === imageId ? { ...task, ...change } : task));
}

export function reduce<T extends WorkbenchTask>(
  state: WorkbenchState<T>,
  action: Action<T>,
): WorkbenchState<T> {
  switch (action.type) {
    case 'answer': {
      const tasks = setTask(state.tasks, action.imageId, { outcome: action.outcome, code: action.code });
      const index = tasks.findIndex((task) => task.imageId === action.imageId);
      return {
        ...state,
        tasks,
        current: nextOpen(tasks, index),
        highlighted: 0,
        history: [...state.history.filter((id) => id !== action.imageId), action.imageId],
        pending: state.pending + 1,
        message: null,
      };
    }
    case 'undo': {
      const tasks = setTask(state.tasks, action.imageId, { outcome: null, code: null });
      return {
        ...state,
        tasks,
        current: tasks.findIndex((task) => task.imageId === action.imageId),
        highlighted: 0,
        history: state.history.filter((id) => id !== action.imageId),
        pending: state.pending + 1,
        message: null,
      };
    }
    case 'settled':
      return { ...state, pending: Math.max(0, state.pending - 1) };
    case 'failed': {
      const tasks = setTask(state.tasks, action.imageId, action.restore);
      const history = state.history.filter((id) => id !== action.imageId);
      return {
        ...state,
        tasks,
        current: tasks.findIndex((task) => task.imageId === action.imageId),
        history: action.restore.outcome ? [...history, action.imageId] : history,
        pending: Math.max(0, state.pending - 1),
        message: action.message,
      };
    }
    case 'move': {
      const current = Math.min(Math.max(state.current + action.by, 0), state.tasks.length);
      return { ...state, current, highlighted: 0 };
    }
    case 'highlight': {
      const count = state.tasks[state.current]?.suggestion.length ?? 0;
      if (count === 0) return state;
      return { ...state, highlighted: (state.highlighted + action.by + count) % count };
    }
    case 'append': {
      const known = new Set(state.tasks.map((task) => task.imageId));
      const fresh = action.tasks.filter((task) => !known.has(task.imageId));
      return { ...state, tasks: [...state.tasks, ...fresh] };
    }
    case 'message':
      return { ...state, message: action.message };
  }
}

/** How the model's confidence reads: the margin between its two best codes. */
export function describeMargin(suggestion: { probability: number }[]): string {
  if (suggestion.length === 0) return 'No model suggestion for this image.';
  const [first, second] = suggestion;
  const margin = first!.probability - (second?.probability ?? 0);
  if (margin < 0.1) return `Uncertain: the two best diagnoses are ${Math.round(margin * 100)} points apart.`;
  if (margin < 0.3)
    return `Moderately sure: a margin of ${Math.round(margin * 100)} points over the next diagnosis.`;
  return `Confident: a margin of ${Math.round(margin * 100)} points over the next diagnosis.`;
}
