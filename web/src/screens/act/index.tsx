import { type AcknowledgementSummary, api, type CommitmentView, type TodayView } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { useResource } from '../../lib/use-resource';
import { Appreciate } from './Appreciate';
import { Detail } from './Detail';
import { LogState, OccurrenceItem } from './LogItems';
import { ACT_REFRESH } from './live';
import { NewCommitment } from './NewCommitment';
import { FiguresBlock, occurrenceLabel } from './shared';
import './act.css';

// Step 4, Act: what each of us does for the other, the two-sided log, and the figures shown kindly.
// Everything re-fetches when the partner's side changes (see live.ts).

async function loadAct() {
  const [today, list, space] = await Promise.all([api('log.today'), api('commitments.list'), api('spaces.get')]);
  return { today, list, partnerName: space.partner?.name ?? 'Your partner' };
}

function SaidBeside({ ack, partnerName }: { ack: AcknowledgementSummary; partnerName: string }) {
  const who = ack.byMe ? 'You' : partnerName;
  return (
    <div class="card said">
      <p class="need-meta">
        {who} wrote this on {formatDate(ack.at)}
      </p>
      <dl>
        <dt>What {ack.byMe ? 'I' : 'they'} did or failed to do</dt>
        <dd>{ack.did}</dd>
        <dt>How it affected {ack.byMe ? partnerName : 'you'}</dt>
        <dd>{ack.effect}</dd>
        <dt>What {ack.byMe ? 'I' : 'they'} will do differently</dt>
        <dd>{ack.change}</dd>
      </dl>
    </div>
  );
}

function CommitmentCard({ c, partnerName, figures }: { c: CommitmentView; partnerName: string; figures: TodayView['figures'] }) {
  const f = figures.commitments.find((x) => x.id === c.id)?.figures;
  const state = { upcoming: 'Starts soon', active: 'Active', paused: 'Paused', ended: 'Ended' }[c.state];
  return (
    <li class="card commitment">
      <p class="occurrence-what">{c.what}</p>
      <p class="need-meta">
        {c.actorIsMe ? `You, for ${partnerName}` : `${partnerName}, for you`} · {c.described}
        <span class="tag">{state}</span>
      </p>
      {f && f.due > 0 ? (
        <p class="need-meta">
          Last four weeks: done {f.done} of {f.due}, noticed {f.noticed} of {f.due}.
        </p>
      ) : null}
      <p>
        <a href={`/act/${c.id}`}>
          See the log<span class="visually-hidden"> for {c.what}</span>
        </a>
      </p>
    </li>
  );
}

function ActHome() {
  const { data, failed, reload } = useResource(loadAct, ACT_REFRESH);

  const title = <PageTitle title="Act">Act</PageTitle>;
  if (!data)
    return (
      <section class="act">
        {title}
        {failed ? <p role="alert">This could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { today, list, partnerName } = data;
  const refresh = () => void reload();
  const mine = list.commitments.filter((c) => c.actorIsMe && c.state !== 'ended');
  const theirs = list.commitments.filter((c) => !c.actorIsMe && c.state !== 'ended');
  const ended = list.commitments.filter((c) => c.state === 'ended');
  const said = [list.acknowledgements.partners, list.acknowledgements.mine].filter(
    (a): a is AcknowledgementSummary => a !== null,
  );

  if (!list.hasPartner)
    return (
      <section class="act">
        {title}
        <p class="lead">Small things, done again and again, and noticed by the other: this is where trust comes back.</p>
        <p class="note">
          Commitments are things one of you does for the other, so they wait until your partner has joined your space.{' '}
          <a href="/invite">Invite your partner</a>
        </p>
      </section>
    );

  return (
    <section class="act">
      {title}
      <p class="lead">Small things, done again and again, and noticed by the other: this is where trust comes back.</p>

      <section aria-labelledby="to-mark-heading">
        <h2 id="to-mark-heading">Yours to mark</h2>
        {today.toMark.length ? (
          <ul class="occurrence-list">
            {today.toMark.map((o) => (
              <OccurrenceItem
                key={`${o.commitmentId}-${o.key}`}
                o={o}
                partnerName={partnerName}
                today={today.date}
                onChange={refresh}
              />
            ))}
          </ul>
        ) : (
          <p class="hint">Nothing is waiting for you to mark right now.</p>
        )}
      </section>

      <section aria-labelledby="to-ack-heading">
        <h2 id="to-ack-heading">What {partnerName} did for you</h2>
        {today.toAcknowledge.length ? (
          <ul class="occurrence-list">
            {today.toAcknowledge.map((o) => (
              <OccurrenceItem
                key={`${o.commitmentId}-${o.key}`}
                o={o}
                partnerName={partnerName}
                today={today.date}
                onChange={refresh}
              />
            ))}
          </ul>
        ) : (
          <p class="hint">Nothing new from {partnerName} to look at.</p>
        )}
      </section>

      <Appreciate partnerName={partnerName} today={today.date} />

      <section aria-labelledby="more-heading">
        <h2 id="more-heading">Each day</h2>
        <ul class="plain-list">
          <li>
            <a href="/checkin">Check in: how connected you felt today, and whether you felt heard</a>
          </li>
          <li>
            <a href="/bids">Moments of reaching out and small gestures: a log only you can see</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="commitments-heading">
        <h2 id="commitments-heading">Your commitments</h2>
        <p>
          <a class="button primary" href="/act/new">
            Make a commitment
          </a>
        </p>
        {mine.length + theirs.length === 0 ? (
          <p class="hint">
            None yet. A commitment can come from an agreement you reached in Needs, or be something you choose to do for{' '}
            {partnerName}.
          </p>
        ) : (
          <ul class="occurrence-list">
            {[...mine, ...theirs].map((c) => (
              <CommitmentCard key={c.id} c={c} partnerName={partnerName} figures={today.figures} />
            ))}
          </ul>
        )}
        {ended.length ? (
          <details class="need-history">
            <summary>Ended commitments ({ended.length})</summary>
            <ul class="occurrence-list">
              {ended.map((c) => (
                <CommitmentCard key={c.id} c={c} partnerName={partnerName} figures={today.figures} />
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <div class="beside">
        <section aria-labelledby="said-heading">
          <h2 id="said-heading">What was said</h2>
          {said.length ? (
            said.map((a) => <SaidBeside key={a.id} ack={a} partnerName={partnerName} />)
          ) : (
            <p class="hint">
              When one of you writes an acknowledgement in <a href="/talk">Talk</a>, it is shown here beside what has been done
              since.
            </p>
          )}
        </section>
        <section aria-labelledby="done-heading">
          <h2 id="done-heading">What has been done since</h2>
          <div class="figures-pair">
            <FiguresBlock
              title={`What you do for ${partnerName}`}
              figures={today.figures.mine}
              side="mine"
              partnerName={partnerName}
            />
            <FiguresBlock
              title={`What ${partnerName} does for you`}
              figures={today.figures.partners}
              side="partners"
              partnerName={partnerName}
            />
          </div>
          <p class="hint">
            The last four weeks. Paused days are left out. Done counts what was marked; noticed counts what was seen.
          </p>
          {today.recent.length ? (
            <ul class="plain-list">
              {today.recent.slice(0, 10).map((o) => (
                <li key={`${o.commitmentId}-${o.key}`} class="row">
                  <div>
                    <p class="occurrence-what">
                      {o.what} <span class="need-meta">· {occurrenceLabel(o)}</span>
                    </p>
                    <LogState o={o} partnerName={partnerName} />
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </section>
  );
}

/** /act, /act/new and /act/<id>. */
export default function Act({ sub }: { sub: string }) {
  if (sub === 'new') return <NewCommitment />;
  if (sub) return <Detail key={sub} id={sub} />;
  return <ActHome />;
}
