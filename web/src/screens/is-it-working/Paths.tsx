/**
 * The level `concern`: said gently and plainly, then the paths people take, side by side, with what
 * each involves and where to find support. None is recommended over another.
 */
export function Concern({ safetyConcern }: { safetyConcern: boolean }) {
  return (
    <section class="card" aria-labelledby="iiw-level">
      <h2 id="iiw-level">What these facts say</h2>
      <p>
        The needs you put into words have kept going unmet, after repeated conversations and weeks of trying. That is what the
        facts above show, and it is worth taking seriously.
      </p>
      <p>
        Wanting your emotional needs met is reasonable. It is not asking too much, and seeing that they are not being met is not a
        failure on your part.
      </p>
      <p>
        Only you can decide what to do with this, and there is no rush. Here are the paths people take. Attune does not favour any
        of them, and you can change your mind.
      </p>
      <h3>Keep trying, with a therapist</h3>
      {safetyConcern ? (
        <p>
          Couples therapy is generally not advised when you feel afraid of your partner or controlled by them: in joint sessions
          it may not be safe to speak openly. A counsellor for you alone can help you think about what you want, and a specialist
          service can help you keep safe while you do.
        </p>
      ) : (
        <p>
          A couples therapist can help you both see what keeps getting in the way, in ways that are hard to manage alone. It
          usually means a session every week or two for some months, and it works best when both of you choose to be there.
        </p>
      )}
      <p>
        <a href={safetyConcern ? '/support#individual' : '/support'}>
          {safetyConcern ? 'Support for yourself' : 'What therapy is, and how to find a therapist'}
        </a>
      </p>
      <h3>Take some space</h3>
      <p>
        Some couples agree on time apart to think clearly: for how long, whether you live apart, how often you are in touch, and
        when you will talk about what comes next. It tends to go better with an end date agreed at the start, and with someone to
        talk to along the way.
      </p>
      <h3>End the relationship</h3>
      <p>
        Ending a relationship is a real choice when your needs keep going unmet. It can bring grief as well as relief, and
        practical questions about a home, money, and children if you have them. A counsellor can help with the feelings, and
        advice services with the practical side.
      </p>
      <h3>Support, whichever way you go</h3>
      <ul class="iiw-links">
        <li>
          <a href="/support#individual">Individual counselling: support for you, on your own</a>
        </li>
        <li>
          <a href="/help">Help lines you can call or text, free and confidential</a>
        </li>
      </ul>
    </section>
  );
}
