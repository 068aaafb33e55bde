import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { THERAPIST_VIEWS } from '../../src/domain/therapist-access';
import { call } from './pages/api';
import { PASSWORD, signUpViaApi, uniqueEmail } from './pages/app';

// Stored XSS, in real Chromium (issue 13): a corpus of hostile strings is saved through the API in
// every free-text field a partner or a therapist is shown (names, needs and proposals, commitments,
// notes on marks, appreciations, check-in lines and replies, conversation turns and takeaways,
// acknowledgements and their answers, causes' notes, own words and shared understanding, closeness
// answers and replies, the summary's note, the therapist's name). Then every screen of the other
// partner and every view of their therapist is opened: no dialog opens, no node the strings try to
// inject exists, no injected script ran, and the page reports no Content-Security-Policy violation.
// Each string is shown as visible text, so it was rendered, not dropped.

/** Each string marks what it would inject: `data-xss` or an id starting `xss`, `window.__xss`, alert(). */
const CORPUS = [
  '<script data-xss>window.__xss=1;alert(1)</script>',
  '<img src=x data-xss onerror="window.__xss=2;alert(2)">',
  '<svg data-xss onload="window.__xss=3;alert(3)"></svg>',
  'javascript:window.__xss=4;alert(4)//',
  '<a id="xss5" href="javascript:alert(5)">read me</a>',
  '"><img src=x id=xss6 onerror=alert(6)>',
  "' onmouseover='alert(7)' data-xss='7",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-literal trick, on purpose
  '`${window.__xss=8}` {{constructor.constructor("alert(8)")()}}',
  '＜script＞alert(9)＜/script＞ \u202Egnp.exe \\u003cimg src=x onerror=alert(9)\\u003e <b data-xss>9</b>',
  '</textarea></title></style><script data-xss>alert(10)</script>',
  '<iframe data-xss srcdoc="<script>parent.__xss=11</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x data-xss onerror=alert(12)>',
  '<details open data-xss ontoggle="alert(13)">',
  '<!--<img src="--><img src=x data-xss onerror=alert(14)>-->',
  '<style>body{display:none}</style><link rel=stylesheet href="//evil.example/x.css" data-xss>',
  '<object data-xss data="javascript:alert(16)"></object> data:text/html,<script>alert(16)</script>',
  '🙂\u200b<b data-xss>\u200dzero</b>width\u2028<i id="xss17">joiners</i>',
  `A long one: ${'the evenings felt long and quiet, '.repeat(7)}<img src=x data-xss onerror=alert(18)>`,
];
/** Short enough for a name (60 characters) with a first name in front. */
const SHORT = CORPUS.filter((s) => s.length <= 55);

/** A string of the corpus with a field's own marker in front, so each field is found on its own. */
const hostile = (field: string, n: number) => `${field}: ${CORPUS[n % CORPUS.length]}`;
/** A name: a first name and a short string of the corpus. */
const hostileName = (first: string, n: number) => `${first} ${SHORT[n % SHORT.length]}`;

interface Watch {
  dialogs: string[];
  problems: string[];
}

/** Listens for dialogs, CSP violations (event and console) and page errors in a context's pages. */
async function watched(context: BrowserContext): Promise<Watch> {
  const watch: Watch = { dialogs: [], problems: [] };
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('page', (page) => listen(page, watch));
  for (const page of context.pages()) listen(page, watch);
  return watch;
}

function listen(page: Page, watch: Watch) {
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()} at ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|frame|connect)/i.test(message.text()))
      watch.problems.push(`console at ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error at ${page.url()}: ${error.message}`));
}

/** What a page shows now that no hostile string should have made. */
async function injected(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    return {
      nodes: [
        ...document.querySelectorAll('[data-xss], [id^="xss"], script:not([src]), iframe, object, embed, link[href*="evil"]'),
      ].map((n) => n.outerHTML.slice(0, 120)),
      ran: w.__xss === undefined ? null : String(w.__xss),
      csp: w.__csp ?? ['the listener was not installed'],
      hidden: getComputedStyle(document.body).display === 'none',
    };
  });
}

/** The text a reader sees (rendered: nothing hidden, nothing folded away). */
// biome-ignore lint/performance/useDomNodeTextContent: what is visible is the point here
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

test('hostile strings in every free-text field render as plain text for the partner and the therapist', async ({ browser }) => {
  test.setTimeout(300_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext(), browser.newContext()]);
  const [ctxA, ctxB, ctxT, ctxV] = contexts as [BrowserContext, BrowserContext, BrowserContext, BrowserContext];
  const watches = await Promise.all(contexts.map(watched));
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  const t = await ctxT.newPage();
  const visitor = await ctxV.newPage();

  // Who wrote what, by field: the writer and the words (cut to the field's limit, if it has a short one).
  const written = new Map<string, { by: 'a' | 'b' | 't' | 'c'; text: string }>();
  let n = 0;
  const field = (name: string, by: 'a' | 'b' | 't' | 'c', given?: string, max = 2000) => {
    const text = (given ?? hostile(name, n)).slice(0, max);
    n += 1;
    written.set(name, { by, text });
    return text;
  };

  // Names (60 characters at most), the couple, and a third person's invitation for the join page.
  // A therapist knows each partner by the first word of their name: a's first word is hostile itself.
  const nameA = field('nameA', 'a', '<img/src=x/data-xss/onerror=window.__xss=19>Ana');
  const nameB = field('nameB', 'b', hostileName('Ben', 1));
  await signUpViaApi(a.request, nameA, uniqueEmail('ana'));
  await signUpViaApi(b.request, nameB, uniqueEmail('ben'));
  const invite = await call(a.request, 'spaces.invites.create');
  await call(b.request, 'spaces.invites.accept', { params: { token: invite.token } });
  const cPage = await (await browser.newContext()).newPage();
  const nameC = field('nameC', 'c', hostileName('Cai', 2));
  await signUpViaApi(cPage.request, nameC, uniqueEmail('cai'));
  const cInvite = await call(cPage.request, 'spaces.invites.create');

  // Needs: a's need, b's proposal, the agreement on b's wording.
  const need = await call(a.request, 'needs.create', { body: { text: field('need', 'a') } });
  await call(a.request, 'needs.share', { params: { id: need.id } });
  const proposed = await call(b.request, 'needs.respond', {
    params: { id: need.id },
    body: { kind: 'propose', text: field('proposal', 'b') },
  });
  const proposalId = proposed.history[proposed.history.length - 1]?.id ?? '';
  const agreed = await call(a.request, 'needs.proposals.accept', { params: { id: need.id, proposalId } });
  const agreementId = agreed.agreementId ?? '';

  // Commitments both ways, marked today with notes, noticed; an appreciation.
  const today = (await call(a.request, 'log.today')).date;
  const forA = await call(b.request, 'commitments.create', {
    body: { agreementId, what: field('commitmentB', 'b'), schedule: { kind: 'daily', by: null }, startsOn: today },
  });
  const forB = await call(a.request, 'commitments.create', {
    body: { agreementId: null, what: field('commitmentA', 'a'), schedule: { kind: 'daily', by: null }, startsOn: today },
  });
  for (const [page, made, who] of [
    [b, forA, 'b'],
    [a, forB, 'a'],
  ] as const) {
    const due = (await call(page.request, 'log.today')).toMark.find((o) => o.commitmentId === made.id);
    expect(due, `today's occurrence of ${who}'s commitment`).toBeTruthy();
    await call(page.request, 'log.mark', {
      params: { id: made.id, key: due?.key ?? '' },
      body: { status: 'done', note: field(`markNote${who.toUpperCase()}`, who) },
    });
    const other = page === a ? b : a;
    await call(other.request, 'log.ack', { params: { id: made.id, key: due?.key ?? '' }, body: { noticed: true, helped: 3 } });
  }
  await call(a.request, 'appreciations.create', { body: { text: field('appreciationA', 'a'), on: today } });

  // A shared check-in with a line, and the partner's reply.
  const checkin = await call(a.request, 'checkins.put', {
    params: { date: today },
    body: { connected: 7, heard: 6, mood: 'hopeful', line: field('checkinLine', 'a', undefined, 280), visibility: 'couple' },
  });
  await call(b.request, 'checkins.replies.create', {
    params: { id: checkin.id },
    body: { kind: 'note', text: field('checkinReply', 'b', undefined, 280) },
  });

  // A conversation held together, its takeaways, an acknowledgement and its answer.
  const talk = await call(a.request, 'conversations.start', { body: { mode: 'two-devices' } });
  const turn = (page: Page, body: Parameters<typeof call<'conversations.turn'>>[2]['body']) =>
    call(page.request, 'conversations.turn', { params: { id: talk.id }, body });
  await turn(a, { kind: 'share', text: field('share', 'a') });
  await turn(b, { kind: 'reflect', text: field('reflect', 'b') });
  await turn(a, { kind: 'confirm' });
  await call(a.request, 'conversations.move', { params: { id: talk.id }, body: { action: 'close' } });
  await turn(a, { kind: 'takeaway', text: field('takeawayA', 'a') });
  await turn(b, { kind: 'takeaway', text: field('takeawayB', 'b') });
  const ack = await call(a.request, 'acknowledgements.create', {
    params: { id: talk.id },
    body: { did: field('ackDid', 'a'), effect: field('ackEffect', 'a'), change: field('ackChange', 'a') },
  });
  await call(b.request, 'acknowledgements.reply', {
    params: { id: talk.id, ackId: ack.id },
    body: { felt: 'partly', missing: field('ackMissing', 'b') },
  });

  // Causes, revealed by both, with notes and own words, and each one's part of the understanding.
  await call(a.request, 'causes.put', {
    body: {
      causes: [{ id: 'outside-stress', note: field('causeNoteA', 'a') }],
      ownWords: [{ text: field('ownWordsA', 'a'), note: field('ownWordsNoteA', 'a') }],
    },
  });
  await call(b.request, 'causes.put', { body: { causes: [{ id: 'patterns', note: field('causeNoteB', 'b') }] } });
  await call(a.request, 'causes.reveal');
  await call(b.request, 'causes.reveal');
  await call(a.request, 'causes.understanding.put', { body: { text: field('understandingA', 'a') } });
  await call(b.request, 'causes.understanding.put', { body: { text: field('understandingB', 'b') } });

  // Today's question, answered by both (revealed), and a's reply.
  const question = (await call(a.request, 'closeness.today')).question.id;
  await call(a.request, 'closeness.answer', { params: { questionId: question }, body: { text: field('answerA', 'a') } });
  await call(b.request, 'closeness.answer', { params: { questionId: question }, body: { text: field('answerB', 'b') } });
  await call(a.request, 'closeness.respond', {
    params: { questionId: question },
    body: { reaction: 'moved', reply: field('closeReplyA', 'a') },
  });

  // The summary: each partner includes every word of theirs the other sees, and a note.
  for (const [page, who] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    const mine = await call(page.request, 'summary.mine');
    await call(page.request, 'summary.mine.put', {
      body: { notes: mine.candidates.map((c) => c.id), note: field(`summaryNote${who.toUpperCase()}`, who) },
    });
  }

  // A therapist both consent to, with every view; their name is hostile too.
  const access = await call(a.request, 'therapists.invite', { body: { email: null } });
  for (const page of [a, b]) {
    await call(page.request, 'auth.reauth', { body: { password: PASSWORD } });
    await call(page.request, 'therapists.consent', { params: { id: access.id }, body: { include: [...THERAPIST_VIEWS] } });
  }
  await call(t.request, 'therapists.accept', {
    params: { token: access.token },
    body: { email: uniqueEmail('therapist'), password: PASSWORD, name: field('therapistName', 't', hostileName('Tess', 3)) },
  });
  // The therapist opens the couple once, so the partners' page has a log to show.
  await call(t.request, 'therapists.view.agreements', { params: { id: access.id } });

  // Every corpus string is in some field.
  const texts = [...written.values()].map((w) => w.text);
  for (const s of CORPUS)
    expect(
      texts.some((x) => x.includes(s)),
      s,
    ).toBe(true);

  // The screens each reader opens.
  const partnerScreens = [
    '/',
    '/needs',
    '/act',
    `/act/${forA.id}`,
    `/act/${forB.id}`,
    '/checkin',
    '/talk',
    `/talk/${talk.id}`,
    '/why',
    '/closeness',
    `/closeness/${question}`,
    '/summary',
    '/support/therapist',
    '/notifications',
    '/patience',
    '/settings',
  ];
  const therapistScreens = [
    '/',
    `/therapist/couples/${access.id}`,
    ...THERAPIST_VIEWS.map((v) => `/therapist/couples/${access.id}/${v}`),
  ];
  const readers: { who: 'a' | 'b' | 't' | 'v'; page: Page; paths: string[] }[] = [
    { who: 'b', page: b, paths: partnerScreens },
    { who: 'a', page: a, paths: partnerScreens },
    { who: 't', page: t, paths: therapistScreens },
    { who: 'v', page: visitor, paths: [`/join/${invite.token}`, `/join/${cInvite.token}`] },
  ];

  const shown: Record<string, string> = {};
  for (const reader of readers) {
    for (const path of reader.paths) {
      await reader.page.goto(path);
      await expect(reader.page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(reader.page.locator('.loading')).toHaveCount(0);
      const found = await injected(reader.page);
      expect(found, `${reader.who} ${path}`).toEqual({ nodes: [], ran: null, csp: [], hidden: false });
      shown[`${reader.who} ${path}`] = await visibleText(reader.page);
    }
  }

  // Each field's words were shown, as text, to whoever reads them: the other partner (both
  // partners, for the therapist's name; someone opening the link, for an inviter's name) and the
  // therapist (all but notes on marks and appreciations, which their views do not show, and b's
  // full name: a therapist is shown first names only, and b's first word is plain).
  const readersOf = { a: ['b', 't'], b: ['a', 't'], t: ['a', 'b', 't'], c: ['v'] } as const;
  const notForTherapist = new Set(['markNoteA', 'markNoteB', 'appreciationA', 'nameB']);
  for (const [name, { by, text }] of written) {
    for (const reader of readersOf[by].filter((r) => r !== 't' || !notForTherapist.has(name))) {
      const on = Object.keys(shown).filter((k) => k.startsWith(`${reader} `) && shown[k]?.includes(text));
      expect(on, `${name} shown to ${reader}`).not.toEqual([]);
    }
  }

  for (const watch of watches) expect(watch).toEqual({ dialogs: [], problems: [] });
  for (const context of [...contexts, cPage.context()]) await context.close();
});

test('the checks above would see an injection: a dialog, an injected node and the policy refusing its handler', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const watch = await watched(context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await injected(page)).toEqual({ nodes: [], ran: null, csp: [], hidden: false });
  // What a stored string would do if a screen ever rendered it as HTML.
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), CORPUS[1] as string);
  await expect.poll(async () => (await injected(page)).csp.length).toBeGreaterThan(0);
  const found = await injected(page);
  expect(found.nodes).toHaveLength(1);
  expect(found.ran).toBeNull(); // the policy refused the inline handler
  await expect.poll(() => watch.problems.length).toBeGreaterThan(0);
  await page.evaluate(() => window.alert('probe'));
  expect(watch.dialogs).toEqual([expect.stringContaining('alert: probe')]);
  await context.close();
});
