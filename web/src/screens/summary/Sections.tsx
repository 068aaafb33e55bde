import type { AgreementEntry, AgreementsSection, FiguresSection } from '../../api/client';
import { SeriesChart } from './Chart';
import { longDay, percent } from './format';

// The parts a summary is made of, also shown on their own to a therapist: the agreements with how
// each was reached, and the figures with their weekly charts and trend verdicts.

type Figures = FiguresSection['overall']['figures'];

const dateOf = (iso: string) => longDay(iso.slice(0, 10));

function Step({ step }: { step: AgreementEntry['history'][number] }) {
  const when = <span class="hint"> ({dateOf(step.at)})</span>;
  if (step.kind === 'accept')
    return (
      <li>
        {step.by} accepted{when}
      </li>
    );
  const did = step.kind === 'proposal' ? 'proposed a change' : 'declined';
  return (
    <li>
      {step.by} {did}
      {step.text ? (
        <>
          : <q class="said">{step.text}</q>
        </>
      ) : null}
      {when}
    </li>
  );
}

function Agreement({ entry, level }: { entry: AgreementEntry; level: 3 | 4 }) {
  const Heading = `h${level}` as 'h3';
  const words = entry.wording?.text ?? entry.need;
  return (
    <li class="agreement-entry">
      <Heading class="said-heading">{words}</Heading>
      <p class="hint">
        {entry.needBy}’s need, agreed on {dateOf(entry.agreedAt)}
        {entry.wording && entry.wording.by !== entry.needBy ? `, in ${entry.wording.by}’s words` : ''}.
      </p>
      {entry.wording && entry.wording.text !== entry.need ? (
        <p>
          First asked as: <q class="said">{entry.need}</q>
          {entry.needEdited ? ' (changed after it was shared)' : ''}
        </p>
      ) : null}
      {entry.history.length > 0 ? (
        <ol class="agreement-history" aria-label="How it was agreed">
          {entry.history.map((h) => (
            <Step key={`${h.kind}-${h.at}`} step={h} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function AgreementList({ section, level = 3 }: { section: AgreementsSection; level?: 3 | 4 }) {
  if (section.agreements.length === 0) return <p>No agreement yet.</p>;
  return (
    <>
      <ul class="agreement-list">
        {section.agreements.map((a) => (
          <Agreement key={a.id} entry={a} level={level} />
        ))}
      </ul>
      {section.truncated ? <p class="hint">Only the newest agreements are shown here.</p> : null}
    </>
  );
}

/** Due, done and noticed, as numbers with their rates. */
export function FigureNumbers({ figures }: { figures: Figures }) {
  if (figures.due === 0) return <p class="hint">Nothing was due in this period.</p>;
  return (
    <dl class="figure-numbers">
      <div>
        <dt>Due</dt>
        <dd>{figures.due}</dd>
      </div>
      <div>
        <dt>Done as promised</dt>
        <dd>
          {figures.done} <span class="hint">({percent(figures.followThrough)})</span>
        </dd>
      </div>
      <div>
        <dt>Noticed</dt>
        <dd>
          {figures.noticed} <span class="hint">({percent(figures.feltRate)})</span>
        </dd>
      </div>
    </dl>
  );
}

export function FiguresBlock({
  section,
  names,
  level = 3,
}: {
  section: FiguresSection;
  names: readonly string[];
  level?: 3 | 4;
}) {
  const Heading = `h${level}` as 'h3';
  const sub = (level + 1) as 4 | 5;
  const other = (name: string) => names.find((n) => n !== name) ?? 'the other';
  // Under an agreement's heading, its charts are simply "Done as promised" and "Noticed".
  const charts = (list: FiguresSection['overall']['series'], short = false) => (
    <div class="series-grid">
      {list.map((s) => (
        <SeriesChart
          key={s.id}
          series={short ? { ...s, title: s.kind === 'felt-rate' ? 'Noticed' : 'Done as promised' } : s}
          from={section.from}
          weeks={section.weeks}
          level={sub}
        />
      ))}
    </div>
  );
  return (
    <div class="figures-block">
      <p class="hint">
        Done as promised is what the one who made a commitment marked done. Noticed is what the other said they noticed. A trend
        is read only from whole weeks, never from a single good or hard day.
      </p>
      <section class="figures-part">
        <Heading>Everything together</Heading>
        <FigureNumbers figures={section.overall.figures} />
        {charts(section.overall.series)}
      </section>
      {section.byDoer.map((d) => (
        <section class="figures-part" key={d.doer}>
          <Heading>
            What {d.doer} did for {other(d.doer)}
          </Heading>
          <FigureNumbers figures={d.figures} />
          {charts(d.series)}
        </section>
      ))}
      {section.agreements.map((a) => (
        <section class="figures-part" key={a.agreementId}>
          <Heading>
            <span class="hint">Agreement: </span>
            {a.about}
          </Heading>
          <FigureNumbers figures={a.figures} />
          {charts(a.series, true)}
        </section>
      ))}
    </div>
  );
}
