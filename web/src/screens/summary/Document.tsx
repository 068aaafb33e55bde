import type { SummaryNote, SummaryPart, SummaryView } from '../../api/client';
import { formatDateTime } from '../../lib/dates';
import { namesText } from '../therapists/words';
import { longDay, periodText } from './format';
import { AgreementList, FiguresBlock } from './Sections';

// The summary as it prints: one document, the same for both partners and (limited to what both
// included) for their therapist. Each partner's part holds only what that partner chose.

export const NOTE_KIND_NAMES: Record<SummaryNote['kind'], string> = {
  'checkin-line': 'From a shared check-in',
  takeaway: 'A takeaway from a conversation',
  turn: 'Said in a conversation',
  acknowledgement: 'From an acknowledgement',
  understanding: 'Part of the shared understanding',
  'closeness-answer': 'An answer to a question of the day',
};

/** The browser's own print window, which can also save a PDF; the print style leaves only the document. */
export function PrintButton() {
  return (
    <p class="no-print">
      <button type="button" class="button primary" onClick={() => window.print()}>
        Print or save as PDF
      </button>
    </p>
  );
}

function PartOf({ name, part }: { name: string; part: SummaryPart | undefined }) {
  const empty = !part || (part.notes.length === 0 && part.note === null);
  return (
    <section class="summary-part" aria-labelledby={`part-${name}`}>
      <h3 id={`part-${name}`}>In {name}’s words</h3>
      {empty ? <p class="hint">{name} has not added anything to this summary.</p> : null}
      {part?.note ? (
        <div class="session-note">
          <h4>A note for the session</h4>
          <p class="said-block">{part.note}</p>
        </div>
      ) : null}
      {part && part.notes.length > 0 ? (
        <ul class="summary-notes">
          {part.notes.map((n) => (
            <li key={n.id}>
              <p class="hint">
                {NOTE_KIND_NAMES[n.kind]}, {longDay(n.date)}
                {n.about ? (
                  <>
                    : <q>{n.about}</q>
                  </>
                ) : null}
              </p>
              <p class="said-block">{n.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function SummaryDocument({ summary, omitted }: { summary: SummaryView; omitted?: string }) {
  const names = summary.names.length > 0 ? namesText(summary.names) : '';
  return (
    <article class="summary-doc" aria-labelledby="summary-doc-title">
      <header class="summary-head">
        <h2 id="summary-doc-title">Summary for a session{names ? `: ${names}` : ''}</h2>
        <p>
          From {periodText(summary.from, summary.to)}. Made with Attune on {formatDateTime(summary.generatedAt)}.
        </p>
        <p class="hint">
          What two people shared with each other in Attune, as they chose to show it. Each person’s words appear only if they
          chose to include them. Figures cannot say why something was hard, only how often it happened.
        </p>
      </header>

      {summary.agreements ? (
        <section aria-labelledby="summary-agreements">
          <h2 id="summary-agreements">Agreements</h2>
          <AgreementList section={summary.agreements} />
        </section>
      ) : null}

      {summary.figures ? (
        <section aria-labelledby="summary-figures">
          <h2 id="summary-figures">Figures for the period</h2>
          <FiguresBlock section={summary.figures} names={summary.names} />
        </section>
      ) : null}

      <section aria-labelledby="summary-parts">
        <h2 id="summary-parts">In their own words</h2>
        {summary.names.map((name) => (
          <PartOf key={name} name={name} part={summary.parts.find((p) => p.by === name)} />
        ))}
      </section>
      {omitted ? <p class="hint">{omitted}</p> : null}
    </article>
  );
}
