import type { AdminLang } from './i18n.ts';

// Words of the portal settings form, the section editor, the editor's cover
// picture, social text and autosave, and workflow emails (Vietnamese and
// English). Kept beside the main catalogue so these pages' many labels do
// not crowd it; same rule: one interface, so a key missing in a language is
// a type error.

export interface ExtraMessages {
  portal: {
    title: string;
    names: string;
    nameIn: (lang: string) => string;
    look: string;
    brandColor: string;
    brandColorHint: string;
    tintColor: string;
    tintColorHint: string;
    logo: string;
    logoHint: string;
    noLogo: string;
    currentLogo: string;
    contact: string;
    contactHint: string;
    unit: string;
    responsible: string;
    address: string;
    phone: string;
    email: string;
    saved: string;
    security: string;
    hostsNote: string;
  };
  sections: {
    edit: string;
    editOf: (name: string) => string;
    position: string;
    positionHint: string;
    inMenu: string;
    inMenuHint: string;
    hidden: string;
    saved: string;
    actions: string;
    top: string;
  };
  editor: {
    cover: string;
    coverHint: string;
    noCover: string;
    pickCover: string;
    removeCover: string;
    socialText: string;
    socialTextHint: (max: number) => string;
    /** unpublishing an original: what becomes of its published translations */
    unpublishTranslations: string;
    translationsSame: (langs: string) => string;
    translationsKeep: string;
    autosaved: (time: string) => string;
    autosaving: string;
    autosaveConflict: string;
    autosaveFailed: string;
    video: string;
    videoPrompt: string;
    videoRejected: string;
  };
  oidc: {
    signInWith: (name: string) => string;
    failed: (name: string) => string;
    unavailable: (name: string) => string;
  };
  notify: {
    title: string;
    workflow: string;
    workflowHint: string;
    saved: string;
  };
}

const vi: ExtraMessages = {
  portal: {
    title: 'Thông tin cổng',
    names: 'Tên cổng',
    nameIn: (l) => `Tên cổng (${l})`,
    look: 'Giao diện',
    brandColor: 'Màu chủ đạo (#rrggbb)',
    brandColorHint: 'Màu đầu trang và thanh menu; được làm tối đi nếu chữ trắng trên nền khó đọc. Để trống để dùng màu mặc định.',
    tintColor: 'Màu nền phụ (#rrggbb)',
    tintColorHint: 'Màu nền các khối phụ; được làm sáng lên nếu chữ khó đọc. Để trống để tự tạo từ màu chủ đạo.',
    logo: 'Biểu trưng (logo) từ thư viện ảnh',
    logoHint: 'Thay cho Quốc huy ở đầu trang. Tải ảnh lên Thư viện ảnh trước.',
    noLogo: '— Quốc huy (mặc định) —',
    currentLogo: 'Biểu trưng hiện tại',
    contact: 'Thông tin liên hệ ở chân trang',
    contactHint: 'Bắt buộc với trang thông tin điện tử của cơ quan nhà nước: cơ quan chủ quản, người chịu trách nhiệm, địa chỉ, điện thoại, thư điện tử.',
    unit: 'Cơ quan chủ quản',
    responsible: 'Người chịu trách nhiệm chính',
    address: 'Địa chỉ',
    phone: 'Điện thoại',
    email: 'Thư điện tử',
    saved: 'Đã lưu thông tin cổng; trang công khai đã được cập nhật.',
    security: 'Bảo mật',
    hostsNote: 'Tên miền của cổng được thay đổi bằng dòng lệnh (lantoa portal).',
  },
  sections: {
    edit: 'Sửa',
    editOf: (n) => `Sửa chuyên mục: ${n}`,
    position: 'Thứ tự trong menu',
    positionHint: 'Số nhỏ đứng trước.',
    inMenu: 'Hiện trong menu chính',
    inMenuHint: 'Bỏ chọn để ẩn khỏi menu; trang chuyên mục vẫn truy cập được.',
    hidden: 'ẩn khỏi menu',
    saved: 'Đã lưu chuyên mục.',
    actions: 'Thao tác',
    top: '— cấp cao nhất —',
  },
  editor: {
    cover: 'Ảnh đại diện',
    coverHint: 'Ảnh đầu bài và ảnh khi chia sẻ lên mạng xã hội (og:image).',
    noCover: '— không có —',
    pickCover: 'Chọn ảnh từ thư viện',
    removeCover: 'Bỏ ảnh đại diện',
    socialText: 'Nội dung đăng mạng xã hội',
    socialTextHint: (n) => `Tối đa ${n} ký tự; liên kết bài viết được thêm tự động. Để trống để dùng tiêu đề và sapo.`,
    unpublishTranslations: 'Các bản dịch đang xuất bản',
    translationsSame: (l) => `Gỡ cùng bài gốc, cùng hình thức và lý do (${l})`,
    translationsKeep: 'Giữ nguyên các bản dịch',
    autosaved: (t) => `Đã tự động lưu lúc ${t}`,
    autosaving: 'Đang lưu…',
    autosaveConflict: 'Bài đã được người khác sửa; không tự động lưu nữa. Hãy sao chép phần sửa của bạn rồi tải lại trang.',
    autosaveFailed: 'Chưa tự động lưu được; bấm Lưu để lưu.',
    video: 'Video',
    videoPrompt: 'Địa chỉ video YouTube, Vimeo hoặc tệp video của cổng (/media/…)',
    videoRejected: 'Chỉ nhúng được video từ YouTube, Vimeo hoặc thư viện của cổng.',
  },
  oidc: {
    signInWith: (n) => `Đăng nhập bằng ${n}`,
    failed: (n) => `Không đăng nhập được bằng ${n}. Hãy thử lại.`,
    unavailable: (n) => `Hiện không kết nối được ${n}. Hãy đăng nhập bằng mật khẩu hoặc thử lại sau.`,
  },
  notify: {
    title: 'Thư thông báo',
    workflow: 'Gửi thư cho tôi khi có bài chờ vai trò của tôi (chờ duyệt, chờ xuất bản)',
    workflowHint: 'Thư được gửi qua hàng đợi; không làm chậm thao tác của người khác.',
    saved: 'Đã lưu lựa chọn thư thông báo.',
  },
};

const en: ExtraMessages = {
  portal: {
    title: 'Portal information',
    names: 'Portal name',
    nameIn: (l) => `Portal name (${l})`,
    look: 'Look',
    brandColor: 'Brand colour (#rrggbb)',
    brandColorHint: 'The masthead and menu colour; darkened when white text on it would be hard to read. Leave empty for the default.',
    tintColor: 'Panel colour (#rrggbb)',
    tintColorHint: 'Background of secondary panels; lightened when text on it would be hard to read. Leave empty to derive it from the brand colour.',
    logo: 'Logo from the media library',
    logoHint: 'Shown instead of the national emblem in the masthead. Upload it to the media library first.',
    noLogo: '— National emblem (default) —',
    currentLogo: 'Current logo',
    contact: 'Contact details in the footer',
    contactHint: 'Required of a state agency website: owning agency, person responsible, address, telephone, email.',
    unit: 'Owning agency',
    responsible: 'Person responsible',
    address: 'Address',
    phone: 'Telephone',
    email: 'Email',
    saved: 'Portal information saved; the public site shows it now.',
    security: 'Security',
    hostsNote: "The portal's hostnames are changed with the CLI (lantoa portal).",
  },
  sections: {
    edit: 'Edit',
    editOf: (n) => `Edit section: ${n}`,
    position: 'Order in the menu',
    positionHint: 'Lower numbers come first.',
    inMenu: 'Show in the main menu',
    inMenuHint: 'Untick to keep it out of the menu; its page stays reachable.',
    hidden: 'not in the menu',
    saved: 'Section saved.',
    actions: 'Actions',
    top: '— top level —',
  },
  editor: {
    cover: 'Cover picture',
    coverHint: 'Shown at the top of the item and when it is shared on social media (og:image).',
    noCover: '— none —',
    pickCover: 'Pick from the library',
    removeCover: 'Remove the cover picture',
    socialText: 'Text for social media posts',
    socialTextHint: (n) => `At most ${n} characters; the link to the item is added. Leave empty to use the title and summary.`,
    unpublishTranslations: 'Published translations',
    translationsSame: (l) => `Unpublish them too, with the same kind and reason (${l})`,
    translationsKeep: 'Keep them published',
    autosaved: (t) => `Saved automatically at ${t}`,
    autosaving: 'Saving…',
    autosaveConflict: 'Someone else changed this item; autosave has stopped. Copy your changes, then reload the page.',
    autosaveFailed: 'Could not save automatically; press Save to save.',
    video: 'Video',
    videoPrompt: 'Address of a YouTube or Vimeo video, or of a video file of this portal (/media/…)',
    videoRejected: "Only videos from YouTube, Vimeo or the portal's own library can be embedded.",
  },
  oidc: {
    signInWith: (n) => `Sign in with ${n}`,
    failed: (n) => `Signing in with ${n} did not work. Please try again.`,
    unavailable: (n) => `${n} cannot be reached now. Sign in with your password, or try again later.`,
  },
  notify: {
    title: 'Email notifications',
    workflow: 'Email me when an item waits for my role (review, publication)',
    workflowHint: 'Sent through the queue; never slows anyone down.',
    saved: 'Notification choice saved.',
  },
};

export const EXTRA_MESSAGES: Record<AdminLang, ExtraMessages> = { vi, en };
