import type { BidSummary, BidWeek } from '../../api/client';

const weekFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A local date ('YYYY-MM-DD') as "9 Mar", without any zone shifting it. */
function shortDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return weekFmt.format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1)));
}

const marked = (w: Pick<BidWeek, 'toward' | 'away' | 'against'>) => w.toward + w.away + w.against;
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

function towardText(w: BidWeek): string {
  if (w.ratio === null) return w.bids > 0 ? 'not marked yet' : '–';
  return `${w.toward} of ${marked(w)} (${percent(w.ratio)})`;
}

/** Bars of the share turned toward, oldest week on the left; the table below carries the same figures. */
function Chart({ weeks, label }: { weeks: BidWeek[]; label: string }) {
  const width = 300;
  const height = 100;
  const slot = width / weeks.length;
  return (
    <svg class="bid-chart" viewBox={`0 0 ${width} ${height + 4}`} role="img" aria-label={label}>
      <line x1="0" y1={height + 1} x2={width} y2={height + 1} class="bid-chart-axis" />
      <line x1="0" y1={height / 2} x2={width} y2={height / 2} class="bid-chart-mid" />
      {weeks.map((w, i) =>
        w.ratio === null ? null : (
          <rect
            key={w.weekStart}
            x={i * slot + slot * 0.15}
            width={slot * 0.7}
            y={height - w.ratio * height}
            height={Math.max(w.ratio * height, 1)}
            class="bid-chart-bar"
          />
        ),
      )}
    </svg>
  );
}

/** My own turning-toward figures over the weeks: a sentence, a small chart and a table. */
export function Weeks({ summary, partnerName }: { summary: BidSummary; partnerName: string }) {
  const { total, weeks } = summary;
  const count = weeks.length;
  const active = weeks.filter((w) => w.bids + w.gestures > 0).reverse();
  if (total.ratio === null) {
    return (
      <p>
        {total.bids > 0
          ? `You logged ${total.bids} ${total.bids === 1 ? 'bid' : 'bids'} in the last ${count} weeks, none marked yet. `
          : ''}
        When you mark how {partnerName} met your bids, your own picture over the weeks appears here.
      </p>
    );
  }
  return (
    <>
      <p class="bid-summary">
        Over the last {count} weeks, {partnerName} turned toward {total.toward} of {marked(total)}{' '}
        {marked(total) === 1 ? 'bid' : 'bids'} you marked ({percent(total.ratio)}).
        {total.unmarked > 0 ? ` ${total.unmarked} more ${total.unmarked === 1 ? 'is' : 'are'} not marked yet.` : ''}
      </p>
      <Chart
        weeks={weeks}
        label={`Bar chart: the share of your marked bids ${partnerName} turned toward, week by week, for ${count} weeks. The table below has the same figures.`}
      />
      <table class="bid-table">
        <caption>Week by week, newest first (weeks start on Monday)</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Affection</th>
            <th scope="col">Bids</th>
            <th scope="col">Turned toward</th>
          </tr>
        </thead>
        <tbody>
          {active.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{shortDate(w.weekStart)}</th>
              <td>{w.gestures}</td>
              <td>{w.bids}</td>
              <td>{towardText(w)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
