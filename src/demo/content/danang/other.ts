import type { DemoItem } from '../../types.ts';
import { legalMeta, youtube } from '../_helpers.ts';

// Chỉ đạo điều hành, văn bản, thông cáo, thủ tục, video và ảnh của thành phố Đà Nẵng.
// Người ký văn bản là tên hư cấu.
export const danangOther: DemoItem[] = [
  // ── Chỉ đạo, điều hành ───────────────────────────────────────────────
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 0.2,
    title: `Công điện của Chủ tịch Ủy ban nhân dân thành phố về chủ động ứng phó đợt mưa lớn và triều cường`,
    summary: `Các xã, phường ven sông, ven biển và vùng núi phải sẵn sàng sơ tán người dân; không để người dân đánh bắt thủy sản, vớt củi trên sông khi có lũ.`,
    body: `<p>Theo dự báo của cơ quan khí tượng thủy văn, thành phố Đà Nẵng tiếp tục có mưa to đến rất to trong những ngày tới, kết hợp triều cường gây ngập úng tại vùng trũng thấp và nguy cơ sạt lở đất ở khu vực miền núi. Chủ tịch Ủy ban nhân dân thành phố đã ký Công điện chỉ đạo các cơ quan, đơn vị chủ động ứng phó.</p>
<h2>Yêu cầu đối với các xã, phường</h2>
<ul>
<li>Rà soát, sẵn sàng sơ tán người dân khỏi khu vực nguy cơ sạt lở, ngập sâu; bố trí lương thực, nước uống tại các điểm sơ tán;</li>
<li>Cắm biển cảnh báo, bố trí lực lượng tại các ngầm tràn, đoạn đường ngập sâu;</li>
<li>Nghiêm cấm người dân đánh bắt thủy sản, vớt củi trên sông, suối khi có lũ;</li>
<li>Kiểm tra, bảo đảm an toàn các hồ chứa thủy lợi, thủy điện và khu vực hạ du.</li>
</ul>
<p>Bộ Chỉ huy Quân sự, Công an thành phố bố trí lực lượng, phương tiện sẵn sàng tham gia cứu hộ, cứu nạn. Sở Giáo dục và Đào tạo chỉ đạo các trường cho học sinh nghỉ học khi cần thiết để bảo đảm an toàn.</p>
<p>Người dân theo dõi thông tin cảnh báo trên Cổng Thông tin điện tử thành phố, ứng dụng di động của thành phố và hệ thống loa truyền thanh cơ sở.</p>`,
    tags: ['công điện', 'mưa lớn', 'triều cường'],
    translations: {
      en: {
        title: `City Chairperson's official dispatch on preparing for heavy rain and high tides`,
        summary: `Riverside, coastal and mountain communes must be ready to evacuate residents; fishing and collecting driftwood on flooded rivers are prohibited.`,
        body: `<p>With more very heavy rain and high tides forecast, the Chairperson of the Da Nang People's Committee has ordered communes and wards to prepare evacuations from landslide and deep-flood areas, post warnings and guards at flooded crossings, ban fishing and driftwood collection on flooded rivers and check the safety of reservoirs.</p>
<p>The military and police will stand by for rescue, and schools may close when necessary. Residents should follow alerts on the city portal, the city app and loudspeakers.</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 8,
    title: `Chấn chỉnh tình trạng nâng giá, đeo bám du khách tại các điểm du lịch`,
    summary: `Ủy ban nhân dân thành phố yêu cầu niêm yết giá công khai, xử lý nghiêm các trường hợp chèo kéo, ép giá du khách.`,
    body: `<p>Thời gian gần đây, một số du khách phản ánh tình trạng nâng giá dịch vụ, chèo kéo, đeo bám tại một số điểm du lịch, bãi biển và khu phố cổ. Để giữ gìn hình ảnh điểm đến văn minh, thân thiện, Ủy ban nhân dân thành phố chỉ đạo các cơ quan liên quan triển khai ngay các biện pháp chấn chỉnh.</p>
<h2>Các biện pháp cụ thể</h2>
<ul>
<li>100% cơ sở kinh doanh dịch vụ du lịch, ăn uống tại các điểm du lịch phải niêm yết giá công khai, bán đúng giá niêm yết;</li>
<li>Tăng cường lực lượng kiểm tra, xử lý nghiêm hành vi chèo kéo, đeo bám, ép giá;</li>
<li>Công khai đường dây nóng hỗ trợ du khách bằng tiếng Việt và tiếng Anh tại các điểm du lịch;</li>
<li>Công bố danh sách cơ sở vi phạm trên phương tiện thông tin đại chúng.</li>
</ul>
<p>Sở Văn hóa, Thể thao và Du lịch phối hợp với các hiệp hội du lịch phát động cam kết kinh doanh văn minh, đồng thời biểu dương, giới thiệu các cơ sở thực hiện tốt để du khách lựa chọn.</p>
<p>Chủ tịch Ủy ban nhân dân các xã, phường có điểm du lịch chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân thành phố nếu để tình trạng này tái diễn trên địa bàn.</p>`,
    tags: ['môi trường du lịch', 'niêm yết giá', 'chỉ đạo'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 21,
    title: `Đẩy nhanh tiến độ các dự án đầu tư công chuyển tiếp sau hợp nhất`,
    summary: `Các chủ đầu tư phải rà soát, hoàn thiện hồ sơ chuyển giao dự án, không để gián đoạn thi công và giải ngân.`,
    body: `<p>Sau khi hợp nhất đơn vị hành chính và sắp xếp các ban quản lý dự án, một số dự án đầu tư công chuyển tiếp gặp khó khăn trong việc bàn giao hồ sơ, điều chỉnh chủ đầu tư và thanh toán khối lượng hoàn thành.</p>
<p>Ủy ban nhân dân thành phố yêu cầu các chủ đầu tư khẩn trương hoàn thành bàn giao hồ sơ pháp lý, hồ sơ thanh toán của các dự án; cập nhật thông tin dự án trên Hệ thống thông tin quốc gia về đầu tư công; không để tình trạng dừng thi công do chờ thủ tục.</p>
<h2>Phân công theo dõi</h2>
<p>Mỗi dự án trọng điểm được phân công một lãnh đạo Ủy ban nhân dân thành phố trực tiếp theo dõi, chỉ đạo. Sở Tài chính tổng hợp tình hình giải ngân, báo cáo hằng tuần; đề xuất điều chuyển vốn từ dự án chậm sang dự án có khả năng giải ngân.</p>
<p>Thủ trưởng các đơn vị có dự án chậm tiến độ kéo dài phải giải trình trước Ủy ban nhân dân thành phố tại phiên họp thường kỳ.</p>`,
    tags: ['đầu tư công', 'giải ngân', 'hợp nhất'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 46,
    title: `Tăng cường quản lý, bảo vệ rừng phòng hộ đầu nguồn và rừng ven biển`,
    summary: `Thành phố yêu cầu kiểm tra, xử lý nghiêm hành vi lấn chiếm, khai thác rừng trái phép; đẩy mạnh giao khoán bảo vệ rừng cho cộng đồng.`,
    body: `<p>Rừng phòng hộ đầu nguồn và rừng ven biển có vai trò đặc biệt quan trọng trong điều tiết nước, giảm lũ và chống sạt lở. Tuy nhiên, tình trạng lấn chiếm đất rừng, khai thác gỗ trái phép vẫn còn xảy ra ở một số địa phương.</p>
<p>Ủy ban nhân dân thành phố chỉ đạo lực lượng kiểm lâm phối hợp với công an, quân đội và chính quyền các xã tăng cường tuần tra, kiểm soát; xử lý nghiêm các vụ vi phạm; ứng dụng ảnh vệ tinh để phát hiện sớm biến động rừng.</p>
<h2>Người dân là chủ thể bảo vệ rừng</h2>
<p>Thành phố tiếp tục giao khoán bảo vệ rừng cho hộ gia đình, cộng đồng thôn, bản; chi trả dịch vụ môi trường rừng kịp thời, đầy đủ; hỗ trợ sinh kế gắn với bảo vệ rừng như trồng dược liệu dưới tán rừng, du lịch sinh thái.</p>
<p>Các xã không để xảy ra phá rừng, cháy rừng sẽ được xem xét khen thưởng; ngược lại, người đứng đầu chính quyền để xảy ra vi phạm nghiêm trọng sẽ bị xem xét trách nhiệm.</p>`,
    tags: ['bảo vệ rừng', 'rừng phòng hộ', 'môi trường'],
  },
  // ── Văn bản ──────────────────────────────────────────────────────────
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 12,
    title: `Nghị quyết số 136/2024/QH15 về tổ chức chính quyền đô thị và thí điểm một số cơ chế, chính sách đặc thù phát triển thành phố Đà Nẵng`,
    summary: `Nghị quyết của Quốc hội cho phép Đà Nẵng tổ chức chính quyền đô thị, thành lập Khu thương mại tự do và áp dụng các cơ chế đặc thù về đầu tư, tài chính, quy hoạch, khoa học công nghệ.`,
    body: `<p>Nghị quyết số 136/2024/QH15 được Quốc hội khóa XV thông qua tại kỳ họp thứ bảy, tạo cơ sở pháp lý quan trọng để thành phố Đà Nẵng phát triển nhanh, bền vững, trở thành trung tâm kinh tế – xã hội lớn của khu vực miền Trung.</p>
<h2>Những cơ chế nổi bật</h2>
<ul>
<li>Tổ chức chính quyền đô thị với bộ máy tinh gọn, phân cấp mạnh cho chính quyền thành phố;</li>
<li>Thành lập Khu thương mại tự do Đà Nẵng gắn với cảng Liên Chiểu;</li>
<li>Cơ chế đặc thù về quản lý tài chính – ngân sách, đầu tư, quy hoạch, đất đai;</li>
<li>Chính sách ưu đãi phát triển ngành công nghiệp vi mạch bán dẫn, trí tuệ nhân tạo và thu hút nhân lực chất lượng cao.</li>
</ul>
<p>Hội đồng nhân dân và Ủy ban nhân dân thành phố được giao ban hành các văn bản quy định chi tiết; định kỳ báo cáo Chính phủ, Quốc hội về kết quả thực hiện các cơ chế thí điểm.</p>
<p>Nghị quyết có hiệu lực từ ngày 01/01/2025. Sau khi hợp nhất đơn vị hành chính, các cơ chế này tiếp tục được áp dụng trên địa bàn thành phố theo quy định.</p>`,
    tags: ['nghị quyết', 'cơ chế đặc thù', 'chính quyền đô thị'],
    meta: legalMeta({
      number: '136/2024/QH15',
      documentType: 'Nghị quyết',
      issuingBody: 'Quốc hội',
      signer: 'Phan Văn Thịnh',
      signerTitle: 'Chủ tịch Quốc hội',
      issuedDate: '2024-06-26',
      effectiveDate: '2025-01-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Bộ máy hành chính',
      gazetteDate: '2024-07-18',
      abstract: `Về tổ chức chính quyền đô thị và thí điểm một số cơ chế, chính sách đặc thù phát triển thành phố Đà Nẵng.`,
    }),
    translations: {
      en: {
        title: `Resolution No. 136/2024/QH15 on urban government and pilot special mechanisms for the development of Da Nang`,
        summary: `The National Assembly resolution lets Da Nang organise an urban government, establish a Free Trade Zone and apply special mechanisms for investment, finance, planning and science and technology.`,
        body: `<p>Passed by the 15th National Assembly, Resolution 136/2024/QH15 provides the legal basis for Da Nang's fast, sustainable development as a major centre of central Viet Nam. It establishes a lean urban government with strong decentralisation, a Free Trade Zone linked to Lien Chieu Port, special financial, investment, planning and land mechanisms and incentives for semiconductors, AI and talent.</p>
<p>The resolution took effect on 1 January 2025 and continues to apply to the city after the administrative merger.</p>`,
        meta: {
          abstract: `Urban government and pilot special mechanisms and policies for the development of Da Nang.`,
          documentType: 'Resolution',
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
    daysAgo: 2,
    title: `Quyết định số 71/2026/QĐ-UBND ban hành Bảng giá đất áp dụng trên địa bàn thành phố Đà Nẵng từ ngày 01/01/2027`,
    summary: `Bảng giá đất mới thống nhất trên toàn địa bàn thành phố sau hợp nhất, làm căn cứ tính tiền sử dụng đất, thuế và bồi thường khi Nhà nước thu hồi đất.`,
    body: `<p>Ủy ban nhân dân thành phố Đà Nẵng ban hành Quyết định số 71/2026/QĐ-UBND về Bảng giá đất áp dụng từ ngày 01/01/2027, thay thế các bảng giá đất riêng lẻ đang áp dụng trên địa bàn trước khi hợp nhất.</p>
<p>Bảng giá đất được xây dựng trên cơ sở điều tra, khảo sát giá đất thị trường tại từng khu vực, vị trí; đã được lấy ý kiến rộng rãi của người dân, doanh nghiệp và thẩm định theo quy định của Luật Đất đai.</p>
<h2>Phạm vi áp dụng</h2>
<ul>
<li>Tính tiền sử dụng đất khi công nhận quyền sử dụng đất, chuyển mục đích sử dụng đất của hộ gia đình, cá nhân;</li>
<li>Tính thuế sử dụng đất, phí và lệ phí trong quản lý, sử dụng đất đai;</li>
<li>Làm căn cứ tính tiền bồi thường khi Nhà nước thu hồi đất theo quy định.</li>
</ul>
<p>Quyết định có hiệu lực thi hành từ ngày 01/01/2027. Người dân có thể tra cứu giá đất theo từng tuyến đường trên bản đồ số của thành phố.</p>`,
    tags: ['bảng giá đất', 'đất đai', 'quyết định'],
    meta: legalMeta({
      number: '71/2026/QĐ-UBND',
      documentType: 'Quyết định',
      issuingBody: 'Ủy ban nhân dân thành phố Đà Nẵng',
      signer: 'Lương Văn Thành',
      signerTitle: 'TM. Ủy ban nhân dân – Chủ tịch',
      issuedDate: '2026-11-18',
      effectiveDate: '2027-01-01',
      expiryDate: null,
      effectStatus: 'not-yet-in-force',
      field: 'Đất đai',
      gazetteDate: null,
      abstract: `Ban hành Bảng giá đất áp dụng trên địa bàn thành phố Đà Nẵng từ ngày 01/01/2027.`,
      appendices: ['Phụ lục: Bảng giá đất theo tuyến đường (bảng tính)', 'Phụ lục: Bản đồ phân vùng giá đất'],
    }),
    translations: {
      en: {
        title: `Decision No. 71/2026/QD-UBND issuing the land price table applicable in Da Nang from 1 January 2027`,
        summary: `A single land price table for the whole merged city, used to calculate land use fees, taxes and compensation for land recovery.`,
        body: `<p>Decision 71/2026/QD-UBND replaces the separate land price tables used before the merger. Prices are based on market surveys by area and location and were consulted publicly and appraised under the Land Law.</p>
<p>The table is used for land use fees, land taxes and charges and compensation when the State recovers land. It takes effect on 1 January 2027, and prices by street can be viewed on the city's digital map.</p>`,
        meta: {
          abstract: `Land price table applicable in Da Nang from 1 January 2027.`,
          documentType: 'Decision',
          issuingBody: 'Da Nang People\u2019s Committee',
          signerTitle: 'On behalf of the People\u2019s Committee – Chairperson',
          field: 'Land',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 27,
    title: `Nghị quyết số 42/2025/NQ-HĐND quy định chính sách thu hút, hỗ trợ nguồn nhân lực ngành vi mạch bán dẫn và trí tuệ nhân tạo`,
    summary: `Nghị quyết quy định mức hỗ trợ đối với chuyên gia, kỹ sư, sinh viên và cơ sở đào tạo trong lĩnh vực vi mạch bán dẫn, trí tuệ nhân tạo.`,
    body: `<p>Hội đồng nhân dân thành phố Đà Nẵng thông qua Nghị quyết số 42/2025/NQ-HĐND quy định chính sách thu hút, hỗ trợ nguồn nhân lực ngành vi mạch bán dẫn và trí tuệ nhân tạo, cụ thể hóa cơ chế đặc thù được Quốc hội cho phép.</p>
<h2>Đối tượng và chính sách</h2>
<ul>
<li>Chuyên gia, nhà khoa học đầu ngành về làm việc tại thành phố được hỗ trợ một lần, hỗ trợ nhà ở và điều kiện làm việc;</li>
<li>Kỹ sư thiết kế vi mạch, trí tuệ nhân tạo làm việc tại doanh nghiệp trên địa bàn được hỗ trợ chi phí đào tạo nâng cao;</li>
<li>Sinh viên theo học các chuyên ngành liên quan được cấp học bổng;</li>
<li>Cơ sở đào tạo được hỗ trợ đầu tư phòng thí nghiệm, bản quyền công cụ thiết kế.</li>
</ul>
<p>Nghị quyết giao Ủy ban nhân dân thành phố ban hành quy trình, thủ tục hỗ trợ bảo đảm đơn giản, công khai, minh bạch.</p>
<p>Nghị quyết có hiệu lực từ ngày 20/12/2025.</p>`,
    tags: ['nghị quyết', 'bán dẫn', 'thu hút nhân lực'],
    meta: legalMeta({
      number: '42/2025/NQ-HĐND',
      documentType: 'Nghị quyết',
      issuingBody: 'Hội đồng nhân dân thành phố Đà Nẵng',
      signer: 'Ngô Thị Kim Oanh',
      signerTitle: 'Chủ tịch Hội đồng nhân dân',
      issuedDate: '2025-12-10',
      effectiveDate: '2025-12-20',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Khoa học – công nghệ',
      gazetteDate: '2025-12-19',
      abstract: `Quy định chính sách thu hút, hỗ trợ nguồn nhân lực ngành vi mạch bán dẫn và trí tuệ nhân tạo trên địa bàn thành phố Đà Nẵng.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 34,
    title: `Kế hoạch số 215/KH-UBND triển khai xây dựng và vận hành Khu thương mại tự do Đà Nẵng năm 2026–2027`,
    summary: `Kế hoạch phân công nhiệm vụ cho các sở, ngành, địa phương về giải phóng mặt bằng, đầu tư hạ tầng, xúc tiến đầu tư và thủ tục hành chính trong Khu thương mại tự do.`,
    body: `<p>Ủy ban nhân dân thành phố Đà Nẵng ban hành Kế hoạch số 215/KH-UBND triển khai xây dựng và vận hành Khu thương mại tự do Đà Nẵng trong giai đoạn 2026–2027.</p>
<h2>Các nhóm nhiệm vụ</h2>
<ol>
<li>Hoàn thành giải phóng mặt bằng các khu chức năng; bố trí tái định cư cho người dân bị ảnh hưởng;</li>
<li>Đầu tư hạ tầng kỹ thuật, hàng rào cứng, hệ thống giám sát hải quan;</li>
<li>Xúc tiến đầu tư có trọng tâm, ưu tiên các dự án công nghệ cao, logistics;</li>
<li>Xây dựng quy trình thủ tục “một cửa tại chỗ” và hệ thống thông tin quản lý khu.</li>
</ol>
<p>Ủy ban nhân dân các xã, phường có diện tích thuộc Khu thương mại tự do chịu trách nhiệm phối hợp trong công tác giải phóng mặt bằng, ổn định đời sống người dân và bảo đảm an ninh, trật tự trên địa bàn.</p>
<p>Kế hoạch xác định rõ thời hạn hoàn thành, sản phẩm đầu ra và cơ quan chủ trì đối với từng nhiệm vụ; Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng là đầu mối tổng hợp, báo cáo kết quả hằng quý.</p>`,
    tags: ['kế hoạch', 'khu thương mại tự do', 'phân công nhiệm vụ'],
    meta: legalMeta({
      number: '215/KH-UBND',
      documentType: 'Kế hoạch',
      issuingBody: 'Ủy ban nhân dân thành phố Đà Nẵng',
      signer: 'Hồ Quang Trí',
      signerTitle: 'KT. Chủ tịch – Phó Chủ tịch',
      issuedDate: '2026-10-10',
      effectiveDate: '2026-10-10',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Đầu tư',
      gazetteDate: null,
      abstract: `Triển khai xây dựng và vận hành Khu thương mại tự do Đà Nẵng năm 2026–2027.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 55,
    title: `Quyết định số 25/2022/QĐ-UBND của Ủy ban nhân dân tỉnh Quảng Nam quy định giá dịch vụ tham quan khu phố cổ Hội An`,
    summary: `Văn bản của tỉnh Quảng Nam (trước hợp nhất) đã hết hiệu lực, được thay thế bởi quy định của Ủy ban nhân dân thành phố Đà Nẵng.`,
    body: `<p>Quyết định số 25/2022/QĐ-UBND do Ủy ban nhân dân tỉnh Quảng Nam ban hành quy định giá dịch vụ tham quan khu phố cổ Hội An, đối tượng được miễn, giảm và việc quản lý, sử dụng nguồn thu cho công tác bảo tồn di sản.</p>
<p>Sau khi tỉnh Quảng Nam và thành phố Đà Nẵng hợp nhất thành thành phố Đà Nẵng, các văn bản quy phạm pháp luật của tỉnh Quảng Nam tiếp tục được áp dụng trên địa bàn tương ứng cho đến khi được thay thế theo quy định.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực toàn bộ, được thay thế bởi quyết định của Ủy ban nhân dân thành phố Đà Nẵng quy định giá dịch vụ tham quan các di tích trên địa bàn thành phố.</blockquote>
<p>Văn bản được lưu giữ trên Cổng Thông tin điện tử thành phố để phục vụ tra cứu.</p>`,
    tags: ['văn bản hết hiệu lực', 'Hội An', 'giá dịch vụ'],
    meta: legalMeta({
      number: '25/2022/QĐ-UBND',
      documentType: 'Quyết định',
      issuingBody: 'Ủy ban nhân dân tỉnh Quảng Nam',
      signer: 'Trương Văn Tín',
      signerTitle: 'KT. Chủ tịch – Phó Chủ tịch',
      issuedDate: '2022-09-14',
      effectiveDate: '2022-10-01',
      expiryDate: '2026-03-01',
      effectStatus: 'expired',
      field: 'Văn hóa – du lịch',
      gazetteDate: '2022-09-26',
      abstract: `Quy định giá dịch vụ tham quan khu phố cổ Hội An.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 40,
    title: `Quyết định số 33/2025/QĐ-UBND quy định về quản lý hoạt động kinh doanh dịch vụ du lịch trên bãi biển`,
    summary: `Quy định điều kiện, phạm vi kinh doanh dịch vụ tắm biển, thể thao dưới nước, cho thuê dù, ghế trên các bãi biển của thành phố; một số điều đã được sửa đổi.`,
    body: `<p>Quyết định số 33/2025/QĐ-UBND quy định việc quản lý hoạt động kinh doanh dịch vụ du lịch trên các bãi biển thuộc thành phố Đà Nẵng, nhằm bảo đảm an toàn cho người tắm biển, giữ gìn cảnh quan và môi trường du lịch văn minh.</p>
<p>Quy định xác định các khu vực được phép kinh doanh dịch vụ; điều kiện về lực lượng cứu hộ, trang thiết bị an toàn đối với dịch vụ thể thao dưới nước; quy định về niêm yết giá và vệ sinh môi trường.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực một phần – quy định về phạm vi áp dụng được sửa đổi để mở rộng ra các bãi biển phía Nam thành phố sau hợp nhất.</blockquote>
<p>Các tổ chức, cá nhân kinh doanh trên bãi biển cần đối chiếu với quyết định sửa đổi để thực hiện đúng quy định hiện hành.</p>`,
    tags: ['quyết định', 'bãi biển', 'du lịch'],
    meta: legalMeta({
      number: '33/2025/QĐ-UBND',
      documentType: 'Quyết định',
      issuingBody: 'Ủy ban nhân dân thành phố Đà Nẵng',
      signer: 'Hồ Quang Trí',
      signerTitle: 'KT. Chủ tịch – Phó Chủ tịch',
      issuedDate: '2025-04-22',
      effectiveDate: '2025-05-05',
      expiryDate: null,
      effectStatus: 'partly-expired',
      field: 'Văn hóa – du lịch',
      gazetteDate: '2025-05-02',
      abstract: `Quy định về quản lý hoạt động kinh doanh dịch vụ du lịch trên bãi biển thuộc thành phố Đà Nẵng.`,
    }),
  },
  // ── Thông cáo báo chí ────────────────────────────────────────────────
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 0.8,
    title: `Thông cáo báo chí về tình hình thiệt hại và công tác khắc phục hậu quả mưa lũ`,
    summary: `Thành phố cung cấp thông tin về thiệt hại ban đầu, kết quả cứu hộ, cứu trợ và các biện pháp hỗ trợ người dân ổn định cuộc sống.`,
    body: `<p>Ban Chỉ huy Phòng thủ dân sự thành phố Đà Nẵng thông tin về tình hình thiệt hại do đợt mưa lũ vừa qua và kết quả công tác khắc phục hậu quả.</p>
<h2>1. Tình hình thiệt hại</h2>
<p>Mưa lũ đã làm hư hỏng hàng trăm ngôi nhà, gây ngập úng nhiều khu dân cư vùng trũng thấp, sạt lở nhiều đoạn đường giao thông tại các xã miền núi; diện tích lớn hoa màu, rừng trồng bị thiệt hại. Số liệu thiệt hại đang tiếp tục được các địa phương rà soát, tổng hợp.</p>
<h2>2. Công tác cứu hộ, cứu trợ</h2>
<ul>
<li>Sơ tán hàng nghìn hộ dân đến nơi an toàn trước khi lũ lên;</li>
<li>Cấp phát hàng chục tấn gạo, nước uống, mì tôm và thuốc men cho người dân vùng bị chia cắt;</li>
<li>Thông tuyến tạm thời phần lớn các điểm sạt lở trên các tuyến đường lên vùng cao.</li>
</ul>
<h2>3. Kênh tiếp nhận hỗ trợ</h2>
<p>Ủy ban Mặt trận Tổ quốc Việt Nam thành phố tiếp nhận ủng hộ của các tổ chức, cá nhân qua tài khoản công khai. Mọi khoản ủng hộ được công khai trên Cổng Thông tin điện tử thành phố.</p>`,
    tags: ['thông cáo báo chí', 'mưa lũ', 'cứu trợ'],
    translations: {
      en: {
        title: `Press release on flood damage and recovery`,
        summary: `The city reports initial damage, rescue and relief results and measures to help residents get back on their feet.`,
        body: `<p>The city Civil Defence Command reports that the floods damaged hundreds of homes, inundated low-lying neighbourhoods, caused landslides on mountain roads and destroyed crops and plantations; figures are still being compiled.</p>
<p>Thousands of households were evacuated in advance, tonnes of rice, water and medicine have been delivered to isolated areas and most landslide points have been temporarily cleared. Donations are received through the Viet Nam Fatherland Front's public account and published on the city portal.</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 17,
    title: `Thông cáo báo chí về Diễn đàn Đầu tư Đà Nẵng`,
    summary: `Diễn đàn giới thiệu các cơ chế đặc thù, Khu thương mại tự do và danh mục dự án kêu gọi đầu tư của thành phố sau hợp nhất.`,
    body: `<p>Ủy ban nhân dân thành phố Đà Nẵng thông báo tổ chức Diễn đàn Đầu tư Đà Nẵng với chủ đề “Không gian mới – Cơ hội mới”, dự kiến thu hút hàng trăm nhà đầu tư, tổ chức tài chính và doanh nghiệp trong và ngoài nước.</p>
<h2>Nội dung chính của diễn đàn</h2>
<ul>
<li>Giới thiệu quy hoạch thành phố, định hướng phát triển các khu vực sau hợp nhất;</li>
<li>Cơ chế, chính sách đặc thù theo nghị quyết của Quốc hội; Khu thương mại tự do và Trung tâm tài chính quốc tế;</li>
<li>Công bố danh mục dự án kêu gọi đầu tư trong các lĩnh vực công nghệ cao, logistics, du lịch, đô thị;</li>
<li>Trao quyết định chủ trương đầu tư, giấy chứng nhận đăng ký đầu tư cho các dự án.</li>
</ul>
<p>Bên lề diễn đàn, các sở, ngành bố trí bàn tiếp nhà đầu tư để giải đáp trực tiếp về thủ tục đầu tư, đất đai, xây dựng và môi trường.</p>
<p>Phóng viên các cơ quan báo chí có nhu cầu tác nghiệp đề nghị đăng ký với Sở Văn hóa, Thể thao và Du lịch thành phố trước ngày diễn ra sự kiện.</p>`,
    tags: ['thông cáo báo chí', 'diễn đàn đầu tư', 'xúc tiến đầu tư'],
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 39,
    title: `Thông cáo báo chí về giá vé tham quan các di tích tại Hội An và Mỹ Sơn`,
    summary: `Thành phố thống nhất giá vé tham quan, mở rộng đối tượng miễn, giảm và áp dụng vé điện tử tại các điểm di tích.`,
    body: `<p>Ủy ban nhân dân thành phố Đà Nẵng thông báo việc áp dụng quy định mới về giá vé tham quan các di tích tại khu phố cổ Hội An và khu đền tháp Mỹ Sơn, thay thế quy định trước đây của tỉnh Quảng Nam.</p>
<h2>Những điểm mới</h2>
<ul>
<li>Vé điện tử được bán trực tuyến và tại các quầy vé, tích hợp mã QR kiểm soát tại cổng;</li>
<li>Miễn vé đối với người dân thành phố, trẻ em dưới 16 tuổi và người khuyết tật nặng;</li>
<li>Giảm 50% giá vé đối với người cao tuổi, học sinh, sinh viên.</li>
</ul>
<p>Vé tham quan phố cổ Hội An có giá trị sử dụng trong 24 giờ, cho phép du khách vào các điểm di tích được chọn; du khách không phải mua vé khi chỉ đi dạo trên các tuyến phố.</p>
<p>Nguồn thu từ vé tham quan được sử dụng cho công tác tu bổ, bảo tồn di tích và vệ sinh môi trường khu di sản. Thông tin chi tiết được niêm yết tại các điểm bán vé và trên chuyên trang Du lịch Đà Nẵng – Hội An.</p>`,
    tags: ['thông cáo báo chí', 'vé tham quan', 'di sản'],
  },
  // ── Thủ tục hành chính ───────────────────────────────────────────────
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 4,
    title: `Đăng ký thành lập hộ kinh doanh`,
    summary: `Cá nhân, thành viên hộ gia đình đăng ký hộ kinh doanh tại Ủy ban nhân dân cấp xã nơi đặt trụ sở; hồ sơ được nộp và trả kết quả trực tuyến toàn trình.`,
    body: `<p>Thủ tục áp dụng đối với cá nhân hoặc các thành viên hộ gia đình đăng ký thành lập hộ kinh doanh trên địa bàn thành phố Đà Nẵng. Sau khi tổ chức chính quyền địa phương hai cấp, thẩm quyền đăng ký hộ kinh doanh thuộc Ủy ban nhân dân cấp xã.</p>
<h2>Lợi ích khi nộp trực tuyến</h2>
<p>Người đăng ký đăng nhập bằng tài khoản định danh điện tử; thông tin nhân thân được tự động khai thác từ Cơ sở dữ liệu quốc gia về dân cư. Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử được ký số và gửi về tài khoản của người đăng ký.</p>
<p>Thông tin đăng ký được tự động chuyển sang cơ quan thuế để cấp mã số thuế cho hộ kinh doanh; người đăng ký không phải làm thủ tục đăng ký thuế riêng.</p>`,
    tags: ['hộ kinh doanh', 'đăng ký kinh doanh', 'cấp xã'],
    meta: {
      code: '2.000720',
      decisionNumber: '2890/QĐ-UBND',
      level: 'Cấp Xã',
      field: 'Thành lập và hoạt động của hộ kinh doanh',
      agency: 'Ủy ban nhân dân xã, phường, đặc khu',
      steps: [
        'Người đăng ký nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính thành phố',
        'Ủy ban nhân dân cấp xã kiểm tra tính hợp lệ của hồ sơ',
        'Cấp Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử',
        'Liên thông thông tin sang cơ quan thuế để cấp mã số thuế',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ',
      fees: 'Lệ phí theo mức do Hội đồng nhân dân thành phố quy định; miễn lệ phí khi nộp hồ sơ trực tuyến',
      requiredDocuments: [
        { name: 'Giấy đề nghị đăng ký hộ kinh doanh', quantity: 1 },
        { name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên cùng đăng ký)', quantity: 1 },
        { name: 'Văn bản ủy quyền cho thành viên làm chủ hộ kinh doanh (nếu có)', quantity: 1 },
      ],
      result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
      legalBasis: ['59/2020/QH14', '168/2025/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.danang.gov.vn/',
    },
    translations: {
      en: {
        title: `Registration of a household business`,
        summary: `Individuals or household members register a household business with the commune People's Committee; the whole process can be completed online.`,
        body: `<p>Under two-tier local government, commune-level People's Committees in Da Nang register household businesses. Applicants log in with their electronic identity; personal data are drawn from the National Population Database, and a digitally signed certificate is returned to their account.</p>
<p>Registration data pass automatically to the tax authority, so no separate tax registration is needed.</p>`,
        meta: {
          level: 'Commune level',
          field: 'Household business registration',
          agency: 'Commune, ward or special zone People\u2019s Committee',
          processingTime: '3 working days from receipt of a valid application',
          fees: 'As set by the City People\u2019s Council; waived for online applications',
        },
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 16,
    title: `Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong Khu thương mại tự do Đà Nẵng`,
    summary: `Nhà đầu tư thực hiện dự án tại Khu thương mại tự do nộp hồ sơ tại Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng theo thủ tục rút gọn.`,
    body: `<p>Thủ tục áp dụng đối với nhà đầu tư trong nước và nước ngoài thực hiện dự án đầu tư tại các khu chức năng của Khu thương mại tự do Đà Nẵng, thuộc diện cấp Giấy chứng nhận đăng ký đầu tư.</p>
<h2>Điểm khác biệt so với thủ tục thông thường</h2>
<ul>
<li>Thời gian giải quyết được rút ngắn theo cơ chế đặc thù;</li>
<li>Nhà đầu tư chỉ làm việc với một đầu mối là Ban Quản lý;</li>
<li>Một số thủ tục về xây dựng, môi trường được thực hiện song song.</li>
</ul>
<p>Hồ sơ được nộp trực tuyến trên Hệ thống thông tin quốc gia về đầu tư. Tuy nhiên, đối với nhà đầu tư nước ngoài, giấy tờ pháp lý phải được hợp pháp hóa lãnh sự và nộp bản gốc để đối chiếu, vì vậy thủ tục được cung cấp trực tuyến một phần.</p>`,
    tags: ['đăng ký đầu tư', 'khu thương mại tự do', 'nhà đầu tư'],
    meta: {
      code: '1.009645',
      decisionNumber: '2890/QĐ-UBND',
      level: 'Cấp Tỉnh',
      field: 'Đầu tư tại Việt Nam',
      agency: 'Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng',
      steps: [
        'Nhà đầu tư kê khai trực tuyến trên Hệ thống thông tin quốc gia về đầu tư',
        'Nộp hồ sơ đề nghị cấp Giấy chứng nhận đăng ký đầu tư tại Ban Quản lý',
        'Ban Quản lý thẩm định hồ sơ, lấy ý kiến cơ quan liên quan (nếu cần)',
        'Cấp Giấy chứng nhận đăng ký đầu tư',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Không thu phí, lệ phí',
      requiredDocuments: [
        { name: 'Văn bản đề nghị thực hiện dự án đầu tư', quantity: 1 },
        { name: 'Tài liệu về tư cách pháp lý của nhà đầu tư', quantity: 1 },
        { name: 'Đề xuất dự án đầu tư', quantity: 1 },
        { name: 'Báo cáo tài chính hai năm gần nhất hoặc tài liệu chứng minh năng lực tài chính', quantity: 1 },
      ],
      result: 'Giấy chứng nhận đăng ký đầu tư',
      legalBasis: ['61/2020/QH14', '136/2024/QH15', '31/2021/NĐ-CP'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dautunuocngoai.gov.vn/',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 31,
    title: `Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa`,
    summary: `Doanh nghiệp kinh doanh dịch vụ lữ hành nội địa có trụ sở tại Đà Nẵng đề nghị cấp giấy phép qua Cổng Dịch vụ công, thực hiện trực tuyến toàn trình.`,
    body: `<p>Thủ tục áp dụng đối với doanh nghiệp có trụ sở chính trên địa bàn thành phố Đà Nẵng đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành nội địa.</p>
<h2>Điều kiện</h2>
<ul>
<li>Là doanh nghiệp thành lập theo quy định của pháp luật về doanh nghiệp;</li>
<li>Ký quỹ kinh doanh dịch vụ lữ hành nội địa tại ngân hàng theo mức quy định;</li>
<li>Người phụ trách kinh doanh dịch vụ lữ hành tốt nghiệp chuyên ngành về lữ hành hoặc có chứng chỉ nghiệp vụ điều hành du lịch nội địa.</li>
</ul>
<p>Toàn bộ hồ sơ được nộp bản điện tử; giấy phép được cấp bản điện tử có ký số và cập nhật vào cơ sở dữ liệu doanh nghiệp lữ hành.</p>`,
    tags: ['lữ hành', 'giấy phép kinh doanh', 'du lịch'],
    meta: {
      code: '1.004628',
      decisionNumber: '2890/QĐ-UBND',
      level: 'Cấp Tỉnh',
      field: 'Lữ hành',
      agency: 'Sở Văn hóa, Thể thao và Du lịch thành phố Đà Nẵng',
      steps: ['Doanh nghiệp nộp hồ sơ trực tuyến trên Cổng Dịch vụ công', 'Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ', 'Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa bản điện tử'],
      channels: ['Trực tuyến'],
      processingTime: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Phí thẩm định cấp giấy phép: 3.000.000 đồng/giấy phép',
      requiredDocuments: [
        { name: 'Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành', quantity: 1 },
        { name: 'Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành', quantity: 1 },
        { name: 'Bản sao văn bằng hoặc chứng chỉ nghiệp vụ của người phụ trách kinh doanh', quantity: 1 },
        { name: 'Quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh', quantity: 1 },
      ],
      result: 'Giấy phép kinh doanh dịch vụ lữ hành nội địa',
      legalBasis: ['09/2017/QH14', '168/2017/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.danang.gov.vn/',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 49,
    title: `Liên thông thủ tục hành chính: đăng ký khai tử – xóa đăng ký thường trú – hưởng chế độ mai táng phí`,
    summary: `Thân nhân người chết chỉ cần nộp một bộ hồ sơ để đồng thời đăng ký khai tử, xóa đăng ký thường trú và giải quyết chế độ mai táng phí.`,
    body: `<p>Nhóm thủ tục liên thông giúp giảm bớt thủ tục cho thân nhân người chết trong lúc gia đình có việc buồn. Thông tin được kê khai một lần và tự động chuyển giữa cơ quan hộ tịch, cơ quan đăng ký cư trú và cơ quan giải quyết chế độ mai táng phí.</p>
<h2>Phạm vi áp dụng</h2>
<p>Áp dụng đối với trường hợp người chết thuộc diện được hưởng chế độ mai táng phí theo quy định của pháp luật về bảo hiểm xã hội, người có công hoặc đối tượng bảo trợ xã hội; trường hợp không thuộc diện hưởng mai táng phí vẫn được liên thông đăng ký khai tử và xóa đăng ký thường trú.</p>
<p>Kết quả giải quyết được trả về tài khoản của người nộp hồ sơ trên Cổng Dịch vụ công quốc gia; tiền mai táng phí được chuyển vào tài khoản ngân hàng của thân nhân.</p>`,
    tags: ['liên thông', 'khai tử', 'mai táng phí'],
    meta: {
      code: '1.013210',
      decisionNumber: '2890/QĐ-UBND',
      level: 'Cấp Xã',
      field: 'Hộ tịch',
      agency: 'Ủy ban nhân dân cấp xã; Công an cấp xã; cơ quan Bảo hiểm xã hội',
      steps: [
        'Thân nhân kê khai tờ khai liên thông trực tuyến hoặc tại bộ phận một cửa cấp xã',
        'Công chức tư pháp – hộ tịch đăng ký khai tử',
        'Hệ thống tự động chuyển thông tin để xóa đăng ký thường trú và giải quyết chế độ mai táng phí',
        'Thân nhân nhận kết quả điện tử và tiền mai táng phí qua tài khoản ngân hàng',
      ],
      channels: ['Trực tuyến', 'Trực tiếp'],
      processingTime: 'Tối đa 10 ngày làm việc cho cả nhóm thủ tục',
      fees: 'Miễn lệ phí đăng ký khai tử đúng hạn',
      requiredDocuments: [
        { name: 'Tờ khai liên thông', quantity: 1 },
        { name: 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử', quantity: 1 },
        { name: 'Giấy tờ chứng minh thuộc diện hưởng mai táng phí (nếu có)', quantity: 1 },
      ],
      result: 'Trích lục khai tử; thông tin thường trú được cập nhật; quyết định hưởng chế độ mai táng phí',
      legalBasis: ['60/2014/QH13', '68/2020/QH14', '63/2024/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen-lien-thong.html',
    },
  },
  // ── Video ────────────────────────────────────────────────────────────
  {
    type: 'video',
    section: 'video',
    daysAgo: 5,
    title: `Đà Nẵng – thành phố đáng sống bên bờ biển Đông`,
    summary: `Video giới thiệu hình ảnh thành phố Đà Nẵng mở rộng: từ những cây cầu trên sông Hàn đến phố cổ Hội An và núi rừng phía Tây.`,
    body: `<p>Video đưa người xem đi qua những địa danh nổi bật của thành phố Đà Nẵng sau hợp nhất: cầu Rồng, cầu Sông Hàn, bán đảo Sơn Trà, biển Mỹ Khê, Bà Nà, phố cổ Hội An, khu đền tháp Mỹ Sơn và những cánh rừng sâm ở vùng núi phía Tây.</p>
<p>Bên cạnh cảnh quan, video giới thiệu nhịp sống năng động của thành phố: các khu công nghệ cao, cảng biển, trường đại học và cộng đồng khởi nghiệp trẻ.</p>
<p>Video được sản xuất phục vụ hoạt động xúc tiến đầu tư, du lịch, có thuyết minh tiếng Việt và tiếng Anh.</p>`,
    tags: ['video', 'quảng bá', 'thành phố đáng sống'],
    meta: { sourceUrl: youtube('Dn7gK2pLs4T'), duration: 264 },
    translations: {
      en: {
        title: `Da Nang – a liveable city on the East Sea`,
        summary: `A video introducing the enlarged city of Da Nang, from the bridges over the Han River to Hoi An ancient town and the western mountains.`,
        body: `<p>The video visits the Dragon Bridge, Han River Bridge, Son Tra peninsula, My Khe beach, Ba Na, Hoi An, the My Son sanctuary and the ginseng forests of the western mountains.</p>
<p>It also shows the city's high-tech parks, port, universities and start-up community, with Vietnamese and English narration.</p>`,
      },
    },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 22,
    title: `Hướng dẫn đăng ký hộ kinh doanh trực tuyến`,
    summary: `Video hướng dẫn từng bước đăng ký hộ kinh doanh trên Cổng Dịch vụ công bằng tài khoản định danh điện tử.`,
    body: `<p>Video hướng dẫn người dân thực hiện đăng ký hộ kinh doanh trực tuyến: đăng nhập Cổng Dịch vụ công, chọn thủ tục, kê khai thông tin hộ kinh doanh, ngành nghề, vốn kinh doanh và nộp hồ sơ.</p>
<p>Người xem cũng được hướng dẫn cách tra cứu tình trạng hồ sơ, nhận giấy chứng nhận bản điện tử và kiểm tra mã số thuế của hộ kinh doanh.</p>
<p>Video phù hợp để các xã, phường sử dụng tại bộ phận một cửa, màn hình hướng dẫn tại Trung tâm phục vụ hành chính công và trên hệ thống truyền thanh cơ sở.</p>`,
    tags: ['hướng dẫn', 'hộ kinh doanh', 'dịch vụ công'],
    meta: { sourceUrl: youtube('Hk2dV6rNq8Y'), duration: 201 },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 37,
    title: `Cảng Liên Chiểu – khát vọng vươn khơi`,
    summary: `Phóng sự về quá trình xây dựng cảng Liên Chiểu và kỳ vọng về một cửa ngõ logistics mới của miền Trung.`,
    body: `<p>Phóng sự ghi lại hành trình từ những ngày đầu khảo sát đến khi đê chắn sóng, luồng tàu của cảng Liên Chiểu hoàn thành, với sự đóng góp của hàng nghìn kỹ sư, công nhân.</p>
<p>Các chuyên gia, doanh nghiệp logistics chia sẻ kỳ vọng về vai trò của cảng trong việc giảm chi phí vận tải, thu hút đầu tư và hình thành chuỗi cung ứng mới cho khu vực miền Trung – Tây Nguyên.</p>
<p>Phóng sự cũng đề cập đến câu chuyện của những ngư dân nhường biển cho dự án và được hỗ trợ chuyển đổi nghề nghiệp.</p>`,
    tags: ['phóng sự', 'cảng Liên Chiểu', 'logistics'],
    meta: { sourceUrl: youtube('Lc5zP1wXe9B'), duration: 612 },
  },
  // ── Ảnh ──────────────────────────────────────────────────────────────
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 1.8,
    title: `Chung tay dọn dẹp phố cổ Hội An sau lũ`,
    summary: `Chùm ảnh về lực lượng chức năng, đoàn viên thanh niên và người dân cùng dọn dẹp bùn đất, vệ sinh khu phố cổ sau khi nước rút.`,
    body: `<p>Ngay khi nước lũ rút, hàng nghìn người gồm cán bộ, chiến sĩ, đoàn viên thanh niên, công nhân môi trường và người dân đã xuống đường dọn dẹp bùn đất, rác thải tại khu phố cổ Hội An.</p>
<p>Nhờ sự chung tay của cộng đồng, chỉ sau vài ngày, các tuyến phố đã sạch sẽ, các cửa hàng mở cửa trở lại đón du khách.</p>
<p>Một số hình ảnh ghi lại trong những ngày dọn dẹp sau lũ.</p>`,
    tags: ['chùm ảnh', 'Hội An', 'sau lũ'],
    meta: {
      images: [
        { src: '/media/demo/dn-hoi-an-sau-lu-01.jpg', caption: 'Bộ đội giúp người dân dọn bùn đất trên phố Nguyễn Thái Học', credit: 'Ảnh: Thanh Tùng' },
        { src: '/media/demo/dn-hoi-an-sau-lu-02.jpg', caption: 'Đoàn viên thanh niên xịt rửa đường phố', credit: 'Ảnh: Thanh Tùng' },
        { src: '/media/demo/dn-hoi-an-sau-lu-03.jpg', caption: 'Chủ nhà cổ lau dọn đồ đạc sau lũ', credit: 'Ảnh: Mỹ Hạnh' },
        { src: '/media/demo/dn-hoi-an-sau-lu-04.jpg', caption: 'Du khách quay trở lại phố cổ', credit: 'Ảnh: Mỹ Hạnh' },
      ],
    },
    translations: {
      en: {
        title: `Joining hands to clean up Hoi An ancient town after the flood`,
        summary: `Photos of soldiers, youth volunteers and residents clearing mud and cleaning the ancient town as the waters receded.`,
        body: `<p>As soon as the floodwaters receded, thousands of soldiers, young volunteers, sanitation workers and residents cleared mud and debris from Hoi An's ancient town.</p>
<p>Within a few days the streets were clean and shops had reopened to visitors.</p>`,
      },
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 12.5,
    title: `Đêm cuối tuần bên sông Hàn`,
    summary: `Chùm ảnh về không khí sôi động của người dân và du khách bên bờ sông Hàn vào các tối cuối tuần.`,
    body: `<p>Mỗi tối cuối tuần, hai bờ sông Hàn trở nên sôi động với các hoạt động biểu diễn nghệ thuật đường phố, chợ đêm và màn phun lửa, phun nước của cầu Rồng.</p>
<p>Người dân và du khách thong thả dạo bộ, thưởng thức ẩm thực và ngắm những cây cầu lung linh ánh đèn.</p>
<p>Chùm ảnh ghi lại vẻ đẹp về đêm của thành phố bên sông Hàn, nơi những cây cầu đã trở thành biểu tượng của Đà Nẵng.</p>`,
    tags: ['chùm ảnh', 'sông Hàn', 'du lịch đêm'],
    meta: {
      images: [
        { src: '/media/demo/dn-song-han-01.jpg', caption: 'Cầu Rồng phun lửa tối cuối tuần', credit: 'Ảnh: Văn Lợi' },
        { src: '/media/demo/dn-song-han-02.jpg', caption: 'Du khách dạo bộ trên đường Bạch Đằng', credit: 'Ảnh: Văn Lợi' },
        { src: '/media/demo/dn-song-han-03.jpg', caption: 'Chợ đêm ven sông', credit: 'Ảnh: Kim Ngân' },
      ],
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 44,
    title: `Những cánh rừng sâm ở vùng núi phía Tây thành phố`,
    summary: `Chùm ảnh về các mô hình trồng sâm, dược liệu dưới tán rừng của đồng bào dân tộc thiểu số.`,
    body: `<p>Ở độ cao trên 1.200 mét, dưới tán rừng nguyên sinh, đồng bào dân tộc thiểu số chăm sóc những vườn sâm quý. Cây sâm không chỉ mang lại thu nhập mà còn gắn người dân với trách nhiệm giữ rừng.</p>
<p>Các hợp tác xã dược liệu đã được thành lập, sản phẩm được truy xuất nguồn gốc và tham gia chương trình OCOP.</p>
<p>Chùm ảnh ghi lại cuộc sống của người trồng sâm nơi vùng cao.</p>`,
    tags: ['chùm ảnh', 'dược liệu', 'vùng cao'],
    meta: {
      images: [
        { src: '/media/demo/dn-rung-sam-01.jpg', caption: 'Vườn sâm dưới tán rừng nguyên sinh', credit: 'Ảnh: Hữu Phúc' },
        { src: '/media/demo/dn-rung-sam-02.jpg', caption: 'Người dân kiểm tra cây sâm', credit: 'Ảnh: Hữu Phúc' },
        { src: '/media/demo/dn-rung-sam-03.jpg', caption: 'Tổ bảo vệ rừng tuần tra', credit: 'Ảnh: Hữu Phúc' },
        { src: '/media/demo/dn-rung-sam-04.jpg', caption: 'Sản phẩm dược liệu OCOP của hợp tác xã', credit: 'Ảnh: Bích Trâm' },
      ],
    },
  },
];
