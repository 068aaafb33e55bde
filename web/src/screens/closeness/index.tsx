import NotFound from '../NotFound';
import { Deck } from './Deck';
import { QuestionDay } from './QuestionDay';
import { Rituals } from './Rituals';
import { Today } from './Today';
import './closeness.css';

/** Step 7, Closeness: /closeness, /closeness/deck, /closeness/rituals and /closeness/<question id>. */
export default function Closeness({ sub }: { sub: string }) {
  if (!sub) return <Today />;
  if (sub === 'deck') return <Deck />;
  if (sub === 'rituals') return <Rituals />;
  if (/^[a-z]+-\d{3}$/.test(sub)) return <QuestionDay questionId={sub} />;
  return <NotFound />;
}
