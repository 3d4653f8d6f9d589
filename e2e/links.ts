// Links the end-to-end suites open: a TensorFlow Playground link (its own query format, which the
// page imports) and a shared scene (#scene=, base64url JSON), as the page writes them.

/** A link copied from TensorFlow Playground: the circle, a 4-2 tanh network, learning rate 0.03. */
export const TFP_LINK =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03' +
  '&regularizationRate=0&noise=0&networkShape=4,2&seed=0.59704&showTestData=false' +
  '&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false' +
  '&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false' +
  '&problem=classification&initZero=false&hideText=false';

/** The hash of a link that opens `scene`. */
export function sceneHash(scene: unknown): string {
  return `#scene=${Buffer.from(JSON.stringify(scene)).toString('base64url')}`;
}
