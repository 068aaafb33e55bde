import { HOW_WORKED_OUT, verdictNumbers } from '../../../../src/domain/verdict-words';
import { addDays, daysBetween, mondayOf } from '../../../../src/domain/zoned-time';
import type { ChartSeries } from '../../api/client';
import { shortDay } from './format';

// One weekly series as inline SVG (it prints as vectors): weeks left to right, 0 to 100 bottom to
// top, a dot per week with a value and a line joining weeks that follow one another (a missing week
// leaves a gap). The picture is for the eye; its caption gives the verdict in words, and a table
// (visually hidden) carries every value for screen readers.

const W = 320;
const H = 150;
const LEFT = 30;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 24;
const PW = W - LEFT - RIGHT;
const PH = H - TOP - BOTTOM;

const valueText = (s: ChartSeries, v: number) => (s.kind === 'pulse' ? `${v} of 100` : `${v}%`);

export function SeriesChart({
  series,
  from,
  weeks,
  level = 4,
}: {
  series: ChartSeries;
  from: string;
  weeks: number;
  level?: 3 | 4 | 5;
}) {
  const first = mondayOf(from);
  const span = Math.max(1, weeks);
  const x = (at: string) => LEFT + (span <= 1 ? PW / 2 : ((daysBetween(first, at) / 7) * PW) / (span - 1));
  const y = (v: number) => TOP + PH - (Math.max(0, Math.min(100, v)) / 100) * PH;
  const segments: string[] = [];
  let run: string[] = [];
  let previous: string | null = null;
  for (const p of series.points) {
    if (previous !== null && daysBetween(previous, p.at) !== 7) {
      if (run.length > 1) segments.push(run.join(' '));
      run = [];
    }
    run.push(`${run.length === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`);
    previous = p.at;
  }
  if (run.length > 1) segments.push(run.join(' '));
  const Heading = `h${level}` as 'h4';
  const headingId = `series-${series.id.replace(/[^a-z0-9-]/gi, '-')}`;

  return (
    <figure class="series" aria-labelledby={headingId}>
      <Heading id={headingId} class="series-title">
        {series.title}
      </Heading>
      <figcaption class="series-verdict">
        <strong>{series.verdict.words}.</strong>
        <details class="worked-out">
          <summary>How this is worked out</summary>
          <p>{HOW_WORKED_OUT}</p>
          <p>Here: {verdictNumbers(series.verdict)}</p>
        </details>
      </figcaption>
      {series.points.length === 0 ? (
        <p class="hint">No week in this period has a value yet.</p>
      ) : (
        <>
          <svg class="series-svg" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
            {[0, 50, 100].map((v) => (
              <g key={v}>
                <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} class={v === 0 ? 'series-axis' : 'series-rule'} />
                <text x={LEFT - 5} y={y(v) + 4} class="series-label" text-anchor="end">
                  {v}
                </text>
              </g>
            ))}
            <text x={LEFT} y={H - 6} class="series-label" text-anchor="start">
              {shortDay(first)}
            </text>
            <text x={W - RIGHT} y={H - 6} class="series-label" text-anchor="end">
              {shortDay(addDays(first, 7 * (span - 1)))}
            </text>
            {segments.map((d) => (
              <path key={d} d={d} class="series-line" />
            ))}
            {series.points.map((p) => (
              <circle key={p.at} cx={x(p.at)} cy={y(p.value)} r={3.5} class="series-dot" />
            ))}
          </svg>
          {/* Wrapped: a table ignores the 1 px box of .visually-hidden and would widen the page. */}
          <div class="visually-hidden">
            <table>
              <caption>
                {series.title}: week by week, oldest first ({series.unit})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((p) => (
                  <tr key={p.at}>
                    <th scope="row">{shortDay(p.at)}</th>
                    <td>{valueText(series, p.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
