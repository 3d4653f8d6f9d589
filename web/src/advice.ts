// Advice on the output activation and loss as a pair: the mismatches a student makes (a softmax
// before CrossEntropyLoss, BCELoss on logits, MSE on class labels …), each explained. Pure; the
// network builder and the loss selector both show these. Pairs the engine refuses say so.
import {
  activationName,
  CLASS_LOSSES,
  generatedShape,
  REGRESSION_LOSSES,
  SHIPPED_CATALOGUE,
  SUPPLIED,
  type Scene,
} from './scene/index.ts';
import type { ActivationName } from './wasm/core.mjs';

/** Classes of the scene's data (0: a regression), or null when unknown (uploaded data). */
function classesOf(scene: Scene): number | null {
  const data = scene.data;
  if (data.name !== SUPPLIED) return generatedShape(data)?.classes ?? null;
  return data.dataset ? SHIPPED_CATALOGUE[data.dataset].shape.classes : null;
}

const BOUNDED: Partial<Record<ActivationName, string>> = {
  Sigmoid: '(0, 1)',
  Tanh: '(−1, 1)',
  Softmax: '(0, 1)',
  ReLU: '[0, ∞)',
  Softplus: '(0, ∞)',
};

/** One sentence per problem with the output activation, the loss and the data together, in the
 *  order a student should fix them; empty when the pair is the usual one. */
export function pairWarnings(scene: Scene): string[] {
  const layers = scene.model.layers;
  const output = layers[layers.length - 1];
  if (!output) return [];
  const act = activationName(output.activation);
  const loss = scene.loss.name;
  const classes = classesOf(scene);
  const out: string[] = [];

  if (classes !== null && classes > 0 && REGRESSION_LOSSES.includes(loss)) {
    out.push(
      classes === 2
        ? `${loss} on class labels fits the 0/1 label as a number: it trains, but its gradient ` +
            'fades as a Sigmoid output saturates and it does not measure likelihood. ' +
            'BCELoss (Sigmoid output) or BCEWithLogitsLoss (Identity output) is the usual loss.'
        : `${loss} on class labels treats the class index as a number to fit (class 2 ` +
            '"between" classes 1 and 3) — the engine refuses it for more than two classes: ' +
            'use CrossEntropyLoss.',
    );
  }
  if (classes === 0 && !REGRESSION_LOSSES.includes(loss)) {
    out.push(
      `${loss} needs class labels; this data is a regression (a number per point) — the engine ` +
        'refuses it: use MSELoss, L1Loss or HuberLoss.',
    );
  }
  if (loss === 'BCELoss' && act !== 'Sigmoid') {
    out.push(
      `BCELoss takes probabilities in [0, 1], but a ${act} output gives ` +
        `${act === 'Identity' ? 'raw logits' : `values in ${BOUNDED[act] ?? '(−∞, ∞)'}`}: log(p) ` +
        'of a value outside (0, 1) is undefined, so the engine refuses it. Use a Sigmoid output, ' +
        'or keep the logits and use BCEWithLogitsLoss (it applies the sigmoid itself, stably).',
    );
  }
  if (loss === 'BCEWithLogitsLoss' && act === 'Sigmoid') {
    out.push(
      'Sigmoid + BCEWithLogitsLoss applies the sigmoid twice: the "logit" the loss sees is ' +
        'already in (0, 1), so the predicted probability σ(σ(z)) never drops below 0.5 and ' +
        'class 0 can never be predicted confidently. Use an Identity output (logits).',
    );
  }
  if (loss === 'CrossEntropyLoss' && act === 'Softmax') {
    out.push(
      'Softmax + CrossEntropyLoss is a double softmax: CrossEntropyLoss applies log-softmax to ' +
        'its input itself, so the probabilities are squashed again — the gradients shrink and ' +
        'training stalls. Use an Identity output (raw logits).',
    );
  }
  if (loss === 'NLLLoss' && act !== 'LogSoftmax') {
    out.push(
      `NLLLoss expects log-probabilities (a LogSoftmax output) and simply takes −input[class]; ` +
        `with a ${act} output it ${
          act === 'Softmax'
            ? 'maximises a probability instead of its log (weak gradients, no calibrated loss)'
            : 'can push the score up without limit, so the loss falls below 0 and diverges'
        }. Use LogSoftmax, or CrossEntropyLoss on Identity logits.`,
    );
  }
  if (
    CLASS_LOSSES.includes(loss) &&
    loss !== 'NLLLoss' &&
    act !== 'Identity' &&
    act !== 'Softmax'
  ) {
    if (!(loss === 'CrossEntropyLoss' && act === 'LogSoftmax')) {
      out.push(
        `${loss} expects raw class scores (logits); a ${act} output limits them to ` +
          `${BOUNDED[act] ?? 'a bent range'}, so the network cannot express confidence freely. ` +
          'Use an Identity output.',
      );
    }
  }
  if (classes === 0 && REGRESSION_LOSSES.includes(loss) && BOUNDED[act]) {
    out.push(
      `A ${act} output can only produce values in ${BOUNDED[act]}; targets outside that range ` +
        'can never be fitted. A regression usually ends in Identity.',
    );
  }
  layers.slice(0, -1).forEach((layer, i) => {
    const name = activationName(layer.activation);
    if (name === 'Softmax' || name === 'LogSoftmax') {
      out.push(
        `Hidden layer ${i + 1} uses ${name}, which couples its units (they compete to sum to ` +
          '1); hidden layers normally use an elementwise activation such as ReLU or Tanh.',
      );
    }
  });
  return out;
}

/** The output layer (units and activation) and loss the task normally takes: 1 Identity with
 *  MSELoss for a regression, 1 Sigmoid with BCELoss (or 1 Identity with BCEWithLogitsLoss) for
 *  two classes, k Identity logits with CrossEntropyLoss (or k LogSoftmax with NLLLoss) for k. */
export function usualOutput(
  classes: number,
  loss: Scene['loss']['name'],
): { units: number; activation: ActivationName } {
  if (classes === 0) return { units: 1, activation: 'Identity' };
  if (CLASS_LOSSES.includes(loss)) {
    return { units: classes, activation: loss === 'NLLLoss' ? 'LogSoftmax' : 'Identity' };
  }
  return { units: 1, activation: loss === 'BCELoss' ? 'Sigmoid' : 'Identity' };
}

export { classesOf };
