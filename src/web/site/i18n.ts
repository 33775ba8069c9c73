import type { Lang } from '../../lib/lang.ts';
import type { ContentType } from '../../modules/content/index.ts';
import type { PortalKind } from '../../modules/portals/index.ts';

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
  /** the phone header's two buttons */
  menu: string;
  searchToggle: string;
  mainNav: string;
  breadcrumb: string;
  home: string;
  network: {
    title: string;
    intro: string;
    kinds: Record<PortalKind, string>;
    lastUpdated: (date: string) => string;
    /** a member portal run by another deployment, reached over federation */
    connected: string;
    lastContact: (date: string) => string;
    noContactYet: string;
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
    /** names the scrolling box around a table in an article */
    table: string;
    /** a translated legal document or procedure: the Vietnamese text is the one with legal force */
    unofficialTranslation: string;
    originalHasForce: string;
    /** link text to the Vietnamese original, always shown in Vietnamese */
    originalLink: string;
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
    /** label of the page's address field in the share box, its copy button, and what the button says once copied */
    pageLink: string;
    copyLink: string;
    linkCopied: string;
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
  feedback: {
    /** footer link to the submission form */
    submitLink: string;
    answersLink: string;
    trackLink: string;
    formTitle: string;
    formIntro: string;
    noScript: (email: string, phone: string) => string;
    apiNote: string;
    kind: string;
    kinds: Record<'question' | 'feedback' | 'petition', string>;
    field: string;
    chooseField: string;
    title: string;
    content: string;
    submitterType: string;
    submitterTypes: Record<'citizen' | 'business' | 'organisation', string>;
    you: string;
    name: string;
    email: string;
    phone: string;
    address: string;
    contactHint: string;
    petitionHint: string;
    consent: string;
    privacy: string;
    send: string;
    powWorking: string;
    powFailed: string;
    errorSummary: string;
    fieldErrors: Record<string, string>;
    invalid: string;
    badProof: string;
    tooMany: (minutes: number) => string;
    tooManyLookups: (minutes: number) => string;
    repeat: (code: string) => string;
    receiptTitle: string;
    receiptText: string;
    trackingCode: string;
    /** the receipt's copy button (added by copy.js) and what it says once the code is on the clipboard */
    copyCode: string;
    copied: string;
    dueDate: string;
    receivedAt: string;
    keepCode: string;
    trackTitle: string;
    trackIntro: string;
    code: string;
    contact: string;
    contactHelp: string;
    trackButton: string;
    replyTitle: string;
    replyLabel: string;
    replyButton: string;
    replySent: string;
    replyRefused: string;
    notFound: string;
    status: string;
    statuses: Record<'received' | 'in-progress' | 'info-requested' | 'answered' | 'published' | 'rejected' | 'forwarded', string>;
    history: string;
    actions: Record<string, string>;
    answer: string;
    answeredAt: string;
    noAnswerYet: string;
    forwardedTo: string;
    answersTitle: string;
    answersIntro: string;
    searchAnswers: string;
    searchButton: string;
    noAnswers: string;
    noAnswersFor: (q: string) => string;
    question: string;
    askedBy: string;
    askedOn: string;
    previous: string;
    next: string;
    pages: string;
    /** the forwarded case's tracking page at the portal of another deployment */
    trackThere: string;
    /** too many submissions from one network address (FEEDBACK_IP_LIMIT) */
    tooManyFromAddress: (minutes: number) => string;
    attachments: string;
    attachmentsHint: (files: number, megabytes: number) => string;
    /** on an article: published answers on its field or tags */
    relatedAnswers: string;
    allAnswers: string;
    /** on an answer's own page: published items on its field */
    relatedItems: string;
    readAnswer: string;
    answerNotFound: string;
  };
}

const vi: Messages = {
  locale: 'vi-VN',
  languageName: 'Tiếng Việt',
  languageMenu: 'Ngôn ngữ',
  skipToContent: 'Chuyển đến nội dung chính',
  menu: 'Mục lục',
  searchToggle: 'Tìm kiếm',
  mainNav: 'Chuyên mục chính',
  breadcrumb: 'Vị trí trang',
  home: 'Trang chủ',
  network: {
    title: 'Mạng lưới cổng thông tin điện tử',
    intro: 'Cổng Thông tin điện tử Chính phủ và các cổng của bộ, ngành, địa phương được kết nối, liên thông và chia sẻ thông tin.',
    kinds: { central: 'Cổng Chính phủ', ministry: 'Bộ, cơ quan ngang bộ', province: 'Tỉnh, thành phố', agency: 'Cơ quan thuộc Chính phủ', commune: 'Xã, phường' },
    lastUpdated: (d) => `Cập nhật lần cuối: ${d}`,
    connected: 'Cổng thành viên kết nối liên thông',
    lastContact: (d) => `Liên lạc gần nhất: ${d}`,
    noContactYet: 'Chưa có liên lạc',
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
    table: 'Bảng (cuộn ngang để xem hết)',
    unofficialTranslation: 'Bản dịch không chính thức.',
    originalHasForce: 'Chỉ văn bản tiếng Việt có giá trị pháp lý.',
    originalLink: 'Bản gốc tiếng Việt',
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
    pageLink: 'Đường dẫn của trang',
    copyLink: 'Sao chép đường dẫn',
    linkCopied: 'Đã sao chép',
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
  feedback: {
    submitLink: 'Gửi phản ánh, kiến nghị',
    answersLink: 'Hỏi đáp',
    trackLink: 'Tra cứu phản ánh, kiến nghị',
    formTitle: 'Gửi câu hỏi, phản ánh, kiến nghị',
    formIntro: 'Cơ quan trả lời trong thời hạn quy định, tính theo ngày làm việc. Sau khi gửi, bạn nhận được mã số để tra cứu tình trạng xử lý.',
    noScript: (email, phone) => `Biểu mẫu trực tuyến cần bật JavaScript để thực hiện bước chống thư rác. Nếu không dùng được JavaScript, xin gửi thư điện tử đến ${email} hoặc gọi ${phone}.`,
    apiNote: 'Phần mềm có thể gửi qua giao diện lập trình (API) tại /api/v1/portals/{cổng}/feedback.',
    kind: 'Loại',
    kinds: { question: 'Câu hỏi', feedback: 'Phản ánh', petition: 'Kiến nghị' },
    field: 'Lĩnh vực',
    chooseField: '— Chọn lĩnh vực —',
    title: 'Tiêu đề',
    content: 'Nội dung',
    submitterType: 'Người gửi là',
    submitterTypes: { citizen: 'Cá nhân', business: 'Doanh nghiệp', organisation: 'Tổ chức' },
    you: 'Thông tin người gửi',
    name: 'Họ và tên (hoặc tên tổ chức)',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    address: 'Địa chỉ',
    contactHint: 'Cần ít nhất thư điện tử hoặc số điện thoại để nhận trả lời.',
    petitionHint: 'Kiến nghị cần có số điện thoại và địa chỉ.',
    consent: 'Tôi đồng ý để câu hỏi và câu trả lời được đăng công khai (chỉ hiện chữ cái đầu của tên, không hiện thông tin liên hệ).',
    privacy: 'Thông tin cá nhân chỉ cán bộ xử lý được xem và được xóa sau thời hạn lưu trữ.',
    send: 'Gửi',
    powWorking: 'Đang thực hiện bước chống thư rác, xin chờ trong giây lát…',
    powFailed: 'Không thực hiện được bước chống thư rác. Xin thử lại.',
    errorSummary: 'Xin kiểm tra lại các mục sau:',
    fieldErrors: {
      '/kind': 'Chọn loại: câu hỏi, phản ánh hoặc kiến nghị.',
      '/field': 'Chọn lĩnh vực.',
      '/title': 'Tiêu đề cần từ 5 đến 300 ký tự.',
      '/content': 'Nội dung cần từ 20 đến 20.000 ký tự.',
      '/submitterType': 'Chọn người gửi là cá nhân, doanh nghiệp hay tổ chức.',
      '/name': 'Nhập họ và tên (tối đa 200 ký tự).',
      '/email': 'Nhập thư điện tử hợp lệ, hoặc để trống và nhập số điện thoại.',
      '/phone': 'Nhập số điện thoại hợp lệ (kiến nghị bắt buộc có số điện thoại).',
      '/address': 'Nhập địa chỉ (kiến nghị bắt buộc có địa chỉ; tối đa 500 ký tự).',
      '/altcha': 'Chưa thực hiện bước chống thư rác: biểu mẫu cần bật JavaScript.',
      '/lang': 'Ngôn ngữ không được hỗ trợ.',
      '/attachments': 'Tệp đính kèm chưa hợp lệ: tối đa 3 tệp PDF hoặc ảnh JPEG, PNG, WebP, mỗi tệp không quá 5 MB, đúng định dạng đã khai.',
    },
    invalid: 'Mục này chưa hợp lệ.',
    badProof: 'Bước chống thư rác đã hết hạn hoặc đã được dùng. Xin bấm Gửi lại.',
    tooMany: (min) => `Bạn đã gửi quá nhiều lần trong một giờ. Xin thử lại sau khoảng ${min} phút.`,
    tooManyLookups: (min) => `Có quá nhiều lượt tra cứu từ cùng một địa chỉ mạng. Xin thử lại sau khoảng ${min} phút.`,
    repeat: (code) => `Nội dung này đã được gửi trước đó, mã số ${code}.`,
    receiptTitle: 'Đã nhận',
    receiptText: 'Cơ quan đã tiếp nhận nội dung bạn gửi.',
    trackingCode: 'Mã số',
    copyCode: 'Chép mã số',
    copied: 'Đã chép',
    dueDate: 'Hạn trả lời',
    receivedAt: 'Thời điểm tiếp nhận',
    keepCode: 'Xin giữ mã số này: cùng với thư điện tử hoặc số điện thoại đã khai, mã số dùng để tra cứu tình trạng xử lý.',
    trackTitle: 'Tra cứu phản ánh, kiến nghị',
    trackIntro: 'Nhập mã số và thư điện tử hoặc số điện thoại bạn đã khai khi gửi.',
    code: 'Mã số',
    contact: 'Thư điện tử hoặc số điện thoại',
    contactHelp: 'Đúng như khi gửi.',
    trackButton: 'Tra cứu',
    replyTitle: 'Bổ sung thông tin',
    replyLabel: 'Thông tin cơ quan yêu cầu bổ sung',
    replyButton: 'Gửi bổ sung',
    replySent: 'Đã gửi thông tin bổ sung; hồ sơ tiếp tục được xử lý.',
    replyRefused: 'Chưa gửi được: hãy viết từ 2 đến 20.000 ký tự, và chỉ gửi khi cơ quan đang chờ bổ sung.',
    notFound: 'Không tìm thấy nội dung nào với mã số và thông tin liên hệ này.',
    status: 'Tình trạng',
    statuses: { received: 'Đã tiếp nhận', 'in-progress': 'Đang xử lý', 'info-requested': 'Cần bổ sung thông tin', answered: 'Đã trả lời', published: 'Đã trả lời và công khai', rejected: 'Không tiếp nhận', forwarded: 'Đã chuyển cơ quan có thẩm quyền' },
    history: 'Quá trình xử lý',
    actions: { submit: 'Gửi', register: 'Tiếp nhận xử lý', forward: 'Chuyển cơ quan khác', 'received-by-forward': 'Nhận từ cơ quan khác', 'forward-failed': 'Cơ quan được chuyển đến không tiếp nhận; tiếp tục xử lý tại đây', 'request-info': 'Đề nghị bổ sung', reply: 'Người gửi bổ sung', answer: 'Trả lời', reject: 'Không tiếp nhận', publish: 'Công khai trả lời' },
    answer: 'Trả lời',
    answeredAt: 'Ngày trả lời',
    noAnswerYet: 'Chưa có trả lời.',
    forwardedTo: 'Đã chuyển đến',
    answersTitle: 'Hỏi đáp',
    answersIntro: 'Câu hỏi của người dân, doanh nghiệp và trả lời của cơ quan, được đăng khi người hỏi đồng ý.',
    searchAnswers: 'Tìm trong hỏi đáp',
    searchButton: 'Tìm',
    noAnswers: 'Chưa có câu trả lời nào được đăng.',
    noAnswersFor: (q) => `Không có câu trả lời nào khớp với “${q}”.`,
    question: 'Câu hỏi',
    askedBy: 'Người hỏi',
    askedOn: 'Ngày hỏi',
    previous: 'Trang trước',
    next: 'Trang sau',
    pages: 'Chuyển trang hỏi đáp',
    trackThere: 'Tra cứu tại cổng thông tin đó',
    tooManyFromAddress: (min) => `Có quá nhiều lượt gửi từ cùng một địa chỉ mạng. Xin thử lại sau khoảng ${min} phút.`,
    attachments: 'Tệp đính kèm (không bắt buộc)',
    attachmentsHint: (files, mb) => `Tối đa ${files} tệp PDF hoặc ảnh JPEG, PNG, WebP; mỗi tệp không quá ${mb} MB.`,
    relatedAnswers: 'Hỏi đáp về chủ đề này',
    allAnswers: 'Tất cả hỏi đáp',
    relatedItems: 'Thông tin liên quan',
    readAnswer: 'Xem trả lời',
    answerNotFound: 'Không tìm thấy câu trả lời này.',
  },
};

const en: Messages = {
  locale: 'en-GB',
  languageName: 'English',
  languageMenu: 'Language',
  skipToContent: 'Skip to main content',
  menu: 'Menu',
  searchToggle: 'Search',
  mainNav: 'Main sections',
  breadcrumb: 'You are here',
  home: 'Home',
  network: {
    title: 'Network of government portals',
    intro: 'The Government Portal and the portals of ministries and provinces, connected to share official information.',
    kinds: { central: 'Government Portal', ministry: 'Ministries', province: 'Provinces and cities', agency: 'Government agencies', commune: 'Communes and wards' },
    lastUpdated: (d) => `Last updated: ${d}`,
    connected: 'Member portal connected over federation',
    lastContact: (d) => `Last contact: ${d}`,
    noContactYet: 'No contact yet',
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
    table: 'Table (scroll sideways to see all of it)',
    unofficialTranslation: 'Unofficial translation.',
    originalHasForce: 'Only the Vietnamese text has legal force; in case of any difference, the Vietnamese original prevails.',
    originalLink: 'Bản gốc tiếng Việt',
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
    pageLink: 'Link to this page',
    copyLink: 'Copy link',
    linkCopied: 'Copied',
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
  feedback: {
    submitLink: 'Send a question or feedback',
    answersLink: 'Questions and answers',
    trackLink: 'Track your submission',
    formTitle: 'Send a question, feedback or a petition',
    formIntro: 'The agency answers within the legal deadline, counted in working days. After sending you get a tracking code to follow its progress.',
    noScript: (email, phone) => `The online form needs JavaScript for its anti-spam check. Without JavaScript, please write to ${email} or call ${phone}.`,
    apiNote: 'Software can send through the API at /api/v1/portals/{portal}/feedback.',
    kind: 'Type',
    kinds: { question: 'Question', feedback: 'Feedback', petition: 'Petition' },
    field: 'Field',
    chooseField: '— Choose a field —',
    title: 'Title',
    content: 'Message',
    submitterType: 'Sent by',
    submitterTypes: { citizen: 'An individual', business: 'A business', organisation: 'An organisation' },
    you: 'About you',
    name: 'Full name (or the organisation’s)',
    email: 'Email',
    phone: 'Telephone',
    address: 'Address',
    contactHint: 'Give at least an email address or a telephone number, so the answer can reach you.',
    petitionHint: 'A petition needs a telephone number and an address.',
    consent: 'The question and its answer may be published (with my initials only, never my contact details).',
    privacy: 'Only the officers handling it see your personal data, which is erased after the retention period.',
    send: 'Send',
    powWorking: 'Running the anti-spam check, one moment…',
    powFailed: 'The anti-spam check could not run. Please try again.',
    errorSummary: 'Please check the following:',
    fieldErrors: {
      '/kind': 'Choose question, feedback or petition.',
      '/field': 'Choose a field.',
      '/title': 'The title needs 5 to 300 characters.',
      '/content': 'The message needs 20 to 20,000 characters.',
      '/submitterType': 'Say whether you are an individual, a business or an organisation.',
      '/name': 'Enter your name (at most 200 characters).',
      '/email': 'Enter a valid email address, or leave it empty and give a telephone number.',
      '/phone': 'Enter a valid telephone number (a petition must have one).',
      '/address': 'Enter an address (a petition must have one; at most 500 characters).',
      '/altcha': 'The anti-spam check did not run: the form needs JavaScript.',
      '/lang': 'This language is not supported.',
      '/attachments': 'An attachment was not accepted: up to 3 files, each a real PDF or JPEG, PNG or WebP picture of at most 5 MB.',
    },
    invalid: 'This is not valid.',
    badProof: 'The anti-spam check expired or was already used. Please press Send again.',
    tooMany: (min) => `Too many submissions within an hour. Please try again in about ${min} minute${min === 1 ? '' : 's'}.`,
    tooManyLookups: (min) => `Too many look-ups from this network address. Please try again in about ${min} minute${min === 1 ? '' : 's'}.`,
    repeat: (code) => `This was already sent, under the code ${code}.`,
    receiptTitle: 'Received',
    receiptText: 'The agency has received your submission.',
    trackingCode: 'Tracking code',
    copyCode: 'Copy the code',
    copied: 'Copied',
    dueDate: 'Answer due by',
    receivedAt: 'Received at',
    keepCode: 'Keep this code: with the email or telephone number you gave, it lets you track the case.',
    trackTitle: 'Track your submission',
    trackIntro: 'Enter the tracking code and the email address or telephone number you gave when sending.',
    code: 'Tracking code',
    contact: 'Email or telephone number',
    contactHelp: 'As given when sending.',
    trackButton: 'Track',
    replyTitle: 'Add information',
    replyLabel: 'The information the office asked for',
    replyButton: 'Send',
    replySent: 'Your information was sent; the case goes on.',
    replyRefused: 'Not sent: write 2 to 20,000 characters, and only while the office is waiting for information.',
    notFound: 'Nothing was found with this code and contact.',
    status: 'Status',
    statuses: { received: 'Received', 'in-progress': 'Being handled', 'info-requested': 'More information needed', answered: 'Answered', published: 'Answered and published', rejected: 'Not accepted', forwarded: 'Forwarded to the competent agency' },
    history: 'Progress',
    actions: { submit: 'Sent', register: 'Taken up', forward: 'Forwarded', 'received-by-forward': 'Received from another agency', 'forward-failed': 'Not taken by the agency it was forwarded to; handled here again', 'request-info': 'More information asked for', reply: 'Information added by the sender', answer: 'Answered', reject: 'Not accepted', publish: 'Answer published' },
    answer: 'Answer',
    answeredAt: 'Answered on',
    noAnswerYet: 'No answer yet.',
    forwardedTo: 'Forwarded to',
    answersTitle: 'Questions and answers',
    answersIntro: 'Questions from citizens and businesses and the agency’s answers, published with the asker’s consent. Most are in Vietnamese.',
    searchAnswers: 'Search questions and answers',
    searchButton: 'Search',
    noAnswers: 'No answers have been published yet.',
    noAnswersFor: (q) => `No answer matches “${q}”.`,
    question: 'Question',
    askedBy: 'Asked by',
    askedOn: 'Asked on',
    previous: 'Previous page',
    next: 'Next page',
    pages: 'Question and answer pages',
    trackThere: 'Track it at that portal',
    tooManyFromAddress: (min) => `Too many submissions from this network address. Please try again in about ${min} minute${min === 1 ? '' : 's'}.`,
    attachments: 'Attachments (optional)',
    attachmentsHint: (files, mb) => `Up to ${files} PDF files or JPEG, PNG or WebP pictures, ${mb} MB each at most.`,
    relatedAnswers: 'Questions and answers on this topic',
    allAnswers: 'All questions and answers',
    relatedItems: 'Related information',
    readAnswer: 'Read the answer',
    answerNotFound: 'This answer was not found.',
  },
};

const zh: Messages = {
  locale: 'zh-CN',
  languageName: '中文',
  languageMenu: '语言',
  skipToContent: '跳到主要内容',
  menu: '菜单',
  searchToggle: '搜索',
  mainNav: '主要栏目',
  breadcrumb: '当前位置',
  home: '首页',
  network: {
    title: '政府门户网站网络',
    intro: '政府门户网站与各部委、各省市门户网站互联互通，共享官方信息。',
    kinds: { central: '政府门户网站', ministry: '部委', province: '省市', agency: '政府直属机构', commune: '乡镇、坊' },
    lastUpdated: (d) => `最近更新：${d}`,
    connected: '通过联网连接的成员门户',
    lastContact: (d) => `最近联系：${d}`,
    noContactYet: '尚无联系',
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
    table: '表格（可横向滚动查看）',
    unofficialTranslation: '非官方译文。',
    originalHasForce: '仅越南语文本具有法律效力；如有出入，以越南语原文为准。',
    originalLink: 'Bản gốc tiếng Việt',
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
    pageLink: '本页链接',
    copyLink: '复制链接',
    linkCopied: '已复制',
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
  feedback: {
    submitLink: '提交意见建议',
    answersLink: '问答',
    trackLink: '查询处理进度',
    formTitle: '提交问题、意见或建议',
    formIntro: '机关将在法定期限内（按工作日计算）答复。提交后您将获得一个查询编号，用于查询处理进度。',
    noScript: (email, phone) => `在线表单需要启用 JavaScript 以完成防垃圾验证。如无法使用 JavaScript，请发送电子邮件至 ${email} 或致电 ${phone}。`,
    apiNote: '软件可通过接口 /api/v1/portals/{门户}/feedback 提交。',
    kind: '类型',
    kinds: { question: '问题', feedback: '意见反映', petition: '建议' },
    field: '领域',
    chooseField: '— 请选择领域 —',
    title: '标题',
    content: '内容',
    submitterType: '提交人身份',
    submitterTypes: { citizen: '个人', business: '企业', organisation: '组织' },
    you: '提交人信息',
    name: '姓名（或组织名称）',
    email: '电子邮件',
    phone: '电话',
    address: '地址',
    contactHint: '请至少填写电子邮件或电话号码，以便接收答复。',
    petitionHint: '建议须填写电话号码和地址。',
    consent: '我同意公开问题及答复（仅显示姓名首字母，不显示联系方式）。',
    privacy: '个人信息仅供经办人员查看，并在保存期限届满后删除。',
    send: '提交',
    powWorking: '正在进行防垃圾验证，请稍候…',
    powFailed: '防垃圾验证未能完成，请重试。',
    errorSummary: '请检查以下各项：',
    fieldErrors: {
      '/kind': '请选择问题、意见反映或建议。',
      '/field': '请选择领域。',
      '/title': '标题须为 5 至 300 个字符。',
      '/content': '内容须为 20 至 20000 个字符。',
      '/submitterType': '请选择个人、企业或组织。',
      '/name': '请填写姓名（最多 200 个字符）。',
      '/email': '请填写有效的电子邮件，或留空并填写电话号码。',
      '/phone': '请填写有效的电话号码（建议必须填写）。',
      '/address': '请填写地址（建议必须填写；最多 500 个字符）。',
      '/altcha': '防垃圾验证未运行：表单需要启用 JavaScript。',
      '/lang': '不支持该语言。',
      '/attachments': '附件不符合要求：最多 3 个文件，须为真实的 PDF 或 JPEG、PNG、WebP 图片，每个不超过 5 MB。',
    },
    invalid: '此项无效。',
    badProof: '防垃圾验证已过期或已被使用，请再次点击提交。',
    tooMany: (min) => `一小时内提交次数过多，请约 ${min} 分钟后再试。`,
    tooManyLookups: (min) => `来自同一网络地址的查询过多，请约 ${min} 分钟后再试。`,
    repeat: (code) => `该内容此前已提交，编号为 ${code}。`,
    receiptTitle: '已收到',
    receiptText: '机关已收到您提交的内容。',
    trackingCode: '查询编号',
    copyCode: '复制编号',
    copied: '已复制',
    dueDate: '答复期限',
    receivedAt: '收到时间',
    keepCode: '请保存此编号：凭编号及您填写的电子邮件或电话号码可查询处理进度。',
    trackTitle: '查询处理进度',
    trackIntro: '请输入查询编号以及提交时填写的电子邮件或电话号码。',
    code: '查询编号',
    contact: '电子邮件或电话号码',
    contactHelp: '须与提交时一致。',
    trackButton: '查询',
    replyTitle: '补充信息',
    replyLabel: '机关要求补充的信息',
    replyButton: '提交',
    replySent: '补充信息已提交，案件继续办理。',
    replyRefused: '未能提交：请填写2至20000个字符，且仅在机关等待补充时提交。',
    notFound: '未找到与该编号和联系方式相符的内容。',
    status: '状态',
    statuses: { received: '已收到', 'in-progress': '处理中', 'info-requested': '需补充信息', answered: '已答复', published: '已答复并公开', rejected: '不予受理', forwarded: '已转交主管机关' },
    history: '处理过程',
    actions: { submit: '提交', register: '受理', forward: '转交', 'received-by-forward': '由其他机关转来', 'forward-failed': '被转交机关未受理，改由本机关继续处理', 'request-info': '要求补充信息', reply: '提交人补充信息', answer: '答复', reject: '不予受理', publish: '公开答复' },
    answer: '答复',
    answeredAt: '答复日期',
    noAnswerYet: '尚未答复。',
    forwardedTo: '已转交至',
    answersTitle: '问答',
    answersIntro: '公民和企业提出的问题及机关的答复，经提问人同意后公开。大部分为越南文。',
    searchAnswers: '搜索问答',
    searchButton: '搜索',
    noAnswers: '尚无公开的答复。',
    noAnswersFor: (q) => `没有与“${q}”相符的答复。`,
    question: '问题',
    askedBy: '提问人',
    askedOn: '提问日期',
    previous: '上一页',
    next: '下一页',
    pages: '问答分页',
    trackThere: '在该门户查询',
    tooManyFromAddress: (min) => `来自同一网络地址的提交过多，请约 ${min} 分钟后再试。`,
    attachments: '附件（可选）',
    attachmentsHint: (files, mb) => `最多 ${files} 个 PDF 文件或 JPEG、PNG、WebP 图片，每个不超过 ${mb} MB。`,
    relatedAnswers: '本主题的问答',
    allAnswers: '全部问答',
    relatedItems: '相关信息',
    readAnswer: '查看答复',
    answerNotFound: '未找到该答复。',
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
