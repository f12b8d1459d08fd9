import { emitLinear, type BlockGraphContext } from './vit-block-graph';
import type { NamedWeights, VitOutputName } from './vit-export-types';

export interface HeadWeights {
  /** Fine-tuned classifier: `head.weight [D, C]`, `head.bias [C]`; softmax probabilities. */
  classifier?: { weights: NamedWeights; classNames: string[] };
  /** Pretraining label head: `label_head.weight [D, K]`, `label_head.bias [K]`; independent sigmoids (multi-label). */
  conceptHead?: { weights: NamedWeights; concepts: string[] };
}

/** Heads on the CLS embedding: `probabilities` [B, C] and `concept_scores` [B, K]. */
export function emitHeadOutputs(ctx: BlockGraphContext, embedding: string, heads: HeadWeights, wanted: Set<VitOutputName>): void {
  const { graph, config } = ctx;
  const { classifier, conceptHead } = heads;
  if (wanted.has('probabilities') && classifier) {
    const classes = classifier.classNames.length;
    if (classes === 0) throw new Error('ONNX export: classifier.classNames is empty');
    const logits = emitLinear({ ...ctx, weights: classifier.weights }, embedding, 'head', [config.width, classes]);
    graph.addNode('Softmax', [logits], ['probabilities'], { axis: { int: -1 } });
    graph.addOutput('probabilities', ['batch', classes]);
  }
  if (wanted.has('concept_scores') && conceptHead) {
    const concepts = conceptHead.concepts.length;
    if (concepts === 0) throw new Error('ONNX export: conceptHead.concepts is empty');
    const logits = emitLinear({ ...ctx, weights: conceptHead.weights }, embedding, 'label_head', [config.width, concepts]);
    graph.addNode('Sigmoid', [logits], ['concept_scores']);
    graph.addOutput('concept_scores', ['batch', concepts]);
  }
}
