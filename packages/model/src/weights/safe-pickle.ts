import { PickleCursor } from './pickle-cursor';

/**
 * A pickle reader for the subset torch.save writes (protocols 2-5). It never runs pickled code: GLOBAL names
 * are looked up in `globals`, and any other name is an error that names it (e.g. `os.system`).
 */
export type PickleValue = unknown;

/** A callable the pickle may name: REDUCE and NEWOBJ call it with the argument tuple. */
export interface PickleGlobal {
  call(args: PickleValue[]): PickleValue;
}

export interface UnpickleOptions {
  globals: Record<string, PickleGlobal>;
  persistentLoad(id: PickleValue): PickleValue;
  what: string;
}

/** Python dicts keep non-string keys (ints in optimizer state); they are kept as a Map. */
export class PickleDict extends Map<PickleValue, PickleValue> {}

const STOP = 0x2e;

export function unpickle(bytes: Uint8Array, options: UnpickleOptions): PickleValue {
  const fail = (why: string): never => {
    throw new Error(`${options.what}: ${why}`);
  };
  const cursor = new PickleCursor(bytes, fail);
  const stack: PickleValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PickleValue>();
  const push = (value: PickleValue) => {
    stack.push(value);
  };
  const pop = () => (stack.length === 0 ? fail('pickle stack underflow') : stack.pop());
  const popMark = () => {
    const start = marks.pop();
    return start === undefined ? fail('pickle MARK missing') : stack.splice(start);
  };
  const top = () => stack[stack.length - 1];
  const lookup = (module: string, name: string) => {
    const global = options.globals[`${module}.${name}`];
    if (!global)
      fail(
        `the pickle names the global "${module}.${name}", which is not a tensor or a plain container; refusing to load it`,
      );
    return global;
  };
  const setItems = (target: PickleValue, items: PickleValue[]) => {
    if (!(target instanceof Map)) fail('SETITEM on something that is not a dict');
    for (let i = 0; i + 1 < items.length; i += 2) (target as PickleDict).set(items[i], items[i + 1]);
  };
  const extend = (items: PickleValue[]) => {
    const target = top();
    if (!Array.isArray(target)) fail('APPEND on something that is not a list');
    (target as PickleValue[]).push(...items);
  };
  const memoGet = (key: number) =>
    memo.has(key) ? memo.get(key) : fail(`pickle memo entry ${key} is missing`);
  const reduce = () => {
    const args = pop() as PickleValue[];
    const callable = pop() as PickleGlobal;
    if (!callable || typeof callable.call !== 'function')
      fail('REDUCE on something that is not an allowed global');
    push(callable.call(args));
  };

  const ops: Record<number, () => void> = {
    128: () => cursor.u8(), // PROTO
    149: () => cursor.u64(), // FRAME
    40: () => marks.push(stack.length), // MARK
    125: () => push(new PickleDict()), // EMPTY_DICT
    93: () => push([]), // EMPTY_LIST
    41: () => push([]), // EMPTY_TUPLE
    143: () => push([]), // EMPTY_SET
    78: () => push(null), // NONE
    136: () => push(true), // NEWTRUE
    137: () => push(false), // NEWFALSE
    75: () => push(cursor.u8()), // BININT1
    77: () => push(cursor.u16()), // BININT2
    74: () => push(cursor.i32()), // BININT
    138: () => push(cursor.long(cursor.u8())), // LONG1
    71: () => push(cursor.f64be()), // BINFLOAT
    88: () => push(cursor.text(cursor.u32())), // BINUNICODE
    140: () => push(cursor.text(cursor.u8())), // SHORT_BINUNICODE
    141: () => push(cursor.text(cursor.u64())), // BINUNICODE8
    84: () => push(cursor.text(cursor.u32())), // BINSTRING
    85: () => push(cursor.text(cursor.u8())), // SHORT_BINSTRING
    66: () => push(cursor.take(cursor.u32()).slice()), // BINBYTES
    67: () => push(cursor.take(cursor.u8()).slice()), // SHORT_BINBYTES
    142: () => push(cursor.take(cursor.u64()).slice()), // BINBYTES8
    113: () => memo.set(cursor.u8(), top()), // BINPUT
    114: () => memo.set(cursor.u32(), top()), // LONG_BINPUT
    148: () => memo.set(memo.size, top()), // MEMOIZE
    104: () => push(memoGet(cursor.u8())), // BINGET
    106: () => push(memoGet(cursor.u32())), // LONG_BINGET
    116: () => push(popMark()), // TUPLE
    133: () => push([pop()]), // TUPLE1
    134: () => push(stack.splice(-2)), // TUPLE2
    135: () => push(stack.splice(-3)), // TUPLE3
    108: () => push(popMark()), // LIST
    100: () => {
      const dict = new PickleDict();
      setItems(dict, popMark());
      push(dict);
    }, // DICT
    97: () => extend([pop()]), // APPEND
    101: () => extend(popMark()), // APPENDS
    144: () => extend(popMark()), // ADDITEMS
    115: () => setItems(stack[stack.length - 3], stack.splice(-2)), // SETITEM
    117: () => setItems(stack[marks[marks.length - 1] - 1], popMark()), // SETITEMS
    99: () => push(lookup(cursor.line(), cursor.line())), // GLOBAL
    147: () => {
      const name = pop() as string;
      push(lookup(pop() as string, name));
    }, // STACK_GLOBAL
    82: reduce, // REDUCE
    129: reduce, // NEWOBJ
    98: () => pop(), // BUILD: the state of plain containers (an OrderedDict's _metadata) is not needed
    81: () => push(options.persistentLoad(pop())), // BINPERSID
  };

  for (;;) {
    const op = cursor.u8();
    if (op === STOP) return pop();
    const handler = ops[op];
    if (!handler) fail(`unsupported pickle opcode 0x${op.toString(16)} at byte ${cursor.at - 1}`);
    handler();
  }
}
