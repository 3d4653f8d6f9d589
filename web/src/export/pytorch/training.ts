// The script's training section: the engine's training loop (core/src/train/trainer.cpp) in
// torch — each ensemble member's batch order, one optimiser step per batch, a new permutation per
// epoch, evaluation and early stopping — the page's parameters loaded where the page stopped, and
// the command line (--steps, --epochs, --report, --no-replay).
import type { Scene } from '../../scene/types.ts';
import { pyBool, pyFloat } from './python.ts';

/** Training-panel constants, each with the control it comes from. */
export function trainingConstants(scene: Scene): string[] {
  const t = scene.training;
  const stopping = t.earlyStopping;
  const stateful = scene.optimizer.name !== 'SGD' || (scene.optimizer.momentum ?? 0) > 0;
  return [
    `BATCH_SIZE = ${t.batchSize}  # How it learns › Batches: batch_size`,
    `DROP_LAST = ${pyBool(t.dropLast ?? false)}  # How it learns › Batches: drop_last`,
    `SHUFFLE = ${pyBool(t.shuffle ?? true)}  # How it learns › Batches: shuffle (off: the split's order every epoch)`,
    `EVALUATE_EVERY = ${t.evaluateEvery ?? 1}  # the scene's training.evaluateEvery: epochs between evaluations`,
    `PATIENCE = ${stopping ? stopping.patience : 'None'}  # How it learns › Early stopping: patience (None: off)`,
    `MIN_DELTA = ${pyFloat(stopping?.minDelta ?? 0)}  # How it learns › Early stopping: min_delta`,
    `RESTORE_BEST = ${pyBool(stopping?.restoreBest ?? false)}  # How it learns › Early stopping: restore best`,
    `MEMBERS = ${t.ensemble?.members ?? 1}  # How it learns › Ensemble: members`,
    `BOOTSTRAP = ${pyBool(t.ensemble?.bootstrap ?? false)}  # How it learns › Ensemble: bootstrap`,
    `# The optimiser keeps state (momentum, moments, sums) that a saved model does not hold: the`,
    `# script rebuilds it by replaying the page's steps from the initial parameters (--no-replay:`,
    `# start it afresh).`,
    `REPLAY = ${pyBool(stateful)}`,
  ];
}

export function trainingSection(augmented: boolean): string {
  return `# %%
# ---- Training --------------------------------------------------------------------------------
class Member:
    """One network with its optimiser, schedule, generators and batch order (an ensemble trains
    MEMBERS of them, each from its own seed; without one, a single member)."""

    def __init__(self, m, order_rng, train_size):
        seed = (SEED + m * GOLDEN_GAMMA) & MASK64
        self.net = make_network()
        init_parameters(self.net, Pcg32(seed, INIT_STREAM))
        self.net.to(DEVICE)
        self.dropout_rng = Pcg32(seed, DROPOUT_STREAM)
        self.dropouts = [d for d in self.net.modules() if isinstance(d, PageDropout)]
        for d in self.dropouts:
            d.rng = self.dropout_rng
        self.rng = order_rng if m == 0 else Pcg32(seed, ORDER_STREAM)
        if BOOTSTRAP:  # n rows drawn with replacement
            self.order = [self.rng.below(train_size) for _ in range(train_size)]
        else:
            self.order = list(range(train_size))
        self.optimizer = make_optimizer(self.net)
        self.scheduler = make_scheduler(self.optimizer)
        self.loss_fn = make_loss()

    def shuffle(self):
        """A new permutation of the member's rows (Fisher-Yates with its generator)."""
        for i in range(len(self.order), 1, -1):
            j = self.rng.below(i)
            self.order[i - 1], self.order[j] = self.order[j], self.order[i - 1]

    def step(self, x, y):
        """One optimiser step: zero_grad, forward, loss (+ L1), backward, clipping, step, schedule."""
        self.net.train()
        self.optimizer.zero_grad()
        objective = self.loss_fn(self.net(x), y)
        if L1 > 0:
            weights = [p for name, p in self.net.named_parameters() if name.endswith("weight")]
            objective = objective + L1 * sum(w.abs().sum() for w in weights)
        objective.backward()
        if CLIP_GRAD_NORM is not None:
            nn.utils.clip_grad_norm_(self.net.parameters(), CLIP_GRAD_NORM)
        if CLIP_GRAD_VALUE is not None:
            nn.utils.clip_grad_value_(self.net.parameters(), CLIP_GRAD_VALUE)
        self.optimizer.step()
        if self.scheduler is not None:
            self.scheduler.step()
        return objective.item()

    def skip(self, n):
        """One of the page's steps without computing it (--no-replay, or a stateless optimiser):
        the dropout draws it made, and the schedule moved on."""
        self.dropout_rng.advance(n * sum(d.units for d in self.dropouts))
        if self.scheduler is not None:
            with warnings.catch_warnings():  # "scheduler.step() before optimizer.step()": intended
                warnings.simplefilter("ignore")
                self.scheduler.step()

    def load(self, parameters):
        """The page's parameters of this member (by torch name)."""
        state = {name: torch.tensor(parameters[name], dtype=torch.float32).reshape(p.shape)
                 for name, p in self.net.named_parameters()}
        self.net.load_state_dict(state)


def evaluate(members, split):
    """Mean loss (reduction "mean", no L1 term) and accuracy on a split. An ensemble: the members'
    mean (the page scores the mean of their probabilities instead)."""
    if split.size == 0:
        return float("nan"), float("nan")
    loss_fn = make_loss("mean")
    losses, correct = [], []
    threshold = 0.0 if SIGNED_LABELS or isinstance(loss_fn, nn.BCEWithLogitsLoss) else 0.5
    with torch.no_grad():
        for member in members:
            member.net.eval()
            out = member.net(split.x)
            losses.append(loss_fn(out, split.y).item())
            if CLASSIFICATION:
                predicted = (out[:, 0] >= threshold).long() if out.shape[1] == 1 else out.argmax(1)
                actual = split.y if TARGET == "index" else split.y[:, 0].round().clamp(min=0).long()
                correct.append((predicted == actual).double().mean().item())
    accuracy = sum(correct) / len(correct) if correct else float("nan")
    return sum(losses) / len(losses), accuracy


class EarlyStopping:
    """Stops when the monitored loss has not improved by MIN_DELTA for PATIENCE evaluations; with
    RESTORE_BEST the best parameters come back."""

    def __init__(self):
        self.best, self.best_state, self.without_improvement = None, None, 0

    def update(self, members, monitored):
        if self.best is None or monitored < self.best - MIN_DELTA:
            self.best, self.without_improvement = monitored, 0
            self.best_state = [{k: v.clone() for k, v in m.net.state_dict().items()} for m in members]
            return False
        self.without_improvement += 1
        if PATIENCE == 0 or self.without_improvement < PATIENCE:
            return False
        if RESTORE_BEST:
            for member, state in zip(members, self.best_state):
                member.net.load_state_dict(state)
        return True


def train(args):
    (train, validation, test), order_rng = load_data()
    mean, std = fit_standardizer(with_features(train[0]))
    train_set, validation_set, test_set = (Split(x, y, mean, std) for x, y in (train, validation, test))
    members = [Member(m, order_rng, train_set.size) for m in range(MEMBERS)]
    augment = ${augmented ? 'Augmentation(members[0].net[-2].out_features)' : 'None'}
    if SHUFFLE:
        for member in members:
            member.shuffle()
    replay = REPLAY and not args.no_replay
    stopping = EarlyStopping() if PATIENCE is not None else None
    cursor = epoch = step = 0
    losses = []
    start_epoch = None
    replayed = None
    while True:
        if step == STEP:  # where the page stopped: its parameters take over
            start_epoch = epoch
            replayed = [{name: p.detach().cpu().clone() for name, p in m.net.named_parameters()} for m in members]
            for member, parameters in zip(members, PARAMETERS):
                member.load(parameters)
        if step >= STEP and (step - STEP >= args.steps if args.steps is not None else epoch - start_epoch >= args.epochs):
            break
        n = min(BATCH_SIZE, train_set.size - cursor)  # the last batch may be partial
        value = 0.0
        for member in members:
            rows = torch.tensor(member.order[cursor:cursor + n], device=DEVICE)
            x, y = train_set.x[rows], train_set.y[rows]
            if augment is not None:
                x, y = augment(x, y)
            if step < STEP and not replay:
                member.skip(n)
            else:
                value += member.step(x, y)
        if step >= STEP:
            losses.append(value / len(members))
        cursor += n
        step += 1
        left = train_set.size - cursor
        if left <= 0 or (DROP_LAST and left < BATCH_SIZE):  # the end of an epoch
            epoch += 1
            if step > STEP and epoch % EVALUATE_EVERY == 0:
                train_loss, train_accuracy = evaluate(members, train_set)
                validation_loss, _ = evaluate(members, validation_set)
                test_loss, test_accuracy = evaluate(members, test_set)
                print(f"epoch {epoch}  step {step}  train loss {train_loss:.4f}  test loss {test_loss:.4f}"
                      + (f"  train accuracy {train_accuracy:.3f}  test accuracy {test_accuracy:.3f}" if CLASSIFICATION else ""))
                monitored = validation_loss if validation_set.size > 0 else train_loss
                if stopping is not None and stopping.update(members, monitored):
                    print(f"early stopping at epoch {epoch}")
                    break
            if SHUFFLE:
                for member in members:
                    member.shuffle()
            cursor = 0
    if args.report:
        report = {
            "start_step": STEP,
            "replayed": replay and STEP > 0,
            "losses": losses,
            "parameters": [{name: p.detach().cpu().flatten().tolist() for name, p in m.net.named_parameters()}
                           for m in members],
            # how far the replayed parameters ended from the page's (float32 rounding, summed up)
            "replay_difference": max(float((r[name] - torch.tensor(page[name]).reshape(r[name].shape)).abs().max())
                                     for r, page in zip(replayed, PARAMETERS)
                                     for name in r) if replay and STEP > 0 else None,
        }
        with open(args.report, "w") as f:
            json.dump(report, f)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, help="optimiser steps to take from where the page stopped")
    parser.add_argument("--epochs", type=int, default=1, help="epochs to train when --steps is not given (default 1)")
    parser.add_argument("--no-replay", action="store_true",
                        help="start the optimiser's state afresh instead of replaying the page's steps")
    parser.add_argument("--report", help="write the per-step losses and the final parameters to this JSON file")
    parser.add_argument("--data-dir", help="the folder of a shipped dataset's .nnpd files (default: beside the script)")
    args, _ = parser.parse_known_args(argv)  # parse_known_args: a notebook's kernel passes its own
    if args.data_dir:
        globals()["DATA_DIR"] = args.data_dir
    train(args)


if __name__ == "__main__":
    main()
`;
}
