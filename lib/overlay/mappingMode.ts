import { type Control, labelOf } from '../portal/locate';
import { type FieldMapPatch, entryFor, withEntry } from '../portal/mapping';
import type { OverlayState, StatePatch } from './state';

/** Where mapping patches are kept (browser.storage.local in the extension: the extension's storage, not the portal's). */
export interface MappingStore {
  get(key: string): Promise<FieldMapPatch | undefined>;
  set(key: string, patch: FieldMapPatch): Promise<void>;
}

export interface MappingModeOptions {
  store: MappingStore;
  /** One patch per host and form */
  key: string;
  getState: () => OverlayState;
  onState: StatePatch;
}

/** Mapping mode: the user clicks a portal control and says which application field it is. */
export function createMappingMode({ store, key, getState, onState }: MappingModeOptions) {
  let picked: Control | undefined;
  const mapping = () => getState().mapping;
  return {
    /** The patch saved for this host and form, shown in the panel; undefined when there is none */
    async load(): Promise<FieldMapPatch | undefined> {
      const patch = await store.get(key).catch(() => undefined);
      if (patch) onState({ mapping: { ...mapping(), patch } });
      return patch;
    },
    /** In mapping mode a click on a portal control picks it (the click still reaches the page). */
    onClick(event: Event) {
      if (!mapping().active) return;
      const target = event.target as Element | null;
      if (!target?.matches?.('input, select, textarea')) return;
      picked = target as Control;
      onState({ mapping: { ...mapping(), picked: { label: labelOf(picked), name: picked.name || picked.id } } });
    },
    setActive(active: boolean) {
      picked = undefined;
      onState({ mapping: { ...mapping(), active, picked: undefined } });
    },
    /** The picked control is the application field `path`: the new patch, or undefined when nothing is picked. */
    assign(path: string, column = false): FieldMapPatch | undefined {
      if (!picked) return undefined;
      const patch = withEntry(mapping().patch, entryFor(picked, path, column));
      picked = undefined;
      onState({ mapping: { ...mapping(), patch, picked: undefined } });
      return patch;
    },
    save: (patch: FieldMapPatch) => store.set(key, patch),
  };
}
