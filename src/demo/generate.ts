import type { Services } from '../services.ts';
import { type BulkItem, insertPublishedBatch, refreshPlannerStatistics } from '../modules/content/index.ts';
import { slugify } from '../lib/text.ts';
import { iso } from '../lib/time.ts';
import { byEngine } from '../store/index.ts';

// Bulk items for benchmarks (`lantoa demo --articles N`), handed to the
// content module's batch writer (content/bulk.ts) rather than the workflow,
// which would take minutes for 100,000.

const SUBJECTS = ['Chính phủ', 'Thủ tướng', 'Bộ Tài chính', 'Bộ Y tế', 'UBND thành phố', 'Văn phòng Chính phủ', 'Bộ Xây dựng', 'Bộ Công Thương', 'Ngân hàng Nhà nước', 'Bộ Giáo dục và Đào tạo'];
const VERBS = ['chỉ đạo', 'triển khai', 'đẩy mạnh', 'rà soát', 'hướng dẫn', 'tháo gỡ khó khăn cho', 'kiểm tra', 'hoàn thiện', 'đánh giá', 'thúc đẩy'];
const TOPICS = [
  'giải ngân vốn đầu tư công',
  'chuyển đổi số quốc gia',
  'cải cách thủ tục hành chính',
  'phòng, chống thiên tai',
  'phát triển nhà ở xã hội',
  'bảo đảm an sinh xã hội',
  'xuất khẩu nông sản',
  'dịch vụ công trực tuyến toàn trình',
  'y tế cơ sở',
  'hạ tầng giao thông',
  'thu hút đầu tư nước ngoài',
  'đào tạo nguồn nhân lực số',
];
const PLACES = ['năm 2026', 'quý IV', 'các tỉnh miền Trung', 'khu vực Đồng bằng sông Cửu Long', 'các bộ, ngành', 'địa phương', 'vùng Trung du và miền núi phía Bắc', 'cả nước'];
const TYPES = ['news', 'news', 'news', 'news', 'directive', 'press-release'] as const;

export async function generateArticles(services: Services, count: number, onProgress?: (done: number) => void): Promise<number> {
  const portals = await services.portals.list();
  if (portals.length === 0) throw new Error('load the demo network first (the store has no portals)');
  const sectionsOf = new Map<number, number[]>();
  for (const p of portals)
    sectionsOf.set(
      p.id,
      (await services.portals.sections(p.id)).filter((s) => s.kind === 'section').map((s) => s.id),
    );
  const runTag = Date.now().toString(36);
  const batchSize = byEngine(services.store, { postgres: 1000, sqlite: 500 });
  const start = services.clock().getTime();
  let done = 0;
  let rnd = 42;
  const pick = <T>(xs: readonly T[]): T => xs[(rnd = (rnd * 1103515245 + 12345) % 2147483648) % xs.length];

  while (done < count) {
    const n = Math.min(batchSize, count - done);
    const items: BulkItem[] = Array.from({ length: n }, (_, i) => {
      const seq = done + i;
      const portalId = portals[seq % portals.length].id;
      const title = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(TOPICS)} ${pick(PLACES)}`;
      const summary = `Bản tin tổng hợp số ${seq + 1}: ${title.toLowerCase()}, với các nhiệm vụ cụ thể giao cho từng cơ quan và thời hạn hoàn thành.`;
      const body = `<p>${summary}</p><p>Các đơn vị được yêu cầu báo cáo kết quả thực hiện trước ngày 15 hằng tháng, nêu rõ khó khăn, vướng mắc và đề xuất giải pháp.</p><p>Cơ quan thường trực theo dõi, tổng hợp và báo cáo cấp có thẩm quyền.</p>`;
      const sections = sectionsOf.get(portalId) ?? [];
      const type = pick(TYPES);
      const sectionId = sections.length ? pick(sections) : null;
      return { portalId, type, sectionId, slug: `${slugify(title, 60)}-${runTag}-${seq}`, title, summary, body, tags: [pick(TOPICS)], at: iso(new Date(start - (count - seq) * 30_000)) };
    });
    await insertPublishedBatch(services.store, items, iso(new Date(start)));
    done += n;
    onProgress?.(done);
  }
  await refreshPlannerStatistics(services.store);
  return done;
}
