import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { me } from '../../lib/session';
import { Approaches, WhatItIs } from './about';
import { WithAttune } from './attune';
import { Costs, Finding, FirstSession } from './finding';
import { goToSection, SectionLink } from './sections';
import { Individual, SafetyFirst } from './yourself';
import './support.css';

interface Part {
  id: string;
  title: string;
  Body: () => JSX.Element;
}

const WHAT: Part = { id: 'what-it-is', title: 'What couples therapy is', Body: WhatItIs };
const APPROACHES: Part = { id: 'approaches', title: 'The main approaches', Body: Approaches };
const FINDING: Part = { id: 'finding', title: 'Finding a therapist', Body: Finding };
const COSTS: Part = { id: 'costs', title: 'Costs and lower-cost routes', Body: Costs };
const FIRST: Part = { id: 'first-session', title: 'What a first session is like', Body: FirstSession };
const INDIVIDUAL: Part = { id: 'individual', title: 'Support for yourself', Body: Individual };
const ATTUNE: Part = { id: 'with-attune', title: 'Bringing Attune to a therapist', Body: WithAttune };
const SAFETY: Part = { id: 'safety', title: 'If you feel afraid, controlled or unsafe', Body: SafetyFirst };

const USUAL = [WHAT, APPROACHES, FINDING, COSTS, FIRST, ATTUNE, INDIVIDUAL, SAFETY];
/** When this person's own safety check raised concern, support for them alone comes first. */
const SAFETY_FIRST = [SAFETY, INDIVIDUAL, WHAT, APPROACHES, FINDING, COSTS, FIRST, ATTUNE];

/** Whether this person's own safety answers raise concern: null while unknown. Signed out: no answers to read. */
function useConcern(): boolean | null {
  const user = me.value;
  const [concern, setConcern] = useState<boolean | null>(null);
  // Runs again when the session becomes known, including as signed out (no id either way).
  useEffect(() => {
    if (user === undefined) return;
    if (user === null) {
      setConcern(false);
      return;
    }
    api('safety.get').then(
      (v) => setConcern(v.concern),
      () => setConcern(false),
    );
  }, [user === undefined, user?.id]);
  return concern;
}

/** Step 6, Help: professional support, written for Attune. Needs no data of its own. */
export default function Support() {
  const concern = useConcern();
  const ready = concern !== null;

  // A link from another screen may lead straight to a section, such as /support#individual.
  useEffect(() => {
    if (ready && location.hash.length > 1) goToSection(decodeURIComponent(location.hash.slice(1)));
  }, [ready]);

  const title = <PageTitle title="Professional support">Professional support</PageTitle>;
  if (!ready)
    return (
      <article class="support">
        {title}
        <Loading />
      </article>
    );

  const parts = concern ? SAFETY_FIRST : USUAL;
  return (
    <article class="support">
      {title}
      <p class="lead">
        Sometimes two people need more help than an app can give. This page sets out what professional support can look like, so
        you can decide what, if anything, feels right for you.
      </p>
      {concern ? (
        <p class="note">
          From what you shared in your private safety check, this page starts with support for you on your own. The rest is
          further down if you would like to read it.
        </p>
      ) : null}
      <nav aria-label="On this page" class="support-contents">
        <ul>
          {parts.map((p) => (
            <li key={p.id}>
              <SectionLink to={p.id}>{p.title}</SectionLink>
            </li>
          ))}
        </ul>
      </nav>
      {parts.map(({ id, Body }) => (
        <Body key={id} />
      ))}
      <p class="hint">
        This page describes each approach in general terms, as fairly as we can. They are not advice about your situation, and
        Attune does not recommend any particular approach, organisation or therapist.
      </p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </article>
  );
}
