/**
 * What HTML a note may hold, and the rehype plugin that holds it to that: GitHub's
 * rules (hast-util-sanitize's default schema, the one rehype-sanitize uses), so a
 * note renders here as it does in the pull request, with three changes:
 *
 * - links and images point at `http(s)` addresses or at paths on this site only
 *   (no `mailto:`, `javascript:`, `data:` …);
 * - `<script>`, `<style>`, `<iframe>` and their kin go with their content, rather
 *   than leaving their text behind;
 * - the math KaTeX renders survives: its MathML, its SVG, its classes (those
 *   KaTeX's stylesheet knows) and its inline sizes, and so do Shiki's code colours.
 *
 * The plugin runs after KaTeX (and after Shiki, which Astro runs first), so every
 * element on the page, whoever made it, passes the same schema.
 */
import type { Element, Nodes, Parents, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { h } from 'hastscript';

/** An attribute of an MDX JSX element, as mdast-util-mdx-jsx gives it (a value object is an expression). */
export type JsxAttribute =
  | { type: 'mdxJsxAttribute'; name: string; value?: string | null | { type: string; value: string }; position?: Element['position'] }
  | { type: 'mdxJsxExpressionAttribute'; value: string; position?: Element['position'] };

/** An MDX JSX element (`<img …/>`, `<Chart …/>`) in a Markdown or hast tree. */
export interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
  position?: Element['position'];
}

/** Class names KaTeX's stylesheet (katex.css) styles, and KaTeX's atom classes; checked against katex.css by the tests. */
export const KATEX_CLASSES = `accent accent-body accent-full amsrm angl anglpad arraycolsep base boldsymbol boxpad brace-center brace-left
brace-right cancel-lap cancel-pad cd-arrow-pad cd-label-left cd-label-right cd-vert-arrow clap col-align-c col-align-l col-align-r
delim-size1 delim-size4 delimcenter delimsizing eqn-num fbox fcolorbox fix fleqn fontsize-ensurer frac-line halfarrow-left
halfarrow-right hbox hdashline hide-tail hline inner katex katex-display katex-html katex-mathml katex-version large-op leqno llap
mainrm mathbb mathbf mathboldfrak mathboldsf mathcal mathfrak mathit mathitsf mathnormal mathrm mathscr mathsf mathsfit mathtt mfrac
mml-eqn-num mover mspace msupsub mtable mtr-glue mult munder newline nulldelimiter op-limits op-symbol overlay overline
overline-line pstrut reset-size1 reset-size10 reset-size11 reset-size2 reset-size3 reset-size4 reset-size5 reset-size6 reset-size7
reset-size8 reset-size9 rlap root rule size1 size10 size11 size2 size3 size4 size5 size6 size7 size8 size9 sizing small-op smash
sout sqrt stretchy strut svg-align tag textbb textbf textboldfrak textboldsf textfrak textit textitsf textrm textscr textsf
texttt thinbox underline underline-line vbox vertical-separator vlist vlist-r vlist-s vlist-t vlist-t2 x-arrow x-arrow-pad
mord mop mbin mrel mopen mclose mpunct minner mtight nobreak text colorbox katex-error`.split(/\s+/);

/**
 * An inline style as KaTeX and Shiki write them: sizes and offsets (under 100 units), colours, and a few
 * keywords; `position` only as `relative`. No `url(…)`, no `expression(…)`, nothing that places an element
 * over the page.
 */
const SAFE_STYLE = (() => {
  const property = String.raw`(?:(?:min-|max-)?(?:width|height)|top|bottom|left|right|vertical-align|(?:margin|padding)-(?:top|right|bottom|left)|border(?:-(?:top|right|bottom|left))?-(?:width|style|color)|color|background-color|font-style|font-weight|text-decoration|overflow-x)`;
  const value = String.raw`(?:-?\d{0,2}(?:\.\d+)?(?:em|ex|px|pt|%)?|#[\da-fA-F]{3,8}|[a-zA-Z]+)`;
  const declaration = String.raw`\s*(?:${property}\s*:\s*${value}|position\s*:\s*relative)\s*`;
  return new RegExp(String.raw`^(?:${declaration};)*(?:${declaration})?;?\s*$`);
})();

const MATHML_ELEMENTS = `math semantics annotation mrow mi mo mn ms mtext mspace mfrac msqrt mroot msub msup msubsup munder mover
munderover mtable mtr mtd mstyle mpadded mphantom menclose merror mglyph mlabeledtr mmultiscripts mprescripts none`.split(/\s+/);

const MATHML_ATTRIBUTES = `xmlns display encoding mathvariant stretchy fence separator minsize maxsize lspace rspace movablelimits
largeop symmetric accent accentunder linethickness scriptlevel displaystyle mathcolor mathbackground notation width height depth
voffset rowspacing columnspacing columnalign rowalign columnlines rowlines frame framespacing equalrows equalcolumns side
columnspan rowspan`.split(/\s+/);

/** Elements that go with everything inside them: their content is code, styles or another page, never text to keep. */
const STRIPPED = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes', 'template', 'textarea', 'title', 'xmp', 'plaintext', 'select'];

const URL_PROTOCOLS = ['http', 'https'];

/** The schema every note is held to (see the module comment). */
export const notesSchema: Schema = {
  ...defaultSchema,
  // Ids and names are prefixed by `prefixClobbered` instead, which leaves alone those the Markdown
  // renderer prefixed already (footnotes), so footnote links keep working.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), ...MATHML_ELEMENTS, 'svg', 'path', 'line'],
  strip: STRIPPED,
  protocols: { href: URL_PROTOCOLS, src: URL_PROTOCOLS, cite: URL_PROTOCOLS, longDesc: URL_PROTOCOLS },
  attributes: {
    ...defaultSchema.attributes,
    // Wikilinks (src/notes/remark-wikilinks.ts): a link to a paper or topic, and a link that names nothing.
    a: [...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), ['className', 'data-footnote-backref', 'wikilink']],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', ...KATEX_CLASSES, 'wikilink', 'broken'], ['style', SAFE_STYLE], ['ariaHidden', 'true'], ['class', 'line'], 'title'],
    // Shiki's code blocks: its classes, colours and the keyboard focus that lets a wide block scroll.
    pre: [...(defaultSchema.attributes?.pre ?? []), ['class', /^astro-code(?: [\w-]+)*$/], ['style', SAFE_STYLE], ['tabindex', '0'], 'dataLanguage'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', ['style', SAFE_STYLE]],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'strokeWidth'],
    ...Object.fromEntries(MATHML_ELEMENTS.map((name) => [name, MATHML_ATTRIBUTES])),
  },
};

const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';
const CLOBBERED = defaultSchema.clobber ?? [];

/**
 * Prefixes every id and name a note gives (and the aria references to them) with `user-content-`, as GitHub
 * does, so no note can shadow one of the page's own ids or a global of its scripts (DOM clobbering).
 */
function prefixClobbered(node: Nodes): void {
  if (node.type === 'element') {
    for (const key of CLOBBERED) {
      const value = node.properties[key];
      const prefix = (item: unknown) => (String(item).startsWith(CLOBBER_PREFIX) ? String(item) : CLOBBER_PREFIX + String(item));
      if (Array.isArray(value)) node.properties[key] = value.map(prefix);
      else if (value !== undefined && value !== null && value !== false) node.properties[key] = prefix(value);
    }
  }
  if ('children' in node) for (const child of node.children) prefixClobbered(child as Nodes);
}

/** MDX's own node types (ESM, expressions, JSX): code, which `npm run check` lists for a reviewer. */
const MDX_TYPES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** What the schema does with one element in its place (`ancestors`: the tag names around it, outermost first). */
export type ElementVerdict = { keep: true; properties: Properties } | { keep: false; strip: boolean };

/** The schema's verdict on `element` alone (its children are judged on their own), as hast-util-sanitize gives it. */
export function judgeElement(element: Element, ancestors: readonly string[] = []): ElementVerdict {
  const marker: Element = { type: 'element', tagName: element.tagName, properties: element.properties, children: [{ type: 'text', value: '\u0000' }] };
  let tree: Element = marker;
  for (const name of [...ancestors].reverse()) tree = { type: 'element', tagName: name, properties: {}, children: [tree] };
  const result = sanitize({ type: 'root', children: [tree] }, notesSchema);
  // Find the marker text: its parent is the element if it was kept.
  const find = (node: Nodes, depth: number): { parent: Nodes; depth: number } | undefined => {
    if (!('children' in node)) return undefined;
    for (const child of node.children) {
      if (child.type === 'text' && child.value === '\u0000') return { parent: node, depth };
      const found = find(child, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const found = find(result, 0);
  if (!found) return { keep: false, strip: true };
  if (found.depth !== ancestors.length + 1 || found.parent.type !== 'element') return { keep: false, strip: false };
  return { keep: true, properties: found.parent.properties };
}

/** An MDX JSX element written with an HTML tag name (`<img …>`, not `<Chart …>`): judged as HTML is. */
export function isHtmlJsx(node: { name?: string | null }): node is { name: string } {
  return typeof node.name === 'string' && /^[a-z][a-z0-9]*$/.test(node.name);
}

/** The element an HTML-named JSX element stands for, from its literal attributes (expressions are code, left out). */
export function jsxElement(node: { name: string; attributes: JsxAttribute[] }): Element {
  const literal: Record<string, string | boolean> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined) literal[attribute.name] = true;
    else if (typeof attribute.value === 'string') literal[attribute.name] = attribute.value;
  }
  return h(node.name, literal);
}

/** The literal attributes of a JSX element that the schema drops, by attribute name. */
export function droppedJsxAttributes(node: { name: string; attributes: JsxAttribute[] }, kept: Properties): Set<string> {
  const element = jsxElement(node);
  const dropped = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string')) continue;
    const property = Object.keys(h(node.name, { [attribute.name]: attribute.value ?? true }).properties)[0];
    if (property === undefined || !(property in kept) || String(kept[property]) !== String(element.properties[property])) dropped.add(attribute.name);
  }
  return dropped;
}

/**
 * Sanitizes a tree that holds MDX nodes: elements, and JSX written with HTML tag names, as `judgeElement`
 * says; MDX's code (ESM, expressions, components, attribute expressions) kept as it is: an `.mdx` note
 * is code that a maintainer reads, and `npm run check` lists it.
 */
function sanitizeMixed(parent: Parents, ancestors: string[]): void {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'element') {
      const verdict = judgeElement(child, ancestors);
      if (!verdict.keep && verdict.strip) continue;
      if (verdict.keep) child.properties = verdict.properties;
      const inner = verdict.keep ? [...ancestors, child.tagName] : ancestors;
      sanitizeMixed(child, inner);
      if (verdict.keep) children.push(child);
      else children.push(...child.children);
    } else if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && isHtmlJsx(child as unknown as JsxNode)) {
      const jsx = child as unknown as JsxNode & { name: string };
      const verdict = judgeElement(jsxElement(jsx), ancestors);
      if (!verdict.keep && verdict.strip) continue;
      if (verdict.keep) {
        const dropped = droppedJsxAttributes(jsx, verdict.properties);
        jsx.attributes = jsx.attributes.filter((attribute) => attribute.type !== 'mdxJsxAttribute' || !dropped.has(attribute.name));
      }
      sanitizeMixed(jsx as unknown as Parents, verdict.keep ? [...ancestors, jsx.name] : ancestors);
      if (verdict.keep) children.push(child);
      else children.push(...jsx.children);
    } else if (MDX_TYPES.has(child.type)) {
      if ('children' in child) sanitizeMixed(child as Parents, ancestors);
      children.push(child);
    } else if (child.type === 'text') {
      children.push(child);
    }
    // Comments, doctypes and raw HTML go.
  }
  (parent as { children: RootContent[] }).children = children;
}

function hasMdx(node: Nodes): boolean {
  return MDX_TYPES.has(node.type) || ('children' in node && node.children.some((child) => hasMdx(child as Nodes)));
}

function hasRaw(node: Nodes): boolean {
  return node.type === 'raw' || ('children' in node && node.children.some((child) => hasRaw(child as Nodes)));
}

/**
 * The rehype plugin: parses a Markdown note's raw HTML (as GitHub does, so `<img onerror>` is an element
 * to judge, not text to trust) and sanitizes the tree with `notesSchema`. Put it after KaTeX.
 */
export function rehypeSanitizeNotes() {
  return (tree: Root): Root => {
    if (hasMdx(tree)) {
      sanitizeMixed(tree, []);
      prefixClobbered(tree);
      return tree;
    }
    const parsed = hasRaw(tree) ? (raw(tree) as Root) : tree;
    const clean = sanitize(parsed, notesSchema) as Root;
    prefixClobbered(clean);
    return clean;
  };
}
