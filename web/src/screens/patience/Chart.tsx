import type { ComponentChildren } from 'preact';
import { HOW_WORKED_OUT, verdictDetail, verdictNumbers, verdictWords } from '../../../../src/domain/verdict-words';
import { addDays, daysBetween } from '../../../../src/domain/zoned-time';
import type { ProgressSeries } from '../../api/client';
import { pointText, shortDate } from './words';

// One chart as plain SVG: weeks left to right (oldest first), 0 to 100 bottom to top, a dot for each
// week with a value and a line joining weeks that follow one another (a missing week leaves a gap,
// never an invented value). The picture is for the eye only: the caption says what it shows and how
// the trend reads, and a table (visually hidden) carries every value for screen readers.

const W = 320;
const H = 170;
const LEFT = 32;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 28;
const PW = W - LEFT - RIGHT;
const PH = H - TOP - BOTTOM;

interface Props {
  series: ProgressSeries;
  /** The first Monday of the chart and the number of weeks it spans. */
  from: string;
  weeks: number;
  /** The chart's heading, already rendered (h3 or h4) with this id. */
  headingId: string;
  heading: ComponentChildren;
  /** Said when there is no point yet. */
  empty: ComponentChildren;
}

export function Chart({ series, from, weeks, headingId, heading, empty }: Props) {
  const x = (at: string) => {
    const i = daysBetween(from, at) / 7;
    return LEFT + (weeks <= 1 ? PW / 2 : (i * PW) / (weeks - 1));
  };
  const y = (v: number) => TOP + PH - (v / 100) * PH;
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
  const lastMonday = addDays(from, 7 * (weeks - 1));

  return (
    <figure class="chart" aria-labelledby={headingId}>
      {heading}
      <figcaption>
        <p class="chart-sentence">{series.sentence}</p>
        <p class={`verdict verdict-${series.verdict.verdict}`}>
          <strong>{verdictWords(series.verdict)}.</strong> {verdictDetail(series.verdict, weeks)}
        </p>
        <details class="worked-out">
          <summary>How this is worked out</summary>
          <p>{HOW_WORKED_OUT}</p>
          <p>Here: {verdictNumbers(series.verdict)}</p>
        </details>
      </figcaption>
      {series.points.length === 0 ? (
        <p class="hint chart-empty">{empty}</p>
      ) : (
        <>
          <svg class="chart-svg" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
            {[0, 25, 50, 75, 100].map((v) => (
              <line key={v} x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} class={v === 0 ? 'chart-axis' : 'chart-grid'} />
            ))}
            {[0, 50, 100].map((v) => (
              <text key={v} x={LEFT - 6} y={y(v) + 4} class="chart-label" text-anchor="end">
                {v}
              </text>
            ))}
            <text x={LEFT} y={H - 8} class="chart-label" text-anchor="start">
              {shortDate(from)}
            </text>
            <text x={W - RIGHT} y={H - 8} class="chart-label" text-anchor="end">
              {shortDate(lastMonday)}
            </text>
            {segments.map((d) => (
              <path key={d} d={d} class="chart-line" />
            ))}
            {series.points.map((p) => (
              <circle key={p.at} cx={x(p.at)} cy={y(p.value)} r={4} class="chart-dot" />
            ))}
          </svg>
          {/* Wrapped: a table ignores the 1 px box of .visually-hidden and would widen the page. */}
          <div class="visually-hidden">
            <table>
              <caption>{series.title}: week by week, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((p) => (
                  <tr key={p.at}>
                    <th scope="row">{shortDate(p.at)}</th>
                    <td>{pointText(series, p.value)}</td>
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
