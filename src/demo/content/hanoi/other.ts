import type { DemoItem } from '../../types.ts';
import { legalMeta, youtube } from '../_helpers.ts';

// Chỉ đạo điều hành, văn bản, thông cáo, thủ tục, video và ảnh của thành phố Hà Nội.
// Người ký văn bản là tên hư cấu.
export const hanoiOther: DemoItem[] = [
  // ── Chỉ đạo, điều hành ───────────────────────────────────────────────
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 0.2,
    title: `Chủ tịch Ủy ban nhân dân thành phố yêu cầu xử lý dứt điểm các điểm ùn tắc giao thông trước dịp cuối năm`,
    summary: `Các sở, ngành và xã, phường phải hoàn thành các giải pháp tổ chức giao thông tại 30 điểm thường xuyên ùn tắc trong tháng này.`,
    body: `<p>Chủ tịch Ủy ban nhân dân thành phố Hà Nội vừa ký văn bản chỉ đạo về việc tập trung xử lý các điểm ùn tắc giao thông trên địa bàn, nhất là trong giờ cao điểm và dịp cuối năm khi nhu cầu đi lại tăng cao.</p>
<h2>Các nhiệm vụ cụ thể</h2>
<ul>
<li>Sở Xây dựng rà soát, điều chỉnh tổ chức giao thông tại 30 điểm thường xuyên ùn tắc; mở rộng các nút giao, cải tạo dải phân cách, điều chỉnh chu kỳ đèn tín hiệu;</li>
<li>Công an thành phố tăng cường lực lượng phân luồng, xử lý nghiêm hành vi dừng đỗ sai quy định, lấn chiếm lòng đường;</li>
<li>Chủ đầu tư các công trình thi công trên đường phải thu hẹp rào chắn, hoàn trả mặt bằng đúng cam kết;</li>
<li>Ủy ban nhân dân các phường giải tỏa các điểm kinh doanh lấn chiếm vỉa hè, lòng đường gây cản trở giao thông.</li>
</ul>
<p>Chủ tịch Ủy ban nhân dân thành phố yêu cầu báo cáo kết quả thực hiện hằng tuần; đơn vị nào để tình trạng ùn tắc kéo dài do chậm triển khai giải pháp sẽ bị xem xét trách nhiệm người đứng đầu.</p>
<p>Người dân có thể phản ánh điểm ùn tắc, vi phạm trật tự giao thông qua ứng dụng iHanoi để các đơn vị kịp thời xử lý.</p>`,
    tags: ['ùn tắc giao thông', 'chỉ đạo', 'trật tự đô thị'],
    translations: {
      en: {
        title: `City Chairperson orders an end to traffic bottlenecks before year-end`,
        summary: `Departments, communes and wards must finish traffic management measures at 30 chronic congestion points this month.`,
        body: `<p>The Chairperson of the Ha Noi People's Committee has ordered action on traffic congestion ahead of the year-end peak. The Department of Construction will redesign 30 bottlenecks, widening junctions and retiming signals; the police will clear illegal parking and encroachment; contractors must shrink work-site barriers; and wards will clear pavements.</p>
<p>Progress is reported weekly, and residents can report congestion and violations through the iHanoi app.</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 9,
    title: `Đẩy nhanh giải phóng mặt bằng các dự án trọng điểm của thành phố`,
    summary: `Ủy ban nhân dân thành phố yêu cầu các xã, phường hoàn thành bàn giao mặt bằng các dự án giao thông, cầu vượt sông Hồng và tái định cư đúng tiến độ cam kết.`,
    body: `<p>Ủy ban nhân dân thành phố Hà Nội vừa có văn bản chỉ đạo các sở, ngành và Ủy ban nhân dân các xã, phường tập trung tháo gỡ vướng mắc, đẩy nhanh công tác giải phóng mặt bằng các dự án trọng điểm.</p>
<p>Qua kiểm tra, một số dự án còn chậm do vướng mắc trong xác định nguồn gốc đất, đơn giá bồi thường và bố trí tái định cư. Sau khi sắp xếp tổ chức bộ máy, một số hồ sơ chuyển giao giữa các đơn vị chưa đầy đủ, ảnh hưởng đến tiến độ.</p>
<h2>Yêu cầu đối với các xã, phường</h2>
<p>Chủ tịch Ủy ban nhân dân các xã, phường trực tiếp chỉ đạo, thành lập tổ công tác cho từng dự án; tổ chức đối thoại, vận động người dân; công khai minh bạch phương án bồi thường, hỗ trợ, tái định cư. Các trường hợp đã được vận động nhiều lần nhưng không chấp hành phải thực hiện cưỡng chế theo đúng quy định.</p>
<p>Sở Nông nghiệp và Môi trường được giao hướng dẫn kịp thời các vướng mắc về đất đai; Sở Tài chính bảo đảm nguồn vốn chi trả bồi thường.</p>`,
    tags: ['giải phóng mặt bằng', 'dự án trọng điểm', 'tái định cư'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 23,
    title: `Tăng cường phòng cháy, chữa cháy tại nhà ở kết hợp kinh doanh và chung cư mini`,
    summary: `Thành phố yêu cầu kiểm tra toàn bộ nhà ở nhiều tầng, nhiều căn hộ; cơ sở không bảo đảm an toàn phải khắc phục hoặc tạm dừng hoạt động.`,
    body: `<p>Mùa hanh khô đã bắt đầu, nguy cơ cháy nổ tại các khu dân cư đông đúc, nhà ở kết hợp kinh doanh và chung cư mini tăng cao. Ủy ban nhân dân thành phố Hà Nội yêu cầu các cấp, các ngành triển khai quyết liệt các biện pháp phòng cháy, chữa cháy.</p>
<h2>Nội dung chỉ đạo</h2>
<ol>
<li>Công an thành phố chủ trì kiểm tra toàn bộ nhà ở nhiều tầng, nhiều căn hộ; yêu cầu bổ sung lối thoát nạn thứ hai, thang dây, hệ thống báo cháy;</li>
<li>Ủy ban nhân dân các xã, phường tuyên truyền đến từng hộ gia đình; vận động lắp đặt thiết bị báo cháy, bình chữa cháy;</li>
<li>Xử lý nghiêm, kiên quyết tạm đình chỉ các cơ sở vi phạm nghiêm trọng quy định về phòng cháy, chữa cháy;</li>
<li>Duy trì hoạt động của các tổ liên gia an toàn phòng cháy, chữa cháy tại khu dân cư.</li>
</ol>
<p>Công an thành phố được giao tổng hợp kết quả kiểm tra, công khai danh sách cơ sở vi phạm trên Cổng Giao tiếp điện tử thành phố để người dân biết, giám sát.</p>
<p>Người dân cần lưu ý không để xe điện sạc qua đêm ở khu vực lối thoát nạn, kiểm tra hệ thống điện định kỳ và trang bị kỹ năng thoát nạn cho các thành viên trong gia đình.</p>`,
    tags: ['phòng cháy chữa cháy', 'chung cư mini', 'an toàn'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 47,
    title: `Triển khai phân loại rác thải sinh hoạt tại nguồn trên toàn thành phố`,
    summary: `Các hộ gia đình phân loại rác thành ba nhóm; đơn vị thu gom bố trí phương tiện, lịch thu gom riêng cho từng loại rác.`,
    body: `<p>Ủy ban nhân dân thành phố Hà Nội đã ban hành kế hoạch triển khai phân loại chất thải rắn sinh hoạt tại nguồn trên toàn địa bàn, thực hiện quy định của Luật Bảo vệ môi trường.</p>
<p>Theo đó, các hộ gia đình, cá nhân phân loại rác thành ba nhóm: chất thải có khả năng tái chế; chất thải thực phẩm; chất thải rắn sinh hoạt khác. Các đơn vị thu gom phải bố trí phương tiện, thời gian thu gom riêng đối với từng nhóm, không để tình trạng phân loại xong lại đổ chung.</p>
<h2>Lộ trình thực hiện</h2>
<ul>
<li>Giai đoạn đầu: thí điểm tại một số phường nội thành, khu đô thị mới và trường học;</li>
<li>Giai đoạn tiếp theo: mở rộng ra toàn bộ các xã, phường;</li>
<li>Áp dụng giá dịch vụ thu gom theo khối lượng đối với chất thải không được phân loại.</li>
</ul>
<p>Các tổ chức chính trị – xã hội, tổ dân phố được đề nghị tham gia tuyên truyền, hướng dẫn người dân thực hiện phân loại đúng cách.</p>`,
    tags: ['rác thải sinh hoạt', 'phân loại tại nguồn', 'môi trường'],
  },
  // ── Văn bản ──────────────────────────────────────────────────────────
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 4,
    title: `Quyết định số 58/2026/QĐ-UBND quy định về vùng phát thải thấp trong khu vực Vành đai 1`,
    summary: `Quyết định quy định phạm vi, lộ trình hạn chế phương tiện phát thải cao và các biện pháp hỗ trợ người dân chuyển đổi sang phương tiện sạch; có hiệu lực từ ngày 01/01/2027.`,
    body: `<p>Ủy ban nhân dân thành phố Hà Nội ban hành Quyết định số 58/2026/QĐ-UBND quy định về vùng phát thải thấp trong khu vực Vành đai 1, nhằm giảm ô nhiễm không khí và tiếng ồn tại khu vực trung tâm.</p>
<h2>Nội dung chính</h2>
<ul>
<li>Phạm vi vùng phát thải thấp và các tuyến đường ranh giới được xác định cụ thể kèm bản đồ;</li>
<li>Lộ trình hạn chế từng bước đối với xe mô tô, xe gắn máy và ô tô sử dụng nhiên liệu hóa thạch không đạt tiêu chuẩn khí thải quy định;</li>
<li>Ưu tiên xe buýt điện, xe sử dụng năng lượng sạch, phương tiện giao thông công cộng;</li>
<li>Hệ thống camera giám sát tự động tại các điểm ra, vào vùng phát thải thấp.</li>
</ul>
<p>Quyết định quy định các trường hợp được miễn trừ như xe cứu thương, xe chữa cháy, xe phục vụ người khuyết tật và các chính sách hỗ trợ người dân đổi phương tiện theo nghị quyết của Hội đồng nhân dân thành phố.</p>
<p>Quyết định có hiệu lực thi hành từ ngày 01/01/2027.</p>`,
    tags: ['vùng phát thải thấp', 'quyết định', 'môi trường'],
    meta: legalMeta({
      number: '58/2026/QĐ-UBND',
      documentType: 'Quyết định',
      issuingBody: 'Ủy ban nhân dân thành phố Hà Nội',
      signer: 'Trần Quang Huy',
      signerTitle: 'TM. Ủy ban nhân dân – Chủ tịch',
      issuedDate: '2026-11-02',
      effectiveDate: '2027-01-01',
      expiryDate: null,
      effectStatus: 'not-yet-in-force',
      field: 'Tài nguyên – môi trường',
      gazetteDate: '2026-11-12',
      abstract: `Quy định về vùng phát thải thấp trong khu vực Vành đai 1 thành phố Hà Nội.`,
      appendices: ['Phụ lục: Bản đồ ranh giới vùng phát thải thấp'],
    }),
    translations: {
      en: {
        title: `Decision No. 58/2026/QD-UBND on the low-emission zone within Ring Road 1`,
        summary: `The decision sets the zone's boundaries, a timetable for restricting high-emission vehicles and support for residents switching to clean vehicles; effective from 1 January 2027.`,
        body: `<p>The Ha Noi People's Committee has defined a low-emission zone within Ring Road 1 to cut air pollution and noise in the centre. Fossil-fuel motorbikes and cars that fail emission standards will be restricted in stages, electric buses and public transport get priority, and cameras will monitor entry points.</p>
<p>Emergency vehicles and vehicles serving people with disabilities are exempt, and residents can receive support to change vehicles under a City Council resolution. The decision takes effect on 1 January 2027.</p>`,
        meta: {
          abstract: `Regulation on the low-emission zone within Ring Road 1, Ha Noi.`,
          documentType: 'Decision',
          issuingBody: 'Ha Noi People\u2019s Committee',
          signerTitle: 'On behalf of the People\u2019s Committee – Chairperson',
          field: 'Natural resources and environment',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 13,
    title: `Nghị quyết số 27/2025/NQ-HĐND quy định chính sách hỗ trợ chuyển đổi phương tiện giao thông sử dụng năng lượng sạch`,
    summary: `Nghị quyết quy định đối tượng, mức hỗ trợ người dân đổi xe mô tô, xe gắn máy chạy xăng sang xe điện và hỗ trợ doanh nghiệp vận tải chuyển đổi sang xe buýt điện.`,
    body: `<p>Hội đồng nhân dân thành phố Hà Nội thông qua Nghị quyết số 27/2025/NQ-HĐND quy định chính sách hỗ trợ chuyển đổi phương tiện giao thông sử dụng năng lượng sạch trên địa bàn thành phố.</p>
<h2>Đối tượng và mức hỗ trợ</h2>
<ul>
<li>Người có hộ khẩu thường trú tại khu vực vùng phát thải thấp khi tiêu hủy xe mô tô, xe gắn máy chạy xăng để mua xe điện được hỗ trợ một lần;</li>
<li>Hộ nghèo, hộ cận nghèo, người thuộc diện bảo trợ xã hội được hưởng mức hỗ trợ cao hơn;</li>
<li>Doanh nghiệp vận tải hành khách công cộng được hỗ trợ lãi suất vay vốn đầu tư xe buýt điện, trạm sạc.</li>
</ul>
<p>Nghị quyết giao Ủy ban nhân dân thành phố quy định trình tự, thủ tục hỗ trợ, bảo đảm đơn giản, thực hiện trực tuyến và chi trả qua tài khoản ngân hàng của người được hỗ trợ.</p>
<p>Nghị quyết có hiệu lực từ ngày 15/01/2026.</p>`,
    tags: ['nghị quyết', 'xe điện', 'giao thông xanh'],
    meta: legalMeta({
      number: '27/2025/NQ-HĐND',
      documentType: 'Nghị quyết',
      issuingBody: 'Hội đồng nhân dân thành phố Hà Nội',
      signer: 'Lê Thị Thu Trang',
      signerTitle: 'Chủ tịch Hội đồng nhân dân',
      issuedDate: '2025-12-26',
      effectiveDate: '2026-01-15',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Giao thông – vận tải',
      gazetteDate: '2026-01-08',
      abstract: `Quy định chính sách hỗ trợ chuyển đổi phương tiện giao thông sử dụng năng lượng sạch trên địa bàn thành phố Hà Nội.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 30,
    title: `Luật Thủ đô`,
    summary: `Luật quy định vị trí, vai trò của Thủ đô; chính sách xây dựng, phát triển, quản lý và bảo vệ Thủ đô; các cơ chế đặc thù và trách nhiệm của cơ quan, tổ chức đối với Thủ đô.`,
    body: `<p>Luật Thủ đô được Quốc hội khóa XV thông qua tại kỳ họp thứ bảy, thay thế Luật Thủ đô năm 2012, tạo hành lang pháp lý với nhiều cơ chế, chính sách đặc thù, vượt trội để Hà Nội phát triển xứng tầm là trung tâm chính trị – hành chính quốc gia, trung tâm lớn về kinh tế, văn hóa, giáo dục, khoa học và công nghệ.</p>
<h2>Những nội dung nổi bật</h2>
<ul>
<li>Phân cấp, phân quyền mạnh cho chính quyền thành phố trong quản lý tài chính, đầu tư, quy hoạch, tổ chức bộ máy;</li>
<li>Cơ chế thu hút nhân tài, phát triển khoa học, công nghệ và đổi mới sáng tạo;</li>
<li>Phát triển đô thị theo định hướng giao thông công cộng (TOD), cải tạo chung cư cũ, bảo tồn di sản;</li>
<li>Bảo vệ môi trường, thiết lập vùng phát thải thấp, phát triển không gian sông Hồng.</li>
</ul>
<p>Để đưa Luật vào cuộc sống, Hội đồng nhân dân và Ủy ban nhân dân thành phố được giao ban hành nhiều văn bản quy định chi tiết; danh mục và tiến độ ban hành được công khai trên Cổng Giao tiếp điện tử thành phố.</p>
<p>Luật có hiệu lực thi hành từ ngày 01/01/2025; một số quy định về tài chính – ngân sách có hiệu lực sớm hơn theo quy định của Luật.</p>`,
    tags: ['Luật Thủ đô', 'cơ chế đặc thù', 'phân cấp'],
    meta: legalMeta({
      number: '39/2024/QH15',
      documentType: 'Luật',
      issuingBody: 'Quốc hội',
      signer: 'Phan Văn Thịnh',
      signerTitle: 'Chủ tịch Quốc hội',
      issuedDate: '2024-06-28',
      effectiveDate: '2025-01-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Bộ máy hành chính',
      gazetteDate: '2024-07-22',
      abstract: `Luật Thủ đô.`,
    }),
    translations: {
      en: {
        title: `Capital Law`,
        summary: `The law defines the capital's position and role, policies for building, developing, managing and protecting it, special mechanisms and the responsibilities of agencies towards the capital.`,
        body: `<p>Passed by the 15th National Assembly, the Capital Law replaces the 2012 law and gives Ha Noi special mechanisms to develop as the national political and administrative centre and a leading hub for the economy, culture, education, science and technology.</p>
<p>Highlights include strong decentralisation in finance, investment, planning and organisation; talent attraction and innovation; transit-oriented development, renovation of old apartment blocks and heritage conservation; and low-emission zones and development of the Red River corridor. It took effect on 1 January 2025.</p>`,
        meta: {
          abstract: `Capital Law.`,
          documentType: 'Law',
          issuingBody: 'The National Assembly',
          signerTitle: 'Chairman of the National Assembly',
          field: 'Public administration',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 21,
    title: `Chỉ thị số 12/CT-UBND về tăng cường công tác phòng cháy, chữa cháy mùa hanh khô năm 2026–2027`,
    summary: `Chỉ thị giao nhiệm vụ cụ thể cho các sở, ngành, xã, phường trong kiểm tra an toàn phòng cháy, chữa cháy và tuyên truyền kỹ năng thoát nạn.`,
    body: `<p>Chủ tịch Ủy ban nhân dân thành phố Hà Nội ban hành Chỉ thị số 12/CT-UBND về tăng cường công tác phòng cháy, chữa cháy mùa hanh khô năm 2026–2027.</p>
<p>Chỉ thị yêu cầu tập trung kiểm tra an toàn phòng cháy, chữa cháy tại nhà ở nhiều tầng, nhiều căn hộ; cơ sở kinh doanh karaoke, quán bar, nhà hàng; chợ, trung tâm thương mại; kho hàng trong khu dân cư. Các cơ sở không bảo đảm điều kiện an toàn phải khắc phục trong thời hạn quy định hoặc bị tạm đình chỉ hoạt động.</p>
<h2>Tuyên truyền đến từng hộ gia đình</h2>
<p>Ủy ban nhân dân các xã, phường tổ chức tuyên truyền, hướng dẫn người dân kỹ năng phòng cháy, thoát nạn; vận động trang bị bình chữa cháy, thiết bị báo cháy tại gia đình; xây dựng mô hình “Điểm chữa cháy công cộng” tại các ngõ, ngách sâu.</p>
<p>Chỉ thị có hiệu lực kể từ ngày ký.</p>`,
    tags: ['chỉ thị', 'phòng cháy chữa cháy', 'mùa hanh khô'],
    meta: legalMeta({
      number: '12/CT-UBND',
      documentType: 'Chỉ thị',
      issuingBody: 'Ủy ban nhân dân thành phố Hà Nội',
      signer: 'Trần Quang Huy',
      signerTitle: 'Chủ tịch Ủy ban nhân dân',
      issuedDate: '2026-11-03',
      effectiveDate: '2026-11-03',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Phòng cháy, chữa cháy',
      gazetteDate: null,
      abstract: `Về tăng cường công tác phòng cháy, chữa cháy mùa hanh khô năm 2026–2027.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 42,
    title: `Quyết định số 44/2021/QĐ-UBND ban hành Quy chế hoạt động của Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hà Nội`,
    summary: `Quy chế đã hết hiệu lực, được thay thế bởi quy chế mới phù hợp với mô hình Trung tâm Phục vụ hành chính công một cấp.`,
    body: `<p>Quyết định số 44/2021/QĐ-UBND ban hành Quy chế quản lý, vận hành, khai thác Hệ thống thông tin giải quyết thủ tục hành chính của thành phố Hà Nội, áp dụng đối với các sở, ngành và Ủy ban nhân dân cấp huyện, cấp xã trước đây.</p>
<p>Quy chế quy định trách nhiệm cập nhật hồ sơ, thời hạn xử lý trên hệ thống, việc kết nối với Cổng Dịch vụ công quốc gia và công khai kết quả giải quyết hồ sơ.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực toàn bộ do được thay thế bởi quy chế mới phù hợp với mô hình chính quyền địa phương hai cấp và Trung tâm Phục vụ hành chính công thành phố.</blockquote>
<p>Văn bản được lưu giữ để phục vụ tra cứu.</p>`,
    tags: ['quyết định', 'thủ tục hành chính', 'văn bản hết hiệu lực'],
    meta: legalMeta({
      number: '44/2021/QĐ-UBND',
      documentType: 'Quyết định',
      issuingBody: 'Ủy ban nhân dân thành phố Hà Nội',
      signer: 'Đỗ Minh Khang',
      signerTitle: 'KT. Chủ tịch – Phó Chủ tịch',
      issuedDate: '2021-12-20',
      effectiveDate: '2022-01-01',
      expiryDate: '2025-07-01',
      effectStatus: 'expired',
      field: 'Bộ máy hành chính',
      gazetteDate: '2021-12-30',
      abstract: `Ban hành Quy chế quản lý, vận hành, khai thác Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hà Nội.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 57,
    title: `Quyết định số 19/2025/QĐ-UBND quy định về quản lý, sử dụng tạm thời một phần lòng đường, hè phố`,
    summary: `Một số điều về mức thu và thời gian sử dụng tạm thời hè phố đang bị ngưng hiệu lực để rà soát, tiếp thu ý kiến người dân.`,
    body: `<p>Quyết định số 19/2025/QĐ-UBND quy định các trường hợp được sử dụng tạm thời một phần lòng đường, hè phố ngoài mục đích giao thông; điều kiện, thời gian sử dụng và trách nhiệm của tổ chức, cá nhân được cấp phép.</p>
<p>Quá trình triển khai, nhiều ý kiến của người dân, hộ kinh doanh phản ánh một số quy định về khung giờ sử dụng và mức thu phí chưa phù hợp với thực tế của từng tuyến phố. Ủy ban nhân dân thành phố đã quyết định ngưng hiệu lực các quy định này để rà soát.</p>
<blockquote>Tình trạng hiệu lực: Ngưng hiệu lực đối với Điều 6 và Điều 9 kể từ ngày quyết định ngưng hiệu lực có hiệu lực cho đến khi có văn bản sửa đổi, thay thế.</blockquote>
<p>Trong thời gian ngưng hiệu lực, Ủy ban nhân dân các phường tiếp tục quản lý trật tự đô thị, bảo đảm dành lối đi tối thiểu cho người đi bộ theo quy định.</p>`,
    tags: ['quyết định', 'hè phố', 'trật tự đô thị'],
    meta: legalMeta({
      number: '19/2025/QĐ-UBND',
      documentType: 'Quyết định',
      issuingBody: 'Ủy ban nhân dân thành phố Hà Nội',
      signer: 'Đỗ Minh Khang',
      signerTitle: 'KT. Chủ tịch – Phó Chủ tịch',
      issuedDate: '2025-04-08',
      effectiveDate: '2025-04-20',
      expiryDate: null,
      effectStatus: 'suspended',
      field: 'Xây dựng – đô thị',
      gazetteDate: '2025-04-18',
      abstract: `Quy định về quản lý, sử dụng tạm thời một phần lòng đường, hè phố ngoài mục đích giao thông trên địa bàn thành phố Hà Nội.`,
    }),
  },
  // ── Thông cáo báo chí ────────────────────────────────────────────────
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 0.7,
    title: `Thông cáo báo chí kết quả Kỳ họp chuyên đề của Hội đồng nhân dân thành phố`,
    summary: `Hội đồng nhân dân thành phố đã thông qua 12 nghị quyết về đầu tư công, quy hoạch, chính sách xã hội và tổ chức bộ máy.`,
    body: `<p>Hội đồng nhân dân thành phố Hà Nội đã tổ chức kỳ họp chuyên đề để xem xét, quyết định một số nội dung quan trọng, cấp bách thuộc thẩm quyền. Sau thời gian làm việc khẩn trương, nghiêm túc, kỳ họp đã hoàn thành toàn bộ chương trình đề ra.</p>
<h2>Các nghị quyết được thông qua</h2>
<ul>
<li>Điều chỉnh, bổ sung kế hoạch đầu tư công trung hạn và năm 2026 của thành phố;</li>
<li>Quyết định chủ trương đầu tư một số dự án giao thông, cấp nước, xử lý nước thải;</li>
<li>Quy định mức hỗ trợ đối với người cao tuổi, người khuyết tật và trẻ em có hoàn cảnh đặc biệt khó khăn;</li>
<li>Quy định chức năng, nhiệm vụ một số cơ quan chuyên môn sau khi sắp xếp.</li>
</ul>
<p>Phát biểu bế mạc, Chủ tịch Hội đồng nhân dân thành phố đề nghị Ủy ban nhân dân thành phố khẩn trương tổ chức triển khai các nghị quyết, sớm đưa chính sách vào cuộc sống.</p>
<p>Các nghị quyết đều nhận được sự đồng thuận cao của đại biểu. Toàn văn nghị quyết được đăng tải trên Cổng Giao tiếp điện tử thành phố và Công báo thành phố.</p>`,
    tags: ['thông cáo báo chí', 'Hội đồng nhân dân', 'kỳ họp'],
    translations: {
      en: {
        title: `Press release on the results of the City People's Council's thematic session`,
        summary: `The City People's Council adopted 12 resolutions on public investment, planning, social policy and organisation.`,
        body: `<p>The Ha Noi People's Council held a thematic session on urgent matters within its remit and completed its full agenda.</p>
<p>Resolutions adjusted the medium-term and 2026 public investment plans, approved transport, water supply and wastewater projects, set support levels for older people, people with disabilities and vulnerable children, and defined the functions of reorganised departments. Full texts are published on the city portal and the city's official gazette.</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 14,
    title: `Thông cáo báo chí về tổ chức lại giao thông phục vụ thi công nhà ga ngầm tuyến đường sắt đô thị`,
    summary: `Từ cuối tuần này, một số tuyến phố khu vực trung tâm sẽ điều chỉnh tổ chức giao thông để phục vụ thi công hoàn trả mặt bằng.`,
    body: `<p>Sở Xây dựng Hà Nội thông báo điều chỉnh tổ chức giao thông tại khu vực thi công nhà ga ngầm thuộc tuyến đường sắt đô thị Nhổn – ga Hà Nội, phục vụ việc hoàn trả mặt bằng và hoàn thiện lối lên xuống nhà ga.</p>
<h2>Phương án phân luồng</h2>
<ul>
<li>Thu hẹp một phần mặt đường tại khu vực lối lên xuống nhà ga, bảo đảm tối thiểu hai làn xe cho mỗi chiều;</li>
<li>Cấm dừng, đỗ xe trên đoạn đường thi công trong thời gian rào chắn;</li>
<li>Điều chỉnh lộ trình một số tuyến xe buýt, bố trí điểm dừng tạm.</li>
</ul>
<p>Thời gian thi công dự kiến trong 60 ngày. Các phương tiện lưu thông qua khu vực đề nghị chấp hành theo hệ thống biển báo và hướng dẫn của lực lượng chức năng.</p>
<p>Sở Xây dựng mong người dân thông cảm với những bất tiện trong thời gian thi công.</p>`,
    tags: ['thông cáo báo chí', 'phân luồng giao thông', 'đường sắt đô thị'],
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 40,
    title: `Thông cáo báo chí về kết quả kiểm tra, xử lý vi phạm trật tự xây dựng`,
    summary: `Các đoàn kiểm tra đã phát hiện và xử lý nhiều công trình vi phạm, trong đó có công trình xây dựng không phép, sai phép và xây dựng trên đất nông nghiệp.`,
    body: `<p>Thanh tra thành phố Hà Nội thông báo kết quả đợt kiểm tra cao điểm về trật tự xây dựng trên địa bàn. Các đoàn kiểm tra đã kiểm tra hàng nghìn công trình, phát hiện và lập biên bản đối với các công trình vi phạm.</p>
<p>Các vi phạm chủ yếu gồm xây dựng không có giấy phép, xây dựng sai nội dung giấy phép (vượt tầng, vượt diện tích), xây dựng công trình trên đất nông nghiệp, đất công. Nhiều công trình đã bị đình chỉ thi công, buộc tháo dỡ phần vi phạm.</p>
<h2>Trách nhiệm của chính quyền cơ sở</h2>
<p>Thành phố đã yêu cầu kiểm điểm trách nhiệm của lãnh đạo và công chức một số xã, phường để xảy ra vi phạm kéo dài mà không phát hiện, xử lý kịp thời.</p>
<p>Người dân có thể tra cứu thông tin giấy phép xây dựng của các công trình và phản ánh vi phạm qua ứng dụng iHanoi.</p>`,
    tags: ['thông cáo báo chí', 'trật tự xây dựng', 'thanh tra'],
  },
  // ── Thủ tục hành chính ───────────────────────────────────────────────
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 2,
    title: `Cấp giấy phép xây dựng nhà ở riêng lẻ`,
    summary: `Hộ gia đình, cá nhân xây dựng mới, sửa chữa, cải tạo nhà ở riêng lẻ thuộc diện phải có giấy phép nộp hồ sơ tại Ủy ban nhân dân cấp xã.`,
    body: `<p>Thủ tục áp dụng đối với hộ gia đình, cá nhân đề nghị cấp giấy phép xây dựng mới, sửa chữa, cải tạo nhà ở riêng lẻ trên địa bàn thành phố Hà Nội. Sau khi tổ chức chính quyền địa phương hai cấp, thẩm quyền cấp phép được giao cho Ủy ban nhân dân cấp xã.</p>
<h2>Một số lưu ý</h2>
<ul>
<li>Nhà ở phải phù hợp với quy hoạch chi tiết, thiết kế đô thị hoặc quy chế quản lý kiến trúc được phê duyệt;</li>
<li>Nhà ở từ 7 tầng trở lên hoặc có tầng hầm phải có thiết kế được thẩm tra về an toàn chịu lực;</li>
<li>Chủ đầu tư có thể tự lập thiết kế đối với nhà ở có tổng diện tích sàn dưới 250 m², dưới 3 tầng.</li>
</ul>
<p>Hồ sơ nộp trực tuyến qua Cổng Dịch vụ công thành phố; bản vẽ thiết kế nộp dưới dạng tệp điện tử. Cán bộ địa chính – xây dựng sẽ kiểm tra thực địa trước khi cấp phép, vì vậy thủ tục được cung cấp trực tuyến một phần.</p>`,
    tags: ['giấy phép xây dựng', 'nhà ở riêng lẻ', 'cấp xã'],
    meta: {
      code: '1.009994',
      decisionNumber: '3465/QĐ-UBND',
      level: 'Cấp Xã',
      field: 'Hoạt động xây dựng',
      agency: 'Ủy ban nhân dân xã, phường',
      steps: [
        'Nộp hồ sơ đề nghị cấp giấy phép xây dựng trực tuyến hoặc tại chi nhánh Trung tâm Phục vụ hành chính công',
        'Cán bộ tiếp nhận kiểm tra thành phần hồ sơ, cấp giấy biên nhận',
        'Ủy ban nhân dân cấp xã thẩm định hồ sơ, kiểm tra thực địa',
        'Cấp giấy phép xây dựng hoặc thông báo bằng văn bản lý do không cấp',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ: 75.000 đồng/giấy phép',
      requiredDocuments: [
        { name: 'Đơn đề nghị cấp giấy phép xây dựng', quantity: 1 },
        { name: 'Bản sao giấy tờ chứng minh quyền sử dụng đất', quantity: 1 },
        { name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', quantity: 2 },
        { name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (nếu có)', quantity: 1 },
      ],
      result: 'Giấy phép xây dựng',
      legalBasis: ['50/2014/QH13', '62/2020/QH14', '175/2024/NĐ-CP'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dichvucong.hanoi.gov.vn/',
    },
    translations: {
      en: {
        title: `Building permit for a detached house`,
        summary: `Households and individuals building, repairing or renovating a detached house that requires a permit apply to the commune People's Committee.`,
        body: `<p>Under two-tier local government, commune and ward People's Committees issue building permits for detached houses in Ha Noi. Houses must comply with detailed plans and architectural rules; buildings of seven storeys or more, or with basements, need a structural safety review; owners may draw their own design for houses under 250 m² and three storeys.</p>
<p>Applications are filed online with drawings as files, but officials inspect the site before issuing the permit, so the service is partially online.</p>`,
        meta: {
          level: 'Commune level',
          field: 'Construction',
          agency: 'Commune or ward People\u2019s Committee',
          processingTime: '15 days from receipt of a complete application',
          fees: 'Permit fee: VND 75,000',
        },
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 18,
    title: `Đăng ký kết hôn`,
    summary: `Nam, nữ đủ điều kiện kết hôn đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên; có thể nộp hồ sơ trực tuyến trước khi đến ký giấy chứng nhận.`,
    body: `<p>Thủ tục áp dụng đối với công dân Việt Nam đăng ký kết hôn với nhau tại Ủy ban nhân dân cấp xã nơi thường trú hoặc tạm trú của bên nam hoặc bên nữ.</p>
<h2>Điều kiện kết hôn</h2>
<ul>
<li>Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi trở lên;</li>
<li>Việc kết hôn do nam và nữ tự nguyện quyết định;</li>
<li>Không bị mất năng lực hành vi dân sự;</li>
<li>Không thuộc các trường hợp cấm kết hôn theo quy định của Luật Hôn nhân và gia đình.</li>
</ul>
<p>Người dân có thể nộp tờ khai trực tuyến; thông tin về tình trạng hôn nhân được tra cứu từ cơ sở dữ liệu hộ tịch điện tử. Tuy nhiên, hai bên nam, nữ phải có mặt tại Ủy ban nhân dân cấp xã để ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn, nên thủ tục được cung cấp trực tuyến một phần.</p>`,
    tags: ['đăng ký kết hôn', 'hộ tịch', 'cấp xã'],
    meta: {
      code: '1.000894',
      decisionNumber: '3465/QĐ-UBND',
      level: 'Cấp Xã',
      field: 'Hộ tịch',
      agency: 'Ủy ban nhân dân xã, phường',
      steps: [
        'Nộp tờ khai đăng ký kết hôn trực tuyến hoặc trực tiếp',
        'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, tra cứu tình trạng hôn nhân',
        'Hai bên nam, nữ có mặt ký Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn',
        'Chủ tịch Ủy ban nhân dân cấp xã trao Giấy chứng nhận kết hôn',
      ],
      channels: ['Trực tuyến', 'Trực tiếp'],
      processingTime: 'Ngay trong ngày nhận hồ sơ; trường hợp cần xác minh không quá 05 ngày làm việc',
      fees: 'Miễn lệ phí',
      requiredDocuments: [
        { name: 'Tờ khai đăng ký kết hôn', quantity: 1 },
        { name: 'Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không phải nơi thường trú)', quantity: 1 },
      ],
      result: 'Giấy chứng nhận kết hôn',
      legalBasis: ['60/2014/QH13', '52/2014/QH13', '123/2015/NĐ-CP'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.000894',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 28,
    title: `Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam`,
    summary: `Người sử dụng lao động đề nghị cấp giấy phép lao động cho người nước ngoài làm việc tại Hà Nội qua Cổng Dịch vụ công, toàn bộ quy trình thực hiện trực tuyến.`,
    body: `<p>Thủ tục áp dụng đối với doanh nghiệp, cơ quan, tổ chức trên địa bàn thành phố Hà Nội có nhu cầu sử dụng người lao động nước ngoài làm nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật.</p>
<h2>Trình tự</h2>
<p>Trước khi đề nghị cấp giấy phép, người sử dụng lao động phải được chấp thuận nhu cầu sử dụng người lao động nước ngoài. Hồ sơ đề nghị cấp giấy phép lao động nộp trực tuyến, các giấy tờ nước ngoài được hợp pháp hóa lãnh sự, dịch sang tiếng Việt và chứng thực theo quy định.</p>
<p>Giấy phép lao động bản điện tử có giá trị như bản giấy; thời hạn tối đa 02 năm và có thể gia hạn một lần.</p>`,
    tags: ['giấy phép lao động', 'người nước ngoài', 'Sở Nội vụ'],
    meta: {
      code: '1.000459',
      decisionNumber: '3465/QĐ-UBND',
      level: 'Cấp Tỉnh',
      field: 'Việc làm',
      agency: 'Sở Nội vụ thành phố Hà Nội',
      steps: ['Người sử dụng lao động nộp hồ sơ trực tuyến trên Cổng Dịch vụ công', 'Sở Nội vụ kiểm tra, đối chiếu văn bản chấp thuận nhu cầu sử dụng lao động', 'Yêu cầu bổ sung hồ sơ (nếu có)', 'Cấp giấy phép lao động bản điện tử'],
      channels: ['Trực tuyến'],
      processingTime: '05 ngày làm việc kể từ ngày nhận đủ hồ sơ',
      fees: 'Lệ phí theo mức do Hội đồng nhân dân thành phố quy định',
      requiredDocuments: [
        { name: 'Văn bản đề nghị cấp giấy phép lao động', quantity: 1 },
        { name: 'Giấy chứng nhận sức khỏe', quantity: 1 },
        { name: 'Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người đang chấp hành hình phạt', quantity: 1 },
        { name: 'Văn bằng, chứng chỉ hoặc giấy tờ chứng minh kinh nghiệm làm việc', quantity: 1 },
        { name: 'Bản sao hộ chiếu còn giá trị', quantity: 1 },
      ],
      result: 'Giấy phép lao động',
      legalBasis: ['45/2019/QH14', '152/2020/NĐ-CP', '70/2023/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.hanoi.gov.vn/',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 52,
    title: `Cấp bản sao trích lục hộ tịch`,
    summary: `Người có yêu cầu được cấp bản sao trích lục khai sinh, kết hôn, khai tử từ cơ sở dữ liệu hộ tịch điện tử, nhận kết quả bản điện tử hoặc bản giấy.`,
    body: `<p>Thủ tục áp dụng đối với cá nhân có yêu cầu cấp bản sao trích lục các sự kiện hộ tịch đã được đăng ký như khai sinh, kết hôn, khai tử, nhận cha, mẹ, con.</p>
<h2>Thuận tiện cho người dân</h2>
<p>Người dân có thể nộp yêu cầu trực tuyến tại bất kỳ xã, phường nào trên địa bàn thành phố nếu dữ liệu hộ tịch đã được số hóa trên cơ sở dữ liệu hộ tịch điện tử. Bản sao trích lục điện tử được ký số và gửi về tài khoản của người yêu cầu trên Cổng Dịch vụ công.</p>
<p>Trường hợp cần bản giấy, người dân có thể nhận trực tiếp tại chi nhánh Trung tâm Phục vụ hành chính công hoặc qua dịch vụ bưu chính. Đối với sự kiện hộ tịch đăng ký trước đây chưa được số hóa, cơ quan hộ tịch sẽ tra cứu sổ gốc và cập nhật vào cơ sở dữ liệu trước khi cấp bản sao.</p>`,
    tags: ['trích lục hộ tịch', 'hộ tịch', 'dịch vụ công toàn trình'],
    meta: {
      code: '2.000635',
      decisionNumber: '3465/QĐ-UBND',
      level: 'Cấp Xã',
      field: 'Hộ tịch',
      agency: 'Ủy ban nhân dân xã, phường',
      steps: ['Nộp tờ khai yêu cầu cấp bản sao trích lục hộ tịch trực tuyến', 'Công chức tư pháp – hộ tịch tra cứu cơ sở dữ liệu hộ tịch điện tử', 'Cấp bản sao trích lục có chữ ký số'],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: 'Ngay trong ngày làm việc',
      fees: 'Phí cấp bản sao trích lục theo mức do Hội đồng nhân dân thành phố quy định',
      requiredDocuments: [{ name: 'Tờ khai cấp bản sao trích lục hộ tịch', quantity: 1 }],
      result: 'Bản sao trích lục hộ tịch',
      legalBasis: ['60/2014/QH13', '123/2015/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.000635',
    },
  },
  // ── Video ────────────────────────────────────────────────────────────
  {
    type: 'video',
    section: 'video',
    daysAgo: 7,
    title: `Hà Nội mùa thu – bản tình ca của phố`,
    summary: `Video quảng bá du lịch giới thiệu vẻ đẹp Hà Nội mùa thu qua những con phố, hồ nước và nét sinh hoạt thường ngày của người dân.`,
    body: `<p>Mùa thu là thời điểm đẹp nhất trong năm của Hà Nội: nắng vàng nhẹ, gió heo may và hương hoa sữa trên những con phố cổ kính. Video đưa người xem dạo quanh hồ Hoàn Kiếm, hồ Tây, phố cổ và những hàng cây cổ thụ trên đường Phan Đình Phùng.</p>
<p>Bên cạnh cảnh sắc, video ghi lại những nét đẹp văn hóa: gánh hàng hoa trên phố, người làm cốm làng Vòng, nghệ nhân gốm Bát Tràng và nhịp sống hiện đại của Thủ đô.</p>
<p>Video do Sở Du lịch Hà Nội thực hiện, có phụ đề tiếng Anh, dùng cho các hoạt động xúc tiến du lịch trong và ngoài nước.</p>`,
    tags: ['video', 'du lịch', 'mùa thu Hà Nội'],
    meta: { sourceUrl: youtube('Hn4uT7rW2kE'), duration: 186 },
    translations: {
      en: {
        title: `Autumn in Ha Noi – a love song of the streets`,
        summary: `A tourism video showing Ha Noi in autumn through its streets, lakes and everyday life.`,
        body: `<p>Autumn is Ha Noi's loveliest season, with soft sunshine, cool breezes and the scent of milk flowers. The video takes viewers around Hoan Kiem Lake, West Lake, the Old Quarter and the old trees of Phan Dinh Phung Street.</p>
<p>It also features flower sellers, green rice flake makers in Vong village, Bat Trang potters and the modern rhythm of the capital. English subtitles are included.</p>`,
      },
    },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 24,
    title: `Hướng dẫn gửi phản ánh hiện trường qua ứng dụng iHanoi`,
    summary: `Video hướng dẫn người dân cài đặt, đăng nhập và gửi phản ánh kèm hình ảnh, vị trí qua ứng dụng iHanoi.`,
    body: `<p>Ứng dụng iHanoi giúp người dân phản ánh nhanh các vấn đề về trật tự đô thị, môi trường, giao thông đến chính quyền. Video hướng dẫn cài đặt ứng dụng, đăng nhập bằng tài khoản định danh điện tử và gửi phản ánh.</p>
<p>Người dùng được hướng dẫn cách chụp ảnh rõ nét, xác định vị trí chính xác và mô tả ngắn gọn vấn đề để đơn vị xử lý nhanh chóng. Sau khi gửi, người dân có thể theo dõi tiến độ và đánh giá kết quả xử lý.</p>
<p>Video phù hợp để các tổ dân phố sử dụng trong các buổi sinh hoạt, hướng dẫn người cao tuổi.</p>`,
    tags: ['iHanoi', 'hướng dẫn', 'công dân số'],
    meta: { sourceUrl: youtube('iH9aN0xQv3b'), duration: 168 },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 36,
    title: `Toàn cảnh công trường Vành đai 4 từ trên cao`,
    summary: `Những hình ảnh flycam ghi lại tiến độ thi công các đoạn tuyến, cầu vượt và nút giao của dự án Vành đai 4 qua địa bàn Hà Nội.`,
    body: `<p>Từ trên cao, tuyến đường Vành đai 4 hiện ra như một dải lụa dài xuyên qua những cánh đồng, làng mạc phía Tây và phía Nam Thủ đô. Nhiều cầu vượt, nút giao đã định hình; các đoạn đường song hành đã được thảm nhựa.</p>
<p>Video ghi lại không khí lao động khẩn trương trên công trường, những đoàn xe vận chuyển vật liệu và các kỹ sư, công nhân làm việc xuyên ngày đêm.</p>
<p>Khi hoàn thành, Vành đai 4 sẽ là trục động lực quan trọng thúc đẩy phát triển kinh tế – xã hội của Vùng Thủ đô.</p>`,
    tags: ['Vành đai 4', 'flycam', 'hạ tầng'],
    meta: { sourceUrl: youtube('Vd4fLy3cAm8'), duration: 243 },
  },
  // ── Ảnh ──────────────────────────────────────────────────────────────
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 9.5,
    title: `Sông Tô Lịch khoác áo mới`,
    summary: `Chùm ảnh về dòng sông Tô Lịch và không gian công cộng hai bên bờ sau khi được cải tạo.`,
    body: `<p>Những ngày này, người dân sống dọc sông Tô Lịch có thêm không gian để đi bộ, tập thể dục và vui chơi. Dòng nước đã trong hơn, hai bên bờ rợp bóng cây xanh.</p>
<p>Các bức tranh gốm trên tường kè kể câu chuyện lịch sử của dòng sông gắn với thành Thăng Long, tạo điểm nhấn văn hóa cho khu vực.</p>
<p>Một số hình ảnh ghi nhận tại các đoạn sông đã hoàn thành cải tạo.</p>`,
    tags: ['chùm ảnh', 'sông Tô Lịch', 'không gian xanh'],
    meta: {
      images: [
        { src: '/media/demo/hn-to-lich-01.jpg', caption: 'Đường đi bộ ven sông Tô Lịch buổi sáng', credit: 'Ảnh: Ngọc Hà' },
        { src: '/media/demo/hn-to-lich-02.jpg', caption: 'Tranh gốm kể chuyện lịch sử trên tường kè', credit: 'Ảnh: Ngọc Hà' },
        { src: '/media/demo/hn-to-lich-03.jpg', caption: 'Trẻ em vui chơi tại khu vườn ven sông', credit: 'Ảnh: Tuấn Anh' },
        { src: '/media/demo/hn-to-lich-04.jpg', caption: 'Dòng nước trong hơn sau khi bổ cập từ sông Hồng', credit: 'Ảnh: Tuấn Anh' },
      ],
    },
    translations: {
      en: {
        title: `The To Lich River gets a new look`,
        summary: `Photos of the To Lich River and the public spaces along its banks after renovation.`,
        body: `<p>Residents along the To Lich River now have space to walk, exercise and play, with clearer water and tree-lined banks.</p>
<p>Ceramic murals on the embankment tell the river's story and its links with the ancient citadel of Thang Long.</p>`,
      },
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 48.5,
    title: `Rực rỡ sắc cờ hoa mừng Ngày Giải phóng Thủ đô`,
    summary: `Phố phường Hà Nội trang hoàng cờ hoa, băng rôn chào mừng kỷ niệm Ngày Giải phóng Thủ đô.`,
    body: `<p>Những ngày đầu tháng Mười, khắp các tuyến phố Hà Nội rực rỡ cờ đỏ sao vàng, băng rôn, khẩu hiệu chào mừng kỷ niệm Ngày Giải phóng Thủ đô.</p>
<p>Người dân và du khách hào hứng chụp ảnh lưu niệm tại các tiểu cảnh trang trí ở khu vực hồ Hoàn Kiếm, Quảng trường Đông Kinh Nghĩa Thục và Cột cờ Hà Nội.</p>
<p>Chùm ảnh ghi lại không khí trang trọng, phấn khởi của Thủ đô trong dịp kỷ niệm.</p>`,
    tags: ['chùm ảnh', 'Ngày Giải phóng Thủ đô', 'phố phường'],
    meta: {
      images: [
        { src: '/media/demo/hn-giai-phong-01.jpg', caption: 'Cờ hoa trên phố Đinh Tiên Hoàng', credit: 'Ảnh: Lan Hương' },
        { src: '/media/demo/hn-giai-phong-02.jpg', caption: 'Tiểu cảnh chào mừng tại khu vực hồ Hoàn Kiếm', credit: 'Ảnh: Lan Hương' },
        { src: '/media/demo/hn-giai-phong-03.jpg', caption: 'Du khách chụp ảnh tại Cột cờ Hà Nội', credit: 'Ảnh: Đức Minh' },
      ],
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 21.5,
    title: `Không gian phố đi bộ hồ Hoàn Kiếm cuối tuần`,
    summary: `Chùm ảnh về các hoạt động văn hóa, vui chơi của người dân và du khách tại không gian đi bộ quanh hồ Hoàn Kiếm.`,
    body: `<p>Mỗi tối cuối tuần, không gian đi bộ quanh hồ Hoàn Kiếm và phụ cận lại trở thành điểm hẹn của người dân và du khách với các trò chơi dân gian, biểu diễn nghệ thuật đường phố và hoạt động thể thao.</p>
<p>Thành phố đã bổ sung nhà vệ sinh công cộng, điểm cung cấp nước uống miễn phí và biển chỉ dẫn song ngữ để phục vụ du khách tốt hơn.</p>
<p>Những khoảnh khắc sinh động được ghi lại trong chùm ảnh.</p>`,
    tags: ['chùm ảnh', 'phố đi bộ', 'hồ Hoàn Kiếm'],
    meta: {
      images: [
        { src: '/media/demo/hn-pho-di-bo-01.jpg', caption: 'Trẻ em chơi trò kéo co tại phố đi bộ', credit: 'Ảnh: Hoài Thu' },
        { src: '/media/demo/hn-pho-di-bo-02.jpg', caption: 'Nhóm nhạc đường phố biểu diễn ven hồ', credit: 'Ảnh: Hoài Thu' },
        { src: '/media/demo/hn-pho-di-bo-03.jpg', caption: 'Du khách quốc tế thưởng thức ẩm thực Hà Nội', credit: 'Ảnh: Quang Vinh' },
        { src: '/media/demo/hn-pho-di-bo-04.jpg', caption: 'Hồ Hoàn Kiếm lung linh về đêm', credit: 'Ảnh: Quang Vinh' },
        { src: '/media/demo/hn-pho-di-bo-05.jpg', caption: 'Biển chỉ dẫn song ngữ mới lắp đặt', credit: 'Ảnh: Hoài Thu' },
      ],
    },
  },
];
