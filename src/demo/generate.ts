import type { Services } from '../services.ts';
import { fold, slugify } from '../lib/text.ts';
import { iso } from '../lib/time.ts';
import { byEngine, refreshStatistics } from '../store/index.ts';

// Bulk items for benchmarks (`lantoa demo --articles N`): written in batches
// straight into the content tables, because going through the workflow one
// item at a time would take minutes for 100,000. Each item still gets its
// translation group and first revision, and is published.

const SUBJECTS = ['Chính phủ', 'Thủ tướng', 'Bộ Tài chính', 'Bộ Y tế', 'UBND thành phố', 'Văn phòng Chính phủ', 'Bộ Xây dựng', 'Bộ Công Thương', 'Ngân hàng Nhà nước', 'Bộ Giáo dục và Đào tạo'];
const VERBS = ['chỉ đạo', 'triển khai', 'đẩy mạnh', 'rà soát', 'hướng dẫn', 'tháo gỡ khó khăn cho', 'kiểm tra', 'hoàn thiện', 'đánh giá', 'thúc đẩy'];
const TOPICS = ['giải ngân vốn đầu tư công', 'chuyển đổi số quốc gia', 'cải cách thủ tục hành chính', 'phòng, chống thiên tai', 'phát triển nhà ở xã hội', 'bảo đảm an sinh xã hội', 'xuất khẩu nông sản', 'dịch vụ công trực tuyến toàn trình', 'y tế cơ sở', 'hạ tầng giao thông', 'thu hút đầu tư nước ngoài', 'đào tạo nguồn nhân lực số'];
const PLACES = ['năm 2026', 'quý IV', 'các tỉnh miền Trung', 'khu vực Đồng bằng sông Cửu Long', 'các bộ, ngành', 'địa phương', 'vùng Trung du và miền núi phía Bắc', 'cả nước'];
const TYPES = ['news', 'news', 'news', 'news', 'directive', 'press-release'] as const;

export async function generateArticles(services: Services, count: number, onProgress?: (done: number) => void): Promise<number> {
  const { db } = services.store;
  const portals = await services.portals.list();
  if (portals.length === 0) throw new Error('load the demo network first (the store has no portals)');
  const sectionRows = await db.selectFrom('sections').select(['id', 'portal_id']).where('kind', '=', 'section').execute();
  const sectionsOf = new Map<number, number[]>();
  for (const s of sectionRows) sectionsOf.set(s.portal_id, [...(sectionsOf.get(s.portal_id) ?? []), s.id]);
  const runTag = Date.now().toString(36);
  const batchSize = byEngine(services.store, { postgres: 1000, sqlite: 500 });
  const start = services.clock().getTime();
  let done = 0;
  let rnd = 42;
  const pick = <T>(xs: readonly T[]): T => xs[(rnd = (rnd * 1103515245 + 12345) % 2147483648) % xs.length];

  while (done < count) {
    const n = Math.min(batchSize, count - done);
    await db.transaction().execute(async (trx) => {
      const created = iso(new Date(start));
      const groups = await trx.insertInto('translation_groups').values(Array.from({ length: n }, (_, i) => ({ portal_id: portals[(done + i) % portals.length].id, created_at: created }))).returning(['id', 'portal_id']).execute();
      const rows = groups.map((g, i) => {
        const seq = done + i;
        const title = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(TOPICS)} ${pick(PLACES)}`;
        const summary = `Bản tin tổng hợp số ${seq + 1}: ${title.toLowerCase()}, với các nhiệm vụ cụ thể giao cho từng cơ quan và thời hạn hoàn thành.`;
        const body = `<p>${summary}</p><p>Các đơn vị được yêu cầu báo cáo kết quả thực hiện trước ngày 15 hằng tháng, nêu rõ khó khăn, vướng mắc và đề xuất giải pháp.</p><p>Cơ quan thường trực theo dõi, tổng hợp và báo cáo cấp có thẩm quyền.</p>`;
        const at = iso(new Date(start - (count - seq) * 30_000));
        const sections = sectionsOf.get(g.portal_id) ?? [];
        return {
          portal_id: g.portal_id,
          group_id: g.id,
          lang: 'vi',
          type: pick(TYPES),
          section_id: sections.length ? pick(sections) : null,
          slug: `${slugify(title, 60)}-${runTag}-${seq}`,
          title,
          summary,
          body,
          meta: '{}',
          tags: JSON.stringify([pick(TOPICS)]),
          search_text: fold(`${title} ${summary}`),
          status: 'published',
          version: 1,
          author_id: null,
          created_at: at,
          updated_at: at,
          published_at: at,
          first_published_at: at,
          public_updated_at: at,
          scheduled_at: null,
          unpublish_kind: null,
          unpublish_reason: null,
          origin: null,
        };
      });
      const items = await trx.insertInto('content_items').values(rows).returning('id').execute();
      await trx
        .insertInto('revisions')
        .values(items.map((it, i) => ({ item_id: it.id, version: 1, title: rows[i].title, summary: rows[i].summary, body: rows[i].body, meta: '{}', tags: rows[i].tags, section_id: rows[i].section_id, author_id: null, note: 'generated', created_at: rows[i].created_at })))
        .execute();
    });
    done += n;
    onProgress?.(done);
  }
  // without fresh statistics the new rows pass for a handful, and plans read them all
  await refreshStatistics(services.store, db, ['content_items', 'item_tags']);
  return done;
}
