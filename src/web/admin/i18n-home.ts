import type { AdminLang } from './i18n.ts';

// The admin's "Trang chủ" page (routes/home.ts): the curated home of a portal.

export const HOME_MESSAGES: Record<AdminLang, Record<string, string>> = {
  vi: {
    nav: 'Trang chủ',
    title: 'Trang chủ cổng',
    intro: 'Chọn và sắp xếp tin nổi bật; ô trống được điền bằng tin mới nhất. Xóa số bài để bỏ ghim.',
    featured: 'Tin nổi bật được ghim',
    order: 'Thứ tự',
    id: 'Số bài (id)',
    until: 'Ghim đến (giờ Việt Nam, tùy chọn)',
    breaking: 'Tin nóng (băng tin trên mọi trang)',
    breakingHint: 'Chọn một bài, hoặc nhập lời và liên kết. Để trống tất cả để không hiện tin nóng.',
    itemId: 'Số bài (id)',
    text: 'Lời tin nóng',
    url: 'Liên kết (http(s) hoặc đường dẫn của cổng, ví dụ /tin-tuc)',
    from: 'Bắt đầu (giờ Việt Nam; trống: ngay)',
    endsAt: 'Kết thúc (giờ Việt Nam)',
    recent: 'Bài mới xuất bản',
    shownNow: 'Trang chủ đang hiện',
    save: 'Lưu trang chủ',
    saved: 'Đã lưu trang chủ.',
  },
  en: {
    nav: 'Home page',
    title: 'Portal home page',
    intro: 'Pin and order the top stories; empty slots fill with the newest news. Clear an id to unpin it.',
    featured: 'Pinned top stories',
    order: 'Order',
    id: 'Item id',
    until: 'Pinned until (Vietnam time, optional)',
    breaking: 'Breaking news (a banner on every page)',
    breakingHint: 'Pick an item, or give a text and a link. Leave everything empty for no banner.',
    itemId: 'Item id',
    text: 'Banner text',
    url: 'Link (http(s) or a path of this portal, e.g. /tin-tuc)',
    from: 'Starts (Vietnam time; empty: now)',
    endsAt: 'Ends (Vietnam time)',
    recent: 'Recently published',
    shownNow: 'The home shows now',
    save: 'Save the home page',
    saved: 'Home page saved.',
  },
};

export const homeNotice = (lang: AdminLang) => HOME_MESSAGES[lang].saved;
export const homeNavLabel = (lang: AdminLang) => HOME_MESSAGES[lang].nav;
