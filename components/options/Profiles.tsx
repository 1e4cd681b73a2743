import { useState } from 'react';
import type { Problem } from '@/lib/core/issues';
import type { Profile } from '@/lib/drafts/profiles';
import { type Backend, request, useRequest } from './backend';
import { Banner } from './Banner';
import { failureMessage } from './failure';
import { ProfileForm } from './ProfileForm';
import { problemsByField, toProfileInput, valuesOf, type FormValues, type ProfileKind } from './profileForm';
import { Text } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

/** 常用资料: lead units and team members, saved once and filled into any application. */
export function Profiles({ backend }: { backend: Backend }) {
  const listed = useRequest(backend, 'listProfiles', {}, '').outcome;
  const [failure, setFailure] = useState<Bilingual>();
  const shown = failure ?? (listed && !listed.ok ? listed.message : undefined);
  return (
    <section id="profiles" data-testid="profiles">
      <h2>
        <Text id="optionsProfiles" />
      </h2>
      {shown && <Banner kind="error" message={shown} testId="profiles-notice" onClose={() => setFailure(undefined)} />}
      {(['leadUnit', 'teamMember'] as const).map((kind) => (
        <ProfileKindPanel
          key={kind}
          backend={backend}
          kind={kind}
          profiles={(listed?.ok ? listed.value : []).filter((p) => p.kind === kind)}
          onFailure={setFailure}
        />
      ))}
    </section>
  );
}

/** Editing: undefined = no form open; { id: undefined } = a new profile. */
type Editing = { id?: string; initial: FormValues; problems: Record<string, Problem[]> };

function ProfileKindPanel({
  backend,
  kind,
  profiles,
  onFailure,
}: {
  backend: Backend;
  kind: ProfileKind;
  profiles: Profile[];
  onFailure(message: Bilingual): void;
}) {
  const [editing, setEditing] = useState<Editing>();

  async function save(values: FormValues) {
    const saved = await request(backend, 'profiles:save', { profile: toProfileInput(kind, values, editing?.id) });
    if (!saved.ok) return onFailure(saved.message);
    const result = saved.value;
    if (result.ok) setEditing(undefined);
    else if (result.error === 'invalid')
      setEditing({ id: editing?.id, initial: values, problems: problemsByField(kind, result.problems) });
    else onFailure(failureMessage(result)); // quota: the form stays open with what was typed
  }

  async function remove(id: string) {
    const removed = await request(backend, 'profiles:delete', { id });
    if (!removed.ok) onFailure(removed.message);
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
