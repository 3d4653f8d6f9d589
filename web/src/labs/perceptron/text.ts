// The perceptron lab's words and its neighbour network: what students read beside the planes.
import type { LearnerSpec } from '../../wasm/core.mjs';

/** The network beside the perceptron: 2 → 8 tanh → 1 sigmoid, full-batch Adam on BCE. */
export const NETWORK_SPEC: LearnerSpec = {
  model: {
    inputs: 2,
    layers: [
      { units: 8, activation: 'Tanh' },
      { units: 1, activation: 'Sigmoid' },
    ],
  },
  loss: { name: 'BCELoss' },
  optimizer: { name: 'Adam', lr: 0.03 },
};

export const NETWORK_TEXT =
  'The same points learnt by gradient descent through one hidden layer of 8 tanh units (Adam, binary ' +
  'cross-entropy). Each hidden unit draws a line of its own; the output combines them, so the boundary can bend ' +
  'round XOR’s four groups, where a single line never can. The colour is the predicted probability of class 1.';

export const SNIPPET = `import numpy as np

# the perceptron rule: labels 0/1, one fixed order, an update only on a mistake
w, b, lr = np.zeros(2), 0.0, 1.0
for epoch in range(100):
    mistakes = 0
    for x, label in zip(X, y):
        predicted = int(w @ x + b >= 0)
        if predicted != label:
            t = 1 if label == 1 else -1
            w += lr * t * x
            b += lr * t
            mistakes += 1
    if mistakes == 0:
        break          # converged: the line separates every point

# the network beside it, in PyTorch
import torch
from torch import nn
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(model.parameters(), lr=0.03)
for step in range(800):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X_t).squeeze(1), y_t)
    loss.backward()
    optimizer.step()`;
