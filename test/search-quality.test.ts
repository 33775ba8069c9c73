import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, engines, postgresSkip, type TestEnv } from './helpers.ts';
import { loadDemo } from '../src/demo/load.ts';

// Search quality over the demo network: a judged set of queries as citizens
// type them — with and without diacritics, with one-letter typos, as quoted
// phrases, as legal numbers in every spelling, in English and Chinese — each
// with the items a person would want to see. The test prints MRR (mean
// reciprocal rank of the first wanted item) and recall@10 (share of wanted
// items in the first ten) and holds MRR ≥ 0.9 on each engine.

interface Judgement {
  q: string;
  /** Title beginnings, each naming exactly one published item (Vietnamese unless `lang`). */
  want: string[];
  lang?: 'vi' | 'en' | 'zh';
  /** Extra request fields (filters). */
  with?: Record<string, unknown>;
  kind: 'diacritics' | 'folded' | 'typo' | 'phrase' | 'number' | 'code' | 'english' | 'chinese' | 'filtered';
}

export const JUDGED: Judgement[] = [
  // typed with diacritics
  { kind: 'diacritics', q: 'bảo vệ dữ liệu cá nhân', want: ['Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân'] },
  { kind: 'diacritics', q: 'Luật Chuyển đổi số', want: ['Luật Chuyển đổi số'] },
  { kind: 'diacritics', q: 'đăng ký thường trú', want: ['Đăng ký thường trú', 'Liên thông thủ tục hành chính: đăng ký khai sinh'] },
  { kind: 'diacritics', q: 'cấp hộ chiếu', want: ['Cấp hộ chiếu phổ thông ở trong nước'] },
  { kind: 'diacritics', q: 'lý lịch tư pháp', want: ['Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Hướng dẫn đề nghị cấp Phiếu lý lịch tư pháp'] },
  { kind: 'diacritics', q: 'nhà ở xã hội', want: ['Phát triển nhà ở xã hội'] },
  { kind: 'diacritics', q: 'thuế giá trị gia tăng', want: ['Luật Thuế giá trị gia tăng', 'Nghị định số 181/2025/NĐ-CP', 'Hoàn thuế giá trị gia tăng đối với dự án đầu tư', 'Yêu cầu đẩy nhanh giải quyết hồ sơ hoàn thuế'] },
  { kind: 'diacritics', q: 'sốt xuất huyết', want: ['Quyết định số 3120/QĐ-BYT', 'Diệt lăng quăng, bọ gậy', 'Số ca mắc sốt xuất huyết'] },
  { kind: 'diacritics', q: 'hóa đơn điện tử máy tính tiền', want: ['Hóa đơn điện tử khởi tạo từ máy tính tiền'] },
  { kind: 'diacritics', q: 'Vành đai 4', want: ['Đường Vành đai 4 – Vùng Thủ đô', 'Toàn cảnh công trường Vành đai 4'] },
  {
    kind: 'diacritics',
    q: 'khu thương mại tự do Đà Nẵng',
    want: ['Những ưu đãi dành cho nhà đầu tư vào Khu thương mại tự do', 'Khu thương mại tự do Đà Nẵng: trao giấy chứng nhận', 'Kế hoạch số 215/KH-UBND', 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong Khu thương mại tự do'],
  },
  { kind: 'diacritics', q: 'vắc xin sởi', want: ['Chiến dịch tiêm bổ sung vắc xin sởi'] },
  { kind: 'diacritics', q: 'đăng ký kết hôn', want: ['Đăng ký kết hôn'] },
  { kind: 'diacritics', q: 'giấy phép xây dựng nhà ở riêng lẻ', want: ['Cấp giấy phép xây dựng nhà ở riêng lẻ'] },
  { kind: 'diacritics', q: 'phân loại rác thải', want: ['Triển khai phân loại rác thải sinh hoạt tại nguồn'] },
  { kind: 'diacritics', q: 'cảng Liên Chiểu', want: ['Cảng Liên Chiểu: đẩy nhanh tiến độ bến container', 'Cảng Liên Chiểu – khát vọng vươn khơi'] },
  { kind: 'diacritics', q: 'phố cổ Hội An sau lũ', want: ['Phố cổ Hội An đón khách trở lại sau lũ', 'Chung tay dọn dẹp phố cổ Hội An sau lũ'] },
  { kind: 'diacritics', q: 'bán dẫn', want: ['Ưu đãi đầu tư đặc biệt cho dự án bán dẫn', 'Khu công nghệ cao Hòa Lạc thu hút thêm dự án thiết kế vi mạch', 'Đà Nẵng đào tạo nhân lực vi mạch bán dẫn', 'Nghị quyết số 42/2025/NQ-HĐND'] },
  // typed without diacritics
  { kind: 'folded', q: 'bao ve du lieu ca nhan', want: ['Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân'] },
  { kind: 'folded', q: 'dang ky ket hon', want: ['Đăng ký kết hôn'] },
  { kind: 'folded', q: 'dich vu cong truc tuyen', want: ['Nghị định số 42/2022/NĐ-CP', 'Quyết định số 36/2026/QĐ-TTg', '“Tổ công nghệ số cộng đồng”', 'Nghị định số 43/2011/NĐ-CP'] },
  { kind: 'folded', q: 'giai ngan von dau tu cong', want: ['Thủ tướng: Giải ngân vốn đầu tư công là nhiệm vụ chính trị hàng đầu', 'Chỉ thị số 28/CT-TTg', 'Đẩy nhanh tiến độ các dự án đầu tư công chuyển tiếp'] },
  { kind: 'folded', q: 'xang dau', want: ['Phó Thủ tướng chỉ đạo bảo đảm cung ứng xăng dầu', 'Thông cáo báo chí về điều hành giá xăng dầu'] },
  { kind: 'folded', q: 'ho chieu', want: ['Cấp hộ chiếu phổ thông ở trong nước'] },
  { kind: 'folded', q: 'thi truong chung khoan', want: ['Thị trường chứng khoán: dòng vốn ngoại trở lại', 'Tọa đàm: Thị trường chứng khoán sau nâng hạng', 'Thông tư số 52/2025/TT-BTC'] },
  { kind: 'folded', q: 'kham suc khoe dinh ky mien phi', want: ['Thông tư số 34/2026/TT-BYT', 'Khám sức khỏe định kỳ miễn phí cho người dân: hàng triệu'] },
  { kind: 'folded', q: 'o nhiem khong khi', want: ['Hà Nội triển khai đồng bộ giải pháp giảm ô nhiễm không khí'] },
  { kind: 'folded', q: 'duong sat do thi', want: ['Tuyến đường sắt đô thị Nhổn – ga Hà Nội', 'Thông cáo báo chí về tổ chức lại giao thông phục vụ thi công nhà ga ngầm'] },
  { kind: 'folded', q: 'benh an dien tu', want: ['Bệnh án điện tử: phần lớn bệnh viện'] },
  { kind: 'folded', q: 'thanh lap cong ty trach nhiem huu han', want: ['Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên'] },
  {
    kind: 'folded',
    q: 'ung pho mua lu mien trung',
    want: [
      'Công điện của Thủ tướng Chính phủ về tập trung ứng phó, khắc phục hậu quả mưa lũ',
      'Hội nghị trực tuyến về ứng phó mưa lũ tại các tỉnh Trung Bộ',
      'Công điện của Bộ trưởng Bộ Y tế về bảo đảm công tác y tế ứng phó mưa lũ',
      'Công điện số 118/CĐ-TTg',
    ],
  },
  // one-letter typos
  { kind: 'typo', q: 'bảo vệ dữ liệu cá nhna', want: ['Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân'] },
  { kind: 'typo', q: 'dang ky thuong truu', want: ['Đăng ký thường trú', 'Liên thông thủ tục hành chính: đăng ký khai sinh'] },
  { kind: 'typo', q: 'sot xuat huyett', want: ['Quyết định số 3120/QĐ-BYT', 'Diệt lăng quăng, bọ gậy', 'Số ca mắc sốt xuất huyết'] },
  { kind: 'typo', q: 'chung khaon', want: ['Thị trường chứng khoán: dòng vốn ngoại trở lại', 'Tọa đàm: Thị trường chứng khoán sau nâng hạng', 'Thông tư số 52/2025/TT-BTC'] },
  { kind: 'typo', q: 'tiem chung mo rongg', want: ['Chỉ đạo xây dựng kế hoạch tiêm chủng mở rộng'] },
  { kind: 'typo', q: 'nha o xa hoii', want: ['Phát triển nhà ở xã hội'] },
  { kind: 'typo', q: 'hoan thue gia tri gia tnag', want: ['Hoàn thuế giá trị gia tăng đối với dự án đầu tư', 'Yêu cầu đẩy nhanh giải quyết hồ sơ hoàn thuế'] },
  // questions typed in full, with words no item uses
  { kind: 'folded', q: 'thu tuc dang ky ho kinh doanh online', want: ['Đăng ký thành lập hộ kinh doanh', 'Hướng dẫn đăng ký hộ kinh doanh trực tuyến', 'Đăng ký thuế lần đầu đối với hộ kinh doanh'] },
  { kind: 'diacritics', q: 'làm sao để cấp lại hộ chiếu phổ thông', want: ['Cấp hộ chiếu phổ thông ở trong nước'] },
  // quoted phrases
  { kind: 'phrase', q: '"nhà ở xã hội"', want: ['Phát triển nhà ở xã hội'] },
  { kind: 'phrase', q: '"trí tuệ nhân tạo"', want: ['Mở rộng hệ thống camera giám sát giao thông ứng dụng trí tuệ nhân tạo', 'Ưu đãi đầu tư đặc biệt cho dự án bán dẫn, trí tuệ nhân tạo', 'Nghị quyết số 42/2025/NQ-HĐND'] },
  { kind: 'phrase', q: '"khám bệnh, chữa bệnh"', want: ['Luật Khám bệnh, chữa bệnh', 'Nghị định số 96/2023/NĐ-CP', 'Tăng cường bảo đảm an ninh, trật tự tại cơ sở khám bệnh, chữa bệnh'] },
  { kind: 'phrase', q: '"dich vu cong truc tuyen" -"43/2011"', want: ['Nghị định số 42/2022/NĐ-CP', 'Quyết định số 36/2026/QĐ-TTg'] },
  // legal numbers, every way they are typed
  { kind: 'number', q: '42/2022/NĐ-CP', want: ['Nghị định số 42/2022/NĐ-CP'] },
  { kind: 'number', q: '42/2022/ND-CP', want: ['Nghị định số 42/2022/NĐ-CP'] },
  { kind: 'number', q: 'nd 42/2022', want: ['Nghị định số 42/2022/NĐ-CP'] },
  { kind: 'number', q: '42/2022', want: ['Nghị định số 42/2022/NĐ-CP'] },
  { kind: 'number', q: 'Nghị định 13/2023', want: ['Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân'] },
  { kind: 'number', q: 'nghi dinh 45/2020', want: ['Nghị định số 45/2020/NĐ-CP'] },
  { kind: 'number', q: '181/2025', want: ['Nghị định số 181/2025/NĐ-CP'] },
  { kind: 'number', q: 'qd 11/2024', want: ['Quyết định số 11/2024/QĐ-TTg'] },
  { kind: 'number', q: 'thong tu 86/2026', want: ['Thông tư số 86/2026/TT-BTC'] },
  { kind: 'number', q: '148/2025/QH15', want: ['Luật Chuyển đổi số'] },
  { kind: 'number', q: '01/NQ-CP', want: ['Nghị quyết số 01/NQ-CP'] },
  { kind: 'number', q: '3120/QĐ-BYT', want: ['Quyết định số 3120/QĐ-BYT'] },
  // procedure codes
  { kind: 'code', q: '1.004194', want: ['Đăng ký thường trú'] },
  { kind: 'code', q: '2.001548', want: ['Cấp hộ chiếu phổ thông ở trong nước'] },
  // English and Chinese translations
  { kind: 'english', q: 'personal data protection', lang: 'en', want: ['Decree No. 13/2023/ND-CP on personal data protection'] },
  { kind: 'english', q: 'decree 42/2022', lang: 'en', want: ['Decree No. 42/2022/ND-CP'] },
  { kind: 'english', q: 'criminal record certificate', lang: 'en', want: ['Issuance of a criminal record certificate', 'How to apply for a criminal record certificate'] },
  {
    kind: 'english',
    q: 'floods central region',
    lang: 'en',
    want: ["Prime Minister's official dispatch on responding to and recovering from floods", 'Photos: Prime Minister inspects flood recovery', "Minister of Health's official dispatch on health services during floods"],
  },
  { kind: 'chinese', q: '数字化转型法', lang: 'zh', want: ['数字化转型法'] },
  { kind: 'chinese', q: '普通护照', lang: 'zh', want: ['在国内签发普通护照'] },
  { kind: 'chinese', q: '春节', lang: 'zh', want: ['政府总理要求周密筹备'] },
  // filters
  { kind: 'filtered', q: 'hoi nghi xuc tien dau tu', with: { portal: 'hanoi' }, want: ['Hội nghị xúc tiến đầu tư: Hà Nội trao quyết định'] },
  { kind: 'filtered', q: 'thue', with: { type: 'legal-document' }, want: ['Luật Thuế giá trị gia tăng', 'Nghị định số 181/2025/NĐ-CP', 'Thông tư số 86/2026/TT-BTC'] },
];

interface Score {
  mrr: number;
  recall: number;
  misses: string[];
}

async function evaluate(env: TestEnv): Promise<Score> {
  const { db } = env.services.store;
  const published = await db.selectFrom('content_items').select(['id', 'title', 'lang']).where('status', '=', 'published').execute();
  const idOf = (fragment: string, lang: string) => {
    const starting = published.filter((r) => r.lang === lang && r.title.startsWith(fragment));
    const exact = starting.filter((r) => r.title === fragment);
    const found = exact.length ? exact : starting;
    assert.equal(found.length, 1, `"${fragment}" (${lang}) names ${found.length} demo items, not one`);
    return found[0].id;
  };
  let reciprocal = 0;
  let recall = 0;
  const misses: string[] = [];
  for (const j of JUDGED) {
    const wanted = new Set(j.want.map((f) => idOf(f, j.lang ?? 'vi')));
    const r = await env.services.search.search({ q: j.q, limit: 10, ...j.with });
    const ids = r.items.map((i) => i.id);
    const first = ids.findIndex((id) => wanted.has(id));
    reciprocal += first === -1 ? 0 : 1 / (first + 1);
    recall += ids.filter((id) => wanted.has(id)).length / Math.min(wanted.size, 10);
    if (first !== 0)
      misses.push(
        `${j.kind.padEnd(10)} ${JSON.stringify(j.q)}: first wanted at ${first === -1 ? '—' : first + 1}; got ${r.items
          .slice(0, 3)
          .map((i) => `“${i.title.slice(0, 50)}”`)
          .join(', ')}`,
      );
  }
  return { mrr: reciprocal / JUDGED.length, recall: recall / JUDGED.length, misses };
}

if (postgresSkip) describe('search quality on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`search quality on ${engine}`, () => {
    let env: TestEnv;
    before(async () => {
      env = await createTestEnv(engine);
      await loadDemo(env.services);
      // the demo loader writes through a content service of its own: index what it published
      await env.services.search.reindex();
    });
    after(() => env?.close());

    it(`MRR ≥ 0.9 over ${JUDGED.length} judged queries`, async () => {
      assert.ok(JUDGED.length >= 40);
      const score = await evaluate(env);
      console.log(`# search quality on ${engine}: ${JUDGED.length} queries, MRR ${score.mrr.toFixed(3)}, recall@10 ${score.recall.toFixed(3)}`);
      for (const m of score.misses) console.log(`#   ${m}`);
      assert.ok(score.mrr >= 0.9, `MRR ${score.mrr.toFixed(3)} < 0.9`);
    });
  });
}
