import type { DemoPortal } from '../types.ts';
import { hanoiNews } from './hanoi/news.ts';
import { hanoiOther } from './hanoi/other.ts';

// Cổng Giao tiếp điện tử thành phố Hà Nội.
export const hanoi: DemoPortal = {
  slug: 'hanoi',
  kind: 'province',
  parent: 'chinhphu',
  names: { vi: 'Cổng Giao tiếp điện tử thành phố Hà Nội', en: 'Ha Noi City Portal' },
  languages: ['vi', 'en'],
  contact: {
    unit: 'Văn phòng Ủy ban nhân dân thành phố Hà Nội',
    responsible: 'Chánh Văn phòng Ủy ban nhân dân thành phố Hà Nội: ông Nguyễn Mạnh Tường',
    address: 'Số 79 Đinh Tiên Hoàng, phường Hoàn Kiếm, thành phố Hà Nội',
    phone: '(024) 3825 3536',
    email: 'congthongtin@hanoi.gov.vn',
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
        vi: 'Nghị quyết của Hội đồng nhân dân, quyết định, chỉ thị của Ủy ban nhân dân thành phố và văn bản liên quan.',
        en: 'Resolutions of the City People\u2019s Council, decisions and directives of the City People\u2019s Committee and related documents.',
      },
    },
    { slug: 'thong-cao-bao-chi', kind: 'section', names: { vi: 'Thông cáo báo chí', en: 'Press Releases' } },
    { slug: 'thu-tuc-hanh-chinh', kind: 'section', names: { vi: 'Thủ tục hành chính', en: 'Administrative Procedures' } },
    { slug: 'video', kind: 'section', names: { vi: 'Video', en: 'Videos' } },
    { slug: 'anh', kind: 'section', names: { vi: 'Ảnh', en: 'Photos' } },
    {
      slug: 'ha-noi-so',
      kind: 'subsite',
      names: { vi: 'Hà Nội số', en: 'Digital Ha Noi' },
      description: {
        vi: 'Chuyên trang về chuyển đổi số, đô thị thông minh và các ứng dụng phục vụ người dân Thủ đô.',
        en: 'Sub-site on digital transformation, the smart city and apps serving the capital\u2019s residents.',
      },
      themeColor: '#b71c1c',
    },
    {
      slug: 'du-lich-ha-noi',
      kind: 'subsite',
      names: { vi: 'Du lịch Hà Nội', en: 'Visit Ha Noi' },
      description: {
        vi: 'Chuyên trang giới thiệu điểm đến, lễ hội, ẩm thực và sản phẩm du lịch của Thủ đô.',
        en: 'Sub-site on the capital\u2019s destinations, festivals, food and tourism products.',
      },
      themeColor: '#d35400',
    },
    {
      slug: 'le-hoi-su-kien',
      kind: 'section',
      parent: 'du-lich-ha-noi',
      names: { vi: 'Lễ hội, sự kiện', en: 'Festivals and Events' },
    },
    {
      slug: 'dau-tu-ha-noi',
      kind: 'subsite',
      names: { vi: 'Đầu tư vào Hà Nội', en: 'Invest in Ha Noi' },
      description: {
        vi: 'Chuyên trang xúc tiến đầu tư: chính sách, quy hoạch, danh mục dự án kêu gọi đầu tư của thành phố.',
        en: 'Investment promotion sub-site: policies, planning and the city\u2019s list of projects seeking investors.',
      },
      themeColor: '#1e5aa8',
    },
  ],
  items: [...hanoiNews, ...hanoiOther],
};
