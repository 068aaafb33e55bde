import { me } from '../../lib/session';
import { Section } from './sections';

/** Bringing what a couple shares in Attune to their therapist: the invitation and the printable summary. */
export function WithAttune() {
  const partner = me.value?.role === 'partner';
  return (
    <Section id="with-attune" title="Bringing Attune to a therapist">
      <p>
        If you see a couples therapist, you can let them read some of what you share here, such as your agreements and how they
        have gone. It happens only if you both agree, shows only what you both choose, and ends on the date you pick or the moment
        either of you ends it. Both of you can see each page they open.
      </p>
      <p>
        You can also print a short summary to take to a session, or save it as a PDF. Each of you chooses what of your own goes in
        it.
      </p>
      <p>
        Private things never reach a therapist: drafts, private check-ins, your journal, “Is it working?” or your safety check.
      </p>
      {partner ? (
        <ul class="support-links">
          <li>
            <a href="/support/therapist">Work with a therapist</a>: invite one, choose what they may see, read the log
          </li>
          <li>
            <a href="/summary">The summary for a session</a>
          </li>
        </ul>
      ) : null}
    </Section>
  );
}
