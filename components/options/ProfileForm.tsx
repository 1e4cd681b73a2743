import { useState } from 'react';
import type { Problem } from '@/lib/drafts/problems';
import { t } from '@/lib/i18n/pageMessages';
import { profileFields, type FormValues, type ProfileKind } from './profileForm';
import { Both } from './rules/Both';

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
              {t('zh', field.label)} <span className="gc-muted">{t('en', field.label)}</span>
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
                {p.zh}
                <span className="gc-muted"> {p.en}</span>
              </span>
            ))}
          </label>
        );
      })}
      {(problems[''] ?? []).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
        <p key={i} className="gc-field-error">
          {p.zh} <span className="gc-muted">{p.en}</span>
        </p>
      ))}
      <div className="gc-actions">
        <button type="submit" data-action="save-profile">
          <Both id="optSave" />
        </button>
        <button type="button" onClick={onCancel}>
          <Both id="optCancel" />
        </button>
      </div>
    </form>
  );
}
