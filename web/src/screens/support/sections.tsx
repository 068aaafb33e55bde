import type { ComponentChildren } from 'preact';

/** Moves to a section of this page without adding a history entry, so Back after a quick exit cannot return here. */
export function goToSection(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${id}`);
  target.scrollIntoView();
  target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  return true;
}

/** A link to a section of this page. Plain same-page anchors would each add a history entry. */
export function SectionLink({ to, children }: { to: string; children: ComponentChildren }) {
  return (
    <a
      href={`#${to}`}
      onClick={(e) => {
        if (goToSection(to)) e.preventDefault();
      }}
    >
      {children}
    </a>
  );
}

/** One titled part of the page; its heading can take focus when a link leads straight to it. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} class="support-section">
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
