import { describe, expect, it } from 'vitest';
import {
  type Action,
  commandForKey,
  describeMargin,
  initialState,
  reduce,
  undoTarget,
  type WorkbenchTask,
} from './workbench-state';

const task = (imageId: string): WorkbenchTask => ({
  imageId,
  suggestion: [
    { code: 'nv', probability: 0.6 },
    { code: 'mel', probability: 0.3 },
  ],
  outcome: null,
  code: null,
});
const run = (actions: Action<WorkbenchTask>[]) =>
  actions.reduce(reduce<WorkbenchTask>, initialState(['a', 'b', 'c'].map(task)));

describe('workbench keys', () => {
  it('maps 1-9, Enter, u, s, z, arrows; other letters and / search; nothing else', () => {
    expect(commandForKey('1')).toEqual({ type: 'pick', index: 0 });
    expect(commandForKey('9')).toEqual({ type: 'pick', index: 8 });
    expect(commandForKey('0')).toBeNull();
    expect(commandForKey('Enter')).toEqual({ type: 'pickHighlighted' });
    expect(commandForKey('u')).toEqual({ type: 'unsure' });
    expect(commandForKey('s')).toEqual({ type: 'skip' });
    expect(commandForKey('z')).toEqual({ type: 'undo' });
    expect(commandForKey('H')).toEqual({ type: 'heatmap' });
    expect(commandForKey('h')).toEqual({ type: 'search', text: 'h' });
    expect(commandForKey('ArrowLeft')).toEqual({ type: 'move', by: -1 });
    expect(commandForKey('ArrowDown')).toEqual({ type: 'highlight', by: 1 });
    expect(commandForKey('/')).toEqual({ type: 'search', text: '' });
    expect(commandForKey('m')).toEqual({ type: 'search', text: 'm' });
    expect(commandForKey('Z')).toEqual({ type: 'search', text: 'Z' });
    expect(commandForKey('0')).toBeNull();
    expect(commandForKey('Tab')).toBeNull();
  });
});

describe('workbench state', () => {
  it('an answer moves to the next open image; the last answer leaves nothing open', () => {
    const one = run([{ type: 'answer', imageId: 'a', outcome: 'LABELLED', code: 'nv' }]);
    expect(one.current).toBe(1);
    expect(one.pending).toBe(1);
    const all = run([
      { type: 'answer', imageId: 'a', outcome: 'LABELLED', code: 'nv' },
      { type: 'answer', imageId: 'c', outcome: 'SKIPPED', code: null },
      { type: 'answer', imageId: 'b', outcome: 'UNSURE', code: 'mel' },
    ]);
    expect(all.current).toBe(3);
    expect(all.history).toEqual(['a', 'c', 'b']);
  });

  it('going back to an open image is wrapped to from the end', () => {
    const state = run([
      { type: 'move', by: 1 },
      { type: 'answer', imageId: 'b', outcome: 'LABELLED', code: 'nv' },
      { type: 'answer', imageId: 'c', outcome: 'LABELLED', code: 'nv' },
    ]);
    expect(state.current).toBe(0);
  });

  it('z takes back the answer on screen, else the newest; the image is open again and on screen', () => {
    const answered = run([
      { type: 'answer', imageId: 'a', outcome: 'LABELLED', code: 'nv' },
      { type: 'answer', imageId: 'b', outcome: 'LABELLED', code: 'mel' },
    ]);
    expect(undoTarget(answered)?.imageId).toBe('b');
    const back = reduce(answered, { type: 'move', by: -2 });
    expect(undoTarget(back)?.imageId).toBe('a');
    const undone = reduce(answered, { type: 'undo', imageId: 'b' });
    expect(undone.tasks[1]).toMatchObject({ outcome: null, code: null });
    expect(undone.current).toBe(1);
    expect(undone.history).toEqual(['a']);
    expect(undoTarget(initialState([task('x')]))).toBeNull();
  });

  it('a refused answer is reverted, shown, and its message kept', () => {
    const state = run([
      { type: 'answer', imageId: 'a', outcome: 'LABELLED', code: 'zz' },
      {
        type: 'failed',
        imageId: 'a',
        restore: { outcome: null, code: null },
        message: 'Unknown diagnosis code: zz.',
      },
    ]);
    expect(state.tasks[0]).toMatchObject({ outcome: null, code: null });
    expect(state).toMatchObject({
      current: 0,
      pending: 0,
      history: [],
      message: 'Unknown diagnosis code: zz.',
    });
  });

  it('highlight wraps within the suggestions; append skips images already there', () => {
    expect(run([{ type: 'highlight', by: -1 }]).highlighted).toBe(1);
    expect(run([{ type: 'append', tasks: [task('c'), task('d')] }]).tasks.map((t) => t.imageId)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('describes the margin between the two best codes', () => {
    expect(describeMargin([])).toMatch(/No model suggestion/);
    expect(describeMargin([{ probability: 0.41 }, { probability: 0.38 }])).toMatch(/^Uncertain: .* 3 points/);
    expect(describeMargin([{ probability: 0.9 }, { probability: 0.05 }])).toMatch(
      /^Confident: a margin of 85/,
    );
  });
});
