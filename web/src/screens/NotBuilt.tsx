import { useEffect } from 'preact/hooks';
import { findStep } from '../../../src/domain/journey';
import { Loading } from '../components/lazy';
import { PageTitle } from '../components/PageTitle';
import { navigate } from '../lib/router';
import NotFound from './NotFound';

export default function NotBuilt({ slug }: { slug: string }) {
  const step = findStep(slug);
  // An old /steps/<slug> link to a step that is built now goes to the step itself.
  useEffect(() => {
    if (step?.built) navigate(`/${step.slug}`);
  }, [slug]);
  if (!step) return <NotFound />;
  if (step.built) return <Loading />;
  return (
    <section class="narrow">
      <PageTitle title={step.title}>{step.title}</PageTitle>
      <p class="lead">This part of Attune is not built yet.</p>
      <p>When it is ready, it will be here. What it is for: {step.summary}</p>
      <p>Until then there is nothing to show. We would rather leave this page plain than fill it with made-up content.</p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </section>
  );
}
