import type { AdminLang } from './i18n.ts';

// The analytics page's words (the admin speaks Vietnamese and English), kept
// beside the main catalogue like the federation page's.

export interface AnalyticsMessages {
  nav: string;
  title: string;
  period: string;
  from: string;
  to: string;
  interval: string;
  intervals: Record<'minute' | 'hour' | 'day' | 'month', string>;
  show: string;
  quick: { today: string; week: string; month: string; quarter: string };
  realtime: (n: number) => string;
  realtimeHint: string;
  metrics: { visitors: string; visits: string; pageviews: string; bounceRate: string; viewsPerVisit: string; events: string };
  previous: string;
  vsPrevious: (from: string, to: string) => string;
  noChange: string;
  chart: string;
  chartLabel: (from: string, to: string) => string;
  chartData: string;
  time: string;
  topPages: string;
  page: string;
  sources: string;
  source: string;
  kinds: Record<string, string>;
  devices: string;
  device: string;
  deviceNames: Record<string, string>;
  browsers: string;
  browser: string;
  languages: string;
  language: string;
  langNames: Record<string, string>;
  events: string;
  event: string;
  outbound: string;
  downloads: string;
  count: string;
  none: string;
  export: string;
  exportTables: Record<'summary' | 'series' | 'pages' | 'sources' | 'devices' | 'browsers' | 'languages' | 'events', string>;
  social: string;
  socialNone: string;
  channel: string;
  platform: string;
  followers: string;
  followersChange: string;
  reach: string;
  feedback: string;
  feedbackFigures: { received: string; answered: string; answeredInTime: string; overdue: string; open: string; averageDays: string };
  privacy: string;
  badPeriod: string;
}

const vi: AnalyticsMessages = {
  nav: 'Thống kê',
  title: 'Thống kê truy cập',
  period: 'Khoảng thời gian',
  from: 'Từ ngày',
  to: 'Đến ngày',
  interval: 'Chia theo',
  intervals: { minute: 'Phút', hour: 'Giờ', day: 'Ngày', month: 'Tháng' },
  show: 'Xem',
  quick: { today: 'Hôm nay', week: '7 ngày', month: '30 ngày', quarter: '90 ngày' },
  realtime: (n) => `${n} người đang xem`,
  realtimeHint: 'có lượt xem trang trong 5 phút qua',
  metrics: { visitors: 'Người truy cập', visits: 'Lượt truy cập', pageviews: 'Lượt xem trang', bounceRate: 'Tỷ lệ thoát', viewsPerVisit: 'Trang mỗi lượt', events: 'Sự kiện' },
  previous: 'Kỳ trước',
  vsPrevious: (from, to) => `so với kỳ trước (${from} – ${to})`,
  noChange: 'không có số liệu kỳ trước',
  chart: 'Diễn biến',
  chartLabel: (from, to) => `Biểu đồ lượt xem trang và người truy cập từ ${from} đến ${to}`,
  chartData: 'Số liệu của biểu đồ',
  time: 'Thời điểm',
  topPages: 'Trang được xem nhiều',
  page: 'Trang',
  sources: 'Nguồn truy cập',
  source: 'Nguồn',
  kinds: { direct: 'Truy cập trực tiếp', search: 'Máy tìm kiếm', social: 'Mạng xã hội', network: 'Cổng trong mạng lưới', campaign: 'Chiến dịch', referral: 'Trang giới thiệu' },
  devices: 'Thiết bị',
  device: 'Thiết bị',
  deviceNames: { mobile: 'Điện thoại', tablet: 'Máy tính bảng', desktop: 'Máy tính', tv: 'TV' },
  browsers: 'Trình duyệt',
  browser: 'Trình duyệt',
  languages: 'Ngôn ngữ',
  language: 'Ngôn ngữ',
  langNames: { vi: 'Tiếng Việt', en: 'Tiếng Anh', zh: 'Tiếng Trung' },
  events: 'Sự kiện',
  event: 'Sự kiện',
  outbound: 'Liên kết ra ngoài',
  downloads: 'Tải tệp',
  count: 'Số lần',
  none: 'Chưa có số liệu.',
  export: 'Tải về (CSV)',
  exportTables: { summary: 'Tổng hợp', series: 'Diễn biến', pages: 'Trang', sources: 'Nguồn', devices: 'Thiết bị', browsers: 'Trình duyệt', languages: 'Ngôn ngữ', events: 'Sự kiện' },
  social: 'Mạng xã hội',
  socialNone: 'Cổng chưa kết nối kênh mạng xã hội nào.',
  channel: 'Kênh',
  platform: 'Nền tảng',
  followers: 'Người theo dõi',
  followersChange: 'Thay đổi trong kỳ',
  reach: 'Lượt tiếp cận bài đăng trong kỳ',
  feedback: 'Phản ánh, kiến nghị trong kỳ',
  feedbackFigures: { received: 'Tiếp nhận', answered: 'Đã trả lời', answeredInTime: 'Trả lời đúng hạn', overdue: 'Quá hạn', open: 'Đang xử lý', averageDays: 'Số ngày làm việc trung bình' },
  privacy: 'Không dùng cookie; không lưu địa chỉ IP hay thông tin trình duyệt. Người truy cập được đếm theo ngày bằng mã băm có muối ngẫu nhiên, muối bị xóa khi hết ngày.',
  badPeriod: 'Khoảng thời gian không hợp lệ; đang hiển thị 30 ngày gần nhất.',
};

const en: AnalyticsMessages = {
  nav: 'Analytics',
  title: 'Analytics',
  period: 'Period',
  from: 'From',
  to: 'To',
  interval: 'By',
  intervals: { minute: 'Minute', hour: 'Hour', day: 'Day', month: 'Month' },
  show: 'Show',
  quick: { today: 'Today', week: '7 days', month: '30 days', quarter: '90 days' },
  realtime: (n) => `${n} ${n === 1 ? 'visitor' : 'visitors'} now`,
  realtimeHint: 'with a page view in the last 5 minutes',
  metrics: { visitors: 'Visitors', visits: 'Visits', pageviews: 'Page views', bounceRate: 'Bounce rate', viewsPerVisit: 'Views per visit', events: 'Events' },
  previous: 'Previous period',
  vsPrevious: (from, to) => `against the previous period (${from} – ${to})`,
  noChange: 'no figures for the previous period',
  chart: 'Over time',
  chartLabel: (from, to) => `Chart of page views and visitors from ${from} to ${to}`,
  chartData: 'The chart’s figures',
  time: 'Time',
  topPages: 'Top pages',
  page: 'Page',
  sources: 'Sources',
  source: 'Source',
  kinds: { direct: 'Direct', search: 'Search engine', social: 'Social network', network: 'Network portal', campaign: 'Campaign', referral: 'Referring site' },
  devices: 'Devices',
  device: 'Device',
  deviceNames: { mobile: 'Phone', tablet: 'Tablet', desktop: 'Computer', tv: 'TV' },
  browsers: 'Browsers',
  browser: 'Browser',
  languages: 'Languages',
  language: 'Language',
  langNames: { vi: 'Vietnamese', en: 'English', zh: 'Chinese' },
  events: 'Events',
  event: 'Event',
  outbound: 'Outbound links',
  downloads: 'Downloads',
  count: 'Count',
  none: 'No figures yet.',
  export: 'Download (CSV)',
  exportTables: { summary: 'Summary', series: 'Over time', pages: 'Pages', sources: 'Sources', devices: 'Devices', browsers: 'Browsers', languages: 'Languages', events: 'Events' },
  social: 'Social media',
  socialNone: 'The portal has no social channel connected.',
  channel: 'Channel',
  platform: 'Platform',
  followers: 'Followers',
  followersChange: 'Change in the period',
  reach: 'Post reach in the period',
  feedback: 'Citizen feedback in the period',
  feedbackFigures: { received: 'Received', answered: 'Answered', answeredInTime: 'Answered in time', overdue: 'Overdue', open: 'Open', averageDays: 'Average working days to answer' },
  privacy: 'No cookies; no IP address or browser details are stored. Visitors are counted per day with a hash under a random salt that is deleted when the day ends.',
  badPeriod: 'That period is not valid; showing the last 30 days.',
};

export const ANALYTICS_MESSAGES: Record<AdminLang, AnalyticsMessages> = { vi, en };
