import type { Lang } from '../../lib/lang.ts';
import type { ContentType } from '../../modules/content/types.ts';
import type { PortalKind } from '../../modules/portals/service.ts';

// The public site's message catalogue. Every piece of UI text lives here, in
// Vietnamese, English and Chinese; templates only ever say `m.someKey`.
// `Messages` is one interface, so a key missing from any language is a type
// error rather than a blank on the page.

export type EffectStatus = 'in-force' | 'partly-expired' | 'expired' | 'not-yet-in-force' | 'suspended' | 'no-longer-applicable';

export interface Messages {
  locale: string;
  languageName: string;
  languageMenu: string;
  skipToContent: string;
  mainNav: string;
  breadcrumb: string;
  home: string;
  network: {
    title: string;
    intro: string;
    kinds: Record<PortalKind, string>;
    lastUpdated: (date: string) => string;
    nothingYet: string;
    languages: string;
    latest: string;
  };
  emblem: string;
  portalHome: {
    topStories: string;
    latest: string;
    directives: string;
    pressReleases: string;
    legalDocuments: string;
    procedures: string;
    proceduresIntro: string;
    proceduresLink: string;
    subsites: string;
    schedule: string;
    media: string;
    seeAll: (what: string) => string;
  };
  types: Record<ContentType, string>;
  typesPlural: Record<ContentType, string>;
  list: {
    empty: string;
    pagination: string;
    previous: string;
    next: string;
    pageOf: (page: number, pages: number) => string;
    pageLabel: (page: number) => string;
    sections: string;
    tagTitle: (tag: string) => string;
    tagIntro: (tag: string) => string;
    typeIntro: (type: string) => string;
  };
  item: {
    published: string;
    updated: string;
    changeNotes: string;
    related: string;
    otherLanguages: string;
    readIn: (language: string) => string;
    share: string;
    shareEmail: string;
    tags: string;
    section: string;
    printNote: string;
    source: string;
  };
  legal: {
    details: string;
    number: string;
    documentType: string;
    issuingBody: string;
    signer: string;
    issuedDate: string;
    effectiveDate: string;
    expiryDate: string;
    effectStatus: string;
    field: string;
    gazetteDate: string;
    abstract: string;
    attachments: string;
    noAttachments: string;
    statuses: Record<EffectStatus, string>;
    fullText: string;
  };
  procedure: {
    details: string;
    code: string;
    decisionNumber: string;
    level: string;
    field: string;
    agency: string;
    steps: string;
    channels: string;
    processingTime: string;
    fees: string;
    requiredDocuments: string;
    quantity: string;
    template: string;
    result: string;
    legalBasis: string;
    onlineLevel: string;
    online: { full: string; partial: string };
    apply: string;
    applyNote: string;
  };
  video: {
    duration: string;
    watch: string;
    watchNote: string;
    transcript: string;
  };
  gallery: {
    photos: (n: number) => string;
    credit: string;
  };
  withdrawn: {
    notice: string;
    reason: string;
    at: (date: string) => string;
  };
  errors: {
    notFoundTitle: string;
    notFoundText: string;
    goneTitle: string;
    goneText: string;
    badRequestTitle: string;
    badRequestText: string;
    serverErrorTitle: string;
    serverErrorText: string;
    goHome: string;
    goNetwork: string;
  };
  footer: {
    unit: string;
    responsible: string;
    address: string;
    phone: string;
    email: string;
    feeds: string;
    sitemap: string;
    network: string;
    reuse: string;
  };
  feeds: {
    title: string;
    intro: string;
    rss: string;
    atom: string;
    json: string;
    allItems: string;
    withdrawnEntry: string;
  };
  sitemapPage: {
    title: string;
    sections: string;
    subsites: string;
    contentTypes: string;
  };
}

const vi: Messages = {
  locale: 'vi-VN',
  languageName: 'Tiếng Việt',
  languageMenu: 'Ngôn ngữ',
  skipToContent: 'Chuyển đến nội dung chính',
  mainNav: 'Chuyên mục chính',
  breadcrumb: 'Vị trí trang',
  home: 'Trang chủ',
  network: {
    title: 'Mạng lưới cổng thông tin điện tử',
    intro: 'Cổng Thông tin điện tử Chính phủ và các cổng của bộ, ngành, địa phương được kết nối, liên thông và chia sẻ thông tin.',
    kinds: { central: 'Cổng Chính phủ', ministry: 'Bộ, cơ quan ngang bộ', province: 'Tỉnh, thành phố', agency: 'Cơ quan thuộc Chính phủ', commune: 'Xã, phường' },
    lastUpdated: (d) => `Cập nhật lần cuối: ${d}`,
    nothingYet: 'Chưa có tin bài',
    languages: 'Ngôn ngữ',
    latest: 'Tin mới nhất',
  },
  emblem: 'Biểu trưng',
  portalHome: {
    topStories: 'Tin nổi bật',
    latest: 'Tin mới',
    directives: 'Chỉ đạo, điều hành',
    pressReleases: 'Thông cáo báo chí',
    legalDocuments: 'Văn bản mới ban hành',
    procedures: 'Thủ tục hành chính',
    proceduresIntro: 'Tra cứu thủ tục hành chính và nộp hồ sơ dịch vụ công trực tuyến.',
    proceduresLink: 'Xem tất cả thủ tục',
    subsites: 'Chuyên trang',
    schedule: 'Lịch làm việc của lãnh đạo',
    media: 'Video và ảnh',
    seeAll: (w) => `Xem tất cả: ${w}`,
  },
  types: { news: 'Tin tức', directive: 'Chỉ đạo, điều hành', 'legal-document': 'Văn bản', 'press-release': 'Thông cáo báo chí', procedure: 'Thủ tục hành chính', video: 'Video', gallery: 'Ảnh' },
  typesPlural: { news: 'Tin tức', directive: 'Chỉ đạo, điều hành', 'legal-document': 'Văn bản', 'press-release': 'Thông cáo báo chí', procedure: 'Thủ tục hành chính', video: 'Video', gallery: 'Phóng sự ảnh' },
  list: {
    empty: 'Chưa có nội dung trong mục này.',
    pagination: 'Phân trang',
    previous: 'Trang trước',
    next: 'Trang sau',
    pageOf: (p, n) => `Trang ${p} / ${n}`,
    pageLabel: (p) => `Trang ${p}`,
    sections: 'Các mục',
    tagTitle: (t) => `Chủ đề: ${t}`,
    tagIntro: (t) => `Các tin bài gắn với chủ đề “${t}”, mới nhất trước.`,
    typeIntro: (t) => `Tất cả nội dung loại “${t}”, mới nhất trước.`,
  },
  item: {
    published: 'Đăng lúc',
    updated: 'Cập nhật',
    changeNotes: 'Đính chính và cập nhật',
    related: 'Tin liên quan',
    otherLanguages: 'Ngôn ngữ khác',
    readIn: (l) => `Đọc bằng ${l}`,
    share: 'Chia sẻ',
    shareEmail: 'Thư điện tử',
    tags: 'Chủ đề',
    section: 'Chuyên mục',
    printNote: 'In từ',
    source: 'Nguồn',
  },
  legal: {
    details: 'Thuộc tính văn bản',
    number: 'Số ký hiệu',
    documentType: 'Loại văn bản',
    issuingBody: 'Cơ quan ban hành',
    signer: 'Người ký',
    issuedDate: 'Ngày ban hành',
    effectiveDate: 'Ngày có hiệu lực',
    expiryDate: 'Ngày hết hiệu lực',
    effectStatus: 'Tình trạng hiệu lực',
    field: 'Lĩnh vực',
    gazetteDate: 'Ngày đăng công báo',
    abstract: 'Trích yếu',
    attachments: 'Tệp đính kèm',
    noAttachments: 'Văn bản chưa có tệp đính kèm.',
    statuses: {
      'in-force': 'Còn hiệu lực',
      'partly-expired': 'Hết hiệu lực một phần',
      expired: 'Hết hiệu lực toàn bộ',
      'not-yet-in-force': 'Chưa có hiệu lực',
      suspended: 'Ngưng hiệu lực',
      'no-longer-applicable': 'Không còn phù hợp',
    },
    fullText: 'Nội dung',
  },
  procedure: {
    details: 'Thông tin thủ tục',
    code: 'Mã thủ tục',
    decisionNumber: 'Số quyết định công bố',
    level: 'Cấp thực hiện',
    field: 'Lĩnh vực',
    agency: 'Cơ quan thực hiện',
    steps: 'Trình tự thực hiện',
    channels: 'Cách thức thực hiện',
    processingTime: 'Thời hạn giải quyết',
    fees: 'Phí, lệ phí',
    requiredDocuments: 'Thành phần hồ sơ',
    quantity: 'Số lượng',
    template: 'Mẫu đơn, tờ khai',
    result: 'Kết quả thực hiện',
    legalBasis: 'Căn cứ pháp lý',
    onlineLevel: 'Mức độ dịch vụ công trực tuyến',
    online: { full: 'Toàn trình', partial: 'Một phần' },
    apply: 'Nộp hồ sơ trực tuyến',
    applyNote: 'trên Cổng Dịch vụ công quốc gia',
  },
  video: {
    duration: 'Thời lượng',
    watch: 'Xem video',
    watchNote: 'Video được phát trên trang của nguồn phát hành.',
    transcript: 'Nội dung video',
  },
  gallery: {
    photos: (n) => `${n} ảnh`,
    credit: 'Ảnh',
  },
  withdrawn: {
    notice: 'Nội dung này đã được rút xuống.',
    reason: 'Lý do',
    at: (d) => `Rút xuống lúc ${d}`,
  },
  errors: {
    notFoundTitle: 'Không tìm thấy trang',
    notFoundText: 'Địa chỉ bạn truy cập không có trên cổng thông tin này. Có thể địa chỉ đã bị gõ sai hoặc nội dung đã được chuyển đi.',
    goneTitle: 'Nội dung không còn nữa',
    goneText: 'Nội dung tại địa chỉ này đã bị gỡ bỏ vĩnh viễn.',
    badRequestTitle: 'Yêu cầu không hợp lệ',
    badRequestText: 'Địa chỉ có tham số không hợp lệ (ví dụ số trang không phải là số).',
    serverErrorTitle: 'Đã có lỗi xảy ra',
    serverErrorText: 'Hệ thống gặp sự cố khi hiển thị trang này. Vui lòng thử lại sau ít phút.',
    goHome: 'Về trang chủ',
    goNetwork: 'Xem danh sách các cổng thông tin',
  },
  footer: {
    unit: 'Cơ quan chủ quản',
    responsible: 'Người chịu trách nhiệm',
    address: 'Địa chỉ',
    phone: 'Điện thoại',
    email: 'Thư điện tử',
    feeds: 'Nhận tin (RSS, Atom, JSON)',
    sitemap: 'Sơ đồ cổng',
    network: 'Mạng lưới cổng thông tin',
    reuse: 'Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.',
  },
  feeds: {
    title: 'Nhận tin',
    intro: 'Theo dõi tin mới bằng trình đọc tin. Mỗi chuyên mục có nguồn tin riêng ở ba định dạng.',
    rss: 'RSS 2.0',
    atom: 'Atom',
    json: 'JSON Feed',
    allItems: 'Tất cả tin bài',
    withdrawnEntry: 'Nội dung này đã được rút xuống.',
  },
  sitemapPage: {
    title: 'Sơ đồ cổng',
    sections: 'Chuyên mục',
    subsites: 'Chuyên trang',
    contentTypes: 'Loại nội dung',
  },
};

const en: Messages = {
  locale: 'en-GB',
  languageName: 'English',
  languageMenu: 'Language',
  skipToContent: 'Skip to main content',
  mainNav: 'Main sections',
  breadcrumb: 'You are here',
  home: 'Home',
  network: {
    title: 'Network of government portals',
    intro: 'The Government Portal and the portals of ministries and provinces, connected to share official information.',
    kinds: { central: 'Government Portal', ministry: 'Ministries', province: 'Provinces and cities', agency: 'Government agencies', commune: 'Communes and wards' },
    lastUpdated: (d) => `Last updated: ${d}`,
    nothingYet: 'Nothing published yet',
    languages: 'Languages',
    latest: 'Latest',
  },
  emblem: 'Emblem',
  portalHome: {
    topStories: 'Top stories',
    latest: 'Latest news',
    directives: 'Direction and administration',
    pressReleases: 'Press releases',
    legalDocuments: 'New legal documents',
    procedures: 'Administrative procedures',
    proceduresIntro: 'Look up administrative procedures and apply for online public services.',
    proceduresLink: 'All procedures',
    subsites: 'Sub-sites',
    schedule: "Leaders' schedule",
    media: 'Videos and photos',
    seeAll: (w) => `See all: ${w}`,
  },
  types: { news: 'News', directive: 'Direction', 'legal-document': 'Legal document', 'press-release': 'Press release', procedure: 'Administrative procedure', video: 'Video', gallery: 'Photo gallery' },
  typesPlural: { news: 'News', directive: 'Directions', 'legal-document': 'Legal documents', 'press-release': 'Press releases', procedure: 'Administrative procedures', video: 'Videos', gallery: 'Photo galleries' },
  list: {
    empty: 'Nothing has been published here yet.',
    pagination: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (p, n) => `Page ${p} of ${n}`,
    pageLabel: (p) => `Page ${p}`,
    sections: 'Sections',
    tagTitle: (t) => `Topic: ${t}`,
    tagIntro: (t) => `Everything tagged “${t}”, newest first.`,
    typeIntro: (t) => `All ${t.toLowerCase()}, newest first.`,
  },
  item: {
    published: 'Published',
    updated: 'Updated',
    changeNotes: 'Corrections and updates',
    related: 'Related',
    otherLanguages: 'Other languages',
    readIn: (l) => `Read in ${l}`,
    share: 'Share',
    shareEmail: 'Email',
    tags: 'Topics',
    section: 'Section',
    printNote: 'Printed from',
    source: 'Source',
  },
  legal: {
    details: 'Document details',
    number: 'Number',
    documentType: 'Type',
    issuingBody: 'Issued by',
    signer: 'Signed by',
    issuedDate: 'Date issued',
    effectiveDate: 'Effective from',
    expiryDate: 'Expires',
    effectStatus: 'Status',
    field: 'Field',
    gazetteDate: 'Official Gazette date',
    abstract: 'Abstract',
    attachments: 'Files',
    noAttachments: 'No files are attached to this document.',
    statuses: {
      'in-force': 'In force',
      'partly-expired': 'Partly expired',
      expired: 'Expired',
      'not-yet-in-force': 'Not yet in force',
      suspended: 'Suspended',
      'no-longer-applicable': 'No longer applicable',
    },
    fullText: 'Text',
  },
  procedure: {
    details: 'Procedure details',
    code: 'Procedure code',
    decisionNumber: 'Announcing decision',
    level: 'Level',
    field: 'Field',
    agency: 'Handled by',
    steps: 'Steps',
    channels: 'How to apply',
    processingTime: 'Processing time',
    fees: 'Fees',
    requiredDocuments: 'Documents to submit',
    quantity: 'Copies',
    template: 'Form',
    result: 'Result',
    legalBasis: 'Legal basis',
    onlineLevel: 'Online service',
    online: { full: 'Fully online', partial: 'Partly online' },
    apply: 'Apply online',
    applyNote: 'on the National Public Service Portal',
  },
  video: {
    duration: 'Length',
    watch: 'Watch the video',
    watchNote: 'The video plays on the publisher’s own site.',
    transcript: 'Transcript',
  },
  gallery: {
    photos: (n) => (n === 1 ? '1 photo' : `${n} photos`),
    credit: 'Photo',
  },
  withdrawn: {
    notice: 'This content has been withdrawn.',
    reason: 'Reason',
    at: (d) => `Withdrawn on ${d}`,
  },
  errors: {
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address on this portal. The address may be mistyped, or the content may have moved.',
    goneTitle: 'This content has been removed',
    goneText: 'The content that was at this address has been removed for good.',
    badRequestTitle: 'Bad request',
    badRequestText: 'The address carries a parameter we cannot read (for example a page number that is not a number).',
    serverErrorTitle: 'Something went wrong',
    serverErrorText: 'We could not show this page. Please try again in a few minutes.',
    goHome: 'Go to the home page',
    goNetwork: 'See all portals',
  },
  footer: {
    unit: 'Managing agency',
    responsible: 'Person responsible',
    address: 'Address',
    phone: 'Telephone',
    email: 'Email',
    feeds: 'Feeds (RSS, Atom, JSON)',
    sitemap: 'Site map',
    network: 'Portal network',
    reuse: 'Please credit this portal when republishing its information.',
  },
  feeds: {
    title: 'Feeds',
    intro: 'Follow new items in a feed reader. Every section has its own feed in three formats.',
    rss: 'RSS 2.0',
    atom: 'Atom',
    json: 'JSON Feed',
    allItems: 'Everything',
    withdrawnEntry: 'This content has been withdrawn.',
  },
  sitemapPage: {
    title: 'Site map',
    sections: 'Sections',
    subsites: 'Sub-sites',
    contentTypes: 'Content types',
  },
};

const zh: Messages = {
  locale: 'zh-CN',
  languageName: '中文',
  languageMenu: '语言',
  skipToContent: '跳到主要内容',
  mainNav: '主要栏目',
  breadcrumb: '当前位置',
  home: '首页',
  network: {
    title: '政府门户网站网络',
    intro: '政府门户网站与各部委、各省市门户网站互联互通，共享官方信息。',
    kinds: { central: '政府门户网站', ministry: '部委', province: '省市', agency: '政府直属机构', commune: '乡镇、坊' },
    lastUpdated: (d) => `最近更新：${d}`,
    nothingYet: '尚无发布内容',
    languages: '语言',
    latest: '最新',
  },
  emblem: '徽标',
  portalHome: {
    topStories: '要闻',
    latest: '最新消息',
    directives: '指导与施政',
    pressReleases: '新闻公报',
    legalDocuments: '最新法律文件',
    procedures: '行政手续',
    proceduresIntro: '查询行政手续，在线办理公共服务。',
    proceduresLink: '全部行政手续',
    subsites: '专题网站',
    schedule: '领导工作日程',
    media: '视频与图片',
    seeAll: (w) => `查看全部：${w}`,
  },
  types: { news: '新闻', directive: '指导与施政', 'legal-document': '法律文件', 'press-release': '新闻公报', procedure: '行政手续', video: '视频', gallery: '图片' },
  typesPlural: { news: '新闻', directive: '指导与施政', 'legal-document': '法律文件', 'press-release': '新闻公报', procedure: '行政手续', video: '视频', gallery: '图集' },
  list: {
    empty: '本栏目暂无内容。',
    pagination: '分页',
    previous: '上一页',
    next: '下一页',
    pageOf: (p, n) => `第 ${p} 页，共 ${n} 页`,
    pageLabel: (p) => `第 ${p} 页`,
    sections: '栏目',
    tagTitle: (t) => `主题：${t}`,
    tagIntro: (t) => `标记为“${t}”的全部内容，按时间倒序排列。`,
    typeIntro: (t) => `全部“${t}”，按时间倒序排列。`,
  },
  item: {
    published: '发布时间',
    updated: '更新时间',
    changeNotes: '更正与更新',
    related: '相关内容',
    otherLanguages: '其他语言',
    readIn: (l) => `阅读${l}版`,
    share: '分享',
    shareEmail: '电子邮件',
    tags: '主题',
    section: '栏目',
    printNote: '打印自',
    source: '来源',
  },
  legal: {
    details: '文件属性',
    number: '文号',
    documentType: '文件类型',
    issuingBody: '发布机关',
    signer: '签署人',
    issuedDate: '发布日期',
    effectiveDate: '生效日期',
    expiryDate: '失效日期',
    effectStatus: '效力状态',
    field: '领域',
    gazetteDate: '公报刊登日期',
    abstract: '摘要',
    attachments: '附件',
    noAttachments: '本文件暂无附件。',
    statuses: {
      'in-force': '现行有效',
      'partly-expired': '部分失效',
      expired: '全部失效',
      'not-yet-in-force': '尚未生效',
      suspended: '暂停效力',
      'no-longer-applicable': '不再适用',
    },
    fullText: '正文',
  },
  procedure: {
    details: '手续信息',
    code: '手续编码',
    decisionNumber: '公布决定文号',
    level: '办理层级',
    field: '领域',
    agency: '办理机关',
    steps: '办理流程',
    channels: '办理方式',
    processingTime: '办理时限',
    fees: '费用',
    requiredDocuments: '申请材料',
    quantity: '份数',
    template: '表格',
    result: '办理结果',
    legalBasis: '法律依据',
    onlineLevel: '在线服务程度',
    online: { full: '全程在线', partial: '部分在线' },
    apply: '在线申请',
    applyNote: '通过国家公共服务门户网站',
  },
  video: {
    duration: '时长',
    watch: '观看视频',
    watchNote: '视频在发布方的网站上播放。',
    transcript: '视频文字稿',
  },
  gallery: {
    photos: (n) => `${n} 张图片`,
    credit: '摄影',
  },
  withdrawn: {
    notice: '此内容已撤回。',
    reason: '原因',
    at: (d) => `撤回时间：${d}`,
  },
  errors: {
    notFoundTitle: '页面未找到',
    notFoundText: '本网站上没有这个地址。地址可能输入有误，或内容已经移动。',
    goneTitle: '此内容已删除',
    goneText: '此地址上的内容已被永久删除。',
    badRequestTitle: '请求无效',
    badRequestText: '地址中含有无法识别的参数（例如页码不是数字）。',
    serverErrorTitle: '出现错误',
    serverErrorText: '暂时无法显示此页面，请稍后再试。',
    goHome: '返回首页',
    goNetwork: '查看全部门户网站',
  },
  footer: {
    unit: '主管机关',
    responsible: '负责人',
    address: '地址',
    phone: '电话',
    email: '电子邮件',
    feeds: '订阅（RSS、Atom、JSON）',
    sitemap: '网站地图',
    network: '门户网站网络',
    reuse: '转载本网站信息请注明出处。',
  },
  feeds: {
    title: '订阅',
    intro: '使用阅读器订阅最新内容。每个栏目都有三种格式的订阅源。',
    rss: 'RSS 2.0',
    atom: 'Atom',
    json: 'JSON Feed',
    allItems: '全部内容',
    withdrawnEntry: '此内容已撤回。',
  },
  sitemapPage: {
    title: '网站地图',
    sections: '栏目',
    subsites: '专题网站',
    contentTypes: '内容类型',
  },
};

export const MESSAGES: Record<Lang, Messages> = { vi, en, zh };

export const messages = (lang: Lang): Messages => MESSAGES[lang];

// Formatters are costly to build, so one per language is kept.
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

// formatToParts is slow and list pages show the same moments over and over; remember recent answers.
const formattedMoments = new Map<string, string>();
const MAX_FORMATTED = 20_000;

/** A moment, in the language's style, in Vietnam's time zone: "14:05, 28/11/2026" / "28 November 2026, 14:05" / "2026年11月28日 14:05". */
export function formatDateTime(lang: Lang, isoTime: string): string {
  const memoKey = lang + isoTime;
  const known = formattedMoments.get(memoKey);
  if (known !== undefined) return known;
  const text = formatMoment(lang, isoTime);
  if (formattedMoments.size >= MAX_FORMATTED) formattedMoments.clear();
  formattedMoments.set(memoKey, text);
  return text;
}

function formatMoment(lang: Lang, isoTime: string): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(MESSAGES[lang].locale, {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: lang === 'vi' ? '2-digit' : lang === 'zh' ? 'numeric' : 'long',
      day: lang === 'vi' ? '2-digit' : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, f);
  }
  const d = new Date(isoTime);
  if (Number.isNaN(d.getTime())) return isoTime;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(d)) parts[p.type] = p.value;
  // Vietnamese news style puts the time first: "14:05, 28/11/2026"
  if (lang === 'vi') return `${parts.hour}:${parts.minute}, ${parts.day}/${parts.month}/${parts.year}`;
  if (lang === 'en') return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** A calendar date (YYYY-MM-DD, as legal documents carry them) in the language's style; no time-zone shift. */
export function formatDate(lang: Lang, day: string): string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(MESSAGES[lang].locale, lang === 'vi' ? { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' } : { timeZone: 'UTC', dateStyle: 'long' });
    dateFormats.set(lang, f);
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day);
  if (Number.isNaN(d.getTime())) return day;
  // Vietnamese documents write dates as dd/MM/yyyy
  return f.format(d);
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function formatBytes(lang: Lang, bytes: number): string {
  const nf = new Intl.NumberFormat(MESSAGES[lang].locale, { maximumFractionDigits: 1 });
  if (bytes >= 1_000_000) return `${nf.format(bytes / 1_000_000)} MB`;
  if (bytes >= 1000) return `${nf.format(bytes / 1000)} KB`;
  return `${nf.format(bytes)} B`;
}
