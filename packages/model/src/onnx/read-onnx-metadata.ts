import { ProtobufReader } from './onnx-proto';
import { METADATA_KEYS, type PreprocessingSpec, type VitExportConfig, type VitOutputName } from './vit-export-types';

export interface DerminoOnnxMetadata {
  config: VitExportConfig;
  classNames: string[];
  /** Concepts scored by the `concept_scores` output (empty when the model has no concept head). */
  concepts: string[];
  preprocessing: PreprocessingSpec;
  outputs: VitOutputName[];
  /** Every other metadata_props entry. */
  extra: Record<string, string>;
}

// ModelProto field numbers (onnx.proto3).
const IR_VERSION_FIELD = 1;
const GRAPH_FIELD = 7;
const METADATA_PROPS_FIELD = 14;
const WIRE_LENGTH_DELIMITED = 2;

/**
 * Reads metadata_props of an ONNX file by walking the top-level protobuf fields only, so a 300 MB model is not
 * decoded twice (onnxruntime does not expose custom metadata). Throws when the bytes are not an ONNX model.
 */
export function readOnnxMetadataProps(bytes: Uint8Array, source = 'model'): Record<string, string> {
  const props: Record<string, string> = {};
  let hasGraph = false;
  let hasIrVersion = false;
  try {
    const reader = ProtobufReader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wireType = tag & 7;
      if (field === 0) throw new Error('field number 0');
      if (field === METADATA_PROPS_FIELD && wireType === WIRE_LENGTH_DELIMITED) {
        const entry = readStringEntry(ProtobufReader.create(reader.bytes()));
        props[entry.key] = entry.value;
        continue;
      }
      if (field === GRAPH_FIELD && wireType === WIRE_LENGTH_DELIMITED) hasGraph = true;
      if (field === IR_VERSION_FIELD && wireType === 0) hasIrVersion = true;
      reader.skipType(wireType);
    }
  } catch (error) {
    throw new Error(`${source} is not an ONNX model, or is truncated (protobuf parse failed: ${(error as Error).message})`);
  }
  if (!hasGraph || !hasIrVersion) throw new Error(`${source} is not an ONNX model (no ir_version or graph field)`);
  return props;
}

function readStringEntry(reader: InstanceType<typeof ProtobufReader>): { key: string; value: string } {
  let key = '';
  let value = '';
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) key = reader.string();
    else if (tag >>> 3 === 2) value = reader.string();
    else reader.skipType(tag & 7);
  }
  return { key, value };
}

/** The DermINO metadata of an exported model: what serving needs to preprocess and label a model file alone. */
export function readOnnxMetadata(bytes: Uint8Array, source = 'model'): DerminoOnnxMetadata {
  const props = readOnnxMetadataProps(bytes, source);
  const parse = <T>(key: string, fallback?: T): T => {
    const raw = props[key];
    if (raw === undefined && fallback !== undefined) return fallback;
    if (raw === undefined) throw new Error(`${source} has no "${key}" metadata: it was not exported by @dermino/model`);
    try {
      return JSON.parse(raw) as T;
    } catch {
      throw new Error(`${source} metadata "${key}" is not valid JSON`);
    }
  };
  const known = new Set<string>(Object.values(METADATA_KEYS));
  return {
    config: parse<VitExportConfig>(METADATA_KEYS.config),
    classNames: parse<string[]>(METADATA_KEYS.classNames),
    concepts: parse<string[]>(METADATA_KEYS.concepts, []),
    preprocessing: parse<PreprocessingSpec>(METADATA_KEYS.preprocessing),
    outputs: parse<VitOutputName[]>(METADATA_KEYS.outputs),
    extra: Object.fromEntries(Object.entries(props).filter(([key]) => !known.has(key))),
  };
}
