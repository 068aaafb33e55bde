import { ApiError, api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { formatDay } from '../checkin/format';
import { PairBody } from './PairBody';
import { CLOSENESS_LIVE, DEPTH_LABELS, type Pair } from './words';

interface Loaded {
  pair: Pair;
  partnerName: string | null;
}

/** /closeness/<question id>: an earlier question day, to answer if it is not revealed yet, or to read. */
export function QuestionDay({ questionId }: { questionId: string }) {
  const load = async (): Promise<Loaded> => {
    const [pair, space] = await Promise.all([api('closeness.pair', { params: { questionId } }), api('spaces.get')]);
    return { pair, partnerName: space.partner?.name ?? null };
  };
  const { data, error, reload } = useResource(load, { liveKinds: CLOSENESS_LIVE, refetchOnVisible: true, key: [questionId] });

  if (!data) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <section class="closeness">
        <PageTitle title="A question">A question</PageTitle>
        {error ? (
          <p role="alert">
            {missing
              ? 'This question is not one of your question days. It may be from another link.'
              : 'This question could not load. Please check your connection and try again.'}
          </p>
        ) : (
          <Loading />
        )}
        <p>
          <a href="/closeness">Back to Closeness</a>
        </p>
      </section>
    );
  }

  const { pair, partnerName } = data;
  return (
    <section class="closeness">
      <PageTitle title={`Question of ${formatDay(pair.day)}`}>Question of {formatDay(pair.day)}</PageTitle>
      <div class="card today-question">
        <p class="hint">{DEPTH_LABELS[pair.question.depth]}</p>
        <p class="question-text">{pair.question.text}</p>
        <PairBody pair={pair} partnerName={partnerName} isToday={false} onChange={() => void reload()} />
      </div>
      <p>
        <a href="/closeness">Back to Closeness</a>
      </p>
    </section>
  );
}
