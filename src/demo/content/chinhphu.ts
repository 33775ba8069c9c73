import type { DemoPortal } from '../types.ts';
import { chinhphuNews } from './chinhphu/news.ts';
import { chinhphuDirection } from './chinhphu/direction.ts';
import { chinhphuDocuments } from './chinhphu/documents.ts';
import { chinhphuServices } from './chinhphu/services.ts';

// Cổng Thông tin điện tử Chính phủ — the central portal of the demo network.
export const chinhphu: DemoPortal = {
  slug: 'chinhphu',
  kind: 'central',
  names: {
    vi: 'Cổng Thông tin điện tử Chính phủ',
    en: 'Government Portal of Viet Nam',
    zh: '越南政府门户网站',
  },
  languages: ['vi', 'en', 'zh'],
  contact: {
    unit: 'Cổng Thông tin điện tử Chính phủ – Văn phòng Chính phủ',
    responsible: 'Tổng Giám đốc Cổng Thông tin điện tử Chính phủ: ông Phạm Quang Vinh',
    address: 'Số 16 Lê Hồng Phong, phường Ba Đình, thành phố Hà Nội',
    phone: '(024) 3843 8866',
    email: 'banbientap@chinhphu.gov.vn',
  },
  sections: [
    {
      slug: 'tin-tuc',
      kind: 'section',
      names: { vi: 'Tin tức', en: 'News', zh: '新闻' },
      description: {
        vi: 'Hoạt động của Chính phủ, Thủ tướng Chính phủ và các Phó Thủ tướng.',
        en: 'Activities of the Government, the Prime Minister and the Deputy Prime Ministers.',
        zh: '政府、政府总理和各位副总理的工作动态。',
      },
    },
    {
      slug: 'chi-dao-dieu-hanh',
      kind: 'section',
      names: { vi: 'Chỉ đạo, điều hành', en: 'Direction and Administration', zh: '指导与施政' },
      description: {
        vi: 'Chỉ đạo, quyết định của Chính phủ, Thủ tướng Chính phủ.',
        en: 'Directions and decisions of the Government and the Prime Minister.',
        zh: '政府和政府总理的指导与决定。',
      },
    },
    {
      slug: 'van-ban',
      kind: 'section',
      names: { vi: 'Hệ thống văn bản', en: 'Legal Documents', zh: '法律文件' },
      description: {
        vi: 'Văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành.',
        en: 'Legal normative documents and administrative directions.',
        zh: '法律规范性文件和指导性文件。',
      },
    },
    {
      slug: 'thong-cao-bao-chi',
      kind: 'section',
      names: { vi: 'Thông cáo báo chí', en: 'Press Releases', zh: '新闻公报' },
    },
    {
      slug: 'thu-tuc-hanh-chinh',
      kind: 'section',
      names: { vi: 'Thủ tục hành chính', en: 'Administrative Procedures', zh: '行政手续' },
      description: {
        vi: 'Thủ tục hành chính và dịch vụ công trực tuyến tích hợp trên Cổng Dịch vụ công quốc gia.',
        en: 'Administrative procedures and online public services on the National Public Service Portal.',
        zh: '国家公共服务门户网站上的行政手续和在线公共服务。',
      },
    },
    { slug: 'video', kind: 'section', names: { vi: 'Video', en: 'Videos', zh: '视频' } },
    { slug: 'anh', kind: 'section', names: { vi: 'Ảnh', en: 'Photos', zh: '图片' } },
    {
      slug: 'chuyen-doi-so',
      kind: 'subsite',
      names: { vi: 'Chuyển đổi số quốc gia', en: 'National Digital Transformation', zh: '国家数字化转型' },
      description: {
        vi: 'Chuyên trang về Chương trình Chuyển đổi số quốc gia, Chính phủ số, kinh tế số và xã hội số.',
        en: 'Sub-site on the National Digital Transformation Programme: digital government, digital economy and digital society.',
        zh: '关于国家数字化转型计划、数字政府、数字经济和数字社会的专题网站。',
      },
      themeColor: '#0b5cad',
    },
    {
      slug: 'cds-mo-hinh-hay',
      kind: 'section',
      parent: 'chuyen-doi-so',
      names: { vi: 'Mô hình, cách làm hay', en: 'Good Practices', zh: '典型经验' },
    },
    {
      slug: 'chuong-trinh-mtqg',
      kind: 'subsite',
      names: {
        vi: 'Các chương trình mục tiêu quốc gia',
        en: 'National Target Programmes',
        zh: '国家目标计划',
      },
      description: {
        vi: 'Chuyên trang về các chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển vùng đồng bào dân tộc thiểu số và miền núi.',
        en: 'Sub-site on the national target programmes for new rural development, sustainable poverty reduction and ethnic minority and mountainous areas.',
        zh: '关于新农村建设、可持续减贫以及少数民族和山区发展等国家目标计划的专题网站。',
      },
      themeColor: '#1b7f3b',
    },
    {
      slug: 'dau-tu-tai-viet-nam',
      kind: 'subsite',
      names: { vi: 'Đầu tư tại Việt Nam', en: 'Invest in Viet Nam', zh: '投资越南' },
      description: {
        vi: 'Chuyên trang thông tin về môi trường đầu tư, chính sách ưu đãi và cơ hội hợp tác tại Việt Nam.',
        en: 'Sub-site on the investment climate, incentives and partnership opportunities in Viet Nam.',
        zh: '介绍越南投资环境、优惠政策和合作机会的专题网站。',
      },
      themeColor: '#b5651d',
    },
    {
      slug: 'dau-tu-chinh-sach',
      kind: 'section',
      parent: 'dau-tu-tai-viet-nam',
      names: { vi: 'Chính sách ưu đãi', en: 'Incentives', zh: '优惠政策' },
    },
  ],
  items: [...chinhphuNews, ...chinhphuDirection, ...chinhphuDocuments, ...chinhphuServices],
};
