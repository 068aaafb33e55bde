import { useId, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { formatDay } from '../checkin/format';
import type { Overview } from './words';

type ThemeId = NonNullable<Overview['theme']>;

/** Any theme, or one: from tomorrow's question on, for both partners. */
export function ThemePicker({ overview, onSaved }: { overview: Overview; onSaved: (o: Overview) => void }) {
  const id = useId();
  const current = overview.nextTheme ? overview.nextTheme.theme : overview.theme;
  const [choice, setChoice] = useState<ThemeId | null>(current);
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const nameOf = (theme: string | null) => overview.themes.find((t) => t.id === theme)?.name ?? 'any theme';

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      setStatus(null);
      const next = await api('closeness.theme', { body: { theme: choice } });
      onSaved(next);
      setStatus(
        choice === null
          ? 'Saved. From tomorrow’s question, questions come from any theme.'
          : `Saved. From tomorrow’s question, questions come from ${nameOf(choice)}.`,
      );
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Choose a theme</h2>
      <p>
        Questions come from any theme, or from one you choose. A change applies from tomorrow’s question, for both of you; today’s
        question stays as it is.
      </p>
      <p class="hint">
        Now: {nameOf(overview.theme)}.
        {overview.nextTheme ? ` From ${formatDay(overview.nextTheme.from)}: ${nameOf(overview.nextTheme.theme)}.` : ''}
      </p>
      <FormAlert message={form.message} />
      <fieldset class="question theme-choices">
        <legend>Questions from</legend>
        <label class="theme-choice">
          <input type="radio" name={`${id}-theme`} checked={choice === null} onChange={() => setChoice(null)} />
          <span>
            <span class="theme-name">Any theme</span>
            <span class="hint">A mix of everything, chosen for the day.</span>
          </span>
        </label>
        {overview.themes.map((t) => (
          <label class="theme-choice" key={t.id}>
            <input type="radio" name={`${id}-theme`} checked={choice === t.id} onChange={() => setChoice(t.id as ThemeId)} />
            <span>
              <span class="theme-name">{t.name}</span>
              <span class="hint">{t.about}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Use this from tomorrow
      </SubmitButton>
      <p role="status" class="closeness-status">
        {status}
      </p>
    </form>
  );
}
