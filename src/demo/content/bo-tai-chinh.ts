import type { DemoPortal } from '../types.ts';
import { boTaiChinhNews } from './bo-tai-chinh/news.ts';
import { boTaiChinhOther } from './bo-tai-chinh/other.ts';

// Cổng Thông tin điện tử Bộ Tài chính.
export const boTaiChinh: DemoPortal = {
  slug: 'bo-tai-chinh',
  kind: 'ministry',
  parent: 'chinhphu',
  names: { vi: 'Cổng Thông tin điện tử Bộ Tài chính', en: 'Ministry of Finance Portal' },
  languages: ['vi', 'en'],
  contact: {
    unit: 'Bộ Tài chính',
    responsible: 'Phó Chánh Văn phòng Bộ Tài chính, phụ trách Cổng Thông tin điện tử: bà Đỗ Thị Thu Hằng',
    address: 'Số 28 Trần Hưng Đạo, phường Cửa Nam, thành phố Hà Nội',
    phone: '(024) 2220 2828',
    email: 'cttdt@mof.gov.vn',
  },
  sections: [
    { slug: 'tin-tuc', kind: 'section', names: { vi: 'Tin tức – sự kiện', en: 'News and Events' } },
    {
      slug: 'chi-dao-dieu-hanh',
      kind: 'section',
      names: { vi: 'Chỉ đạo, điều hành', en: 'Direction and Administration' },
      description: {
        vi: 'Chỉ đạo, điều hành của Lãnh đạo Bộ Tài chính.',
        en: 'Directions of the leadership of the Ministry of Finance.',
      },
    },
    {
      slug: 'van-ban',
      kind: 'section',
      names: { vi: 'Văn bản pháp luật', en: 'Legal Documents' },
      description: {
        vi: 'Luật, nghị định, thông tư và quyết định về tài chính, thuế, hải quan, ngân sách.',
        en: 'Laws, decrees, circulars and decisions on finance, tax, customs and the budget.',
      },
    },
    { slug: 'thong-cao-bao-chi', kind: 'section', names: { vi: 'Thông cáo báo chí', en: 'Press Releases' } },
    {
      slug: 'thu-tuc-hanh-chinh',
      kind: 'section',
      names: { vi: 'Thủ tục hành chính', en: 'Administrative Procedures' },
    },
    { slug: 'video', kind: 'section', names: { vi: 'Video', en: 'Videos' } },
    { slug: 'anh', kind: 'section', names: { vi: 'Thư viện ảnh', en: 'Photo Gallery' } },
    {
      slug: 'cong-khai-ngan-sach',
      kind: 'subsite',
      names: { vi: 'Công khai ngân sách nhà nước', en: 'State Budget Transparency' },
      description: {
        vi: 'Chuyên trang công khai dự toán, tình hình thực hiện và quyết toán ngân sách nhà nước theo Luật Ngân sách nhà nước.',
        en: 'Sub-site publishing state budget estimates, execution reports and final accounts as required by the State Budget Law.',
      },
      themeColor: '#8a1c1c',
    },
    {
      slug: 'du-toan-quyet-toan',
      kind: 'section',
      parent: 'cong-khai-ngan-sach',
      names: { vi: 'Dự toán và quyết toán', en: 'Estimates and Final Accounts' },
    },
    {
      slug: 'xuc-tien-dau-tu',
      kind: 'subsite',
      names: { vi: 'Xúc tiến đầu tư', en: 'Investment Promotion' },
      description: {
        vi: 'Chuyên trang giới thiệu môi trường đầu tư, dự án kêu gọi đầu tư và hoạt động xúc tiến đầu tư quốc gia.',
        en: 'Sub-site on the investment climate, projects seeking investors and national investment promotion activities.',
      },
      themeColor: '#0a6e6e',
    },
    {
      slug: 'co-hoi-dau-tu',
      kind: 'section',
      parent: 'xuc-tien-dau-tu',
      names: { vi: 'Cơ hội đầu tư', en: 'Investment Opportunities' },
    },
    {
      slug: 'chuyen-doi-so-tai-chinh',
      kind: 'subsite',
      names: { vi: 'Chuyển đổi số ngành Tài chính', en: 'Digital Transformation in Finance' },
      description: {
        vi: 'Chuyên trang về hóa đơn điện tử, thuế điện tử, hải quan số, kho bạc số và dữ liệu tài chính.',
        en: 'Sub-site on e-invoices, e-tax, digital customs, the digital treasury and financial data.',
      },
      themeColor: '#1f4e9c',
    },
  ],
  items: [...boTaiChinhNews, ...boTaiChinhOther],
};
