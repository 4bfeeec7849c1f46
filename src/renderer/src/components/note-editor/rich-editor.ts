import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Color, TextStyle } from '@tiptap/extension-text-style';
import Subscript from '@tiptap/extension-subscript';
import Superscript from '@tiptap/extension-superscript';
import Image from '@tiptap/extension-image';
import { sanitizeCardHtml } from '../../card-html/sanitize';
import './prosemirror.css';

/** Finds the URL a picture named in a field is shown by while editing, or null to show none. */
export type PictureUrl = (name: string) => Promise<string | null>;

/**
 * Enter makes a line break, as in Anki's editor, so a field reads `a<br>b` and not paragraphs
 * with margins the card's style never asked for; in a list or code block Enter keeps its meaning.
 */
const EnterIsLineBreak = Extension.create({
  name: 'enterIsLineBreak',
  addKeyboardShortcuts() {
    return {
      Enter: () => (this.editor.isActive('listItem') || this.editor.isActive('codeBlock') ? false : this.editor.commands.setHardBreak()),
    };
  },
});

/**
 * A field's picture names a file stored in the collection (`paste-….png`), which the page cannot
 * load by that name; the editor shows it from a blob: URL and keeps the name in the field. A
 * picture from anywhere else is shown empty rather than fetched.
 */
function pictureExtension(pictureUrl: PictureUrl) {
  return Image.configure({ inline: true, allowBase64: false }).extend({
    addNodeView() {
      return ({ node }) => {
        const dom = document.createElement('img');
        const name = String(node.attrs.src ?? '');
        dom.alt = String(node.attrs.alt ?? '');
        dom.dataset.media = name;
        let gone = false;
        void pictureUrl(name).then((url) => {
          if (url && !gone) dom.src = url;
        });
        return {
          dom,
          destroy: () => {
            gone = true;
          },
        };
      };
    },
  });
}

/** The field's HTML as it enters the editor: sanitised like any card HTML. */
export function fieldToEditor(field: string): string {
  return sanitizeCardHtml(field);
}

/**
 * The editor's HTML as the field stores it: sanitised, and a lone paragraph unwrapped so a
 * one-line field is `text`, as Anki stores it, and an empty one is empty.
 */
export function editorToField(html: string): string {
  const clean = sanitizeCardHtml(html);
  const lone = /^<p>((?:(?!<p[\s>]|<\/p>)[\s\S])*)<\/p>$/.exec(clean);
  return lone ? (lone[1] ?? '') : clean;
}

/** What the note editor does to a field from outside: put in a pasted file. */
export interface RichFieldApi {
  insertPicture: (name: string, at: number | null) => void;
  insertText: (text: string, at: number | null) => void;
}

export interface RichEditorOptions {
  element: HTMLElement;
  content: string;
  label: string;
  pictureUrl: PictureUrl;
  /** A file pasted or dropped in, with where a drop landed (a document position), or null for the cursor. */
  onfiles: (files: File[], at: number | null) => void;
  onchange: () => void;
}

export function createRichEditor(options: RichEditorOptions): Editor {
  return new Editor({
    element: options.element,
    // The policy refuses a <style> tag made at run time: the same rules come from prosemirror.css.
    injectCSS: false,
    content: fieldToEditor(options.content),
    extensions: [
      StarterKit.configure({ heading: false, blockquote: false, horizontalRule: false, link: { openOnClick: false, autolink: false } }),
      TextStyle,
      Color,
      Subscript,
      Superscript,
      pictureExtension(options.pictureUrl),
      EnterIsLineBreak,
    ],
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': options.label, class: 'rich-field' },
      // Ctrl+Enter saves the note (the form hears it); the hard-break extension would otherwise take it as a line break first.
      handleKeyDown: (_view, event) => event.key === 'Enter' && (event.ctrlKey || event.metaKey),
      // Pasted HTML is hostile like any other card HTML: sanitised before the editor reads it.
      transformPastedHTML: (html) => sanitizeCardHtml(html),
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        options.onfiles(files, null);
        return true;
      },
      handleDrop: (view, event) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        options.onfiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null);
        return true;
      },
    },
    onUpdate: ({ transaction }) => {
      if (transaction.docChanged) options.onchange();
    },
  });
}
