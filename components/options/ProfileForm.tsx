import { useState } from 'react';
import type { Problem } from '@/lib/core/issues';
import { profileFields, type FormValues, type ProfileKind } from './profileForm';
import { Text, useLang } from './Text';

export interface ProfileFormProps {
  kind: ProfileKind;
  initial: FormValues;
  /** Problems of the last save, by input name ('' = not tied to an input) */
  problems: Record<string, Problem[]>;
  onSave(values: FormValues): void;
  onCancel(): void;
}

/** One profile's inputs; each validation problem is shown under its input (Chinese, then English). */
export function ProfileForm({ kind, initial, problems, onSave, onCancel }: ProfileFormProps) {
  const lang = useLang();
  const [values, setValues] = useState<FormValues>(initial);
  return (
    <form
      className="gc-profile-form"
      data-testid={`profile-form-${kind}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(values);
      }}
    >
      {profileFields[kind].map((field) => {
        const fieldProblems = problems[field.name] ?? [];
        return (
          <label key={field.name} className={fieldProblems.length ? 'gc-invalid' : undefined}>
            <span>
              <Text id={field.label} />
            </span>
            <input
              name={field.name}
              type={field.type ?? 'text'}
              value={values[field.name] ?? ''}
              aria-invalid={fieldProblems.length > 0}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            />
            {fieldProblems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
              <span key={i} className="gc-field-error" data-testid={`error-${field.name}`}>
                {p[lang]}
              </span>
            ))}
          </label>
        );
      })}
      {(problems[''] ?? []).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
        <p key={i} className="gc-field-error">
          {p[lang]}
        </p>
      ))}
      <div className="gc-actions">
        <button type="submit" data-action="save-profile">
          <Text id="optSave" />
        </button>
        <button type="button" onClick={onCancel}>
          <Text id="optCancel" />
        </button>
      </div>
    </form>
  );
}
