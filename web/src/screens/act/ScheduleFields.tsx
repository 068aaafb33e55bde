import { useId } from 'preact/hooks';
import type { ScheduleInput } from '../../api/client';
import type { FieldErrors } from '../../components/form';

// The schedule part of a commitment form: every day, chosen days, n times a week, or once.

export interface ScheduleDraft {
  kind: 'daily' | 'weekdays' | 'weekly' | 'once';
  days: number[];
  times: number;
  hasBy: boolean;
  by: string;
  date: string;
  onceBy: string;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function draftOf(s: ScheduleInput | null, today: string): ScheduleDraft {
  const base: ScheduleDraft = { kind: 'daily', days: [], times: 3, hasBy: false, by: '21:00', date: today, onceBy: '18:00' };
  if (!s) return base;
  if (s.kind === 'daily') return { ...base, kind: 'daily', hasBy: s.by !== null, by: s.by ?? base.by };
  if (s.kind === 'weekdays') return { ...base, kind: 'weekdays', days: s.days, hasBy: s.by !== null, by: s.by ?? base.by };
  if (s.kind === 'weekly') return { ...base, kind: 'weekly', times: s.times };
  return { ...base, kind: 'once', date: s.date, onceBy: s.by };
}

export function scheduleOf(d: ScheduleDraft): ScheduleInput {
  const by = d.hasBy ? d.by : null;
  if (d.kind === 'daily') return { kind: 'daily', by };
  if (d.kind === 'weekdays') return { kind: 'weekdays', days: [...d.days].sort() as (1 | 2 | 3 | 4 | 5 | 6 | 7)[], by };
  if (d.kind === 'weekly') return { kind: 'weekly', times: d.times };
  return { kind: 'once', date: d.date, by: d.onceBy };
}

const KINDS = [
  { kind: 'daily', label: 'Every day' },
  { kind: 'weekdays', label: 'On chosen days of the week' },
  { kind: 'weekly', label: 'A number of times a week' },
  { kind: 'once', label: 'Once, by a date' },
] as const;

export function ScheduleFields({
  draft,
  onChange,
  errors,
  zone,
  kinds = KINDS.map((k) => k.kind),
}: {
  draft: ScheduleDraft;
  onChange: (d: ScheduleDraft) => void;
  errors: FieldErrors;
  zone: string;
  /** The kinds of schedule offered (rituals repeat, so they leave out "once"); all of them by default. */
  kinds?: readonly ScheduleDraft['kind'][];
}) {
  const id = useId();
  const set = (patch: Partial<ScheduleDraft>) => onChange({ ...draft, ...patch });
  return (
    <div>
      <fieldset class="question">
        <legend>How often</legend>
        <div class="choices stacked">
          {KINDS.filter((k) => kinds.includes(k.kind)).map((k) => (
            <label class="choice" key={k.kind}>
              <input type="radio" name={`${id}-kind`} checked={draft.kind === k.kind} onChange={() => set({ kind: k.kind })} />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      {draft.kind === 'weekdays' ? (
        <fieldset class="question">
          <legend>Which days</legend>
          <div class="choices">
            {WEEKDAY_NAMES.map((name, i) => (
              <label class="choice" key={name}>
                <input
                  type="checkbox"
                  checked={draft.days.includes(i + 1)}
                  onChange={(e) =>
                    set({
                      days: (e.currentTarget as HTMLInputElement).checked
                        ? [...draft.days, i + 1]
                        : draft.days.filter((d) => d !== i + 1),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </div>
          {errors.days ? <p class="field-error">{errors.days}</p> : null}
        </fieldset>
      ) : null}
      {draft.kind === 'weekly' ? (
        <div class="field">
          <label for={`${id}-times`}>Times a week</label>
          <p class="hint" id={`${id}-times-hint`}>
            Weeks start on Monday. Any day of the week counts.
          </p>
          <select
            id={`${id}-times`}
            aria-describedby={`${id}-times-hint`}
            value={String(draft.times)}
            onChange={(e) => set({ times: Number((e.currentTarget as HTMLSelectElement).value) })}
          >
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {draft.kind === 'daily' || draft.kind === 'weekdays' ? (
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              checked={draft.hasBy}
              onChange={(e) => set({ hasBy: (e.currentTarget as HTMLInputElement).checked })}
            />
            By a set time (otherwise, any time that day)
          </label>
          {draft.hasBy ? (
            <>
              <label for={`${id}-by`}>By</label>
              <input
                id={`${id}-by`}
                type="time"
                value={draft.by}
                onInput={(e) => set({ by: (e.currentTarget as HTMLInputElement).value })}
              />
            </>
          ) : null}
          {errors.by ? <p class="field-error">{errors.by}</p> : null}
        </div>
      ) : null}
      {draft.kind === 'once' ? (
        <div class="two-fields">
          <div class="field">
            <label for={`${id}-date`}>By the day</label>
            <input
              id={`${id}-date`}
              type="date"
              value={draft.date}
              onInput={(e) => set({ date: (e.currentTarget as HTMLInputElement).value })}
            />
            {errors.date ? <p class="field-error">{errors.date}</p> : null}
          </div>
          <div class="field">
            <label for={`${id}-once-by`}>At</label>
            <input
              id={`${id}-once-by`}
              type="time"
              value={draft.onceBy}
              onInput={(e) => set({ onceBy: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
        </div>
      ) : null}
      <p class="hint">
        Times are in your time zone, {zone}. You can change it in <a href="/settings">Settings</a>.
      </p>
    </div>
  );
}
