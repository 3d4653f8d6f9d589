// The checks of a scene's fields against each other and against its data's shape.
import { CLASS_LOSSES, MIXUP_REJECTS, REGRESSION_LOSSES } from './catalogue.ts';
import { takesClasses } from './datasets.ts';
import { fail, reject } from './fields.ts';
import { splitSizes } from './shapes.ts';
import { type DataShape, SUPPLIED, type Scene, activationName } from './types.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the engine would reject (or turn into NaN) given the data, checked with page paths.
 *  Mirrors core/src/train/trainer.cpp (validate_against_data) and the split's rules. */
export function checkCombination(scene: Scene, shape: DataShape | null): void {
  const { data, model, loss, training } = scene;
  const { layers } = model;
  const last = layers.length - 1;
  const output = layers[last]!;
  const units = `model.layers[${last}].units`;
  if ((output.dropout ?? 0) > 0) {
    fail(
      `model.layers[${last}].dropout`,
      '0 on the output layer (dropout there would rescale the outputs the loss sees)',
      output.dropout,
    );
  }
  if ((training.augmentation?.mixup ?? 0) > 0 && MIXUP_REJECTS.includes(loss.name)) {
    reject(
      'training.augmentation.mixup',
      `mixes targets into class probabilities, which ${loss.name} cannot take: use ` +
        'CrossEntropyLoss, a BCE loss or a regression loss (or mixup 0)',
    );
  }
  if (!shape) {
    // Supplied data the caller did not describe (nor whether its test set comes separately):
    // what needs its shape is left to the engine.
    return;
  }
  const sizes = splitSizes(data, shape);
  const what =
    data.name === SUPPLIED
      ? 'the supplied data'
      : takesClasses(data.name)
        ? `${data.name} with ${shape.classes} classes`
        : data.name;

  if (data.features && shape.features !== 2) {
    reject(
      'data.features',
      `apply to 2-D data only; ${what} has ${plural(shape.features, 'feature')} per point ` +
        '(leave data.features out)',
    );
  }
  const inputs = data.features?.length ?? shape.features;
  if (model.inputs !== inputs) {
    const why = data.features
      ? 'one per entry of data.features'
      : `${what} points have ${plural(shape.features, 'feature')}`;
    fail('model.inputs', `${inputs} (${why})`, model.inputs);
  }

  if (shape.classes === 0) {
    if (!REGRESSION_LOSSES.includes(loss.name)) {
      fail(
        'loss.name',
        `one of ${REGRESSION_LOSSES.join(', ')} (${what} is a regression: ` +
          'its target is a number, not a class)',
        loss.name,
      );
    }
    if (output.units !== 1) {
      fail(units, '1 for the output layer (a regression predicts one number)', output.units);
    }
  } else if (CLASS_LOSSES.includes(loss.name)) {
    if (output.units !== shape.classes) {
      fail(
        units,
        `${shape.classes} for the output layer (one per class of ${what}, as ${loss.name} ` +
          'takes class scores)',
        output.units,
      );
    }
  } else {
    if (shape.classes !== 2) {
      fail(
        'loss.name',
        `one of ${CLASS_LOSSES.join(', ')} (${loss.name} handles two classes only; ${what} ` +
          `has ${shape.classes}: use one output per class)`,
        loss.name,
      );
    }
    if (output.units !== 1) {
      fail(
        units,
        `1 for the output layer (${loss.name} compares one output with the 0/1 label)`,
        output.units,
      );
    }
  }
  if (loss.name === 'BCELoss' && activationName(output.activation) !== 'Sigmoid') {
    fail(
      `model.layers[${last}].activation`,
      'Sigmoid for the output layer, as loss.name BCELoss takes probabilities ' +
        '(or use BCEWithLogitsLoss on raw outputs)',
      output.activation,
    );
  }
  if (training.dropLast && training.batchSize > sizes.train) {
    reject(
      'training.batchSize',
      `${training.batchSize} is larger than the ${sizes.train} training rows, so ` +
        'training.dropLast would leave no batch; lower it or turn dropLast off',
    );
  }
}
