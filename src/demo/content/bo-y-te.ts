import type { DemoPortal } from '../types.ts';
import { boYTeNews } from './bo-y-te/news.ts';
import { boYTeOther } from './bo-y-te/other.ts';

// Cổng Thông tin điện tử Bộ Y tế.
export const boYTe: DemoPortal = {
  slug: 'bo-y-te',
  kind: 'ministry',
  parent: 'chinhphu',
  names: { vi: 'Cổng Thông tin điện tử Bộ Y tế', en: 'Ministry of Health Portal' },
  languages: ['vi', 'en'],
  contact: {
    unit: 'Bộ Y tế',
    responsible: 'Chánh Văn phòng Bộ Y tế: ông Hoàng Văn Quý',
    address: 'Số 138A Giảng Võ, phường Giảng Võ, thành phố Hà Nội',
    phone: '(024) 6273 2273',
    email: 'banbientap@moh.gov.vn',
  },
  sections: [
    { slug: 'tin-tuc', kind: 'section', names: { vi: 'Tin tức – sự kiện', en: 'News and Events' } },
    {
      slug: 'chi-dao-dieu-hanh',
      kind: 'section',
      names: { vi: 'Chỉ đạo, điều hành', en: 'Direction and Administration' },
      description: {
        vi: 'Chỉ đạo, điều hành của Lãnh đạo Bộ Y tế.',
        en: 'Directions of the leadership of the Ministry of Health.',
      },
    },
    {
      slug: 'van-ban',
      kind: 'section',
      names: { vi: 'Văn bản pháp luật', en: 'Legal Documents' },
      description: {
        vi: 'Văn bản quy phạm pháp luật và văn bản hướng dẫn chuyên môn về y tế.',
        en: 'Legal normative documents and professional guidance on health.',
      },
    },
    { slug: 'thong-cao-bao-chi', kind: 'section', names: { vi: 'Thông cáo báo chí', en: 'Press Releases' } },
    { slug: 'thu-tuc-hanh-chinh', kind: 'section', names: { vi: 'Thủ tục hành chính', en: 'Administrative Procedures' } },
    { slug: 'video', kind: 'section', names: { vi: 'Video', en: 'Videos' } },
    { slug: 'anh', kind: 'section', names: { vi: 'Ảnh', en: 'Photos' } },
    {
      slug: 'phong-chong-dich-benh',
      kind: 'subsite',
      names: { vi: 'Phòng, chống dịch bệnh', en: 'Disease Prevention and Control' },
      description: {
        vi: 'Chuyên trang cập nhật tình hình dịch bệnh truyền nhiễm, khuyến cáo phòng bệnh và tiêm chủng.',
        en: 'Sub-site with updates on communicable diseases, prevention advice and immunisation.',
      },
      themeColor: '#c0392b',
    },
    {
      slug: 'canh-bao-dich-benh',
      kind: 'section',
      parent: 'phong-chong-dich-benh',
      names: { vi: 'Khuyến cáo, cảnh báo', en: 'Advisories and Alerts' },
    },
    {
      slug: 'bao-hiem-y-te',
      kind: 'subsite',
      names: { vi: 'Bảo hiểm y tế toàn dân', en: 'Universal Health Insurance' },
      description: {
        vi: 'Chuyên trang về chính sách bảo hiểm y tế, quyền lợi người tham gia và lộ trình bao phủ toàn dân.',
        en: 'Sub-site on health insurance policy, members\u2019 benefits and the road to universal coverage.',
      },
      themeColor: '#16a085',
    },
    {
      slug: 'y-te-so',
      kind: 'subsite',
      names: { vi: 'Y tế số', en: 'Digital Health' },
      description: {
        vi: 'Chuyên trang về bệnh án điện tử, sổ sức khỏe điện tử, khám chữa bệnh từ xa và dữ liệu y tế.',
        en: 'Sub-site on electronic medical records, electronic health books, telemedicine and health data.',
      },
      themeColor: '#2c6fbb',
    },
  ],
  items: [...boYTeNews, ...boYTeOther],
};
