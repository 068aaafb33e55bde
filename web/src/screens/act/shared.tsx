import { dueWhen } from '../../../../src/domain/due-words';
import { describeSchedule, type Schedule } from '../../../../src/domain/schedule';
import { localDateOf } from '../../../../src/domain/zoned-time';
import type { FiguresSchema, OccurrenceView } from '../../api/client';
import { me } from '../../lib/session';

// Small pieces the Act screens share: dates in plain words, and the figures shown kindly.

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFmt(zone: string | undefined): Intl.DateTimeFormat {
  const key = zone ?? '';
  let fmt = timeFormats.get(key);
  if (!fmt) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    };
    try {
      fmt = new Intl.DateTimeFormat(undefined, zone ? { ...options, timeZone: zone } : options);
    } catch {
      fmt = new Intl.DateTimeFormat(undefined, options);
    }
    timeFormats.set(key, fmt);
  }
  return fmt;
}

/** "Tue 24 Nov" for a local date (no zone: it is a calendar day). */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : dayFmt.format(d);
}

/** An instant in the signed-in person's own time zone (the one in their settings). */
export function dueLabel(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt(me.value?.timeZone).format(d);
}

/**
 * When an occurrence is due, after "Due": "any time today" (or "any time on Tue 24 Nov") for one kept
 * any time that day, else the time, in the signed-in person's zone.
 */
export function dueWords(o: Pick<OccurrenceView, 'due' | 'localDate'>): string {
  const zone = me.value?.timeZone ?? 'UTC';
  const when = dueWhen(o.due, o.localDate, zone, localDateOf(new Date(), zone));
  if (when.kind === 'any-time') return when.today ? 'any time today' : `any time on ${dayLabel(o.localDate)}`;
  return dueLabel(o.due);
}

export function scheduleWords(schedule: unknown): string {
  return describeSchedule(schedule as Schedule);
}

/** Which occurrence this is, in words: "Tue 24 Nov", or "1 of this week's (week ending Sun 29 Nov)". */
export function occurrenceLabel(o: OccurrenceView): string {
  const weekly = /#(\d)$/.exec(o.key);
  if (weekly) return `one of the week ending ${dayLabel(o.localDate)} (${weekly[1]})`;
  if (o.key === 'once') return `by ${dueLabel(o.due)}`;
  return dayLabel(o.localDate);
}

const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/**
 * One side's figures: what was done and what was noticed, with the numbers behind them, and the gap
 * said kindly. Never a verdict on a person.
 */
export function FiguresBlock({
  title,
  figures,
  side,
  partnerName,
}: {
  title: string;
  figures: FiguresSchema;
  side: 'mine' | 'partners';
  partnerName: string;
}) {
  const { due, done, noticed, followThrough, feltRate, gap } = figures;
  let words: string | null = null;
  if (due === 0) words = 'Nothing has been due yet in these four weeks.';
  else if (gap !== null && gap >= 0.15 && due >= 3)
    words =
      side === 'mine'
        ? `Some of what you do isn't landing yet. That happens: you could ask ${partnerName} what would make it easier to notice.`
        : `Some of what ${partnerName} does may not be reaching you yet. Noticing takes practice, and saying "I noticed" helps you both see it.`;
  else if (gap !== null && gap <= 0.05 && done > 0) words = 'What is done is being felt.';
  return (
    <div class="figures">
      <h3>{title}</h3>
      <dl class="figure-list">
        <div>
          <dt>Done</dt>
          <dd>
            {done} of {due} <span class="figure-rate">({percent(followThrough)})</span>
          </dd>
        </div>
        <div>
          <dt>Noticed</dt>
          <dd>
            {noticed} of {due} <span class="figure-rate">({percent(feltRate)})</span>
          </dd>
        </div>
      </dl>
      {words ? <p class="hint">{words}</p> : null}
    </div>
  );
}
