import { Section, SectionLink } from './sections';

/** What couples therapy is, and what it is not. Written for Attune. */
export function WhatItIs() {
  return (
    <Section id="what-it-is" title="What couples therapy is">
      <p>
        In couples therapy, a trained professional meets with both of you, usually together and sometimes each on your own. They
        help you slow down hard conversations, notice the patterns you get caught in, and try new ways of reaching each other.
        Sessions often last about an hour, in person or online.
      </p>
      <p>
        A couples therapist tries to make room for both of you rather than take a side. People go for many reasons: feeling
        distant, the same argument coming back again and again, trust that was hurt, a big change in life. You do not need to be
        in crisis to go, and going does not mean anyone has failed.
      </p>
      <h3>What it is not</h3>
      <ul>
        <li>
          <strong>Not a court.</strong> The therapist is not there to decide who is right or who is to blame.
        </li>
        <li>
          <strong>Not a promise about how things end.</strong> Some couples find their way back to each other. Others use therapy
          to understand what happened and to part with more care. Either way, it can be a place where both of you are heard.
        </li>
        <li>
          <strong>Not something anyone can be made to do.</strong> Each of you chooses. If your partner does not want to go,{' '}
          <SectionLink to="individual">support for yourself</SectionLink> is still open to you.
        </li>
        <li>
          <strong>Not emergency help.</strong> If you are in danger or in crisis, <a href="/help">Get help now</a> lists free,
          confidential lines.
        </li>
        <li>
          <strong>Not advised where there is fear, control or violence.</strong>{' '}
          <SectionLink to="safety">Why, and what may help instead</SectionLink>.
        </li>
      </ul>
      <p>Attune is not therapy either, and it cannot take the place of a therapist.</p>
    </Section>
  );
}

/** The three most studied approaches, each described the way it describes itself, in plain words. */
export function Approaches() {
  return (
    <Section id="approaches" title="The main approaches">
      <p>
        Couples therapists train in different approaches. Three of the best known are below. Many therapists draw on more than
        one, and no single approach suits everyone. How comfortable you both feel with the therapist matters a great deal too.
        Attune does not recommend any approach, organisation or therapist.
      </p>
      <h3>Emotionally focused therapy</h3>
      <p>
        Emotionally focused therapy was developed by Sue Johnson and Leslie Greenberg in the 1980s. It draws on attachment theory:
        the idea that everyone needs to feel that someone close will be there for them. It sees much of the pain between partners
        as a cycle that takes over, such as one person reaching out harder while the other pulls further back. The therapist helps
        you both see the cycle, rather than each other, as the problem, and put into words the softer feelings and needs
        underneath it, so you can reach for each other in new ways.
      </p>
      <h3>The Gottman method</h3>
      <p>
        The Gottman method was developed by John Gottman and Julie Schwartz Gottman, building on many years of research watching
        how couples talk and disagree. It usually starts with a detailed assessment: sessions together and apart, and
        questionnaires. The work then focuses on three things: friendship and fondness, handling conflict more gently (including
        how to repair after a conversation goes wrong), and a sense of shared meaning. It names four habits that tend to harm
        relationships, criticism, contempt, defensiveness and stonewalling, and works on gentler ways to replace each.
      </p>
      <h3>Integrative behavioural couple therapy</h3>
      <p>
        Integrative behavioural couple therapy was developed by Andrew Christensen and Neil Jacobson. It grew from earlier
        behavioural couple therapy, which focused on changing what partners do. It adds acceptance: it helps you understand the
        theme behind your repeated difficulties, often a real difference between you and how each of you reacts to it, and look at
        it together with some distance, rather than as one person's fault. Alongside that, it works on practical change, such as
        talking and solving problems together. It begins with an assessment, often one session together and one with each of you,
        followed by the therapist's feedback on what they have understood.
      </p>
    </Section>
  );
}
