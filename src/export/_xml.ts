/**
 * Internal helpers for the XML writers. Escaping `&`, `<`, `>` and `"` is not enough: characters that
 * XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) make a file invalid, and tabs/newlines
 * in attribute values are read back as spaces by any parser. `xmlText` / `xmlAttr` make both explicit.
 */
import { MAYBE_NOT_XML, xmlText } from '../util/xml-text.js';

export { NOT_XML_CHAR, xmlText } from '../util/xml-text.js';

/**
 * Attribute value: as `xmlText`. Tab, CR and LF are kept: the serialiser writes them as character
 * references (`&#9;`, `&#13;`, `&#10;`), which survive attribute-value normalisation, so `a\tb` and
 * `a b` stay different ids.
 */
export function xmlAttr(value: string): string {
  return xmlText(value);
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A piece is made of at most this many strings or characters (`XmlWriter.parts`). */
const PIECE_PARTS = 1024, PIECE_CHARS = 1 << 14;
/** No pieces (shared: `take` is called after every node and edge). */
const NONE: string[] = [];

/**
 * A streaming XML writer with the slice of xmlbuilder2's API the writers use (`ele`, `att`, `txt`,
 * `end`), formatted as xmlbuilder2's pretty print (2-space indent, text-only elements on one line,
 * empty elements self-closed). Elements are written as they are made — no tree is kept, so a
 * 100 MB GEXF costs about its own size in memory, and nothing more when its text is taken in pieces
 * as it is written (`pieces`, then `endPieces`) — which fixes the order of calls: attributes and
 * text go on the element made last, before any child; adding a child to an element closes everything
 * opened inside it since. `leaf` writes a child that has attributes only, closed at once (the bulk of
 * a GEXF: its `<attvalue>`s), without an element object. Escaping: `&`, `<`, `>` in text; `&`, `<`,
 * `>`, `"` and tab/CR/LF (as character references) in attributes; callers pass values through
 * `xmlText` / `xmlAttr` first.
 */

class XmlWriter {
  /** Finished pieces of text, not yet taken. */
  private chunks: string[] = [];
  /**
   * Strings since the last piece, joined every ~1,000 or ~16,000 characters (joining flat strings
   * beats growing one string). Pieces stay well under V8's largest young-generation object (128 KiB):
   * pieces of ~128k characters went to the large-object space one by one, and cost more than the
   * text they held (1.4M links: the XML took twice as long).
   */
  private parts: string[] = [];
  /** Characters in `parts`. */
  private size = 0;
  /** Open elements, outermost first. */
  readonly stack: XmlElement[] = [];

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.parts.length > PIECE_PARTS || this.size > PIECE_CHARS) { this.chunks.push(this.parts.join('')); this.parts = []; this.size = 0; }
  }

  /** Closes every element opened inside `el` (not `el` itself). */
  closeInside(el: XmlElement): void {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (top === undefined || top === el) return;
      this.stack.pop();
      top.close();
    }
  }

  /** The pieces finished since the last call (often none): the document so far, in order. */
  take(): string[] {
    if (this.chunks.length === 0) return NONE;
    const done = this.chunks;
    this.chunks = [];
    return done;
  }

  /** Closes every element; the pieces not taken yet, the last one ending the document with one newline. */
  finish(): string[] {
    this.closeInside(undefined as unknown as XmlElement);
    if (this.parts.length > 0) { this.chunks.push(this.parts.join('')); this.parts = []; this.size = 0; }
    const done = this.take(), last = done.length - 1;
    if (!(done[last] as string).endsWith('\n')) done[last] += '\n';
    return done;
  }
}

export class XmlElement {
  /** 'open': start tag not finished (attributes may follow); 'text': text written; 'parent': has children. */
  private state: 'open' | 'text' | 'parent' = 'open';
  /** Indentation of this element's tags. */
  private readonly indent: string;
  /** The start of a child's start tag: its indentation and `<`. */
  private readonly childOpen: string;
  constructor(private readonly w: XmlWriter, private readonly name: string, private readonly depth: number) {
    this.indent = '  '.repeat(depth);
    this.childOpen = `${this.indent}  <`;
  }

  /** The whole document, from the XML declaration to the root's end tag (no final newline). */
  end(): string {
    return this.w.finish().join('').slice(0, -1);
  }

  /** The document's text finished since the last call, in pieces of ~16k characters (often none). */
  pieces(): string[] {
    return this.w.take();
  }

  /** Closes the document: the rest of its text, ending with a newline. */
  endPieces(): string[] {
    return this.w.finish();
  }

  ele(nameOrNs: string, nameOrAttrs?: string | Record<string, string>, attrs?: Record<string, string>): XmlElement {
    const named = typeof nameOrAttrs === 'string';
    const name = named ? nameOrAttrs : nameOrNs;
    this.w.write(this.startChild(name, named ? attrs : nameOrAttrs));
    const child = new XmlElement(this.w, name, this.depth + 1);
    this.w.stack.push(child);
    return child;
  }

  /** The indentation of a child's tags. */
  get childIndent(): string {
    return `${this.indent}  `;
  }

  /**
   * A child written by the caller as text: whole, indented by `childIndent`, ending with a newline,
   * its names and values escaped (`escapeAttr`, `xmlAttr`). For the bulk of a file (a GEXF's nodes and
   * edges), one string per child instead of an element object per tag.
   */
  child(text: string): void {
    this.w.closeInside(this);
    if (this.state === 'text') throw new Error(`export/xml: <${this.name}> has text; it cannot also have children`);
    if (this.state === 'open') { this.w.write(`>\n${text}`); this.state = 'parent'; }
    else this.w.write(text);
  }

  /** A child with attributes only, `<name a="…"/>`, closed at once (nothing can be added to it). */
  leaf(name: string, attrs: Record<string, string>): void {
    this.w.write(`${this.startChild(name, attrs)}/>\n`);
  }

  /**
   * Closes what was opened inside this element; the text of a child's start tag up to its attributes
   * included, for the caller to write (one string per tag: a GEXF has millions).
   */
  private startChild(name: string, attrs: Record<string, string> | undefined): string {
    this.w.closeInside(this);
    let tag = this.childOpen + name;
    if (this.state === 'open') { tag = `>\n${tag}`; this.state = 'parent'; }
    else if (this.state === 'text') throw new Error(`export/xml: <${this.name}> has text; it cannot also have children`);
    if (attrs) for (const k in attrs) tag += ` ${k}="${escapeAttr(attrs[k] as string)}"`;
    return tag;
  }

  att(nameOrNs: string, nameOrValue: string, value?: string): XmlElement {
    if (this.state !== 'open' || this.w.stack[this.w.stack.length - 1] !== this) {
      throw new Error(`export/xml: attribute on <${this.name}> after its content was written`);
    }
    const [k, v] = value === undefined ? [nameOrNs, nameOrValue] : [nameOrValue, value];
    this.w.write(` ${k}="${escapeAttr(v)}"`);
    return this;
  }

  txt(text: string): XmlElement {
    if (this.state !== 'open' || this.w.stack[this.w.stack.length - 1] !== this) {
      throw new Error(`export/xml: text in <${this.name}> after its content was written`);
    }
    if (text === '') return this;
    this.w.write(`>${escapeText(text)}`);
    this.state = 'text';
    return this;
  }

  /** Called by the writer when the element is closed. */
  close(): void {
    if (this.state === 'open') this.w.write('/>\n');
    else if (this.state === 'text') this.w.write(`</${this.name}>\n`);
    else this.w.write(`${this.indent}</${this.name}>\n`);
  }
}

/** A new document: `createDocument().ele(ns, name)` gives its root element (as xmlbuilder2's `create`). */
export function createDocument(): { ele(ns: string, name: string): XmlElement } {
  return {
    ele: (ns, name) => {
      const w = new XmlWriter();
      w.write(`<?xml version="1.0" encoding="UTF-8"?>\n<${name} xmlns="${escapeAttr(ns)}"`);
      const root = new XmlElement(w, name, 0);
      w.stack.push(root);
      return root;
    },
  };
}

/**
 * Characters `escapeAttr` / `escapeText` rewrite; most strings have none and are returned as they are.
 * NEL (U+0085) and LINE SEPARATOR (U+2028) are ordinary characters in XML 1.0 but line ends in XML
 * 1.1, and readers that apply 1.1's line-end rule (xmldom, which graphology-gexf reads with) turn
 * them into a line feed, then a space in an attribute: as character references they are kept by all.
 */
const ATTR_SPECIAL = /[&<>"\t\n\r\u0085\u2028]/;
const TEXT_SPECIAL = /[&<>\u0085\u2028]/;

function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u0085/g, '&#133;').replace(/\u2028/g, '&#8232;');
}

/** An attribute value with `&`, `<`, `>`, `"` and tab/CR/LF/NEL/LS written as references (after `xmlAttr`). */
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\u0085/g, '&#133;').replace(/\u2028/g, '&#8232;');
}

/**
 * Node ids as written: `xmlAttr(key)`, refusing two keys that XML cannot tell apart (characters XML
 * forbids both become U+FFFD). `where` names the writer in the error. Only an id holding U+FFFD can
 * be two keys' (a key XML takes as it is is its own id, and a rewritten key's id holds U+FFFD), so
 * only those are remembered: a key without either is its id at once (a million-node file: no map
 * of every key).
 */
export function nodeIdWriter(where: string): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    if (!MAYBE_NOT_XML.test(key) && !key.includes('\uFFFD')) return key;
    const id = xmlAttr(key);
    const before = seen.get(id);
    if (before !== undefined && before !== key) {
      throw new TypeError(`${where}: node keys ${JSON.stringify(before)} and ${JSON.stringify(key)} would both be written as id ${JSON.stringify(id)} (XML cannot carry their difference)`);
    }
    seen.set(id, key);
    return id;
  };
}
