import { useState } from 'preact/hooks';
import { addDays, daysBetween, isLocalDate } from '../../../../src/domain/zoned-time';

// The period a summary covers: the last few weeks (8 unless chosen otherwise), or two dates.

export type Period = { weeks: number } | { from: string; to: string };

export const WEEK_CHOICES = [4, 8, 12, 26, 52] as const;
export const DEFAULT_PERIOD: Period = { weeks: 8 };

/** The query for a period, given today in the person's own zone (null: the server's default, the last 8 weeks). */
export function periodQuery(period: Period, today: string | null): { from: string; to: string } | undefined {
  if ('from' in period) return { from: period.from, to: period.to };
  if (today === null) return undefined;
  return { from: addDays(today, 1 - 7 * period.weeks), to: today };
}

export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string | null;
  onChange: (p: Period) => void;
}) {
  const custom = 'from' in period;
  const [choice, setChoice] = useState(custom ? 'dates' : String(period.weeks));
  const [from, setFrom] = useState(custom ? period.from : today ? addDays(today, -55) : '');
  const [to, setTo] = useState(custom ? period.to : (today ?? ''));
  const [problem, setProblem] = useState<string | null>(null);

  const pick = (value: string) => {
    setChoice(value);
    if (value !== 'dates') onChange({ weeks: Number(value) });
  };
  const showDates = (e: Event) => {
    e.preventDefault();
    if (!isLocalDate(from) || !isLocalDate(to)) return setProblem('Please choose both dates.');
    if (daysBetween(from, to) < 0) return setProblem('The first day comes after the last.');
    if (daysBetween(from, to) > 363) return setProblem('Please choose at most 52 weeks.');
    setProblem(null);
    onChange({ from, to });
  };

  return (
    <div class="period no-print">
      <div class="field">
        <label for="summary-period">Period</label>
        <select id="summary-period" value={choice} onChange={(e) => pick(e.currentTarget.value)}>
          {WEEK_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              The last {n} weeks
            </option>
          ))}
          <option value="dates">Dates I choose</option>
        </select>
      </div>
      {choice === 'dates' ? (
        <form class="period-dates" onSubmit={showDates} noValidate>
          <div class="field">
            <label for="summary-from">From</label>
            <input
              id="summary-from"
              type="date"
              value={from}
              max={today ?? undefined}
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="summary-to">To</label>
            <input
              id="summary-to"
              type="date"
              value={to}
              max={today ?? undefined}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button">
            Show this period
          </button>
          {problem ? (
            <p class="field-error" role="alert">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
