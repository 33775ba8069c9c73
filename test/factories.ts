import type { Services } from '../src/app.ts';
import type { Role } from '../src/modules/accounts/service.ts';
import type { ContentType } from '../src/modules/content/types.ts';
import type { Item } from '../src/modules/content/index.ts';
import type { PortalKind } from '../src/modules/portals/service.ts';
import type { Actor } from '../src/modules/workflow/rules.ts';
import { PASSWORD, signedInAs, type AdminBrowser } from './admin-helpers.ts';
import { actingAs, CONTACT } from './helpers.ts';

// Entity factories: each test makes just what it needs, through the modules'
// public methods, instead of leaning on one fixed world (seedNetwork). Every
// call makes a new entity with its own slug or address, so tests that share
// a store never collide. Example:
//
//   const portal = await makePortal(env.services);
//   const chief = await makeAccount(env.services, portal, 'editor-in-chief');
//   const item = await makeItem(env.services, portal, chief, { type: 'procedure', published: true });

let serial = 0;
const next = () => ++serial;

export interface PortalRef {
  id: number;
  slug: string;
}

/** A portal (central unless `kind` says otherwise; a non-central one hangs under `parent`) with one section, `tin-tuc`. */
export async function makePortal(services: Services, opts: { slug?: string; kind?: PortalKind; parent?: string; languages?: string[] } = {}): Promise<PortalRef> {
  const n = next();
  const slug = opts.slug ?? `cong-${n}`;
  const kind = opts.kind ?? 'central';
  const portal = await services.portals.create({ slug, kind, parent: opts.parent, names: { vi: `Cổng thử nghiệm ${n}`, en: `Test portal ${n}` }, languages: opts.languages ?? ['vi', 'en'], contact: CONTACT });
  await services.portals.createSection(portal, { slug: 'tin-tuc', names: { vi: 'Tin tức', en: 'News' } });
  return { id: portal.id, slug: portal.slug };
}

/** A section (chuyên mục) of a portal; `kind: 'subsite'` makes a chuyên trang (sub-site). */
export async function makeSection(services: Services, portal: PortalRef, opts: { slug?: string; kind?: 'section' | 'subsite'; parent?: string } = {}): Promise<string> {
  const slug = opts.slug ?? `chuyen-muc-${next()}`;
  const p = await services.portals.require(portal.slug);
  await services.portals.createSection(p, { slug, kind: opts.kind, parent: opts.parent, names: { vi: `Chuyên mục ${slug}` } });
  return slug;
}

export interface AccountRef {
  id: number;
  email: string;
  role: Role;
  /** an API bearer token */
  token: string;
  /** the content module's view of this account */
  actor: Actor;
}

/** An account holding `role` at the portal, with the test password and a bearer token. */
export async function makeAccount(services: Services, portal: PortalRef, role: Role, email = `${role}-${next()}@${portal.slug}.test.gov.vn`): Promise<AccountRef> {
  const account = await services.accounts.addUser({ email, portalId: portal.id, role, password: PASSWORD });
  return { id: account.id, email, role, token: await services.accounts.createToken(email), actor: { accountId: account.id, roles: [role] } };
}

/** An admin browser signed in as the account (its session cookie and CSRF token are kept by AdminBrowser). */
export function signedIn(port: number, portal: PortalRef, account: AccountRef): Promise<AdminBrowser> {
  return signedInAs(port, `${portal.slug}.localhost`, account.email);
}

/** What each type needs beyond a title: the meta its schema asks for. */
const TYPE_INPUT: Record<ContentType, { section?: string; meta?: Record<string, unknown> }> = {
  news: { section: 'tin-tuc' },
  directive: {},
  'press-release': { section: 'tin-tuc' },
  'legal-document': {
    meta: { number: '42/2022/NĐ-CP', documentType: 'Nghị định', issuingBody: 'Chính phủ', signer: 'Phó Thủ tướng', issuedDate: '2022-06-24', effectiveDate: '2022-08-15', effectStatus: 'in-force', field: 'Công nghệ thông tin' },
  },
  procedure: {
    meta: {
      code: '2.001548',
      level: 'Cấp Trung ương',
      field: 'Quản lý xuất nhập cảnh',
      agency: 'Cục Quản lý xuất nhập cảnh',
      steps: ['Kê khai tờ khai', 'Nộp lệ phí'],
      processingTime: '08 ngày làm việc',
      onlineLevel: 'full',
    },
  },
  video: { meta: { sourceUrl: 'https://www.youtube.com/watch?v=Qm3vT8kLp2A', duration: 412 } },
  gallery: { meta: { images: [{ src: '/media/demo/hoi-nghi-01.jpg', caption: 'Toàn cảnh hội nghị' }] } },
};

/** An item of `type` (news by default), a draft unless `published`; made and published by `by` (an editor-in-chief or admin to publish). */
export async function makeItem(services: Services, portal: PortalRef, by: AccountRef, opts: { type?: ContentType; published?: boolean; title?: string; lang?: string } = {}): Promise<Item> {
  const type = opts.type ?? 'news';
  const n = next();
  const p = await services.portals.require(portal.slug);
  const draft = await services.content.create(p, actingAs(by.actor, p.id), {
    type,
    lang: opts.lang ?? 'vi',
    title: opts.title ?? `Bài thử nghiệm số ${n} (${type})`,
    summary: 'Tóm tắt bài thử nghiệm.',
    body: '<p>Nội dung bài thử nghiệm.</p>',
    ...TYPE_INPUT[type],
  });
  return opts.published ? services.content.act(draft, actingAs(by.actor, p.id), { action: 'publish' }) : draft;
}
