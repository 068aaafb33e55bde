import { PageTitle } from '../../components/PageTitle';

/**
 * Where a person lands after deleting their account (decision 025): signed out, and a plain word
 * that it is done. Neutral on purpose: nothing here says what the account held or who it was.
 */
export default function Deleted() {
  return (
    <section>
      <PageTitle title="Account deleted">Your account is deleted</PageTitle>
      <p>Everything you wrote in Attune has been deleted, and you are signed out on every device.</p>
      <p>Thank you for the care you put in here. If you ever want to come back, you can make a new account at any time.</p>
      <p>
        <a class="button" href="/sign-in">
          Go to the sign-in page
        </a>
      </p>
    </section>
  );
}
