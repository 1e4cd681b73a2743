import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { DraftDb } from '@/lib/drafts/db';
import type { Problem } from '@/lib/drafts/problems';
import { deleteProfile, listProfiles, saveProfile, type Profile } from '@/lib/drafts/profiles';
import { Banner } from './Banner';
import { errorMessage, failureMessage } from './failure';
import { ProfileForm } from './ProfileForm';
import { problemsByField, toProfileInput, valuesOf, type FormValues, type ProfileKind } from './profileForm';
import { Text } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

/** 常用资料: lead units and team members, saved once and filled into any application. */
export function Profiles({ db }: { db: DraftDb }) {
  const profiles = useLiveQuery(() => listProfiles(db), [db]);
  const [failure, setFailure] = useState<Bilingual>();
  return (
    <section id="profiles" data-testid="profiles">
      <h2>
        <Text id="optionsProfiles" />
      </h2>
      {failure && (
        <Banner kind="error" message={failure} testId="profiles-notice" onClose={() => setFailure(undefined)} />
      )}
      {(['leadUnit', 'teamMember'] as const).map((kind) => (
        <ProfileKindPanel
          key={kind}
          db={db}
          kind={kind}
          profiles={(profiles ?? []).filter((p) => p.kind === kind)}
          onFailure={setFailure}
        />
      ))}
    </section>
  );
}

/** Editing: undefined = no form open; { id: undefined } = a new profile. */
type Editing = { id?: string; initial: FormValues; problems: Record<string, Problem[]> };

function ProfileKindPanel({
  db,
  kind,
  profiles,
  onFailure,
}: {
  db: DraftDb;
  kind: ProfileKind;
  profiles: Profile[];
  onFailure(message: Bilingual): void;
}) {
  const [editing, setEditing] = useState<Editing>();

  async function save(values: FormValues) {
    try {
      const result = await saveProfile(db, toProfileInput(kind, values, editing?.id));
      if (result.ok) setEditing(undefined);
      else if (result.error === 'invalid')
        setEditing({ id: editing?.id, initial: values, problems: problemsByField(kind, result.problems) });
      else onFailure(failureMessage(result)); // quota: the form stays open with what was typed
    } catch (error) {
      onFailure(errorMessage(error));
    }
  }

  async function remove(id: string) {
    try {
      await deleteProfile(db, id);
    } catch (error) {
      onFailure(errorMessage(error));
    }
  }

  return (
    <div className="gc-profile-kind" data-testid={`profiles-${kind}`}>
      <h3>
        <Text id={kind === 'leadUnit' ? 'optLeadUnits' : 'optTeamMembers'} />
      </h3>
      {profiles.length === 0 ? (
        <p className="gc-muted">
          <Text id="optNoProfiles" />
        </p>
      ) : (
        <ul className="gc-profile-list">
          {profiles.map((p) => (
            <li key={p.id} data-profile={p.id}>
              <strong>{p.name}</strong> <span className="gc-muted">{summaryOf(p)}</span>
              <button
                type="button"
                data-action="edit-profile"
                onClick={() => setEditing({ id: p.id, initial: valuesOf(p), problems: {} })}
              >
                <Text id="optEdit" />
              </button>
              <button
                type="button"
                data-action="delete-profile"
                className="gc-danger"
                onClick={() => void remove(p.id)}
              >
                <Text id="optDelete" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        // keyed by id: after a refused save the form keeps what was typed and shows the new problems
        <ProfileForm
          key={editing.id ?? 'new'}
          kind={kind}
          initial={editing.initial}
          problems={editing.problems}
          onSave={(v) => void save(v)}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <button type="button" data-action={`add-${kind}`} onClick={() => setEditing({ initial: {}, problems: {} })}>
          <Text id="optAdd" />
        </button>
      )}
    </div>
  );
}

function summaryOf(p: Profile): string {
  return (p.kind === 'leadUnit' ? [p.creditCode, p.address] : [p.title, p.degree, p.phone]).filter(Boolean).join(' · ');
}
