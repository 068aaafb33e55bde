import { PageTitle } from '../components/PageTitle';
import { me } from '../lib/session';

export default function NotFound() {
  return (
    <section class="narrow">
      <PageTitle title="Page not found">There is nothing at this address</PageTitle>
      <p>The link may be mistyped, or the page may have moved.</p>
      <p>
        <a href={me.value ? '/' : '/sign-in'}>Go to Attune</a>
      </p>
    </section>
  );
}
