import { Section } from './sections';

/** Where to look for a couples therapist, and what to ask before starting. */
export function Finding() {
  return (
    <Section id="finding" title="Finding a therapist">
      <h3>Where to look</h3>
      <ul>
        <li>
          <strong>Directories of professional bodies.</strong> In many countries, the bodies that register or accredit
          counsellors, psychotherapists, psychologists or marriage and family therapists keep a searchable list of their members.
          Many let you look for people who work with couples. Members agree to a code of ethics and there is a way to raise a
          concern.
        </li>
        <li>
          <strong>Your GP or doctor.</strong> They may know local services, including any offered through public health care.
        </li>
        <li>
          <strong>An employee assistance programme.</strong> Many employers offer a few free, confidential sessions through one.
          Some include sessions for couples, and either partner's employer may offer one.
        </li>
        <li>
          <strong>University training clinics.</strong> Universities and institutes that train therapists often run clinics where
          trainees see clients under close supervision by qualified staff.
        </li>
        <li>
          <strong>Relationship charities and community organisations.</strong> In some places they offer counselling for couples.
        </li>
      </ul>
      <p>It is fine to contact more than one therapist before choosing, and to change if it does not feel right.</p>
      <h3>What you could ask at first contact</h3>
      <ul>
        <li>What training have you had in working with couples, and how much of your work is with couples?</li>
        <li>Which approach do you use, and what would the work look like for us?</li>
        <li>What does a session cost? Do you offer lower fees, and what happens if we need to cancel?</li>
        <li>When could we meet, how often, and is it in person, online, or either?</li>
        <li>What happens if one of us does not feel safe, or wants to tell you something in private?</li>
        <li>What do you keep confidential, and when might you have to share something?</li>
      </ul>
      <p>Therapists are used to these questions. Many offer a short call before a first session.</p>
    </Section>
  );
}

/** Ways people find lower-cost help. No prices: they vary too much between places to be useful. */
export function Costs() {
  return (
    <Section id="costs" title="Costs and lower-cost routes">
      <p>
        Fees vary a lot between countries, places and professions, so Attune does not quote any. If cost is a worry, these are
        some routes people use:
      </p>
      <ul>
        <li>
          <strong>Sliding scales.</strong> Some therapists lower their fee for people on lower incomes. It is fine to ask.
        </li>
        <li>
          <strong>Training clinics.</strong> Sessions with supervised trainees usually cost less.
        </li>
        <li>
          <strong>Charities.</strong> Some relationship charities offer counselling at a reduced cost or for a donation.
        </li>
        <li>
          <strong>Insurance.</strong> Some health insurance covers couples therapy, or covers it only in certain cases. Asking
          what is covered before you start can avoid surprises.
        </li>
        <li>
          <strong>Public health services.</strong> In some countries, therapy for couples is available through public health care,
          sometimes when one partner is struggling with low mood. There may be a waiting list.
        </li>
        <li>
          <strong>Employee assistance programmes.</strong> These often include a few sessions at no cost.
        </li>
        <li>
          <strong>Group programmes.</strong> Courses and workshops for couples, run by charities, community centres or therapists,
          usually cost less than private sessions. Some couples find them an easier first step.
        </li>
      </ul>
    </Section>
  );
}

/** What a first session is often like, so it feels less unknown. */
export function FirstSession() {
  return (
    <Section id="first-session" title="What a first session is like">
      <p>Every therapist works a little differently, but a first session often goes something like this.</p>
      <p>
        It starts with practical things: how sessions work, what they cost, what the therapist keeps confidential and when they
        might have to share something.
      </p>
      <p>
        Then the therapist asks what brings you, and what each of you hopes for. Each of you has time to speak, and they try to
        understand both of you without taking sides. They may ask about your history together and what has been hard lately. You
        can say that you would rather not answer something yet.
      </p>
      <p>
        Many couples therapists also meet each of you on your own early on. It is a chance to say things that are hard to say with
        your partner in the room, including anything about not feeling safe.
      </p>
      <p>
        It is common to feel nervous, to cry, or to leave feeling tired or raw. None of that means it went wrong. You do not have
        to decide anything at the end: you can take time to think about whether this therapist feels right for each of you.
      </p>
    </Section>
  );
}
