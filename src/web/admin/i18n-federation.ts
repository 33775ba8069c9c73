import type { AdminLang } from './i18n.ts';

// The federation page's words (the admin speaks Vietnamese and English). Kept
// beside the main catalogue so the page's many labels do not crowd it.

export interface FederationMessages {
  title: string;
  intro: string;
  notices: Record<'subscribed' | 'unsubscribed' | 'proposed' | 'accepted' | 'declined' | 'joined' | 'approved' | 'rejected' | 'rotated', string>;
  sources: string;
  noSources: string;
  source: string;
  sourceHint: string;
  status: string;
  statuses: Record<string, string>;
  policy: string;
  cursor: string;
  lastContact: string;
  never: string;
  subscribe: string;
  unsubscribe: string;
  types: string;
  allTypes: string;
  languages: string;
  allLanguages: string;
  sourceSections: string;
  sourceSectionsHint: string;
  mode: string;
  modePublish: string;
  modeReview: string;
  localSection: string;
  sameSection: string;
  followers: string;
  noFollowers: string;
  /** the portal setting: new subscribers wait for an admin */
  followersNeedApproval: string;
  followersNeedApprovalHint: string;
  saveSetting: string;
  portal: string;
  delivered: string;
  incoming: string;
  noIncoming: string;
  from: string;
  decisionNote: string;
  decisionNoteHint: string;
  accept: string;
  decline: string;
  decided: string;
  proposalStatuses: Record<string, string>;
  outgoing: string;
  noOutgoing: string;
  item: string;
  to: string;
  toHint: string;
  answer: string;
  propose: string;
  proposalNote: string;
  noSuchItem: string;
  directory: string;
  joinRequests: string;
  noJoinRequests: string;
  approve: string;
  reject: string;
  members: string;
  noMembers: string;
  kind: string;
  kinds: Record<string, string>;
  membership: string;
  noMembership: string;
  join: string;
  directoryUrl: string;
  directoryHint: string;
  keys: string;
  currentKey: string;
  olderKeys: string;
  validUntil: string;
  identityDocument: string;
  rotate: string;
  rotateConfirm: string;
  rotateHint: string;
}

const vi: FederationMessages = {
  title: 'Kết nối, liên thông',
  intro: 'Nguồn tin cổng này nhận về, các cổng nhận tin của cổng này, tin bài đề xuất lên Cổng Chính phủ và khóa ký của cổng.',
  notices: {
    subscribed: 'Đã gửi yêu cầu nhận tin; nguồn sẽ xác nhận qua hộp thư liên thông của cổng.',
    unsubscribed: 'Đã ngừng nhận tin từ nguồn này. Các bài đã nhận vẫn được giữ.',
    proposed: 'Đã gửi đề xuất.',
    accepted: 'Đã tiếp nhận đề xuất và xuất bản bài.',
    declined: 'Đã trả lại đề xuất kèm ghi chú.',
    joined: 'Đã gửi yêu cầu tham gia mạng lưới.',
    approved: 'Đã chấp thuận thành viên; khóa của cổng đã được ghi nhận.',
    rejected: 'Đã từ chối yêu cầu tham gia.',
    rotated: 'Đã tạo khóa ký mới; khóa cũ còn hiệu lực trong thời gian chuyển tiếp.',
  },
  sources: 'Nguồn tin đang nhận',
  noSources: 'Cổng chưa nhận tin từ nguồn nào.',
  source: 'Địa chỉ cổng nguồn',
  sourceHint: 'Ví dụ: https://chinhphu.vn',
  status: 'Trạng thái',
  statuses: { pending: 'Chờ xác nhận', active: 'Đang hoạt động', removed: 'Đã ngừng', ended: 'Đã kết thúc', approved: 'Đã chấp thuận', rejected: 'Bị từ chối' },
  policy: 'Điều kiện nhận',
  cursor: 'Số thứ tự đã nhận',
  lastContact: 'Liên lạc gần nhất',
  never: 'Chưa có',
  subscribe: 'Nhận tin từ một cổng',
  unsubscribe: 'Ngừng nhận',
  types: 'Loại tin',
  allTypes: 'Mọi loại tin',
  languages: 'Ngôn ngữ',
  allLanguages: 'mọi ngôn ngữ',
  sourceSections: 'Chuyên mục của nguồn',
  sourceSectionsHint: 'Đường dẫn chuyên mục ở cổng nguồn, cách nhau bởi dấu phẩy; để trống để nhận mọi chuyên mục.',
  mode: 'Cách xử lý',
  modePublish: 'Xuất bản ngay',
  modeReview: 'Chờ biên tập viên duyệt',
  localSection: 'Đưa vào chuyên mục',
  sameSection: 'Chuyên mục cùng tên với nguồn (nếu có)',
  followers: 'Các cổng nhận tin của cổng này',
  noFollowers: 'Chưa có cổng nào nhận tin.',
  followersNeedApproval: 'Cổng mới đăng ký nhận tin phải chờ quản trị viên chấp thuận',
  followersNeedApprovalHint: 'Khi bật, cổng đăng ký nhận tin chỉ bắt đầu nhận tin sau khi quản trị viên chấp thuận.',
  saveSetting: 'Lưu thiết lập',
  portal: 'Cổng',
  delivered: 'Đã chuyển đến số',
  incoming: 'Đề xuất gửi đến',
  noIncoming: 'Không có đề xuất nào đang chờ.',
  from: 'Từ',
  decisionNote: 'Ghi chú gửi cổng đề xuất',
  decisionNoteHint: 'Bắt buộc khi trả lại.',
  accept: 'Tiếp nhận và xuất bản',
  decline: 'Trả lại',
  decided: 'Đề xuất đã xử lý',
  proposalStatuses: { pending: 'Chờ xử lý', accepted: 'Đã tiếp nhận', declined: 'Bị trả lại', failed: 'Gửi không thành công' },
  outgoing: 'Đề xuất lên cổng trung ương',
  noOutgoing: 'Cổng chưa đề xuất bài nào.',
  item: 'Bài viết',
  to: 'Gửi đến',
  toHint: 'Để trống để gửi đến cổng trung ương của mạng lưới mà cổng đã tham gia.',
  answer: 'Phản hồi',
  propose: 'Đề xuất một bài',
  proposalNote: 'Lời nhắn',
  noSuchItem: 'Chọn một bài đã xuất bản của cổng này.',
  directory: 'Danh bạ mạng lưới',
  joinRequests: 'Yêu cầu tham gia',
  noJoinRequests: 'Không có yêu cầu nào đang chờ.',
  approve: 'Chấp thuận',
  reject: 'Từ chối',
  members: 'Thành viên',
  noMembers: 'Chưa có thành viên từ triển khai khác.',
  kind: 'Loại cổng',
  kinds: { central: 'Cổng Chính phủ', ministry: 'Bộ, ngành', province: 'Tỉnh, thành phố', agency: 'Cơ quan', commune: 'Xã, phường' },
  membership: 'Tham gia mạng lưới',
  noMembership: 'Cổng chưa tham gia mạng lưới nào.',
  join: 'Xin tham gia mạng lưới',
  directoryUrl: 'Địa chỉ cổng trung ương',
  directoryHint: 'Quản trị viên cổng trung ương sẽ duyệt yêu cầu.',
  keys: 'Khóa ký liên thông',
  currentKey: 'Khóa hiện hành',
  olderKeys: 'Khóa cũ còn hiệu lực',
  validUntil: 'đến',
  identityDocument: 'Tài liệu định danh của cổng',
  rotate: 'Tạo khóa mới',
  rotateConfirm: 'Tạo khóa ký mới cho cổng?',
  rotateHint: 'Khóa cũ vẫn được chấp nhận trong 7 ngày và xác nhận khóa mới, nên các cổng khác chuyển sang khóa mới mà không gián đoạn.',
};

const en: FederationMessages = {
  title: 'Federation',
  intro: "Sources this portal takes news from, the portals that take this portal's news, items proposed up to the central portal, and the portal's signing key.",
  notices: {
    subscribed: "Subscription requested; the source confirms it through this portal's federation inbox.",
    unsubscribed: 'No longer following this source. Items already received stay.',
    proposed: 'Proposal sent.',
    accepted: 'Proposal accepted and the item published.',
    declined: 'Proposal sent back with your note.',
    joined: 'Request to join the network sent.',
    approved: 'Member approved; its keys are pinned.',
    rejected: 'Join request rejected.',
    rotated: 'New signing key made; the old one stays valid for the grace period.',
  },
  sources: 'Sources followed',
  noSources: 'This portal follows no source yet.',
  source: 'Source portal URL',
  sourceHint: 'For example https://chinhphu.vn',
  status: 'Status',
  statuses: { pending: 'Waiting for confirmation', active: 'Active', removed: 'Stopped', ended: 'Ended', approved: 'Approved', rejected: 'Rejected' },
  policy: 'Terms',
  cursor: 'Received up to',
  lastContact: 'Last contact',
  never: 'Never',
  subscribe: 'Follow a portal',
  unsubscribe: 'Stop following',
  types: 'Content types',
  allTypes: 'All content types',
  languages: 'Languages',
  allLanguages: 'all languages',
  sourceSections: "Source's sections",
  sourceSectionsHint: 'Section slugs at the source, separated by commas; empty for all sections.',
  mode: 'On arrival',
  modePublish: 'Publish at once',
  modeReview: "Queue for an editor's review",
  localSection: 'Place in section',
  sameSection: "The section with the source's slug, if any",
  followers: 'Portals following this one',
  noFollowers: 'No portal follows this one yet.',
  followersNeedApproval: 'New followers wait for an admin to approve them',
  followersNeedApprovalHint: 'When on, a portal that asks to follow this one receives nothing until an admin approves it.',
  saveSetting: 'Save setting',
  portal: 'Portal',
  delivered: 'Delivered up to',
  incoming: 'Proposals received',
  noIncoming: 'No proposal is waiting.',
  from: 'From',
  decisionNote: 'Note to the proposing portal',
  decisionNoteHint: 'Required when sending back.',
  accept: 'Accept and publish',
  decline: 'Send back',
  decided: 'Decided proposals',
  proposalStatuses: { pending: 'Waiting', accepted: 'Accepted', declined: 'Sent back', failed: 'Could not be sent' },
  outgoing: 'Proposals to the central portal',
  noOutgoing: 'This portal has proposed nothing yet.',
  item: 'Item',
  to: 'To',
  toHint: 'Empty: the central portal of the network this portal joined.',
  answer: 'Answer',
  propose: 'Propose an item',
  proposalNote: 'Message',
  noSuchItem: 'Choose a published item of this portal.',
  directory: 'Network directory',
  joinRequests: 'Join requests',
  noJoinRequests: 'No join request is waiting.',
  approve: 'Approve',
  reject: 'Reject',
  members: 'Members',
  noMembers: 'No member from another deployment yet.',
  kind: 'Kind',
  kinds: { central: 'Government portal', ministry: 'Ministry', province: 'Province', agency: 'Agency', commune: 'Commune' },
  membership: 'Network membership',
  noMembership: 'This portal has not joined a network.',
  join: 'Ask to join a network',
  directoryUrl: 'Central portal URL',
  directoryHint: "The central portal's admins decide on the request.",
  keys: 'Federation signing key',
  currentKey: 'Current key',
  olderKeys: 'Older keys still valid',
  validUntil: 'until',
  identityDocument: "The portal's identity document",
  rotate: 'Make a new key',
  rotateConfirm: 'Make a new signing key for this portal?',
  rotateHint: 'The old key keeps verifying for 7 days and endorses the new one, so other portals move over without interruption.',
};

export const FEDERATION_MESSAGES: Record<AdminLang, FederationMessages> = { vi, en };
