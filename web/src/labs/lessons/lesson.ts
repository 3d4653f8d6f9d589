// What a lesson is: a concept of the course explained in a few sentences, a ready scene for the
// playground beside it, "try this" prompts the page ticks off from the playground's state, and
// the PyTorch lines for the concept. The lessons themselves are data (catalogue.ts).
import type { SnapshotMessage } from '../../engine/protocol.ts';
import type { RunHistory } from '../../render/history.ts';
import type { Scene } from '../../scene/index.ts';
import type { ConceptId, GroupId } from './concepts.ts';

/** What a prompt's check reads: the playground's scene, its latest snapshot and its run's
 *  history (every evaluation so far). Checks only read and compare these numbers: every number
 *  comes from the engine. */
export interface LessonState {
  readonly scene: Scene;
  readonly snapshot: SnapshotMessage | null;
  readonly history: RunHistory;
}

export interface Prompt {
  /** What to do, for the student ("Lower the learning rate until …"). */
  readonly text: string;
  /** Whether the playground's state shows it done. */
  done(state: LessonState): boolean;
}

/** Another lab that shows the concept (by its `#lab=` id), and what it adds. */
export interface LabLinkOut {
  readonly lab: string;
  readonly title: string;
  readonly why: string;
}

export interface Lesson {
  /** The `&lesson=` id. */
  readonly id: string;
  readonly group: GroupId;
  /** The course's concepts it teaches (concepts.ts). */
  readonly concepts: readonly ConceptId[];
  readonly title: string;
  /** One line for the gallery's card. */
  readonly summary: string;
  /** Paragraphs for students. */
  readonly text: readonly string[];
  /** The playground's scene (unchecked JSON: the engine's checkScene takes it when opened). */
  readonly scene: unknown;
  readonly prompts: readonly Prompt[];
  /** The concept in PyTorch. */
  readonly pytorch: string;
  readonly labs?: readonly LabLinkOut[];
}
