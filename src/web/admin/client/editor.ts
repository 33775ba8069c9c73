// The rich-text island of the item editor (runs in the browser; bundled by
// esbuild on demand, see ../assets.ts). Without JavaScript the page keeps a
// plain <textarea> of HTML; with it, the textarea is hidden and a Tiptap
// (ProseMirror) editor writes its HTML back into it, so the form posts the
// same field either way and the server sanitizes it with the API's allow-list.
import { Editor, Node, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
// the browser bundle takes the pure embed rules file itself: the module's index.ts would pull the server (store, sqlite) into it
import { embedFor, IFRAME_ATTRIBUTES } from '../../../modules/content/embeds.ts';

const vi = document.documentElement.lang !== 'en';
const T = vi
  ? {
      toolbar: 'Định dạng',
      h2: 'Tiêu đề 2',
      h3: 'Tiêu đề 3',
      bold: 'Đậm',
      italic: 'Nghiêng',
      bullet: 'Danh sách',
      ordered: 'Danh sách số',
      quote: 'Trích dẫn',
      link: 'Liên kết',
      linkPrompt: 'Địa chỉ liên kết (để trống để bỏ)',
      table: 'Bảng',
      image: 'Chèn ảnh',
      undo: 'Hoàn tác',
      redo: 'Làm lại',
      close: 'Đóng',
      search: 'Tìm ảnh',
      none: 'Không có ảnh.',
      editor: 'Nội dung bài viết',
      video: 'Video',
      videoPrompt: 'Địa chỉ video YouTube, Vimeo hoặc tệp video của cổng (/media/…)',
      videoRejected: 'Chỉ nhúng được video từ YouTube, Vimeo hoặc thư viện của cổng.',
    }
  : {
      toolbar: 'Formatting',
      h2: 'Heading 2',
      h3: 'Heading 3',
      bold: 'Bold',
      italic: 'Italic',
      bullet: 'Bulleted list',
      ordered: 'Numbered list',
      quote: 'Quote',
      link: 'Link',
      linkPrompt: 'Link address (empty to remove)',
      table: 'Table',
      image: 'Insert picture',
      undo: 'Undo',
      redo: 'Redo',
      close: 'Close',
      search: 'Search pictures',
      none: 'No pictures.',
      editor: 'Item body',
      video: 'Video',
      videoPrompt: 'Address of a YouTube or Vimeo video, or of a video file of this portal (/media/…)',
      videoRejected: "Only videos from YouTube, Vimeo or the portal's own library can be embedded.",
    };

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

// Embedded players, as the server's sanitizer keeps them (content/embeds.ts decides what is allowed):
// an <iframe> of YouTube's no-cookie host or Vimeo's player, or a <video> of the portal's own file.
const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, title: { default: null } };
  },
  parseHTML() {
    return [
      { tag: 'iframe[src]', getAttrs: (el) => (embedFor(el.getAttribute('src') ?? '')?.kind === 'iframe' ? null : false) },
      { tag: 'video[src]', getAttrs: (el) => (embedFor(el.getAttribute('src') ?? '')?.kind === 'video' ? null : false) },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const embed = embedFor(String(HTMLAttributes.src ?? ''));
    if (embed?.kind === 'video') return ['video', mergeAttributes({ src: embed.src, controls: '', preload: 'metadata' }, HTMLAttributes.title ? { title: HTMLAttributes.title as string } : {})];
    return ['iframe', mergeAttributes({ src: embed?.src ?? 'about:blank', ...IFRAME_ATTRIBUTES, width: '560', height: '315' }, HTMLAttributes.title ? { title: HTMLAttributes.title as string } : {})];
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
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }), ResponsiveImage, TableKit.configure({ table: { resizable: false } }), VideoEmbed],
    content: textarea.value,
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label?.textContent?.trim() || T.editor } },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.getHTML();
      // tells the autosave (below) that the body changed, as typing in a plain field would
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
  });

  const chain = () => editor.chain().focus();
  const buttons = [
    button(
      T.h2,
      () => chain().toggleHeading({ level: 2 }).run(),
      () => editor.isActive('heading', { level: 2 }),
    ),
    button(
      T.h3,
      () => chain().toggleHeading({ level: 3 }).run(),
      () => editor.isActive('heading', { level: 3 }),
    ),
    button(
      T.bold,
      () => chain().toggleBold().run(),
      () => editor.isActive('bold'),
    ),
    button(
      T.italic,
      () => chain().toggleItalic().run(),
      () => editor.isActive('italic'),
    ),
    button(
      T.bullet,
      () => chain().toggleBulletList().run(),
      () => editor.isActive('bulletList'),
    ),
    button(
      T.ordered,
      () => chain().toggleOrderedList().run(),
      () => editor.isActive('orderedList'),
    ),
    button(
      T.quote,
      () => chain().toggleBlockquote().run(),
      () => editor.isActive('blockquote'),
    ),
    button(
      T.link,
      () => {
        const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
        const href = window.prompt(T.linkPrompt, previous);
        if (href === null) return;
        if (!href.trim()) chain().unsetLink().run();
        else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
      },
      () => editor.isActive('link'),
    ),
    button(T.table, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
    button(T.image, () =>
      openPicker(textarea.dataset.media ?? '/admin/media.json', (item) => {
        chain().setImage({ src: item.src, alt: item.alt }).updateAttributes('image', { srcset: item.srcset, sizes: '(max-width: 960px) 100vw, 960px', width: item.width, height: item.height }).run();
      }),
    ),
    button(T.video, () => {
      const address = window.prompt(T.videoPrompt, 'https://');
      if (address === null || !address.trim() || address.trim() === 'https://') return;
      const embed = embedFor(address);
      if (!embed) {
        window.alert(T.videoRejected);
        return;
      }
      chain()
        .insertContent({ type: 'videoEmbed', attrs: { src: embed.src, title: T.video } })
        .run();
    }),
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

/** The cover choice: the same picker as for pictures in the body, writing the picture's id into the <select>. */
function coverPicker(select: HTMLSelectElement) {
  const pick = button(select.dataset.pickLabel ?? T.image, () =>
    openPicker(select.dataset.coverPicker ?? '/admin/media.json', (item) => {
      let option = [...select.options].find((o) => o.value === String(item.id));
      if (!option) {
        option = new Option(`#${item.id} — ${item.alt}`, String(item.id));
        select.add(option);
      }
      select.value = String(item.id);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const preview = select.closest('.cover-field')?.querySelector<HTMLImageElement>('img.cover-preview');
      if (preview) preview.src = item.thumb;
    }),
  );
  pick.classList.add('secondary');
  select.insertAdjacentElement('afterend', pick);
}

/**
 * Autosave: a few seconds after the last edit, the form is posted as it is
 * to the item's autosave address, which applies the same checks as Save. The
 * new version goes back into every form of the page, so the next save or
 * workflow step is not taken for a stale one. A conflict (someone else saved)
 * stops autosaving and says so; the Save button keeps working either way.
 */
function autosave(form: HTMLFormElement) {
  const url = form.dataset.autosave!;
  const status = form.querySelector<HTMLElement>('.autosave-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const DELAY = 3000;
  let timer: number | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  let submitWhenDone = false;
  const save = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    say(form.dataset.savingLabel ?? '…');
    try {
      const body = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === 'string') body.append(k, v);
      const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      if (res.ok) {
        const data = (await res.json()) as { version: number; savedAt: string };
        const path = url.replace(/\/autosave$/, '');
        for (const input of document.querySelectorAll<HTMLInputElement>('form input[name="version"]')) {
          const action = input.form?.getAttribute('action') ?? '';
          if (action === path || action.startsWith(`${path}/`)) input.value = String(data.version);
        }
        const time = new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(data.savedAt));
        say((form.dataset.savedLabel ?? '{time}').replace('{time}', time));
      } else if (res.status === 409 || res.status === 403) {
        stopped = true;
        say(form.dataset.conflictLabel ?? String(res.status));
      } else say(form.dataset.failedLabel ?? String(res.status));
    } catch {
      say(form.dataset.failedLabel ?? '!');
    } finally {
      running = false;
      // Save was pressed while this autosave was on its way: post the form now, with the version it returned
      if (submitWhenDone) form.submit();
      else if (again && !stopped) {
        again = false;
        void save();
      }
    }
  };
  const edited = () => {
    if (stopped) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), DELAY);
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  // a deliberate Save takes over: no autosave may land after it and make its version stale
  form.addEventListener('submit', (e) => {
    stopped = true;
    window.clearTimeout(timer);
    if (running) {
      e.preventDefault();
      submitWhenDone = true;
    }
  });
}

for (const textarea of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich]')) mount(textarea);
for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-cover-picker]')) coverPicker(select);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-autosave]')) autosave(form);
