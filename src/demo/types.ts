// Shapes of the demo network's hand-written content. The loader (./load.ts)
// turns these into portals, sections, accounts and published items through
// the same services the API uses, so the demo exercises the real code paths.

export type Lang = 'vi' | 'en' | 'zh';
export type Localized = { vi: string; en?: string; zh?: string };

export interface DemoContact {
  unit: string; // cơ quan chủ quản — the agency that owns the portal
  responsible: string; // người chịu trách nhiệm — person legally responsible
  address: string;
  phone: string;
  email: string;
}

export interface DemoSection {
  slug: string; // ascii, kebab-case, unique within the portal
  kind: 'section' | 'subsite'; // subsite = chuyên trang, a sub-site with its own home and menu
  names: Localized;
  description?: Localized;
  themeColor?: string; // '#rrggbb', sub-sites only
  parent?: string; // slug of the parent section (a sub-site's own sections)
}

export interface DemoTranslation {
  title: string;
  summary: string;
  body: string; // HTML
  meta?: Record<string, unknown>; // only fields whose text differs (e.g. abstract)
}

export interface DemoItem {
  type: 'news' | 'directive' | 'legal-document' | 'press-release' | 'procedure' | 'video' | 'gallery';
  section: string; // section slug in the same portal
  title: string; // Vietnamese
  summary: string;
  body: string; // HTML: <p>, <h2>, <ul>, <ol>, <li>, <strong>, <em>, <blockquote>, <a href>, <figure>, <img>, <figcaption>, <table>
  tags?: string[];
  meta?: Record<string, unknown>; // type-specific, see CONTRACT.md
  daysAgo: number; // published this many days before the demo is loaded (0 = today); fractional allowed
  translations?: { en?: DemoTranslation; zh?: DemoTranslation };
}

export interface DemoPortal {
  slug: string;
  kind: 'central' | 'ministry' | 'province' | 'agency' | 'commune';
  parent?: string; // slug of the parent portal
  names: Localized;
  languages: Lang[];
  contact: DemoContact;
  sections: DemoSection[];
  items: DemoItem[];
}
