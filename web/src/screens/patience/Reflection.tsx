import type { WeeklyReflection } from '../../api/client';
import { longDate, shortDate, valueText } from './words';

// The weekly reflection: the last 7 days beside the same 7 days four weeks earlier, what went well,
// what did not land yet, and one specific thing to thank the partner for. No score of anyone: the
// things the partner did that were not noticed are listed so they can still be noticed, and the
// person's own unnoticed ones are only counted, because noticing takes practice on both sides.

const range = (from: string, to: string) => `${shortDate(from)} to ${shortDate(to)}`;

export function Reflection({ reflection: r, partnerName }: { reflection: WeeklyReflection; partnerName: string }) {
  const rows: [string, { now: number | null; fourWeeksAgo: number | null }, string][] = [
    ['Your trust pulse', r.compare.pulse, 'out of 100'],
    ['Feeling connected', r.compare.connection, 'out of 100'],
    ['Feeling heard', r.compare.feltHeard, 'out of 100'],
    [`What ${partnerName} promised you that was done`, r.compare.followThrough, '%'],
    ['What was due for you that you noticed', r.compare.feltRate, '%'],
  ];
  const cell = (v: number | null, unit: string) =>
    v === null ? <span class="hint">none</span> : unit === '%' ? `${valueText(v)}%` : `${valueText(v)} ${unit}`;
  return (
    <>
      <table class="reflection-table">
        <caption>
          The last 7 days ({range(r.from, r.to)}) beside four weeks earlier ({range(r.earlierFrom, r.earlierTo)})
        </caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Four weeks earlier</th>
            <th scope="col">Last 7 days</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, c, unit]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{cell(c.fourWeeksAgo, unit)}</td>
              <td>{cell(c.now, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Seven days say little on their own: the charts above show the longer run.</p>

      {r.hasPartner ? (
        <>
          <h3>What went well</h3>
          {r.wentWell.length ? (
            <ul class="moments">
              {r.wentWell.map((m) => (
                <li key={`${m.commitmentId}/${m.key}`}>
                  <span class="moment-what">{m.what}</span> <span class="hint">{longDate(m.day)}</span>
                  {m.helped === 3 ? <span class="moment-helped"> · helped a lot</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing {partnerName} did for you was marked as noticed in these 7 days.</p>
          )}

          <h3>What has not landed yet</h3>
          {r.didNotLand.theirs.length ? (
            <>
              <p>{partnerName} marked these done, and you have not said you noticed them. You can still look at them in Act.</p>
              <ul class="moments">
                {r.didNotLand.theirs.map((m) => (
                  <li key={`${m.commitmentId}/${m.key}`}>
                    <span class="moment-what">{m.what}</span> <span class="hint">{longDate(m.day)}</span>
                  </li>
                ))}
              </ul>
              <p>
                <a href="/act">Look in Act</a>
              </p>
            </>
          ) : (
            <p>Everything {partnerName} marked done for you in these 7 days, you noticed.</p>
          )}
          {r.didNotLand.mineCount > 0 ? (
            <p>
              {r.didNotLand.mineCount === 1
                ? `One thing you did has not been marked as noticed by ${partnerName} yet.`
                : `${r.didNotLand.mineCount} things you did have not been marked as noticed by ${partnerName} yet.`}{' '}
              Noticing takes practice, on both sides.
            </p>
          ) : null}

          <h3>Something to thank {partnerName} for</h3>
          {r.thank ? (
            <p class="thank">
              “{r.thank.what}”, on {longDate(r.thank.day)}: you said it helped a lot. You could tell {partnerName} what it meant
              to you, in your own words.
            </p>
          ) : (
            <p>
              When something {partnerName} does helps a lot, and you say so in Act, it is offered here as something specific to
              thank them for.
            </p>
          )}
        </>
      ) : (
        <p>When your partner has joined, what went well between you and what has not landed yet will appear here.</p>
      )}
      {r.truncated ? <p class="hint">Only the most recent moments are listed.</p> : null}
    </>
  );
}
