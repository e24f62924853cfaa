/**
 * Keyboard-first browsing, on every page:
 * - `/` focuses the search box;
 * - `j` / `k` move to the next / previous paper in a list (its title link takes
 *   the focus, so Enter opens it);
 * - `?` opens a help overlay listing these keys (Escape closes it).
 * Keys typed into a field, or with a modifier, are left alone.
 */
const PAPER_LINKS = '.paper-list > li .paper-title a';

function typingInField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** Moves the focus `step` papers down (1) or up (-1) the page's lists. */
function moveThroughPapers(step: 1 | -1): boolean {
  // Rows a long list keeps hidden (src/site/list-sort.ts) are skipped.
  const links = [...document.querySelectorAll<HTMLAnchorElement>(PAPER_LINKS)].filter((link) => !link.closest('[hidden]'));
  if (links.length === 0) return false;
  const current = links.findIndex((link) => link === document.activeElement || link.closest('li')?.contains(document.activeElement));
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
  links[next].focus();
  links[next].closest('li')?.scrollIntoView({ block: 'nearest' });
  return true;
}

let help: HTMLDialogElement | undefined;

/** The help overlay, made on first use: it is only useful with JavaScript on. */
function showHelp(): void {
  if (!help) {
    help = document.createElement('dialog');
    help.className = 'keys-help';
    help.setAttribute('aria-labelledby', 'keys-help-title');
    const rows: [string, string][] = [
      ['/', 'Search'],
      ['j', 'Next paper in the list'],
      ['k', 'Previous paper in the list'],
      ['Enter', 'Open the selected paper'],
      ['?', 'This help'],
      ['Esc', 'Close'],
    ];
    const title = Object.assign(document.createElement('h2'), { id: 'keys-help-title', textContent: 'Keyboard shortcuts' });
    const list = document.createElement('dl');
    for (const [key, action] of rows) {
      const term = document.createElement('dt');
      term.append(Object.assign(document.createElement('kbd'), { textContent: key }));
      list.append(term, Object.assign(document.createElement('dd'), { textContent: action }));
    }
    const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close' });
    close.addEventListener('click', () => help?.close());
    help.append(title, list, close);
    document.body.append(help);
  }
  if (!help.open) help.showModal();
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || typingInField(event.target)) return;
  if (help?.open) return;
  if (event.key === '/') {
    const input = document.querySelector<HTMLInputElement>('[data-search-input]');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === 'j' || event.key === 'k') {
    if (moveThroughPapers(event.key === 'j' ? 1 : -1)) event.preventDefault();
  } else if (event.key === '?') {
    event.preventDefault();
    showHelp();
  }
});
