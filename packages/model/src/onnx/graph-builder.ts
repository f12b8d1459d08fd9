import { onnx } from './onnx-proto';

// opset 17 is the first default-domain opset with LayerNormalization; IR 8 is the newest onnx-proto knows
// and is accepted by every onnxruntime since 1.10.
export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;

const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

export type AttributeValue = number | string | number[] | { int: number } | { ints: number[] };
export type DimValue = number | string;

export interface OnnxGraphBuilder {
  addInitializer(name: string, shape: number[], data: Float32Array): string;
  /** `scalar` gives a rank-0 tensor (Gather with a scalar index drops the axis). */
  addInt64Constant(name: string, values: number[], options?: { scalar?: boolean }): string;
  addNode(opType: string, inputs: string[], outputs: string[], attributes?: Record<string, AttributeValue>): void;
  addInput(name: string, dims: DimValue[]): void;
  addOutput(name: string, dims: DimValue[]): void;
  /** True when a value (initializer, node output or input) of that name exists. */
  hasValue(name: string): boolean;
  /** Fresh tensor name for intermediate values. */
  nameValue(hint: string): string;
  serialize(options: { metadata?: Record<string, string>; docString?: string }): Uint8Array;
}

/** Records nodes and weights and serialises them as an opset-17 ONNX ModelProto. */
export function createGraphBuilder(graphName: string): OnnxGraphBuilder {
  const nodes: import('onnx-proto').onnx.INodeProto[] = [];
  const initializers: import('onnx-proto').onnx.ITensorProto[] = [];
  const inputs: import('onnx-proto').onnx.IValueInfoProto[] = [];
  const outputs: import('onnx-proto').onnx.IValueInfoProto[] = [];
  const usedNames = new Set<string>();
  let counter = 0;

  const claimName = (name: string): string => {
    if (usedNames.has(name)) throw new Error(`ONNX graph: value name "${name}" is defined twice`);
    usedNames.add(name);
    return name;
  };

  return {
    addInitializer(name, shape, data) {
      const expected = shape.reduce((a, b) => a * b, 1);
      if (data.length !== expected) {
        throw new Error(`ONNX initializer "${name}": shape [${shape}] needs ${expected} values, got ${data.length}`);
      }
      initializers.push({
        name: claimName(name),
        dims: shape,
        dataType: DataType.FLOAT,
        rawData: toLittleEndianBytes(data),
      });
      return name;
    },
    addInt64Constant(name, values, { scalar = false } = {}) {
      const dims = scalar ? [] : [values.length];
      initializers.push({ name: claimName(name), dims, dataType: DataType.INT64, int64Data: values });
      return name;
    },
    addNode(opType, nodeInputs, nodeOutputs, attributes = {}) {
      for (const output of nodeOutputs) claimName(output);
      nodes.push({
        opType,
        name: `${opType}_${nodes.length}`,
        input: nodeInputs,
        output: nodeOutputs,
        attribute: Object.entries(attributes).map(([name, value]) => toAttribute(name, value)),
      });
    },
    addInput(name, dims) {
      inputs.push(toValueInfo(claimName(name), dims));
    },
    addOutput(name, dims) {
      outputs.push(toValueInfo(name, dims));
    },
    hasValue(name) {
      return usedNames.has(name);
    },
    nameValue(hint) {
      counter += 1;
      return `${hint}_${counter}`;
    },
    serialize({ metadata = {}, docString }) {
      const live = pruneDeadNodes(nodes, outputs.map((output) => output.name as string));
      const used = new Set(live.flatMap((node) => node.input ?? []));
      const model: import('onnx-proto').onnx.IModelProto = {
        irVersion: ONNX_IR_VERSION,
        producerName: '@dermino/model',
        producerVersion: '0.1.0',
        docString,
        opsetImport: [{ domain: '', version: ONNX_OPSET }],
        metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
        graph: {
          name: graphName,
          node: live,
          initializer: initializers.filter((initializer) => used.has(initializer.name as string)),
          input: inputs,
          output: outputs,
        },
      };
      return onnx.ModelProto.encode(model).finish();
    },
  };
}

/** Drops nodes that no graph output depends on (e.g. attention averages when no explanation is exported). */
function pruneDeadNodes(nodes: import('onnx-proto').onnx.INodeProto[], graphOutputs: string[]) {
  const needed = new Set(graphOutputs);
  const keep: boolean[] = new Array(nodes.length).fill(false);
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    const node = nodes[index];
    if (!(node.output ?? []).some((output) => needed.has(output))) continue;
    keep[index] = true;
    for (const input of node.input ?? []) needed.add(input);
  }
  return nodes.filter((_, index) => keep[index]);
}

function toLittleEndianBytes(data: Float32Array): Uint8Array {
  // Float32Array uses platform byte order; ONNX raw_data is little-endian, as is every platform Node ships on.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function toAttribute(name: string, value: AttributeValue): import('onnx-proto').onnx.IAttributeProto {
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') return { name, type: AttributeType.FLOAT, f: value };
  if (Array.isArray(value)) return { name, type: AttributeType.FLOATS, floats: value };
  if ('int' in value) return { name, type: AttributeType.INT, i: value.int };
  return { name, type: AttributeType.INTS, ints: value.ints };
}

function toValueInfo(name: string, dims: DimValue[]): import('onnx-proto').onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: DataType.FLOAT,
        shape: { dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) },
      },
    },
  };
}
