import { own } from '../../lib/own.ts';
import type { Role } from '../../modules/accounts/index.ts';
import type { ContentType } from '../../modules/content/index.ts';
import type { Action, State } from '../../modules/workflow/index.ts';

// The admin's message catalogue, Vietnamese (default) and English. Every
// piece of admin UI text lives here; `Messages` is one interface, so a key
// missing in one language is a type error rather than a blank on the page.

export const ADMIN_LANGS = ['vi', 'en'] as const;
export type AdminLang = (typeof ADMIN_LANGS)[number];
export const isAdminLang = (v: unknown): v is AdminLang => v === 'vi' || v === 'en';

export interface Messages {
  locale: string;
  admin: string;
  skip: string;
  otherLanguage: { lang: AdminLang; label: string };
  nav: {
    dashboard: string;
    items: string;
    newItem: string;
    media: string;
    translations: string;
    audit: string;
    users: string;
    tokens: string;
    settings: string;
    sections: string;
    account: string;
    signOut: string;
    portals: string;
    viewSite: string;
    channels: string;
    feedback: string;
    federation: string;
    network: string;
    uptime: string;
  };
  feedback: {
    title: string;
    code: string;
    kind: string;
    kinds: Record<string, string>;
    titleCol: string;
    askedBy: string;
    status: string;
    statuses: Record<string, string>;
    due: string;
    overdue: string;
    assignee: string;
    empty: string;
    onlyOverdue: string;
    content: string;
    personal: string;
    erased: string;
    withheld: string;
    previewTitle: string;
    previewIntro: string;
    redactions: (n: number) => string;
    confirmPublish: string;
    previewStale: string;
    name: string;
    email: string;
    phone: string;
    address: string;
    submitterType: string;
    consent: string;
    files: string;
    history: string;
    internal: string;
    actions: Record<string, string>;
    note: string;
    answer: string;
    toPortal: string;
    officer: string;
    done: string;
    forwardedTo: string;
    forwardedFrom: string;
  };
  social: {
    title: string;
    channels: string;
    deliveries: string;
    none: string;
    noDeliveries: string;
    platform: string;
    name: string;
    status: string;
    statuses: Record<string, string>;
    auto: string;
    languages: string;
    item: string;
    channel: string;
    attempts: string;
    error: string;
    remote: string;
    retry: string;
    retried: string;
    howToAdd: string;
    connect: string;
    credentials: string;
    credentialsHint: (fields: string) => string;
    apiBaseUrl: string;
    apiBaseUrlHint: string;
    contentTypes: string;
    connected: string;
    update: string;
    updated: string;
    disconnect: string;
    disconnected: string;
    credentialsSet: string;
    alsoPost: string;
    onItem: string;
  };
  roles: Record<Role, string>;
  states: Record<State, string>;
  actions: Record<Action, string>;
  types: Record<ContentType, string>;
  langs: Record<'vi' | 'en' | 'zh', string>;
  common: {
    save: string;
    cancel: string;
    search: string;
    filter: string;
    all: string;
    none: string;
    yes: string;
    no: string;
    required: string;
    optional: string;
    fixErrors: string;
    notFound: string;
    forbidden: string;
    badRequest: string;
    conflict: string;
    tooMany: (s: number) => string;
    error: string;
    back: string;
    open: string;
    when: string;
    who: string;
    from: string;
    to: string;
    saved: string;
    next: string;
    previous: string;
    csrf: string;
  };
  login: {
    title: string;
    email: string;
    password: string;
    submit: string;
    failed: string;
    locked: (minutes: number) => string;
    noRole: string;
    forgot: string;
    signedOut: string;
    expired: string;
    code: string;
    codeHint: string;
    codeSubmit: string;
    codeFailed: string;
    twoFactorTitle: string;
    continueAs: (email: string, portal: string) => string;
    continue: string;
    handoffInvalid: string;
  };
  reset: {
    title: string;
    intro: string;
    email: string;
    submit: string;
    sent: string;
    newTitle: string;
    newPassword: string;
    confirm: string;
    mismatch: string;
    invalid: string;
    done: string;
    mailSubject: (portal: string) => string;
    mailText: (link: string, minutes: number) => string;
  };
  dashboard: {
    title: string;
    myDrafts: string;
    sentBack: string;
    waiting: string;
    scheduled: string;
    recent: string;
    counts: string;
    missing: string;
    missingLangs: string;
    outdated: string;
    translate: (lang: string) => string;
    empty: string;
    noNewsroom: string;
    reason: string;
  };
  items: { title: string; new: string; newOf: (type: string) => string; mine: string; status: string; type: string; lang: string; updated: string; author: string; empty: string; chooseType: string };
  editor: {
    titleNew: string;
    titleEdit: (title: string) => string;
    fields: string;
    title: string;
    summary: string;
    body: string;
    bodyHint: string;
    section: string;
    noSection: string;
    tags: string;
    tagsHint: string;
    slug: string;
    slugFixed: string;
    slugHint: string;
    changeNote: string;
    changeNoteHint: string;
    minor: string;
    version: string;
    created: string;
    saved: string;
    staleVersion: string;
    readOnly: string;
    meta: string;
    workflow: string;
    note: string;
    rejectNote: string;
    at: string;
    atHint: string;
    unpublishReason: string;
    unpublishKind: string;
    withdrawn: string;
    gone: string;
    history: string;
    preview: string;
    publicPage: string;
    translations: string;
    translationMissing: string;
    startTranslation: (lang: string) => string;
    translationOf: (title: string) => string;
    status: string;
    scheduledFor: (at: string) => string;
    sourceText: string;
    insertMedia: string;
    toolbar: string;
  };
  meta: Record<string, string>;
  effect: Record<string, string>;
  history: {
    title: (title: string) => string;
    revisions: string;
    transitions: string;
    compare: string;
    restore: string;
    restoreNote: (v: number) => string;
    restored: (v: number) => string;
    version: (v: number) => string;
    current: string;
    noChanges: string;
    tooLarge: string;
    field: string;
  };
  audit: { title: string; action: string; actor: string; target: string; detail: string; ip: string; export: string; empty: string; fromDate: string; toDate: string };
  users: { title: string; add: string; email: string; name: string; role: string; password: string; passwordHint: string; grant: string; revoke: string; granted: string; revoked: string; selfAdmin: string; roles: string };
  tokens: { title: string; create: string; name: string; created: string; copyNow: string; revoke: string; revoked: string; lastUsed: string; never: string; active: string; owner: string };
  settings: { title: string; ownFirst: string; require2fa: string; require2faHint: string; hosts: string };
  sections: { title: string; add: string; slug: string; kind: string; section: string; subsite: string; parent: string; nameVi: string; nameEn: string; nameZh: string; color: string; created: string };
  media: {
    title: string;
    upload: string;
    file: string;
    fileHint: string;
    alt: string;
    altHint: string;
    caption: string;
    credit: string;
    uploaded: string;
    empty: string;
    insert: string;
    insertHint: string;
    size: string;
    variants: string;
    describe: string;
    pdf: string;
    image: string;
  };
  account: {
    title: string;
    twoFactor: string;
    enabled: string;
    disabled: string;
    enable: string;
    scan: string;
    secret: string;
    confirm: string;
    codes: string;
    codesHint: string;
    disable: string;
    required: string;
    wrongCode: string;
    remaining: (n: number) => string;
    password: string;
    current: string;
    newPassword: string;
    changed: string;
    wrongPassword: string;
  };
  errors: Record<string, string>;
}

const vi: Messages = {
  locale: 'vi',
  admin: 'Quản trị',
  skip: 'Bỏ qua, đến nội dung chính',
  otherLanguage: { lang: 'en', label: 'English' },
  nav: {
    dashboard: 'Tổng quan',
    items: 'Bài viết',
    newItem: 'Viết bài mới',
    media: 'Thư viện ảnh',
    translations: 'Bản dịch',
    audit: 'Nhật ký',
    users: 'Người dùng',
    tokens: 'Khóa API',
    settings: 'Cài đặt cổng',
    sections: 'Chuyên mục',
    account: 'Tài khoản',
    signOut: 'Đăng xuất',
    portals: 'Cổng khác',
    viewSite: 'Xem cổng',
    channels: 'Mạng xã hội',
    feedback: 'Phản ánh, kiến nghị',
    federation: 'Liên thông',
    network: 'Mạng lưới cổng',
    uptime: 'Giám sát cổng',
  },
  roles: { admin: 'Quản trị viên', 'editor-in-chief': 'Tổng biên tập', editor: 'Biên tập viên', writer: 'Phóng viên', 'feedback-officer': 'Cán bộ trả lời', analyst: 'Phân tích' },
  states: { draft: 'Bản nháp', submitted: 'Chờ duyệt', approved: 'Đã duyệt', scheduled: 'Hẹn giờ', published: 'Đã xuất bản', unpublished: 'Đã gỡ' },
  actions: { submit: 'Gửi duyệt', approve: 'Duyệt', reject: 'Trả lại', publish: 'Xuất bản', schedule: 'Hẹn giờ xuất bản', unpublish: 'Gỡ bài' },
  types: { news: 'Tin tức', directive: 'Chỉ đạo, điều hành', 'legal-document': 'Văn bản', 'press-release': 'Thông cáo báo chí', procedure: 'Thủ tục hành chính', video: 'Video', gallery: 'Phóng sự ảnh' },
  langs: { vi: 'Tiếng Việt', en: 'Tiếng Anh', zh: 'Tiếng Trung' },
  common: {
    save: 'Lưu',
    cancel: 'Hủy',
    search: 'Tìm',
    filter: 'Lọc',
    all: 'Tất cả',
    none: 'Không có',
    yes: 'Có',
    no: 'Không',
    required: 'bắt buộc',
    optional: 'không bắt buộc',
    fixErrors: 'Vui lòng sửa các lỗi được đánh dấu bên dưới.',
    notFound: 'Không tìm thấy trang hoặc nội dung này.',
    forbidden: 'Vai trò của bạn không được phép làm việc này.',
    badRequest: 'Yêu cầu không hợp lệ.',
    conflict: 'Xung đột dữ liệu.',
    tooMany: (s) => `Quá nhiều lần thử. Vui lòng thử lại sau ${Math.ceil(s / 60)} phút.`,
    error: 'Đã có lỗi phía máy chủ; lỗi đã được ghi lại.',
    back: 'Quay lại',
    open: 'Mở',
    when: 'Thời gian',
    who: 'Người thực hiện',
    from: 'Từ',
    to: 'Đến',
    saved: 'Đã lưu.',
    next: 'Trang sau',
    previous: 'Trang trước',
    csrf: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.',
  },
  login: {
    title: 'Đăng nhập quản trị',
    email: 'Thư điện tử',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    failed: 'Thư điện tử hoặc mật khẩu không đúng.',
    locked: (m) => `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${m} phút.`,
    noRole: 'Tài khoản của bạn không có vai trò nào ở cổng này.',
    forgot: 'Quên mật khẩu?',
    signedOut: 'Bạn đã đăng xuất.',
    expired: 'Phiên làm việc đã hết hạn; vui lòng đăng nhập lại.',
    code: 'Mã xác thực',
    codeHint: 'Mã 6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục.',
    codeSubmit: 'Xác nhận',
    codeFailed: 'Mã không đúng hoặc đã được dùng.',
    twoFactorTitle: 'Xác thực hai lớp',
    continueAs: (e, p) => `Tiếp tục vào ${p} với tài khoản ${e}?`,
    continue: 'Tiếp tục',
    handoffInvalid: 'Liên kết chuyển cổng không hợp lệ hoặc đã hết hạn.',
  },
  reset: {
    title: 'Đặt lại mật khẩu',
    intro: 'Nhập thư điện tử của bạn; chúng tôi sẽ gửi liên kết đặt lại mật khẩu.',
    email: 'Thư điện tử',
    submit: 'Gửi liên kết',
    sent: 'Nếu địa chỉ này có tài khoản ở cổng, một liên kết đặt lại mật khẩu đã được gửi tới đó.',
    newTitle: 'Chọn mật khẩu mới',
    newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)',
    confirm: 'Nhập lại mật khẩu mới',
    mismatch: 'Hai mật khẩu không khớp.',
    invalid: 'Liên kết không hợp lệ, đã hết hạn hoặc đã được dùng.',
    done: 'Đã đổi mật khẩu. Vui lòng đăng nhập.',
    mailSubject: (p) => `Đặt lại mật khẩu quản trị ${p}`,
    mailText: (l, m) => `Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn.\n\nMở liên kết sau trong ${m} phút để chọn mật khẩu mới:\n${l}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.`,
  },
  dashboard: {
    title: 'Tổng quan',
    myDrafts: 'Bản nháp của tôi',
    sentBack: 'Bị trả lại cho tôi',
    waiting: 'Chờ tôi duyệt',
    scheduled: 'Hẹn giờ xuất bản',
    recent: 'Mới xuất bản',
    counts: 'Số bài theo trạng thái',
    missing: 'Bản dịch còn thiếu',
    missingLangs: 'Thiếu',
    outdated: 'Cần cập nhật',
    translate: (l) => `Dịch sang ${l}`,
    empty: 'Không có gì.',
    noNewsroom: 'Vai trò của bạn ở cổng này không làm việc với bài viết.',
    reason: 'Lý do',
  },
  items: {
    title: 'Bài viết',
    new: 'Viết bài mới',
    newOf: (t) => `Viết bài mới: ${t}`,
    mine: 'Chỉ bài của tôi',
    status: 'Trạng thái',
    type: 'Loại',
    lang: 'Ngôn ngữ',
    updated: 'Cập nhật',
    author: 'Tác giả',
    empty: 'Không có bài nào.',
    chooseType: 'Chọn loại nội dung',
  },
  editor: {
    titleNew: 'Bài mới',
    titleEdit: (t) => `Sửa: ${t}`,
    fields: 'Nội dung',
    title: 'Tiêu đề',
    summary: 'Sapo (tóm tắt)',
    body: 'Nội dung',
    bodyHint: 'Nội dung dạng HTML; máy chủ sẽ lọc các thẻ không an toàn.',
    section: 'Chuyên mục / chuyên trang',
    noSection: '— không —',
    tags: 'Thẻ',
    tagsHint: 'Cách nhau bằng dấu phẩy.',
    slug: 'Đường dẫn (slug)',
    slugFixed: 'Đường dẫn đã cố định vì bài đã từng được xuất bản.',
    slugHint: 'Chữ thường không dấu, số và dấu gạch ngang; để trống để tạo từ tiêu đề.',
    changeNote: 'Ghi chú thay đổi (hiển thị cho bạn đọc)',
    changeNoteHint: 'Bắt buộc khi sửa nội dung bài đã xuất bản, trừ khi chỉ sửa lỗi nhỏ.',
    minor: 'Chỉ sửa lỗi nhỏ (chính tả) — không thông báo',
    version: 'Phiên bản',
    created: 'Đã tạo bài.',
    saved: 'Đã lưu bài.',
    staleVersion: 'Bài đã được người khác sửa sau khi bạn mở. Hãy tải lại và sửa lại.',
    readOnly: 'Bạn chỉ có thể xem bài này ở trạng thái hiện tại.',
    meta: 'Thông tin riêng của loại nội dung',
    workflow: 'Quy trình',
    note: 'Ghi chú',
    rejectNote: 'Lý do trả lại (người viết sẽ thấy)',
    at: 'Thời điểm xuất bản (giờ Việt Nam, UTC+7)',
    atHint: 'Ngày và giờ theo giờ Hà Nội.',
    unpublishReason: 'Lý do gỡ bài',
    unpublishKind: 'Cách gỡ',
    withdrawn: 'Rút bài — giữ trang với lời giải thích',
    gone: 'Xóa hẳn — trang trả về 410',
    history: 'Lịch sử phiên bản',
    preview: 'Xem trước',
    publicPage: 'Trang công khai',
    translations: 'Bản dịch',
    translationMissing: 'Chưa có',
    startTranslation: (l) => `Bắt đầu bản ${l}`,
    translationOf: (t) => `Bản dịch của: ${t}`,
    status: 'Trạng thái',
    scheduledFor: (at) => `Hẹn xuất bản lúc ${at}`,
    sourceText: 'Bản gốc',
    insertMedia: 'Chèn ảnh từ thư viện',
    toolbar: 'Định dạng',
  },
  meta: {
    number: 'Số ký hiệu (vd. 42/2022/NĐ-CP)',
    documentType: 'Hình thức văn bản (Nghị định, Quyết định…)',
    issuingBody: 'Cơ quan ban hành',
    signer: 'Người ký',
    signerTitle: 'Chức vụ người ký',
    issuedDate: 'Ngày ban hành',
    effectiveDate: 'Ngày có hiệu lực',
    expiryDate: 'Ngày hết hiệu lực',
    effectStatus: 'Tình trạng hiệu lực',
    field: 'Lĩnh vực',
    gazetteDate: 'Ngày đăng công báo',
    abstract: 'Trích yếu',
    code: 'Mã thủ tục (vd. 1.001108)',
    decisionNumber: 'Quyết định công bố',
    level: 'Cấp thực hiện',
    agency: 'Cơ quan thực hiện',
    steps: 'Trình tự thực hiện (mỗi bước một dòng)',
    channels: 'Cách thức thực hiện (mỗi cách một dòng)',
    processingTime: 'Thời hạn giải quyết',
    fees: 'Phí, lệ phí',
    requiredDocuments: 'Thành phần hồ sơ (mỗi giấy tờ một dòng)',
    result: 'Kết quả',
    legalBasis: 'Căn cứ pháp lý (mỗi văn bản một dòng)',
    onlineLevel: 'Dịch vụ công trực tuyến',
    serviceUrl: 'Địa chỉ dịch vụ công',
    sourceUrl: 'Địa chỉ video',
    duration: 'Thời lượng (giây)',
    poster: 'Ảnh đại diện',
    transcript: 'Lời thoại',
    images: 'Ảnh (mỗi ảnh một dòng: địa chỉ | mô tả | chú thích | tác giả)',
    full: 'Toàn trình',
    partial: 'Một phần',
  },
  effect: { 'in-force': 'Còn hiệu lực', 'partly-expired': 'Hết hiệu lực một phần', expired: 'Hết hiệu lực', 'not-yet-in-force': 'Chưa có hiệu lực', suspended: 'Tạm ngưng hiệu lực', 'no-longer-applicable': 'Không còn phù hợp' },
  history: {
    title: (t) => `Lịch sử: ${t}`,
    revisions: 'Các phiên bản',
    transitions: 'Các bước quy trình',
    compare: 'So sánh với phiên bản trước',
    restore: 'Khôi phục phiên bản này',
    restoreNote: (v) => `Khôi phục phiên bản ${v}`,
    restored: (v) => `Đã khôi phục nội dung phiên bản ${v} thành phiên bản mới.`,
    version: (v) => `Phiên bản ${v}`,
    current: 'hiện tại',
    noChanges: 'Không có thay đổi.',
    tooLarge: 'Đã thay đổi (quá nhiều thay đổi để so sánh từng chữ).',
    field: 'Trường',
  },
  feedback: {
    title: 'Phản ánh, kiến nghị',
    code: 'Mã số',
    kind: 'Loại',
    kinds: { question: 'Câu hỏi', feedback: 'Phản ánh', petition: 'Kiến nghị' },
    titleCol: 'Tiêu đề',
    askedBy: 'Người gửi',
    status: 'Trạng thái',
    statuses: { received: 'Mới nhận', 'in-progress': 'Đang xử lý', 'info-requested': 'Chờ bổ sung', answered: 'Đã trả lời', published: 'Đã công khai', rejected: 'Từ chối', forwarded: 'Đã chuyển' },
    due: 'Hạn trả lời',
    overdue: 'Quá hạn',
    assignee: 'Người xử lý',
    empty: 'Không có hồ sơ nào.',
    onlyOverdue: 'Chỉ hồ sơ quá hạn',
    content: 'Nội dung',
    personal: 'Thông tin người gửi (mỗi lần xem đều được ghi nhật ký)',
    erased: 'Thông tin cá nhân đã được xóa khi hết thời hạn lưu trữ.',
    withheld: 'Chỉ cán bộ tiếp nhận phản ánh và quản trị viên xem được thông tin cá nhân; nội dung dưới đây đã được che như khi công khai.',
    previewTitle: 'Xem trước câu trả lời công khai',
    previewIntro: 'Đây đúng là nội dung sẽ hiển thị trên cổng: họ tên (từng chữ), thư điện tử, số điện thoại và địa chỉ của người gửi đã được che bằng […]. Hãy đọc kỹ trước khi xác nhận.',
    redactions: (n) => `${n} chỗ đã được che.`,
    confirmPublish: 'Xác nhận công khai',
    previewStale: 'Nội dung đã thay đổi sau khi xem trước; hãy xem lại.',
    name: 'Họ tên',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    address: 'Địa chỉ',
    submitterType: 'Đối tượng',
    consent: 'Đồng ý công khai câu trả lời',
    files: 'Tệp đính kèm',
    history: 'Quá trình xử lý',
    internal: 'nội bộ',
    actions: {
      register: 'Tiếp nhận (thuộc thẩm quyền)',
      assign: 'Giao xử lý',
      'request-info': 'Yêu cầu bổ sung',
      answer: 'Trả lời',
      reject: 'Từ chối',
      forward: 'Chuyển cơ quan khác',
      'send-back': 'Trả lại để sửa câu trả lời',
      publish: 'Công khai câu trả lời',
      note: 'Ghi chú nội bộ',
    },
    note: 'Ghi chú / lý do',
    answer: 'Câu trả lời',
    toPortal: 'Chuyển đến cổng',
    officer: 'Cán bộ',
    done: 'Đã cập nhật hồ sơ.',
    forwardedTo: 'Đã chuyển sang hồ sơ',
    forwardedFrom: 'Chuyển đến từ hồ sơ',
  },
  social: {
    title: 'Mạng xã hội',
    channels: 'Kênh đã kết nối',
    deliveries: 'Bài đã gửi gần đây',
    none: 'Cổng chưa kết nối kênh mạng xã hội nào.',
    noDeliveries: 'Chưa có bài nào được gửi.',
    platform: 'Nền tảng',
    name: 'Tên kênh',
    status: 'Trạng thái',
    statuses: { active: 'Đang hoạt động', 'needs-reauth': 'Cần kết nối lại', queued: 'Đang chờ gửi', delivered: 'Đã đăng', failed: 'Không đăng được' },
    auto: 'Tự động đăng',
    languages: 'Ngôn ngữ',
    item: 'Bài viết',
    channel: 'Kênh',
    attempts: 'Số lần thử',
    error: 'Lỗi gần nhất',
    remote: 'Bài trên nền tảng',
    retry: 'Gửi lại',
    retried: 'Đã xếp bài vào hàng đợi để gửi lại.',
    howToAdd: 'Quản trị viên kết nối kênh mới bằng biểu mẫu dưới đây hoặc qua API: POST /api/v1/portals/{cổng}/channels.',
    connect: 'Kết nối kênh mới',
    credentials: 'Thông tin xác thực (mỗi dòng một mục: tên=giá trị)',
    credentialsHint: (f) => `Các mục theo nền tảng — ${f}. Thông tin được mã hóa khi lưu và không bao giờ hiển thị lại.`,
    apiBaseUrl: 'Địa chỉ API (để trống nếu dùng địa chỉ chính thức)',
    apiBaseUrlHint: 'Chỉ điền khi dùng máy chủ giả lập hoặc proxy khu vực.',
    contentTypes: 'Loại nội dung được đăng',
    connected: 'Đã kết nối kênh.',
    update: 'Cập nhật thông tin xác thực',
    updated: 'Đã cập nhật kênh.',
    disconnect: 'Ngắt kết nối',
    disconnected: 'Đã ngắt kết nối kênh.',
    credentialsSet: 'Đã lưu',
    alsoPost: 'Đăng thêm lên các kênh chọn tay',
    onItem: 'Trên mạng xã hội',
  },
  audit: { title: 'Nhật ký hoạt động', action: 'Hành động', actor: 'Người thực hiện', target: 'Đối tượng', detail: 'Chi tiết', ip: 'Địa chỉ IP', export: 'Xuất CSV', empty: 'Không có mục nào.', fromDate: 'Từ ngày', toDate: 'Đến ngày' },
  users: {
    title: 'Người dùng và vai trò',
    add: 'Thêm người dùng hoặc cấp vai trò',
    email: 'Thư điện tử',
    name: 'Họ tên',
    role: 'Vai trò',
    password: 'Mật khẩu ban đầu',
    passwordHint: 'Để trống nếu người dùng sẽ tự đặt qua “Quên mật khẩu”.',
    grant: 'Cấp vai trò',
    revoke: 'Thu hồi',
    granted: 'Đã cấp vai trò.',
    revoked: 'Đã thu hồi vai trò.',
    selfAdmin: 'Bạn không thể tự thu hồi quyền quản trị của mình.',
    roles: 'Vai trò',
  },
  tokens: {
    title: 'Khóa API',
    create: 'Tạo khóa mới cho tôi',
    name: 'Tên khóa (dùng để làm gì)',
    created: 'Đã tạo khóa API.',
    copyNow: 'Hãy sao chép khóa ngay: nó sẽ không được hiển thị lại.',
    revoke: 'Thu hồi',
    revoked: 'Đã thu hồi khóa.',
    lastUsed: 'Dùng lần cuối',
    never: 'chưa dùng',
    active: 'đang dùng',
    owner: 'Chủ khóa',
  },
  settings: {
    title: 'Cài đặt cổng',
    ownFirst: 'Hãy bật xác thực hai lớp cho tài khoản của bạn trước khi bắt buộc cho mọi người.',
    require2fa: 'Bắt buộc xác thực hai lớp cho mọi thành viên',
    require2faHint: 'Thành viên chưa bật sẽ phải bật trước khi làm việc.',
    hosts: 'Tên miền',
  },
  sections: {
    title: 'Chuyên mục và chuyên trang',
    add: 'Thêm chuyên mục',
    slug: 'Đường dẫn',
    kind: 'Loại',
    section: 'Chuyên mục',
    subsite: 'Chuyên trang',
    parent: 'Thuộc',
    nameVi: 'Tên tiếng Việt',
    nameEn: 'Tên tiếng Anh',
    nameZh: 'Tên tiếng Trung',
    color: 'Màu chủ đạo (#rrggbb)',
    created: 'Đã thêm chuyên mục.',
  },
  media: {
    title: 'Thư viện ảnh và tệp',
    upload: 'Tải lên',
    file: 'Tệp (JPEG, PNG, WebP, AVIF tối đa 20 MB; PDF tối đa 30 MB)',
    fileHint: 'Ảnh được tạo sẵn các cỡ WebP và AVIF.',
    alt: 'Mô tả ảnh cho người khiếm thị (bắt buộc)',
    altHint: 'Mô tả những gì trong ảnh; với PDF, ghi tên tài liệu.',
    caption: 'Chú thích',
    credit: 'Tác giả ảnh (Ảnh: …)',
    uploaded: 'Đã tải lên.',
    empty: 'Thư viện chưa có tệp nào.',
    insert: 'Mã HTML để chèn vào bài',
    insertHint: 'Sao chép và dán vào ô nội dung (khi không dùng trình soạn thảo).',
    size: 'Kích thước',
    variants: 'Các bản',
    describe: 'Lưu mô tả',
    pdf: 'PDF',
    image: 'Ảnh',
  },
  account: {
    title: 'Tài khoản của tôi',
    twoFactor: 'Xác thực hai lớp (TOTP)',
    enabled: 'Đang bật',
    disabled: 'Chưa bật',
    enable: 'Bật xác thực hai lớp',
    scan: 'Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, …), rồi nhập mã 6 chữ số.',
    secret: 'Hoặc nhập khóa',
    confirm: 'Xác nhận mã',
    codes: 'Mã khôi phục',
    codesHint: 'Mỗi mã dùng được một lần khi bạn mất điện thoại. Hãy in hoặc lưu ở nơi an toàn: chúng sẽ không hiển thị lại.',
    disable: 'Tắt xác thực hai lớp',
    required: 'Cổng này yêu cầu xác thực hai lớp. Hãy bật để tiếp tục.',
    wrongCode: 'Mã không đúng; hãy thử mã mới.',
    remaining: (n) => `Còn ${n} mã khôi phục chưa dùng.`,
    password: 'Đổi mật khẩu',
    current: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)',
    changed: 'Đã đổi mật khẩu; các phiên đăng nhập khác đã kết thúc.',
    wrongPassword: 'Mật khẩu hiện tại không đúng.',
  },
  errors: {
    'is required': 'bắt buộc',
    'must not be empty': 'không được để trống',
    'is not a real date': 'không phải ngày có thật',
    'is before effectiveDate': 'trước ngày có hiệu lực',
    'must be a string': 'phải là văn bản',
    'must be lower-case ascii letters, digits and single hyphens': 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang',
    'is not a known field': 'không phải trường hợp lệ',
    'describe the picture for readers who cannot see it': 'hãy mô tả ảnh cho người không nhìn thấy',
    'choose a file': 'hãy chọn tệp',
    'only JPEG, PNG, WebP, AVIF pictures and PDF documents are accepted': 'chỉ nhận ảnh JPEG, PNG, WebP, AVIF và tài liệu PDF',
    'must be at least 10 characters': 'phải có ít nhất 10 ký tự',
    'not an email address': 'không phải địa chỉ thư điện tử',
    'say why the item is sent back': 'hãy ghi lý do trả lại',
    'unpublishing needs a reason; a withdrawn item shows it to readers': 'cần ghi lý do gỡ bài; bài rút sẽ hiển thị lý do cho bạn đọc',
    'must be in the future (publish now instead)': 'phải là thời điểm trong tương lai (hoặc xuất bản ngay)',
    'schedule needs an ISO 8601 time, e.g. 2026-12-01T08:00:00+07:00': 'hãy chọn ngày và giờ',
    'a published item changed in substance needs a change note for readers (or set minorChange for a typo)': 'bài đã xuất bản cần ghi chú thay đổi cho bạn đọc (hoặc đánh dấu là sửa lỗi nhỏ)',
    'must be a whole number': 'phải là số nguyên',
    'must be a colour like #1a5fb4': 'phải là mã màu như #1a5fb4',
    'a Vietnamese name is required': 'cần tên tiếng Việt',
    'must be lower-case letters, digits and single hyphens': 'chỉ gồm chữ thường, số và dấu gạch ngang',
    'must be a picture from the media library': 'phải là ảnh trong thư viện ảnh của cổng',
    'must be an email address': 'phải là địa chỉ thư điện tử',
    'must be a telephone number': 'phải là số điện thoại',
    'is required of a state portal': 'bắt buộc với cổng thông tin của cơ quan nhà nước',
    'cannot be the section itself or one of its own sections': 'không thể là chính chuyên mục này hoặc chuyên mục con của nó',
    'must be at most 280 characters': 'tối đa 280 ký tự',
    number: 'sai định dạng số ký hiệu; ví dụ 42/2022/NĐ-CP',
    code: 'sai định dạng mã thủ tục; ví dụ 1.001108',
    date: 'ngày theo dạng YYYY-MM-DD',
    uri: 'phải là địa chỉ http(s) đầy đủ',
  },
};

const en: Messages = {
  locale: 'en',
  admin: 'Admin',
  skip: 'Skip to main content',
  otherLanguage: { lang: 'vi', label: 'Tiếng Việt' },
  nav: {
    dashboard: 'Dashboard',
    items: 'Items',
    newItem: 'New item',
    media: 'Media library',
    translations: 'Translations',
    audit: 'Audit log',
    users: 'Users',
    tokens: 'API tokens',
    settings: 'Portal settings',
    sections: 'Sections',
    account: 'My account',
    signOut: 'Sign out',
    portals: 'Other portals',
    viewSite: 'View portal',
    channels: 'Social media',
    feedback: 'Citizen feedback',
    federation: 'Federation',
    network: 'Portal network',
    uptime: 'Uptime',
  },
  roles: { admin: 'Administrator', 'editor-in-chief': 'Editor-in-chief', editor: 'Editor', writer: 'Writer', 'feedback-officer': 'Feedback officer', analyst: 'Analyst' },
  states: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', scheduled: 'Scheduled', published: 'Published', unpublished: 'Unpublished' },
  actions: { submit: 'Submit for review', approve: 'Approve', reject: 'Send back', publish: 'Publish', schedule: 'Schedule', unpublish: 'Unpublish' },
  types: { news: 'News', directive: 'Direction', 'legal-document': 'Legal document', 'press-release': 'Press release', procedure: 'Administrative procedure', video: 'Video', gallery: 'Photo gallery' },
  langs: { vi: 'Vietnamese', en: 'English', zh: 'Chinese' },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    search: 'Search',
    filter: 'Filter',
    all: 'All',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    required: 'required',
    optional: 'optional',
    fixErrors: 'Please fix the fields marked below.',
    notFound: 'This page or item does not exist.',
    forbidden: 'Your role may not do this.',
    badRequest: 'The request is not valid.',
    conflict: 'Conflicting change.',
    tooMany: (s) => `Too many attempts. Try again in ${Math.ceil(s / 60)} minutes.`,
    error: 'Something went wrong on our side; it has been logged.',
    back: 'Back',
    open: 'Open',
    when: 'When',
    who: 'Who',
    from: 'From',
    to: 'To',
    saved: 'Saved.',
    next: 'Next page',
    previous: 'Previous page',
    csrf: 'The form has expired or is not valid. Reload the page and try again.',
  },
  login: {
    title: 'Admin sign-in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Wrong email or password.',
    locked: (m) => `Too many failed sign-ins: locked for ${m} minutes.`,
    noRole: 'Your account holds no role in this portal.',
    forgot: 'Forgot your password?',
    signedOut: 'You have signed out.',
    expired: 'Your session has ended; please sign in again.',
    code: 'Authentication code',
    codeHint: 'The 6-digit code from your authenticator app, or a recovery code.',
    codeSubmit: 'Verify',
    codeFailed: 'Wrong or already used code.',
    twoFactorTitle: 'Two-factor authentication',
    continueAs: (e, p) => `Continue to ${p} as ${e}?`,
    continue: 'Continue',
    handoffInvalid: 'The portal switch link is invalid or has expired.',
  },
  reset: {
    title: 'Reset password',
    intro: 'Enter your email; we will send you a link to choose a new password.',
    email: 'Email',
    submit: 'Send link',
    sent: 'If this address has an account at this portal, a reset link has been sent to it.',
    newTitle: 'Choose a new password',
    newPassword: 'New password (at least 10 characters)',
    confirm: 'Repeat the new password',
    mismatch: 'The two passwords differ.',
    invalid: 'This link is invalid, has expired or was used already.',
    done: 'Your password has been changed. Please sign in.',
    mailSubject: (p) => `Reset your ${p} admin password`,
    mailText: (l, m) => `Someone asked to reset the password of your account.\n\nOpen this link within ${m} minutes to choose a new password:\n${l}\n\nIf that was not you, ignore this message.`,
  },
  dashboard: {
    title: 'Dashboard',
    myDrafts: 'My drafts',
    sentBack: 'Sent back to me',
    waiting: 'Waiting for my review',
    scheduled: 'Scheduled',
    recent: 'Recently published',
    counts: 'Items by state',
    missing: 'Missing translations',
    missingLangs: 'Missing',
    outdated: 'Out of date',
    translate: (l) => `Translate into ${l}`,
    empty: 'Nothing here.',
    noNewsroom: 'Your role in this portal does not work with items.',
    reason: 'Reason',
  },
  items: { title: 'Items', new: 'New item', newOf: (t) => `New item: ${t}`, mine: 'Only mine', status: 'State', type: 'Type', lang: 'Language', updated: 'Updated', author: 'Author', empty: 'No items.', chooseType: 'Choose a content type' },
  editor: {
    titleNew: 'New item',
    titleEdit: (t) => `Edit: ${t}`,
    fields: 'Content',
    title: 'Title',
    summary: 'Summary',
    body: 'Body',
    bodyHint: 'HTML; the server removes anything unsafe.',
    section: 'Section / sub-site',
    noSection: '— none —',
    tags: 'Tags',
    tagsHint: 'Separated by commas.',
    slug: 'Slug',
    slugFixed: 'The slug is fixed: the item has been published.',
    slugHint: 'Lower-case letters, digits and hyphens; leave empty to derive it from the title.',
    changeNote: 'Change note (shown to readers)',
    changeNoteHint: 'Required when changing a published item, unless it is a minor correction.',
    minor: 'Minor correction (typo) — not announced',
    version: 'Version',
    created: 'Item created.',
    saved: 'Item saved.',
    staleVersion: 'Someone changed this item after you opened it. Reload and redo your edit.',
    readOnly: 'You can only view this item in its current state.',
    meta: 'Type-specific fields',
    workflow: 'Workflow',
    note: 'Note',
    rejectNote: 'Why it is sent back (the writer sees this)',
    at: 'Publication time (Vietnam time, UTC+7)',
    atHint: 'Date and time in Hanoi.',
    unpublishReason: 'Reason for unpublishing',
    unpublishKind: 'How',
    withdrawn: 'Withdraw — keep the page with the explanation',
    gone: 'Remove — the page answers 410',
    history: 'Revision history',
    preview: 'Preview',
    publicPage: 'Public page',
    translations: 'Translations',
    translationMissing: 'Missing',
    startTranslation: (l) => `Start the ${l} version`,
    translationOf: (t) => `Translation of: ${t}`,
    status: 'State',
    scheduledFor: (at) => `Scheduled for ${at}`,
    sourceText: 'Original',
    insertMedia: 'Insert from the media library',
    toolbar: 'Formatting',
  },
  meta: {
    number: 'Number (e.g. 42/2022/NĐ-CP)',
    documentType: 'Document type (Decree, Decision…)',
    issuingBody: 'Issuing body',
    signer: 'Signer',
    signerTitle: "Signer's title",
    issuedDate: 'Issued',
    effectiveDate: 'Effective from',
    expiryDate: 'Expires',
    effectStatus: 'Effect status',
    field: 'Field',
    gazetteDate: 'Official Gazette date',
    abstract: 'Abstract',
    code: 'Procedure code (e.g. 1.001108)',
    decisionNumber: 'Announcing decision',
    level: 'Level',
    agency: 'Handling agency',
    steps: 'Steps (one per line)',
    channels: 'Channels (one per line)',
    processingTime: 'Processing time',
    fees: 'Fees',
    requiredDocuments: 'Required documents (one per line)',
    result: 'Result',
    legalBasis: 'Legal basis (one per line)',
    onlineLevel: 'Online public service',
    serviceUrl: 'Service address',
    sourceUrl: 'Video address',
    duration: 'Duration (seconds)',
    poster: 'Poster image',
    transcript: 'Transcript',
    images: 'Images (one per line: address | alt text | caption | credit)',
    full: 'Full',
    partial: 'Partial',
  },
  effect: { 'in-force': 'In force', 'partly-expired': 'Partly expired', expired: 'Expired', 'not-yet-in-force': 'Not yet in force', suspended: 'Suspended', 'no-longer-applicable': 'No longer applicable' },
  history: {
    title: (t) => `History: ${t}`,
    revisions: 'Revisions',
    transitions: 'Workflow steps',
    compare: 'Compare with the previous version',
    restore: 'Restore this version',
    restoreNote: (v) => `Restored version ${v}`,
    restored: (v) => `The content of version ${v} was restored as a new version.`,
    version: (v) => `Version ${v}`,
    current: 'current',
    noChanges: 'No changes.',
    tooLarge: 'Changed (too many changes to compare word by word).',
    field: 'Field',
  },
  feedback: {
    title: 'Citizen feedback',
    code: 'Code',
    kind: 'Kind',
    kinds: { question: 'Question', feedback: 'Feedback', petition: 'Petition' },
    titleCol: 'Title',
    askedBy: 'From',
    status: 'Status',
    statuses: { received: 'Received', 'in-progress': 'In progress', 'info-requested': 'Waiting for information', answered: 'Answered', published: 'Answer published', rejected: 'Rejected', forwarded: 'Forwarded' },
    due: 'Due',
    overdue: 'Overdue',
    assignee: 'Officer',
    empty: 'No cases.',
    onlyOverdue: 'Overdue only',
    content: 'Content',
    personal: 'Submitter (each viewing is written to the audit log)',
    erased: 'Personal data was erased at the end of the retention period.',
    withheld: 'Only feedback officers and admins see personal data; the texts below are redacted as they would be published.',
    previewTitle: 'Preview of the published answer',
    previewIntro: 'This is exactly what the portal will show: the submitter’s name (every word of it), email, telephone and address are replaced by […]. Read it before you confirm.',
    redactions: (n) => `${n} passage(s) redacted.`,
    confirmPublish: 'Confirm and publish',
    previewStale: 'The text changed after the preview; look at it again.',
    name: 'Name',
    email: 'Email',
    phone: 'Telephone',
    address: 'Address',
    submitterType: 'Submitter',
    consent: 'Agreed to publication of the answer',
    files: 'Files',
    history: 'History',
    internal: 'internal',
    actions: {
      register: 'Register (within competence)',
      assign: 'Assign',
      'request-info': 'Ask for information',
      answer: 'Answer',
      reject: 'Reject',
      forward: 'Forward to another portal',
      'send-back': 'Send the answer back',
      publish: 'Publish the answer',
      note: 'Internal note',
    },
    note: 'Note / reason',
    answer: 'Answer',
    toPortal: 'Forward to portal',
    officer: 'Officer',
    done: 'Case updated.',
    forwardedTo: 'Forwarded as case',
    forwardedFrom: 'Forwarded from case',
  },
  social: {
    title: 'Social media',
    channels: 'Connected channels',
    deliveries: 'Recent posts',
    none: 'This portal has no social channels yet.',
    noDeliveries: 'Nothing posted yet.',
    platform: 'Platform',
    name: 'Channel',
    status: 'Status',
    statuses: { active: 'Active', 'needs-reauth': 'Needs reconnecting', queued: 'Queued', delivered: 'Posted', failed: 'Failed' },
    auto: 'Posts automatically',
    languages: 'Languages',
    item: 'Item',
    channel: 'Channel',
    attempts: 'Attempts',
    error: 'Last error',
    remote: 'On the platform',
    retry: 'Try again',
    retried: 'Queued to be posted again.',
    howToAdd: 'Admins connect new channels with the form below or through the API: POST /api/v1/portals/{portal}/channels.',
    connect: 'Connect a channel',
    credentials: 'Credentials (one per line: name=value)',
    credentialsHint: (f) => `Fields by platform — ${f}. They are encrypted when saved and never shown again.`,
    apiBaseUrl: 'API address (leave empty for the official one)',
    apiBaseUrlHint: 'Only for an emulator or a regional proxy.',
    contentTypes: 'Content types to post',
    connected: 'Channel connected.',
    update: 'Update credentials',
    updated: 'Channel updated.',
    disconnect: 'Disconnect',
    disconnected: 'Channel disconnected.',
    credentialsSet: 'Saved',
    alsoPost: 'Also post to channels picked by hand',
    onItem: 'On social media',
  },
  audit: { title: 'Audit log', action: 'Action', actor: 'Actor', target: 'Target', detail: 'Detail', ip: 'IP address', export: 'Export CSV', empty: 'No entries.', fromDate: 'From', toDate: 'To' },
  users: {
    title: 'Users and roles',
    add: 'Add a user or grant a role',
    email: 'Email',
    name: 'Name',
    role: 'Role',
    password: 'Initial password',
    passwordHint: 'Leave empty to let the user set one through "Forgot your password?".',
    grant: 'Grant role',
    revoke: 'Revoke',
    granted: 'Role granted.',
    revoked: 'Role revoked.',
    selfAdmin: 'You cannot revoke your own admin role.',
    roles: 'Roles',
  },
  tokens: {
    title: 'API tokens',
    create: 'Create a token for me',
    name: 'Token name (what it is for)',
    created: 'API token created.',
    copyNow: 'Copy the token now: it will not be shown again.',
    revoke: 'Revoke',
    revoked: 'Token revoked.',
    lastUsed: 'Last used',
    never: 'never',
    active: 'active',
    owner: 'Owner',
  },
  settings: {
    title: 'Portal settings',
    ownFirst: 'Turn on two-factor authentication for your own account before requiring it of everyone.',
    require2fa: 'Require two-factor authentication for every member',
    require2faHint: 'Members without it must turn it on before they can work.',
    hosts: 'Hostnames',
  },
  sections: {
    title: 'Sections and sub-sites',
    add: 'Add a section',
    slug: 'Slug',
    kind: 'Kind',
    section: 'Section',
    subsite: 'Sub-site',
    parent: 'Parent',
    nameVi: 'Vietnamese name',
    nameEn: 'English name',
    nameZh: 'Chinese name',
    color: 'Theme colour (#rrggbb)',
    created: 'Section added.',
  },
  media: {
    title: 'Media library',
    upload: 'Upload',
    file: 'File (JPEG, PNG, WebP, AVIF up to 20 MB; PDF up to 30 MB)',
    fileHint: 'Pictures get WebP and AVIF sizes made for them.',
    alt: 'Alt text for blind readers (required)',
    altHint: 'Describe what the picture shows; for a PDF, give its title.',
    caption: 'Caption',
    credit: 'Photo credit',
    uploaded: 'Uploaded.',
    empty: 'The library is empty.',
    insert: 'HTML to insert into an item',
    insertHint: 'Copy and paste it into the body (when not using the rich editor).',
    size: 'Size',
    variants: 'Variants',
    describe: 'Save description',
    pdf: 'PDF',
    image: 'Picture',
  },
  account: {
    title: 'My account',
    twoFactor: 'Two-factor authentication (TOTP)',
    enabled: 'On',
    disabled: 'Off',
    enable: 'Turn on two-factor authentication',
    scan: 'Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, …), then enter the 6-digit code.',
    secret: 'Or enter the key',
    confirm: 'Confirm code',
    codes: 'Recovery codes',
    codesHint: 'Each code works once, for when you lose your phone. Print or store them safely: they will not be shown again.',
    disable: 'Turn off two-factor authentication',
    required: 'This portal requires two-factor authentication. Turn it on to continue.',
    wrongCode: 'Wrong code; try a fresh one.',
    remaining: (n) => `${n} unused recovery codes left.`,
    password: 'Change password',
    current: 'Current password',
    newPassword: 'New password (at least 10 characters)',
    changed: 'Password changed; your other sessions have ended.',
    wrongPassword: 'The current password is wrong.',
  },
  errors: {},
};

export const MESSAGES: Record<AdminLang, Messages> = { vi, en };

/** A domain error message in the UI language; the domain speaks English, so Vietnamese gets a translation where one exists. */
export function fieldMessage(m: Messages, path: string, message: string): string {
  const key = path.split('/').pop() ?? '';
  const translated = own(m.errors, message) ?? (message.startsWith('must match pattern') ? own(m.errors, key) : undefined);
  if (translated) return translated;
  if (message.startsWith('must match format "date"') && m.errors.date) return m.errors.date;
  if (message.startsWith('must match format "uri"') && m.errors.uri) return m.errors.uri;
  return message;
}
