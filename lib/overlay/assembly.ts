import type { Application } from '../application/model';
import type { Finding } from '../engine/finding';
import { createIncrementalEvaluator, type IncrementalEvaluator } from '../engine/incremental';
import type { RulePack } from '../packs/schema';
import type { PageMap } from '../portal/locate';
import type { FieldMap } from '../portal/fieldMapSchema';
import { readApplication } from '../portal/read';
import { type DirectionMatch, matchDirection } from './direction';
import type { Checklist } from '../core/vocabulary';

export interface Assessment {
  direction?: DirectionMatch;
  directionText?: string;
  application: Application;
  findings: Finding[];
  missing: string[];
}

export interface AssessInput {
  map: PageMap;
  vocabularies: FieldMap['vocabularies'];
  packs: RulePack[];
  /** The direction the user chose in the panel, used when the page shows none a pack knows */
  chosen?: { packId: string; code: string };
  checklist: Checklist;
  /** Model paths that changed: only the rules reading them run again (every rule when undefined) */
  changed?: string[];
}

/** The pack direction the user chose by hand, if the packs still have it. */
export function chosenMatch(packs: RulePack[], choice: AssessInput['chosen']): DirectionMatch | undefined {
  const pack = choice && packs.find((p) => p.id === choice.packId);
  const direction = pack?.directions.find((d) => d.code === choice!.code);
  return pack && direction ? { pack, direction } : undefined;
}

/**
 * The application the rules read and their findings. Keeps one incremental evaluator per direction, so a
 * keystroke re-runs only the rules reading what changed.
 */
export function createAssembly() {
  let evaluator: IncrementalEvaluator | undefined;
  let evaluatorKey = '';
  return {
    assess({ map, vocabularies, packs, chosen, checklist, changed }: AssessInput): Assessment {
      const reading = readApplication(map, vocabularies);
      const direction =
        matchDirection(packs, reading.directionText, reading.directionGroup) ?? chosenMatch(packs, chosen);
      const key = direction ? `${direction.pack.id}@${direction.pack.version}/${direction.direction.code}` : '';
      if (key !== evaluatorKey) {
        evaluatorKey = key;
        evaluator = direction ? createIncrementalEvaluator(direction.pack, direction.direction.code) : undefined;
        changed = undefined;
      }
      const findings = evaluator ? evaluator.update(reading.application, changed, checklist) : [];
      return {
        direction,
        directionText: reading.directionText,
        application: reading.application,
        findings,
        missing: map.missing,
      };
    },
  };
}

/** The model path a located control's path changes (a list row's column changes its whole list). */
export function changedModelPath(controlPath: string): string {
  return controlPath.replace(/\.\d+\..*$/, '');
}
