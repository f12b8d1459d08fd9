import { createRequire } from 'node:module';

// onnx-proto is a CommonJS bundle whose `module.exports = $root` defeats Node's named-export detection,
// so it is loaded through require to behave the same under tsx, vitest and plain Node.
const require = createRequire(import.meta.url);
const onnxProtoModule = require('onnx-proto') as typeof import('onnx-proto');

export const onnx = onnxProtoModule.onnx;
export type OnnxModelProto = import('onnx-proto').onnx.IModelProto;

// The Reader of the same protobufjs copy onnx-proto uses, for scanning a model without decoding its weights.
const protobufRequire = createRequire(require.resolve('onnx-proto'));
export const ProtobufReader = (protobufRequire('protobufjs/minimal') as typeof import('protobufjs/minimal')).Reader;
