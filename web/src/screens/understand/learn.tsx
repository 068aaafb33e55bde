import type { JSX } from 'preact';
import { JOURNEY_STEPS, modeLabel } from '../../../../src/domain/journey';
import { NEGLECT_EFFECTS, NEGLECT_SIGNS, type UnderstandItem } from '../../../../src/domain/understand';
import { PageTitle } from '../../components/PageTitle';

// The learning pages of step 0, in Attune's own words. Static: they ship in this screen's chunk only.

export type LearnSlug = 'looks-like' | 'what-it-does' | 'apology' | 'journey';

export const LEARN_PAGES: readonly { slug: LearnSlug; title: string; blurb: string }[] = [
  {
    slug: 'looks-like',
    title: 'What emotional neglect can look like',
    blurb: 'Five signs people often describe, in plain words.',
  },
  {
    slug: 'what-it-does',
    title: 'What it can do',
    blurb: 'Four ways being unseen for a long time can affect a person.',
  },
  {
    slug: 'apology',
    title: 'Why saying sorry is not enough on its own',
    blurb: 'An apology opens the door. Changed behaviour, understanding and time do the rest.',
  },
  {
    slug: 'journey',
    title: 'The journey ahead',
    blurb: 'The steps Attune offers, and what it can and cannot do.',
  },
];

function ItemList({ items }: { items: readonly UnderstandItem[] }) {
  return (
    <ul class="plain-list learn-items">
      {items.map((item) => (
        <li key={item.id} class="card">
          <h3>{item.title}</h3>
          <p>{item.text}</p>
        </li>
      ))}
    </ul>
  );
}

function LooksLike() {
  return (
    <>
      <p class="lead">
        Emotional neglect is often less about what happens than about what does not: the attention, warmth and interest that a
        close relationship usually offers.
      </p>
      <p>
        It is often quiet. Nobody may have meant any harm, and it can still hurt a great deal. Here are five signs people often
        describe. They are here to help you put words to what you may have felt.
      </p>
      <ItemList items={NEGLECT_SIGNS} />
      <h2>Reading these gently</h2>
      <p>
        These are not a diagnosis, of you or of anyone else. Every relationship has distant days. What matters here is a pattern
        that has gone on for a while, and how it has felt to you.
      </p>
      <p>Neglect can run both ways. You may recognise yourself on either side of some of these, or on both.</p>
    </>
  );
}

function WhatItDoes() {
  return (
    <>
      <p class="lead">Not being seen for a long time leaves a mark. These four effects are common.</p>
      <p>They are understandable responses to going without, not failings.</p>
      <ItemList items={NEGLECT_EFFECTS} />
      <h2>If you recognise these</h2>
      <p>
        You are not being dramatic, and you are not asking for too much. Wanting to be seen by the person closest to you is
        reasonable.
      </p>
      <p>
        If these feelings are heavy right now, talking to someone can help. <a href="/help">Get help now</a> lists free,
        confidential help lines.
      </p>
    </>
  );
}

function Apology() {
  return (
    <>
      <p class="lead">A sincere apology matters. It says: I see what happened, and I see that it hurt you.</p>
      <p>It is the start of the repair, not the end of it. Three things explain why.</p>
      <h2>Words need changed behaviour</h2>
      <p>
        Neglect happens through what is done, and not done, day after day. Trust comes back the same way: through small, steady
        actions that the other person can see and feel. A promise alone cannot carry that weight.
      </p>
      <h2>The root has to be understood</h2>
      <p>
        If it stays unclear why the distance grew, the same things tend to happen again. Stress from outside, feelings that were
        never said, patterns you both fell into: understanding them is not about finding fault. It is about finding what to
        change.
      </p>
      <h2>Trust returns slowly</h2>
      <p>
        Trust is rebuilt over weeks and months, not in one conversation. There will be good days and hard days. Slow does not mean
        it is not working, and it does not mean it is. Attune will show you what it sees, and it will not guess.
      </p>
      <h2>For each of you</h2>
      <p>
        If you are the one making amends, it is natural to want things to feel fine again soon. Letting your actions speak over
        time is one of the most caring things you can do.
      </p>
      <p>
        If you are the one who felt unseen, you do not have to feel better because someone said sorry. Your feelings can take
        their own time.
      </p>
    </>
  );
}

function Journey() {
  return (
    <>
      <p class="lead">
        Attune follows a few steps. They are a guide, not a test: you can go back to any of them, at your own pace.
      </p>
      <ol class="plain-list learn-items">
        {JOURNEY_STEPS.map((step) => (
          <li key={step.slug} class="card">
            <h3>
              Step {step.number}: {step.title}
            </h3>
            <p>{step.summary}</p>
            <p class="hint">
              {modeLabel(step.mode)} · {step.built ? 'Available now' : 'Not built yet'}
            </p>
          </li>
        ))}
      </ol>
      <h2>What Attune can and cannot do</h2>
      <p>
        Attune can help you understand, talk, agree on what would help, and see over time whether it happens. It cannot promise
        how things will turn out.
      </p>
      <p>
        The aim is not that you stay together at any cost. It is that both of you are seen and your needs are met. Sometimes that
        happens together, and sometimes it does not. Either way, Attune will be honest with you about what it sees.
      </p>
      <h2>If you are ever afraid</h2>
      <p>
        Attune is built for relationships where someone has felt neglected. If you are afraid of your partner, or feel controlled
        by them, exercises done together may not be safe. <a href="/help">Get help now</a> lists people who can help, free and in
        confidence.
      </p>
    </>
  );
}

const BODIES: Record<LearnSlug, () => JSX.Element> = {
  'looks-like': LooksLike,
  'what-it-does': WhatItDoes,
  apology: Apology,
  journey: Journey,
};

export function LearnPage({ slug }: { slug: LearnSlug }) {
  const index = LEARN_PAGES.findIndex((p) => p.slug === slug);
  const page = LEARN_PAGES[index] as (typeof LEARN_PAGES)[number];
  const next = LEARN_PAGES[index + 1];
  const Body = BODIES[slug];
  return (
    <article class="narrow-text">
      <p class="crumb">
        <a href="/understand">Understand</a>
      </p>
      <PageTitle title={page.title}>{page.title}</PageTitle>
      <Body />
      <nav aria-label="Understand pages" class="learn-next">
        {next ? (
          <a class="button" href={`/understand/${next.slug}`}>
            Next: {next.title}
          </a>
        ) : (
          <a class="button primary" href="/understand/check-in">
            Check in with yourself
          </a>
        )}
        <a href="/understand">Back to Understand</a>
      </nav>
    </article>
  );
}
