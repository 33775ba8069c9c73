import type { DemoPortal } from '../types.ts';
import { danangNews } from './danang/news.ts';
import { danangOther } from './danang/other.ts';

// Cổng Thông tin điện tử thành phố Đà Nẵng.
export const danang: DemoPortal = {
  slug: 'danang',
  kind: 'province',
  parent: 'chinhphu',
  names: { vi: 'Cổng Thông tin điện tử thành phố Đà Nẵng', en: 'Da Nang City Portal' },
  languages: ['vi', 'en'],
  contact: {
    unit: 'Văn phòng Ủy ban nhân dân thành phố Đà Nẵng',
    responsible: 'Chánh Văn phòng Ủy ban nhân dân thành phố Đà Nẵng: bà Phan Thị Mỹ Dung',
    address: 'Trung tâm Hành chính thành phố, số 24 Trần Phú, phường Hải Châu, thành phố Đà Nẵng',
    phone: '(0236) 3822 115',
    email: 'congthongtin@danang.gov.vn',
  },
  sections: [
    { slug: 'tin-tuc', kind: 'section', names: { vi: 'Tin tức – sự kiện', en: 'News and Events' } },
    {
      slug: 'chi-dao-dieu-hanh',
      kind: 'section',
      names: { vi: 'Chỉ đạo, điều hành', en: 'Direction and Administration' },
      description: {
        vi: 'Chỉ đạo, điều hành của Ủy ban nhân dân và Chủ tịch Ủy ban nhân dân thành phố.',
        en: 'Directions of the City People\u2019s Committee and its Chairperson.',
      },
    },
    {
      slug: 'van-ban',
      kind: 'section',
      names: { vi: 'Văn bản', en: 'Documents' },
      description: {
        vi: 'Nghị quyết của Hội đồng nhân dân, quyết định, chỉ thị, kế hoạch của Ủy ban nhân dân thành phố.',
        en: 'Resolutions of the City People\u2019s Council and decisions, directives and plans of the City People\u2019s Committee.',
      },
    },
    { slug: 'thong-cao-bao-chi', kind: 'section', names: { vi: 'Thông cáo báo chí', en: 'Press Releases' } },
    { slug: 'thu-tuc-hanh-chinh', kind: 'section', names: { vi: 'Thủ tục hành chính', en: 'Administrative Procedures' } },
    { slug: 'video', kind: 'section', names: { vi: 'Video', en: 'Videos' } },
    { slug: 'anh', kind: 'section', names: { vi: 'Ảnh', en: 'Photos' } },
    {
      slug: 'khu-thuong-mai-tu-do',
      kind: 'subsite',
      names: { vi: 'Khu thương mại tự do Đà Nẵng', en: 'Da Nang Free Trade Zone' },
      description: {
        vi: 'Chuyên trang về Khu thương mại tự do Đà Nẵng: quy hoạch, chính sách ưu đãi, thủ tục đầu tư và tin hoạt động.',
        en: 'Sub-site on the Da Nang Free Trade Zone: planning, incentives, investment procedures and news.',
      },
      themeColor: '#007a87',
    },
    {
      slug: 'ktmtd-chinh-sach',
      kind: 'section',
      parent: 'khu-thuong-mai-tu-do',
      names: { vi: 'Chính sách và thủ tục', en: 'Policies and Procedures' },
    },
    {
      slug: 'du-lich-da-nang',
      kind: 'subsite',
      names: { vi: 'Du lịch Đà Nẵng – Hội An', en: 'Visit Da Nang – Hoi An' },
      description: {
        vi: 'Chuyên trang giới thiệu điểm đến, lễ hội và dịch vụ du lịch của thành phố, từ biển Mỹ Khê đến phố cổ Hội An.',
        en: 'Sub-site on the city\u2019s destinations, festivals and tourist services, from My Khe beach to Hoi An ancient town.',
      },
      themeColor: '#e67e22',
    },
    {
      slug: 'thanh-pho-thong-minh',
      kind: 'subsite',
      names: { vi: 'Thành phố thông minh', en: 'Smart City' },
      description: {
        vi: 'Chuyên trang về chuyển đổi số, dữ liệu mở và các dịch vụ đô thị thông minh của Đà Nẵng.',
        en: 'Sub-site on digital transformation, open data and smart city services in Da Nang.',
      },
      themeColor: '#2e86c1',
    },
  ],
  items: [...danangNews, ...danangOther],
};
