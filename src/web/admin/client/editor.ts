// The rich-text island of the item editor (runs in the browser; bundled by
// esbuild on demand, see ../assets.ts). Without JavaScript the page keeps a
// plain <textarea> of HTML; with it, the textarea is hidden and a Tiptap
// (ProseMirror) editor writes its HTML back into it, so the form posts the
// same field either way and the server sanitizes it with the API's allow-list.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';

const vi = document.documentElement.lang !== 'en';
const T = vi
  ? { toolbar: 'Định dạng', h2: 'Tiêu đề 2', h3: 'Tiêu đề 3', bold: 'Đậm', italic: 'Nghiêng', bullet: 'Danh sách', ordered: 'Danh sách số', quote: 'Trích dẫn', link: 'Liên kết', linkPrompt: 'Địa chỉ liên kết (để trống để bỏ)', table: 'Bảng', image: 'Chèn ảnh', undo: 'Hoàn tác', redo: 'Làm lại', close: 'Đóng', search: 'Tìm ảnh', none: 'Không có ảnh.', editor: 'Nội dung bài viết' }
  : { toolbar: 'Formatting', h2: 'Heading 2', h3: 'Heading 3', bold: 'Bold', italic: 'Italic', bullet: 'Bulleted list', ordered: 'Numbered list', quote: 'Quote', link: 'Link', linkPrompt: 'Link address (empty to remove)', table: 'Table', image: 'Insert picture', undo: 'Undo', redo: 'Redo', close: 'Close', search: 'Search pictures', none: 'No pictures.', editor: 'Item body' };

// Pictures from the library carry srcset/sizes so readers get the WebP size that fits their screen.
const ResponsiveImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      srcset: { default: null },
      sizes: { default: null },
      width: { default: null },
      height: { default: null },
      loading: { default: 'lazy' },
    };
  },
});

interface LibraryItem {
  id: number;
  alt: string;
  thumb: string;
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
}

function button(label: string, run: () => void, active?: () => boolean): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', (e) => {
    e.preventDefault();
    run();
  });
  if (active) b.dataset.active = '1';
  (b as HTMLButtonElement & { isActive?: () => boolean }).isActive = active;
  return b;
}

function mount(textarea: HTMLTextAreaElement) {
  const host = document.createElement('div');
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', T.toolbar);
  const area = document.createElement('div');
  area.className = 'rich-editor';
  host.append(toolbar, area);
  textarea.insertAdjacentElement('afterend', host);
  textarea.hidden = true;

  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  const editor = new Editor({
    element: area,
    // Tiptap would add a <style> element; the admin's CSP allows stylesheets from files only, so its rules live in the admin CSS
    injectCSS: false,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }), ResponsiveImage, TableKit.configure({ table: { resizable: false } })],
    content: textarea.value,
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label?.textContent?.trim() || T.editor } },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.getHTML();
    },
  });

  const chain = () => editor.chain().focus();
  const buttons = [
    button(T.h2, () => chain().toggleHeading({ level: 2 }).run(), () => editor.isActive('heading', { level: 2 })),
    button(T.h3, () => chain().toggleHeading({ level: 3 }).run(), () => editor.isActive('heading', { level: 3 })),
    button(T.bold, () => chain().toggleBold().run(), () => editor.isActive('bold')),
    button(T.italic, () => chain().toggleItalic().run(), () => editor.isActive('italic')),
    button(T.bullet, () => chain().toggleBulletList().run(), () => editor.isActive('bulletList')),
    button(T.ordered, () => chain().toggleOrderedList().run(), () => editor.isActive('orderedList')),
    button(T.quote, () => chain().toggleBlockquote().run(), () => editor.isActive('blockquote')),
    button(T.link, () => {
      const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
      const href = window.prompt(T.linkPrompt, previous);
      if (href === null) return;
      if (!href.trim()) chain().unsetLink().run();
      else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
    }, () => editor.isActive('link')),
    button(T.table, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
    button(T.image, () => openPicker(textarea.dataset.media ?? '/admin/media.json', (item) => {
      chain().setImage({ src: item.src, alt: item.alt }).updateAttributes('image', { srcset: item.srcset, sizes: '(max-width: 960px) 100vw, 960px', width: item.width, height: item.height }).run();
    })),
    button(T.undo, () => chain().undo().run()),
    button(T.redo, () => chain().redo().run()),
  ];
  toolbar.append(...buttons);
  const refresh = () => {
    for (const b of buttons) {
      const active = (b as HTMLButtonElement & { isActive?: () => boolean }).isActive;
      if (active) b.setAttribute('aria-pressed', String(active()));
    }
  };
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  refresh();
  textarea.form?.addEventListener('submit', () => {
    textarea.value = editor.getHTML();
  });
}

function openPicker(url: string, choose: (item: LibraryItem) => void) {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', T.image);
  const heading = document.createElement('h2');
  heading.textContent = T.image;
  const search = document.createElement('input');
  search.type = 'search';
  search.setAttribute('aria-label', T.search);
  search.placeholder = T.search;
  const list = document.createElement('ul');
  list.className = 'picker';
  const close = button(T.close, () => dialog.close());
  dialog.append(heading, search, list, close);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  const load = async () => {
    const res = await fetch(`${url}?q=${encodeURIComponent(search.value)}`, { credentials: 'same-origin' });
    const data = (await res.json()) as { items: LibraryItem[] };
    list.replaceChildren();
    if (!data.items.length) {
      const li = document.createElement('li');
      li.textContent = T.none;
      list.append(li);
    }
    for (const item of data.items) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      const img = document.createElement('img');
      img.src = item.thumb;
      img.alt = item.alt;
      b.append(img);
      b.addEventListener('click', () => {
        choose(item);
        dialog.close();
      });
      li.append(b);
      list.append(li);
    }
  };
  let timer: number | undefined;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 250);
  });
  dialog.showModal();
  void load();
}

for (const textarea of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich]')) mount(textarea);
