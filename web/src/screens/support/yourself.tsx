import { Section, SectionLink } from './sections';

/** Support for one person alone. Other screens link here as /support#individual. */
export function Individual() {
  return (
    <Section id="individual" title="Support for yourself">
      <p>
        You can see a counsellor or therapist on your own, whatever is happening between you and your partner. It is time that is
        only about you: your feelings, your history, what you need and what you want next.
      </p>
      <p>It can be a help in particular:</p>
      <ul>
        <li>when things with your partner feel frightening or unsafe</li>
        <li>when your partner does not want to go to couples therapy</li>
        <li>when you are unsure what you want from the relationship</li>
        <li>when low mood, worry or old hurts are weighing on you.</li>
      </ul>
      <p>
        The same routes lead to individual support: <SectionLink to="finding">directories of professional bodies</SectionLink>,
        your GP or doctor, an employee assistance programme, training clinics and charities. What you say is confidential, within
        limits the counsellor will explain. Seeing someone on your own is not a step away from your partner; some people do both.
      </p>
      <p>
        If you would like to talk to someone sooner, <a href="/help">help lines you can call or text</a> are free and
        confidential.
      </p>
    </Section>
  );
}

/** Why couples therapy is generally not advised where there is fear, control or violence, and where to turn. */
export function SafetyFirst() {
  return (
    <Section id="safety" title="If you feel afraid, controlled or unsafe">
      <p>
        Couples therapy is generally not advised when one partner is afraid of the other, or where there is control, threats or
        violence. In joint sessions it may not be safe to speak openly, and what is said there can lead to harm afterwards. Attune
        is not built for that situation either.
      </p>
      <p>
        Many people in that situation talk first to someone who is there for them alone:{' '}
        <SectionLink to="individual">a counsellor for yourself</SectionLink>, or a specialist service for people affected by
        abuse, which can also help with planning for safety.
      </p>
      <ul class="support-links">
        <li>
          <a href="/help">Help lines you can call or text, free and confidential</a>
        </li>
        <li>
          <a href="/safety">Your private safety check</a>: only you see your answers, and your partner is never told you took it.
        </li>
      </ul>
      <p>
        The quick exit button at the top of every page leaves Attune at once. Whatever you decide, you deserve to feel safe, and
        what you do next is yours to choose.
      </p>
    </Section>
  );
}
