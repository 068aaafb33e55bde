import { outboxNotice, outboxProblem } from '../lib/outbox-state';

/**
 * What the offline outbox has to tell, on every screen: writes saved offline that have now been
 * sent, writes still waiting sealed for the next sign-in, a write kept in this tab only, or one
 * the server refused. Held at the bottom of the window (styles.css, .outbox-notices); the status
 * region is always there, so a screen reader hears each new word.
 */
export function OutboxNotice() {
  const notice = outboxNotice.value;
  const problem = outboxProblem.value;
  return (
    <div class="outbox-notices">
      <div role="status" class={notice ? 'notice' : 'alert-empty'}>
        {notice ? (
          <>
            <p>{notice}</p>
            <button type="button" class="button" onClick={() => (outboxNotice.value = null)}>
              Hide this message
            </button>
          </>
        ) : null}
      </div>
      {problem ? (
        <div role="alert" class="alert">
          <p>{problem}</p>
          <button type="button" class="button" onClick={() => (outboxProblem.value = null)}>
            Hide this message
          </button>
        </div>
      ) : null}
    </div>
  );
}
