/** Shown first when the person's own safety check raised concern: safety planning and help lines. */
export function SafetyFirst() {
  return (
    <div class="card concern" id="safety-first">
      <h2>Your safety comes first</h2>
      <p>
        From what you shared in your private safety check, your safety matters more than anything else on this page. If you are
        afraid of your partner, or they control or threaten you, you do not have to work this out alone.
      </p>
      <p>
        A specialist service for people affected by abuse can help you make a safety plan: small, practical steps for staying as
        safe as possible now, and for any change you might make later. Times of change, such as taking space or leaving, can bring
        more risk, so it helps to plan them with someone who knows this work.
      </p>
      <ul class="iiw-links">
        <li>
          <a href="/help">Help lines you can call or text, free and confidential</a>
        </li>
        <li>
          <a href="/support#safety">If you feel afraid, controlled or unsafe</a>
        </li>
        <li>
          <a href="/support#individual">Support for yourself, on your own</a>
        </li>
      </ul>
      <p>The quick exit button at the top of the page leaves Attune at once.</p>
    </div>
  );
}
