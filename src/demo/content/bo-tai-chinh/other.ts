import type { DemoItem } from '../../types.ts';
import { legalMeta, youtube } from '../_helpers.ts';

// Chỉ đạo điều hành, văn bản, thông cáo, thủ tục, video và ảnh của Bộ Tài chính.
// Người ký văn bản là tên hư cấu.
export const boTaiChinhOther: DemoItem[] = [
  // ── Chỉ đạo, điều hành ───────────────────────────────────────────────
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 2,
    title: `Bộ trưởng chỉ đạo tăng cường phòng, chống buôn lậu, gian lận thương mại dịp cuối năm`,
    summary: `Lực lượng hải quan được yêu cầu tập trung vào các tuyến, địa bàn trọng điểm và mặt hàng có thuế suất cao, hàng cấm, hàng giả.`,
    body: `<p>Bộ trưởng Bộ Tài chính vừa ký văn bản chỉ đạo các đơn vị trong ngành tăng cường công tác phòng, chống buôn lậu, gian lận thương mại và hàng giả trong những tháng cuối năm và dịp Tết Nguyên đán – thời điểm nhu cầu tiêu dùng tăng cao, các đối tượng lợi dụng để đưa hàng lậu vào nội địa.</p>
<h2>Trọng tâm kiểm soát</h2>
<ul>
<li>Các tuyến biên giới đường bộ phía Bắc, Tây Nam và tuyến biển; các cảng biển, cảng hàng không quốc tế;</li>
<li>Mặt hàng thuốc lá, rượu, bia, pháo nổ, ma túy, động vật hoang dã, hàng tiêu dùng có thuế suất cao;</li>
<li>Hành vi gian lận xuất xứ, chuyển tải bất hợp pháp, khai sai trị giá, mã số hàng hóa;</li>
<li>Hoạt động buôn bán hàng giả, hàng không rõ nguồn gốc qua thương mại điện tử.</li>
</ul>
<p>Bộ trưởng yêu cầu Cục Hải quan phối hợp chặt chẽ với lực lượng biên phòng, công an, quản lý thị trường; tăng cường trao đổi thông tin, áp dụng quản lý rủi ro và thiết bị soi chiếu hiện đại để phát hiện vi phạm mà không gây ách tắc hàng hóa hợp pháp.</p>
<p>Thủ trưởng đơn vị để xảy ra buôn lậu phức tạp trên địa bàn quản lý mà không phát hiện, xử lý kịp thời sẽ bị xem xét trách nhiệm theo quy định.</p>`,
    tags: ['chống buôn lậu', 'hải quan', 'gian lận thương mại'],
    translations: {
      en: {
        title: `Minister orders a crackdown on smuggling and trade fraud at year-end`,
        summary: `Customs must concentrate on key routes and areas and on high-tax, prohibited and counterfeit goods.`,
        body: `<p>The Minister of Finance has instructed units to step up the fight against smuggling, trade fraud and counterfeits ahead of the Lunar New Year, when demand peaks. Priorities include northern and south-western land borders, sea routes and international ports and airports; goods such as cigarettes, alcohol, fireworks, drugs and wildlife; origin fraud and misdeclaration; and counterfeit goods sold online.</p>
<p>Customs will coordinate with border guards, police and market inspectors and use risk management and scanners so that legitimate goods are not delayed.</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 9,
    title: `Yêu cầu đẩy nhanh giải quyết hồ sơ hoàn thuế giá trị gia tăng cho doanh nghiệp`,
    summary: `Cơ quan thuế phải giải quyết hồ sơ hoàn thuế đúng hạn, ưu tiên hoàn trước kiểm tra sau đối với doanh nghiệp tuân thủ tốt.`,
    body: `<p>Thứ trưởng Bộ Tài chính đã ký văn bản gửi Cục Thuế và các đơn vị liên quan về việc đẩy nhanh tiến độ giải quyết hồ sơ hoàn thuế giá trị gia tăng, góp phần tháo gỡ khó khăn về dòng tiền cho doanh nghiệp sản xuất, xuất khẩu.</p>
<p>Văn bản yêu cầu cơ quan thuế rà soát toàn bộ hồ sơ đề nghị hoàn thuế đang giải quyết; hồ sơ đủ điều kiện phải được ra quyết định hoàn ngay, không để tồn đọng sang tháng sau. Đối với doanh nghiệp có lịch sử tuân thủ tốt, áp dụng nguyên tắc hoàn trước, kiểm tra sau.</p>
<h2>Công khai, minh bạch</h2>
<p>Cục Thuế phải công khai tình hình giải quyết hồ sơ hoàn thuế trên Cổng thông tin điện tử của ngành, bao gồm số hồ sơ tiếp nhận, đã giải quyết, quá hạn và lý do. Doanh nghiệp có thể tra cứu trạng thái hồ sơ của mình qua hệ thống thuế điện tử.</p>
<p>Trường hợp cần xác minh hóa đơn đầu vào, cơ quan thuế sử dụng dữ liệu hóa đơn điện tử để xác minh trên hệ thống, hạn chế gửi văn bản xác minh thủ công gây kéo dài thời gian.</p>`,
    tags: ['hoàn thuế', 'thuế giá trị gia tăng', 'doanh nghiệp'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 20,
    title: `Chỉ đạo tổ chức thực hiện dự toán ngân sách nhà nước ngay từ những ngày đầu năm`,
    summary: `Các bộ, địa phương phải phân bổ, giao dự toán cho đơn vị sử dụng ngân sách trước ngày 31/12, không để chậm trễ làm ảnh hưởng đến nhiệm vụ chi.`,
    body: `<p>Bộ Tài chính vừa có văn bản hướng dẫn các bộ, cơ quan trung ương và địa phương chuẩn bị tổ chức thực hiện dự toán ngân sách nhà nước năm tới ngay sau khi Quốc hội thông qua.</p>
<p>Theo đó, các cơ quan phải hoàn thành việc phân bổ, giao dự toán cho đơn vị sử dụng ngân sách trước ngày 31/12, đồng thời công khai dự toán theo quy định. Phần vốn đầu tư công phải được phân bổ chi tiết cho từng dự án đủ thủ tục, không dàn trải.</p>
<h2>Những lưu ý quan trọng</h2>
<ul>
<li>Tiếp tục tiết kiệm chi thường xuyên để tạo nguồn cải cách tiền lương;</li>
<li>Không bố trí dự toán cho các nhiệm vụ chưa được cấp có thẩm quyền phê duyệt;</li>
<li>Dành nguồn dự phòng cho phòng, chống, khắc phục hậu quả thiên tai, dịch bệnh.</li>
</ul>
<p>Kho bạc Nhà nước được giao phối hợp nhập dự toán vào hệ thống kịp thời để các đơn vị có thể triển khai chi tiêu ngay từ ngày làm việc đầu tiên của năm ngân sách.</p>`,
    tags: ['dự toán ngân sách', 'phân bổ ngân sách', 'chỉ đạo'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 41,
    title: `Chấn chỉnh tình trạng chậm lập hồ sơ quyết toán dự án hoàn thành sử dụng vốn nhà nước`,
    summary: `Bộ Tài chính đề nghị các chủ đầu tư hoàn thành quyết toán các dự án tồn đọng, xử lý trách nhiệm đối với trường hợp chậm kéo dài.`,
    body: `<p>Qua tổng hợp báo cáo, Bộ Tài chính nhận thấy vẫn còn nhiều dự án sử dụng vốn nhà nước đã hoàn thành, đưa vào sử dụng nhưng chưa được lập, thẩm tra và phê duyệt quyết toán, trong đó có dự án đã quá thời hạn nhiều năm.</p>
<p>Tình trạng này làm ảnh hưởng đến việc ghi tăng tài sản, tất toán tài khoản và xác định chính xác hiệu quả đầu tư; đồng thời tiềm ẩn nguy cơ thất thoát, lãng phí do không xác định được trách nhiệm khi nhà thầu giải thể hoặc cán bộ chuyển công tác.</p>
<h2>Yêu cầu cụ thể</h2>
<p>Bộ Tài chính đề nghị các bộ, địa phương lập danh mục dự án chậm quyết toán, phân công cán bộ theo dõi đến từng dự án và đặt thời hạn hoàn thành. Không giao dự án mới cho chủ đầu tư có nhiều dự án chậm quyết toán mà không có lý do chính đáng.</p>
<p>Sau khi sắp xếp bộ máy, đơn vị tiếp nhận nhiệm vụ của chủ đầu tư cũ có trách nhiệm kế thừa hồ sơ và hoàn thành quyết toán theo quy định.</p>`,
    tags: ['quyết toán dự án', 'vốn nhà nước', 'đầu tư công'],
  },
  // ── Văn bản pháp luật ───────────────────────────────────────────────
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 4,
    title: `Thông tư số 86/2026/TT-BTC hướng dẫn quản lý thuế đối với hộ kinh doanh, cá nhân kinh doanh`,
    summary: `Thông tư hướng dẫn việc đăng ký thuế, sử dụng hóa đơn, khai và nộp thuế của hộ kinh doanh sau khi bãi bỏ phương pháp khoán thuế.`,
    body: `<p>Bộ Tài chính ban hành Thông tư số 86/2026/TT-BTC hướng dẫn quản lý thuế đối với hộ kinh doanh, cá nhân kinh doanh, thay thế các quy định trước đây về phương pháp khoán thuế.</p>
<h2>Điểm mới chủ yếu</h2>
<ul>
<li>Hộ kinh doanh có doanh thu từ ngưỡng quy định trở lên tự khai, tự nộp thuế theo doanh thu thực tế, khai theo quý;</li>
<li>Hộ kinh doanh trong các lĩnh vực bán lẻ, ăn uống, dịch vụ sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền;</li>
<li>Tờ khai được điền sẵn dữ liệu từ hóa đơn điện tử và tài khoản thanh toán đã đăng ký;</li>
<li>Hộ có doanh thu dưới ngưỡng chịu thuế chỉ thông báo doanh thu một lần trong năm.</li>
</ul>
<p>Thông tư quy định rõ trách nhiệm của cơ quan thuế trong việc hỗ trợ, hướng dẫn người nộp thuế; thời hạn chuyển tiếp để hộ kinh doanh chuẩn bị thiết bị, phần mềm và làm quen với phương pháp mới.</p>
<p>Thông tư có hiệu lực thi hành từ ngày 01/11/2026.</p>`,
    tags: ['thông tư', 'hộ kinh doanh', 'quản lý thuế'],
    meta: legalMeta({
      number: '86/2026/TT-BTC',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Tài chính',
      signer: 'Vũ Thanh Tùng',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2026-09-15',
      effectiveDate: '2026-11-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Thuế – phí – lệ phí',
      gazetteDate: '2026-09-28',
      abstract: `Hướng dẫn quản lý thuế đối với hộ kinh doanh, cá nhân kinh doanh.`,
      appendices: ['Phụ lục: Mẫu tờ khai thuế đối với hộ kinh doanh (mẫu 01/HKD)'],
    }),
    translations: {
      en: {
        title: `Circular No. 86/2026/TT-BTC guiding tax administration for household and individual businesses`,
        summary: `The circular guides tax registration, invoicing, filing and payment for household businesses after the abolition of presumptive (lump-sum) taxation.`,
        body: `<p>Circular 86/2026/TT-BTC replaces the former lump-sum tax rules. Household businesses above the threshold self-declare and pay tax quarterly on actual revenue; retail, food and service businesses use cash-register e-invoices; returns are pre-filled from e-invoice and payment data; and businesses below the threshold report revenue once a year.</p>
<p>The circular sets out the tax authority's duty to support taxpayers and a transition period. It takes effect on 1 November 2026.</p>`,
        meta: {
          abstract: `Guidance on tax administration for household and individual businesses.`,
          documentType: 'Circular',
          issuingBody: 'Ministry of Finance',
          signerTitle: 'For the Minister – Deputy Minister',
          field: 'Taxes, fees and charges',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 12,
    title: `Thông tư số 97/2026/TT-BTC hướng dẫn xây dựng dự toán ngân sách nhà nước năm 2027 và kế hoạch tài chính – ngân sách ba năm`,
    summary: `Hướng dẫn nguyên tắc, căn cứ, thời hạn xây dựng dự toán năm 2027 và kế hoạch tài chính – ngân sách nhà nước ba năm 2027–2029.`,
    body: `<p>Thông tư số 97/2026/TT-BTC hướng dẫn các bộ, cơ quan trung ương và địa phương xây dựng dự toán ngân sách nhà nước năm 2027 gắn với kế hoạch tài chính – ngân sách nhà nước ba năm 2027–2029.</p>
<h2>Yêu cầu đối với dự toán thu</h2>
<p>Dự toán thu phải được xây dựng tích cực, sát thực tế, trên cơ sở đánh giá đầy đủ tình hình sản xuất kinh doanh và tác động của các chính sách thuế mới; không đưa vào dự toán các khoản thu không chắc chắn.</p>
<h2>Yêu cầu đối với dự toán chi</h2>
<ul>
<li>Chi đầu tư phát triển ưu tiên dự án chuyển tiếp, dự án quan trọng quốc gia, không bố trí vốn dàn trải;</li>
<li>Chi thường xuyên bám sát định mức, tiếp tục tiết kiệm theo quy định;</li>
<li>Bố trí đủ kinh phí thực hiện chính sách an sinh xã hội đã ban hành.</li>
</ul>
<p>Thông tư có hiệu lực từ ngày 05/12/2026 và áp dụng cho chu kỳ lập dự toán năm 2027.</p>`,
    tags: ['thông tư', 'dự toán ngân sách', 'kế hoạch tài chính'],
    meta: legalMeta({
      number: '97/2026/TT-BTC',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Tài chính',
      signer: 'Nguyễn Hoàng Long',
      signerTitle: 'Bộ trưởng Bộ Tài chính',
      issuedDate: '2026-10-20',
      effectiveDate: '2026-12-05',
      expiryDate: null,
      effectStatus: 'not-yet-in-force',
      field: 'Ngân sách nhà nước',
      gazetteDate: '2026-11-02',
      abstract: `Hướng dẫn xây dựng dự toán ngân sách nhà nước năm 2027 và kế hoạch tài chính – ngân sách nhà nước ba năm 2027–2029.`,
      appendices: ['Phụ lục: Hệ thống biểu mẫu lập dự toán'],
    }),
    translations: {
      en: {
        title: `Circular No. 97/2026/TT-BTC guiding preparation of the 2027 state budget estimate and three-year financial plan`,
        summary: `Guidance on principles, grounds and deadlines for the 2027 budget estimate and the 2027–2029 three-year financial and budget plan.`,
        body: `<p>Circular 97/2026/TT-BTC guides ministries and localities in preparing the 2027 budget estimate together with the 2027–2029 plan. Revenue estimates must be realistic and exclude uncertain items; development spending must prioritise ongoing and nationally important projects; recurrent spending must follow norms and savings rules.</p>
<p>The circular takes effect on 5 December 2026.</p>`,
        meta: {
          abstract: `Guidance on preparing the 2027 state budget estimate and the 2027–2029 three-year plan.`,
          documentType: 'Circular',
          issuingBody: 'Ministry of Finance',
          signerTitle: 'Minister of Finance',
          field: 'State budget',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 28,
    title: `Luật Thuế giá trị gia tăng`,
    summary: `Luật quy định về đối tượng chịu thuế, không chịu thuế, người nộp thuế, căn cứ và phương pháp tính thuế, khấu trừ, hoàn thuế giá trị gia tăng.`,
    body: `<p>Luật Thuế giá trị gia tăng được Quốc hội khóa XV thông qua tại kỳ họp thứ tám, thay thế Luật Thuế giá trị gia tăng năm 2008 và các luật sửa đổi, bổ sung.</p>
<h2>Một số nội dung đáng chú ý</h2>
<ul>
<li>Rà soát, thu hẹp danh mục hàng hóa, dịch vụ không chịu thuế để bảo đảm tính trung lập của thuế;</li>
<li>Quy định rõ nghĩa vụ khai, nộp thuế của nhà cung cấp nước ngoài kinh doanh qua nền tảng số và của sàn thương mại điện tử;</li>
<li>Hoàn thiện điều kiện khấu trừ, hoàn thuế, gắn với thanh toán không dùng tiền mặt;</li>
<li>Nâng ngưỡng doanh thu không phải nộp thuế của hộ, cá nhân kinh doanh.</li>
</ul>
<p>Những thay đổi này nhằm bảo đảm nguồn thu bền vững cho ngân sách, đồng thời tạo môi trường cạnh tranh bình đẳng giữa hoạt động kinh doanh truyền thống và kinh doanh trên nền tảng số.</p>
<p>Luật có hiệu lực từ ngày 01/7/2025. Chính phủ và Bộ Tài chính đã ban hành các văn bản quy định chi tiết, hướng dẫn thi hành.</p>`,
    tags: ['luật', 'thuế giá trị gia tăng', 'chính sách thuế'],
    meta: legalMeta({
      number: '48/2024/QH15',
      documentType: 'Luật',
      issuingBody: 'Quốc hội',
      signer: 'Phan Văn Thịnh',
      signerTitle: 'Chủ tịch Quốc hội',
      issuedDate: '2024-11-26',
      effectiveDate: '2025-07-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Thuế – phí – lệ phí',
      gazetteDate: '2024-12-20',
      abstract: `Luật Thuế giá trị gia tăng.`,
    }),
    translations: {
      en: {
        title: `Law on Value-Added Tax`,
        summary: `The law governs taxable and non-taxable objects, taxpayers, tax bases and methods, and VAT deduction and refund.`,
        body: `<p>Passed by the 15th National Assembly, the new VAT law replaces the 2008 law. It narrows the list of non-taxable goods and services, clarifies obligations of foreign digital suppliers and e-commerce platforms, tightens deduction and refund conditions linked to cashless payment and raises the revenue threshold below which household businesses pay no VAT.</p>
<p>The law took effect on 1 July 2025, with implementing decrees and circulars issued by the Government and the Ministry of Finance.</p>`,
        meta: {
          abstract: `Law on Value-Added Tax.`,
          documentType: 'Law',
          issuingBody: 'The National Assembly',
          signerTitle: 'Chairman of the National Assembly',
          field: 'Taxes, fees and charges',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 35,
    title: `Nghị định số 181/2025/NĐ-CP quy định chi tiết một số điều của Luật Thuế giá trị gia tăng`,
    summary: `Nghị định hướng dẫn đối tượng không chịu thuế, giá tính thuế, thuế suất, khấu trừ và hoàn thuế giá trị gia tăng.`,
    body: `<p>Nghị định số 181/2025/NĐ-CP được ban hành để quy định chi tiết và hướng dẫn thi hành Luật Thuế giá trị gia tăng, có hiệu lực cùng thời điểm với Luật.</p>
<p>Nghị định làm rõ các trường hợp hàng hóa, dịch vụ không chịu thuế; cách xác định giá tính thuế đối với hoạt động cho thuê, trả góp, xây dựng, bất động sản; hướng dẫn áp dụng thuế suất 0%, 5% và 10%.</p>
<h2>Khấu trừ và hoàn thuế</h2>
<p>Văn bản quy định điều kiện khấu trừ thuế giá trị gia tăng đầu vào, trong đó yêu cầu chứng từ thanh toán không dùng tiền mặt đối với hàng hóa, dịch vụ mua vào có giá trị từ mức quy định trở lên; các trường hợp được hoàn thuế đối với dự án đầu tư, hàng hóa xuất khẩu và trình tự, thủ tục hoàn thuế.</p>
<p>Người nộp thuế cần lưu ý các quy định chuyển tiếp đối với hợp đồng đã ký trước ngày Luật có hiệu lực.</p>`,
    tags: ['nghị định', 'thuế giá trị gia tăng', 'hoàn thuế'],
    meta: legalMeta({
      number: '181/2025/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Trần Đức Minh',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2025-07-01',
      effectiveDate: '2025-07-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Thuế – phí – lệ phí',
      gazetteDate: '2025-07-12',
      abstract: `Quy định chi tiết một số điều của Luật Thuế giá trị gia tăng.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 43,
    title: `Thông tư số 52/2025/TT-BTC quy định mức thu, chế độ thu, nộp phí trong lĩnh vực chứng khoán`,
    summary: `Quy định mức phí đối với hoạt động cấp phép, giám sát và dịch vụ trên thị trường chứng khoán; một số mức phí đã được sửa đổi bởi văn bản mới.`,
    body: `<p>Thông tư số 52/2025/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý phí trong lĩnh vực chứng khoán áp dụng đối với tổ chức, cá nhân đề nghị cấp phép, đăng ký và sử dụng dịch vụ trên thị trường chứng khoán.</p>
<p>Biểu phí kèm theo Thông tư bao gồm phí thẩm định hồ sơ chào bán chứng khoán, phí cấp giấy phép thành lập công ty chứng khoán, công ty quản lý quỹ, phí giám sát hoạt động chứng khoán và phí dịch vụ của Sở Giao dịch Chứng khoán, Tổng công ty Lưu ký và Bù trừ chứng khoán.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực một phần – mức phí giám sát hoạt động chứng khoán tại Biểu phí đã được thay thế để hỗ trợ thị trường sau khi nâng hạng.</blockquote>
<p>Các tổ chức thu phí có trách nhiệm niêm yết công khai mức phí và sử dụng chứng từ thu theo quy định.</p>`,
    tags: ['thông tư', 'phí', 'chứng khoán'],
    meta: legalMeta({
      number: '52/2025/TT-BTC',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Tài chính',
      signer: 'Vũ Thanh Tùng',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2025-06-24',
      effectiveDate: '2025-08-10',
      expiryDate: null,
      effectStatus: 'partly-expired',
      field: 'Chứng khoán',
      gazetteDate: '2025-07-05',
      abstract: `Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực chứng khoán.`,
      appendices: ['Biểu phí trong lĩnh vực chứng khoán'],
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 50,
    title: `Thông tư số 19/2023/TT-BTC quy định mức thu một số khoản phí, lệ phí nhằm hỗ trợ doanh nghiệp, người dân`,
    summary: `Thông tư giảm 50% mức thu một số khoản phí, lệ phí trong thời hạn nhất định để hỗ trợ sản xuất kinh doanh; đã hết hiệu lực khi hết thời gian áp dụng.`,
    body: `<p>Nhằm tiếp tục tháo gỡ khó khăn cho sản xuất kinh doanh, Bộ Tài chính đã ban hành Thông tư số 19/2023/TT-BTC giảm mức thu đối với một số khoản phí, lệ phí trong thời gian nhất định.</p>
<p>Các khoản được giảm bao gồm lệ phí cấp căn cước, lệ phí đăng ký cư trú, phí thẩm định điều kiện kinh doanh trong một số lĩnh vực, phí sử dụng dịch vụ trên thị trường chứng khoán và một số khoản phí, lệ phí khác. Mức giảm phổ biến là 50% so với mức thu quy định tại các thông tư gốc.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực toàn bộ kể từ ngày 01/01/2024 do hết thời hạn áp dụng mức thu ưu đãi.</blockquote>
<p>Từ thời điểm hết hiệu lực, các khoản phí, lệ phí được áp dụng theo mức thu quy định tại các thông tư gốc hoặc văn bản thay thế.</p>`,
    tags: ['thông tư', 'phí lệ phí', 'hỗ trợ doanh nghiệp'],
    meta: legalMeta({
      number: '19/2023/TT-BTC',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Tài chính',
      signer: 'Vũ Thanh Tùng',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2023-06-20',
      effectiveDate: '2023-07-01',
      expiryDate: '2024-01-01',
      effectStatus: 'expired',
      field: 'Thuế – phí – lệ phí',
      gazetteDate: '2023-06-30',
      abstract: `Quy định mức thu một số khoản phí, lệ phí nhằm tiếp tục hỗ trợ, tháo gỡ khó khăn cho sản xuất kinh doanh.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 59,
    title: `Thông tư số 118/2025/TT-BTC hướng dẫn chế độ kế toán đối với quỹ tài chính nhà nước ngoài ngân sách`,
    summary: `Thông tư đang bị ngưng hiệu lực để rà soát, bảo đảm phù hợp với quy định mới về tổ chức và hoạt động của các quỹ sau khi sắp xếp.`,
    body: `<p>Thông tư số 118/2025/TT-BTC hướng dẫn hệ thống chứng từ, tài khoản, sổ kế toán và báo cáo tài chính áp dụng đối với các quỹ tài chính nhà nước ngoài ngân sách do Trung ương và địa phương thành lập.</p>
<p>Sau khi nhiều quỹ được hợp nhất, giải thể theo chủ trương sắp xếp bộ máy, một số quy định của Thông tư không còn phù hợp với mô hình tổ chức mới. Bộ trưởng Bộ Tài chính đã quyết định ngưng hiệu lực toàn bộ Thông tư để rà soát, sửa đổi.</p>
<blockquote>Tình trạng hiệu lực: Ngưng hiệu lực toàn bộ cho đến khi có văn bản sửa đổi, thay thế. Trong thời gian ngưng hiệu lực, các quỹ tiếp tục áp dụng chế độ kế toán theo hướng dẫn trước đây.</blockquote>
<p>Các quỹ có vướng mắc trong quá trình thực hiện đề nghị phản ánh về Cục Quản lý, giám sát kế toán, kiểm toán để được hướng dẫn.</p>`,
    tags: ['thông tư', 'chế độ kế toán', 'quỹ tài chính'],
    meta: legalMeta({
      number: '118/2025/TT-BTC',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Tài chính',
      signer: 'Lê Thị Minh Châu',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2025-12-18',
      effectiveDate: '2026-02-01',
      expiryDate: null,
      effectStatus: 'suspended',
      field: 'Kế toán – kiểm toán',
      gazetteDate: '2025-12-30',
      abstract: `Hướng dẫn chế độ kế toán áp dụng đối với quỹ tài chính nhà nước ngoài ngân sách.`,
    }),
  },
  // ── Thông cáo báo chí ────────────────────────────────────────────────
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 0.8,
    title: `Thông cáo báo chí về điều hành giá xăng dầu kỳ điều hành mới`,
    summary: `Liên Bộ Công Thương – Tài chính điều chỉnh giảm giá các mặt hàng xăng, dầu; không trích lập và không chi sử dụng Quỹ bình ổn giá.`,
    body: `<p>Căn cứ quy định về kinh doanh xăng dầu và diễn biến giá thành phẩm xăng dầu thế giới trong kỳ, Liên Bộ Công Thương – Tài chính thông báo điều hành giá xăng dầu như sau:</p>
<h2>1. Về Quỹ bình ổn giá xăng dầu</h2>
<p>Không thực hiện trích lập và không chi sử dụng Quỹ bình ổn giá xăng dầu đối với các mặt hàng xăng, dầu trong kỳ điều hành này.</p>
<h2>2. Về giá bán</h2>
<table>
<thead><tr><th>Mặt hàng</th><th>Điều chỉnh</th></tr></thead>
<tbody>
<tr><td>Xăng sinh học E5RON92</td><td>Giảm 312 đồng/lít</td></tr>
<tr><td>Xăng RON95-III</td><td>Giảm 345 đồng/lít</td></tr>
<tr><td>Dầu điêzen 0.05S</td><td>Giảm 268 đồng/lít</td></tr>
<tr><td>Dầu hỏa</td><td>Giảm 221 đồng/lít</td></tr>
<tr><td>Dầu madút 180CST 3.5S</td><td>Giảm 150 đồng/kg</td></tr>
</tbody>
</table>
<p>Thời gian áp dụng: từ 15 giờ 00 ngày công bố. Các thương nhân đầu mối, thương nhân phân phối xăng dầu có trách nhiệm bảo đảm nguồn cung, không để gián đoạn bán lẻ tại hệ thống cửa hàng.</p>`,
    tags: ['thông cáo báo chí', 'giá xăng dầu', 'bình ổn giá'],
    translations: {
      en: {
        title: `Press release on fuel prices for the new pricing period`,
        summary: `The Ministries of Industry and Trade and of Finance have lowered fuel prices and will neither add to nor draw on the price stabilisation fund.`,
        body: `<p>Based on world fuel price movements, the two ministries announce that no contributions will be made to or spent from the fuel price stabilisation fund this period.</p>
<p>Retail prices fall by VND 312 per litre for E5 RON92 biofuel, VND 345 for RON95-III, VND 268 for 0.05S diesel, VND 221 for kerosene and VND 150 per kg for fuel oil, from 3 p.m. on the day of announcement. Traders must keep supplies uninterrupted.</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 15,
    title: `Thông cáo báo chí về triển khai hệ thống khai thuế điện tử mới cho cá nhân`,
    summary: `Từ tháng tới, người nộp thuế thu nhập cá nhân có thể quyết toán thuế với tờ khai được điền sẵn dữ liệu thu nhập từ các tổ chức chi trả.`,
    body: `<p>Bộ Tài chính thông báo, Cục Thuế sẽ chính thức vận hành phiên bản mới của hệ thống khai thuế điện tử dành cho cá nhân, tích hợp trên ứng dụng thuế điện tử trên điện thoại và Cổng Dịch vụ công quốc gia.</p>
<h2>Những tiện ích mới</h2>
<ul>
<li>Tờ khai quyết toán thuế thu nhập cá nhân được điền sẵn thu nhập, số thuế đã khấu trừ do các tổ chức chi trả kê khai;</li>
<li>Người nộp thuế đăng nhập bằng tài khoản định danh điện tử, không cần đăng ký tài khoản riêng;</li>
<li>Đề nghị hoàn thuế trực tuyến, nhận tiền hoàn vào tài khoản ngân hàng chính chủ.</li>
</ul>
<p>Trong thời gian đầu vận hành, hệ thống cũ vẫn được duy trì song song. Người nộp thuế cần hỗ trợ có thể liên hệ cơ quan thuế nơi cư trú hoặc tổng đài hỗ trợ của ngành Thuế.</p>
<p>Bộ Tài chính khuyến cáo người dân cảnh giác với các cuộc gọi, tin nhắn giả danh cơ quan thuế yêu cầu cài đặt ứng dụng lạ hoặc cung cấp mã xác thực.</p>`,
    tags: ['thông cáo báo chí', 'thuế điện tử', 'thuế thu nhập cá nhân'],
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 57,
    title: `Thông cáo báo chí về tình hình kinh tế – xã hội quý III và 9 tháng`,
    summary: `Tổng sản phẩm trong nước quý III tăng khá so với cùng kỳ; công nghiệp chế biến, chế tạo và dịch vụ là động lực chính của tăng trưởng.`,
    body: `<p>Cục Thống kê (Bộ Tài chính) công bố số liệu ước tính về tình hình kinh tế – xã hội quý III và 9 tháng. Tổng sản phẩm trong nước (GDP) quý III tăng khá so với cùng kỳ năm trước, cao hơn tốc độ tăng của hai quý đầu năm.</p>
<h2>Các điểm nổi bật</h2>
<ul>
<li>Khu vực công nghiệp và xây dựng tăng trưởng mạnh, trong đó công nghiệp chế biến, chế tạo giữ vai trò dẫn dắt;</li>
<li>Khu vực dịch vụ duy trì đà tăng nhờ du lịch quốc tế và tiêu dùng trong nước;</li>
<li>Nông, lâm nghiệp và thủy sản tăng ổn định dù chịu ảnh hưởng của thiên tai;</li>
<li>Kim ngạch xuất khẩu hàng hóa tăng, cán cân thương mại tiếp tục xuất siêu.</li>
</ul>
<p>Tính chung 9 tháng, tăng trưởng kinh tế đạt mức cao so với cùng kỳ các năm gần đây; lạm phát được kiểm soát; thị trường lao động phục hồi với số người có việc làm tăng.</p>
<p>Số liệu chi tiết được công bố trên trang thông tin của Cục Thống kê và chuyên trang Công khai ngân sách nhà nước dưới dạng dữ liệu mở, có thể tải về để phân tích.</p>`,
    tags: ['thông cáo báo chí', 'GDP', 'thống kê'],
    translations: {
      en: {
        title: `Press release on the socio-economic situation in the third quarter and nine months`,
        summary: `Third-quarter GDP grew strongly year on year, driven by manufacturing and services.`,
        body: `<p>The General Statistics Office under the Ministry of Finance reports that third-quarter GDP grew faster than in the first two quarters. Industry and construction, led by manufacturing, expanded strongly; services were supported by international tourism and domestic demand; and agriculture grew steadily despite natural disasters.</p>
<p>Detailed figures are available as open data on the statistics website and the budget transparency sub-site.</p>`,
      },
    },
  },
  // ── Thủ tục hành chính ───────────────────────────────────────────────
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 6,
    title: `Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên`,
    summary: `Cá nhân, tổ chức đăng ký thành lập công ty TNHH một thành viên tại Phòng Đăng ký kinh doanh thuộc Sở Tài chính; khuyến khích nộp hồ sơ qua mạng điện tử.`,
    body: `<p>Thủ tục áp dụng đối với cá nhân hoặc tổ chức muốn thành lập công ty trách nhiệm hữu hạn do một chủ sở hữu. Hồ sơ được nộp qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp bằng tài khoản định danh điện tử của người thành lập hoặc người được ủy quyền.</p>
<h2>Những lưu ý khi chuẩn bị hồ sơ</h2>
<ul>
<li>Tên doanh nghiệp không được trùng hoặc gây nhầm lẫn với tên doanh nghiệp đã đăng ký; có thể tra cứu trước trên Cổng thông tin quốc gia về đăng ký doanh nghiệp;</li>
<li>Ngành, nghề kinh doanh ghi theo mã ngành kinh tế cấp 4 của Hệ thống ngành kinh tế Việt Nam;</li>
<li>Khai đầy đủ thông tin về chủ sở hữu hưởng lợi của doanh nghiệp theo quy định mới.</li>
</ul>
<p>Sau khi được cấp Giấy chứng nhận đăng ký doanh nghiệp, mã số doanh nghiệp đồng thời là mã số thuế; doanh nghiệp không phải làm thủ tục đăng ký thuế riêng.</p>`,
    tags: ['đăng ký doanh nghiệp', 'thành lập công ty', 'dịch vụ công'],
    meta: {
      code: '2.001610',
      decisionNumber: '2415/QĐ-BTC',
      level: 'Cấp Tỉnh',
      field: 'Thành lập và hoạt động của doanh nghiệp',
      agency: 'Phòng Đăng ký kinh doanh – Sở Tài chính tỉnh, thành phố',
      steps: [
        'Người thành lập doanh nghiệp kê khai và nộp hồ sơ trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
        'Phòng Đăng ký kinh doanh tiếp nhận, kiểm tra tính hợp lệ của hồ sơ',
        'Thông báo yêu cầu sửa đổi, bổ sung nếu hồ sơ chưa hợp lệ',
        'Cấp Giấy chứng nhận đăng ký doanh nghiệp và công bố thông tin doanh nghiệp',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ',
      fees: 'Lệ phí đăng ký doanh nghiệp: 50.000 đồng (miễn khi nộp hồ sơ trực tuyến); phí công bố thông tin: 100.000 đồng',
      requiredDocuments: [
        { name: 'Giấy đề nghị đăng ký doanh nghiệp', quantity: 1 },
        { name: 'Điều lệ công ty', quantity: 1 },
        { name: 'Bản sao giấy tờ pháp lý của chủ sở hữu là tổ chức (nếu có)', quantity: 1 },
        { name: 'Văn bản ủy quyền cho người đi nộp hồ sơ (nếu có)', quantity: 1 },
      ],
      result: 'Giấy chứng nhận đăng ký doanh nghiệp',
      legalBasis: ['59/2020/QH14', '168/2025/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dangkykinhdoanh.gov.vn/vn/Pages/Trangchu.aspx',
    },
    translations: {
      en: {
        title: `Registration of a single-member limited liability company`,
        summary: `Individuals and organisations register a single-member LLC with the Business Registration Office of the provincial Department of Finance, preferably online.`,
        body: `<p>Applications are filed through the National Business Registration Information System using the founder's or authorised person's electronic identity account. The company name must not duplicate or be confused with an existing one; business lines use four-digit industry codes; and beneficial owners must be declared.</p>
<p>The enterprise code on the registration certificate is also the tax code, so no separate tax registration is needed. Processing takes three working days.</p>`,
        meta: {
          level: 'Provincial level',
          field: 'Establishment and operation of enterprises',
          agency: 'Business Registration Office – provincial Department of Finance',
          processingTime: '3 working days from receipt of a valid application',
          fees: 'Registration fee VND 50,000 (waived online); publication fee VND 100,000',
        },
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 16,
    title: `Đăng ký thuế lần đầu đối với hộ kinh doanh, cá nhân kinh doanh`,
    summary: `Hộ kinh doanh, cá nhân kinh doanh đăng ký thuế lần đầu với cơ quan thuế quản lý trực tiếp; mã số thuế cá nhân là số định danh cá nhân.`,
    body: `<p>Thủ tục áp dụng đối với hộ kinh doanh, cá nhân kinh doanh chưa được cấp mã số thuế hoặc lần đầu phát sinh hoạt động kinh doanh. Với việc sử dụng số định danh cá nhân làm mã số thuế, thủ tục đăng ký thuế được đơn giản hóa đáng kể.</p>
<h2>Hướng dẫn thực hiện</h2>
<p>Người nộp thuế đăng nhập ứng dụng thuế điện tử hoặc Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử; thông tin nhân thân được tự động điền từ Cơ sở dữ liệu quốc gia về dân cư. Người nộp thuế chỉ cần bổ sung địa điểm kinh doanh, ngành nghề, tài khoản ngân hàng dùng cho hoạt động kinh doanh.</p>
<p>Đối với hộ kinh doanh đã đăng ký kinh doanh tại Ủy ban nhân dân cấp xã, thông tin được liên thông sang cơ quan thuế, hộ kinh doanh không phải nộp lại hồ sơ.</p>`,
    tags: ['đăng ký thuế', 'hộ kinh doanh', 'thuế điện tử'],
    meta: {
      code: '1.007611',
      decisionNumber: '2415/QĐ-BTC',
      level: 'Cấp Tỉnh',
      field: 'Quản lý thuế',
      agency: 'Thuế cơ sở quản lý địa bàn nơi hộ kinh doanh đặt địa điểm kinh doanh',
      steps: [
        'Kê khai tờ khai đăng ký thuế trên ứng dụng thuế điện tử hoặc Cổng Dịch vụ công quốc gia',
        'Cơ quan thuế đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư',
        'Cập nhật thông tin đăng ký thuế và thông báo cho người nộp thuế qua tài khoản điện tử',
      ],
      channels: ['Trực tuyến', 'Trực tiếp'],
      processingTime: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ',
      fees: 'Không thu phí, lệ phí',
      requiredDocuments: [
        { name: 'Tờ khai đăng ký thuế dành cho hộ kinh doanh, cá nhân kinh doanh (mẫu 03-ĐK-TCT)', quantity: 1 },
        { name: 'Văn bản ủy quyền (trường hợp nộp thay)', quantity: 1 },
      ],
      result: 'Thông báo mã số thuế (số định danh cá nhân) và thông tin đăng ký thuế',
      legalBasis: ['56/2024/QH15', '86/2026/TT-BTC'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.007611',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 33,
    title: `Hoàn thuế giá trị gia tăng đối với dự án đầu tư`,
    summary: `Doanh nghiệp có dự án đầu tư đang trong giai đoạn đầu tư, có số thuế giá trị gia tăng chưa được khấu trừ hết từ mức quy định trở lên được đề nghị hoàn thuế.`,
    body: `<p>Thủ tục áp dụng đối với cơ sở kinh doanh có dự án đầu tư mới, đã đăng ký nộp thuế theo phương pháp khấu trừ, có số thuế giá trị gia tăng đầu vào chưa được khấu trừ hết trong giai đoạn đầu tư.</p>
<h2>Điều kiện được hoàn thuế</h2>
<ul>
<li>Dự án đầu tư được cấp có thẩm quyền chấp thuận, có đủ điều kiện kinh doanh đối với ngành nghề kinh doanh có điều kiện;</li>
<li>Số thuế giá trị gia tăng chưa được khấu trừ hết đạt mức tối thiểu theo quy định;</li>
<li>Hàng hóa, dịch vụ mua vào có hóa đơn hợp pháp và chứng từ thanh toán không dùng tiền mặt theo quy định.</li>
</ul>
<p>Hồ sơ thuộc diện hoàn thuế trước, kiểm tra sau được giải quyết trong 06 ngày làm việc; hồ sơ thuộc diện kiểm tra trước, hoàn thuế sau được giải quyết trong 40 ngày. Doanh nghiệp theo dõi tình trạng hồ sơ trên hệ thống thuế điện tử.</p>`,
    tags: ['hoàn thuế', 'dự án đầu tư', 'thuế giá trị gia tăng'],
    meta: {
      code: '1.007492',
      decisionNumber: '2415/QĐ-BTC',
      level: 'Cấp Tỉnh',
      field: 'Quản lý thuế',
      agency: 'Thuế tỉnh, thành phố nơi quản lý trực tiếp người nộp thuế',
      steps: [
        'Doanh nghiệp lập giấy đề nghị hoàn thuế và gửi hồ sơ qua hệ thống thuế điện tử',
        'Cơ quan thuế phân loại hồ sơ hoàn thuế trước, kiểm tra sau hoặc kiểm tra trước, hoàn thuế sau',
        'Xác minh hóa đơn đầu vào trên hệ thống hóa đơn điện tử',
        'Ban hành quyết định hoàn thuế và chuyển tiền hoàn vào tài khoản của doanh nghiệp',
      ],
      channels: ['Trực tuyến'],
      processingTime: '06 ngày làm việc (hoàn trước, kiểm tra sau); 40 ngày (kiểm tra trước, hoàn thuế sau)',
      fees: 'Không thu phí, lệ phí',
      requiredDocuments: [
        { name: 'Giấy đề nghị hoàn trả khoản thu ngân sách nhà nước (mẫu 01/HT)', quantity: 1 },
        { name: 'Bản sao quyết định chấp thuận chủ trương đầu tư hoặc giấy chứng nhận đăng ký đầu tư', quantity: 1 },
        { name: 'Bảng kê hóa đơn hàng hóa, dịch vụ mua vào', quantity: 1 },
      ],
      result: 'Quyết định hoàn thuế hoặc thông báo không được hoàn thuế',
      legalBasis: ['48/2024/QH15', '181/2025/NĐ-CP', '56/2024/QH15'],
      onlineLevel: 'full',
      serviceUrl: 'https://thuedientu.gdt.gov.vn/',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 47,
    title: `Cấp Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kế toán`,
    summary: `Doanh nghiệp muốn cung cấp dịch vụ kế toán phải được Bộ Tài chính cấp Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kế toán.`,
    body: `<p>Thủ tục áp dụng đối với công ty trách nhiệm hữu hạn, công ty hợp danh, doanh nghiệp tư nhân có nhu cầu cung cấp dịch vụ làm kế toán, làm kế toán trưởng, lập báo cáo tài chính và tư vấn kế toán.</p>
<h2>Điều kiện chính</h2>
<ul>
<li>Có ít nhất hai kế toán viên hành nghề, trong đó người đại diện theo pháp luật là kế toán viên hành nghề (đối với công ty trách nhiệm hữu hạn);</li>
<li>Các thành viên góp vốn là kế toán viên hành nghề sở hữu trên 50% vốn điều lệ theo quy định;</li>
<li>Có giấy chứng nhận đăng ký doanh nghiệp với ngành nghề dịch vụ kế toán.</li>
</ul>
<p>Hồ sơ có thể nộp trực tuyến trên Cổng Dịch vụ công của Bộ Tài chính; tuy nhiên doanh nghiệp phải nộp bản gốc chứng chỉ kế toán viên của người hành nghề để đối chiếu khi nhận kết quả, nên thủ tục được cung cấp trực tuyến một phần.</p>`,
    tags: ['dịch vụ kế toán', 'điều kiện kinh doanh', 'kế toán viên'],
    meta: {
      code: '2.001796',
      decisionNumber: '1562/QĐ-BTC',
      level: 'Cấp Trung ương',
      field: 'Kế toán – kiểm toán',
      agency: 'Cục Quản lý, giám sát kế toán, kiểm toán – Bộ Tài chính',
      steps: [
        'Doanh nghiệp nộp hồ sơ trên Cổng Dịch vụ công Bộ Tài chính hoặc trực tiếp tại Bộ phận một cửa',
        'Cục Quản lý, giám sát kế toán, kiểm toán thẩm định hồ sơ',
        'Yêu cầu bổ sung hồ sơ nếu chưa đầy đủ, hợp lệ',
        'Cấp Giấy chứng nhận và đối chiếu bản gốc chứng chỉ khi trả kết quả',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Phí thẩm định điều kiện kinh doanh theo quy định của Bộ Tài chính',
      requiredDocuments: [
        { name: 'Giấy đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kế toán', quantity: 1 },
        { name: 'Bản sao Giấy chứng nhận đăng ký hành nghề dịch vụ kế toán của các kế toán viên', quantity: 1 },
        { name: 'Hợp đồng lao động của kế toán viên hành nghề với doanh nghiệp', quantity: 1 },
        { name: 'Tài liệu chứng minh vốn góp của kế toán viên hành nghề', quantity: 1 },
      ],
      result: 'Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kế toán',
      legalBasis: ['88/2015/QH13', '174/2016/NĐ-CP'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dichvucong.mof.gov.vn/',
    },
  },
  // ── Video ────────────────────────────────────────────────────────────
  {
    type: 'video',
    section: 'video',
    daysAgo: 3.5,
    title: `Hướng dẫn hộ kinh doanh kê khai thuế trên ứng dụng thuế điện tử`,
    summary: `Các bước kê khai, nộp thuế theo quý cho hộ kinh doanh trên điện thoại, với dữ liệu được điền sẵn từ hóa đơn điện tử.`,
    body: `<p>Video do Cục Thuế thực hiện, hướng dẫn hộ kinh doanh cách đăng nhập ứng dụng thuế điện tử bằng tài khoản định danh điện tử, kiểm tra doanh thu được tổng hợp từ hóa đơn điện tử và hoàn thành tờ khai thuế theo quý.</p>
<p>Sau khi xác nhận tờ khai, người nộp thuế có thể nộp tiền thuế ngay trên ứng dụng qua tài khoản ngân hàng đã liên kết và nhận chứng từ nộp thuế điện tử.</p>
<p>Video có thuyết minh tiếng Việt và phụ đề, phù hợp để các thuế cơ sở sử dụng trong các buổi tập huấn tại xã, phường.</p>`,
    tags: ['video hướng dẫn', 'hộ kinh doanh', 'thuế điện tử'],
    meta: { sourceUrl: youtube('tX4pW9cN2sQ'), duration: 297 },
    translations: {
      en: {
        title: `How household businesses file tax returns on the e-tax app`,
        summary: `Step-by-step quarterly filing and payment on a phone, with data pre-filled from e-invoices.`,
        body: `<p>Produced by the Tax Department, the video shows household businesses how to log in with their electronic identity, check revenue compiled from e-invoices and complete the quarterly return.</p>
<p>Tax can then be paid in the app from a linked bank account, with an electronic payment receipt. Local tax offices can use the video in training sessions.</p>`,
      },
    },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 18,
    title: `Tọa đàm: Thị trường chứng khoán sau nâng hạng – cơ hội và yêu cầu mới`,
    summary: `Các chuyên gia, đại diện cơ quan quản lý và công ty chứng khoán thảo luận về những việc cần làm để thu hút dòng vốn dài hạn.`,
    body: `<p>Tọa đàm quy tụ đại diện Ủy ban Chứng khoán Nhà nước, Sở Giao dịch Chứng khoán, các công ty chứng khoán, quỹ đầu tư và chuyên gia kinh tế.</p>
<p>Các diễn giả cho rằng việc được nâng hạng mở ra cơ hội lớn để thu hút dòng vốn từ các quỹ đầu tư quốc tế, song đi kèm yêu cầu cao hơn về minh bạch thông tin, quản trị công ty và chất lượng hàng hóa trên thị trường.</p>
<p>Tọa đàm cũng đề cập đến vai trò của nhà đầu tư tổ chức trong nước, quỹ hưu trí tự nguyện và sản phẩm mới như chứng chỉ quỹ ETF, chứng quyền có bảo đảm.</p>`,
    tags: ['tọa đàm', 'chứng khoán', 'nâng hạng'],
    meta: { sourceUrl: youtube('bK7uQe3Lm1Z'), duration: 2710 },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 40,
    title: `Hải quan số: một ngày tại cửa khẩu thông minh`,
    summary: `Phóng sự theo chân cán bộ hải quan tại một cửa khẩu đường bộ đã áp dụng hệ thống giám sát tự động.`,
    body: `<p>Không còn cảnh xếp hàng dài chờ đóng dấu giấy tờ, tại cửa khẩu thông minh, các xe chở hàng đi qua cổng kiểm soát được camera nhận diện biển số, hệ thống tự động đối chiếu với tờ khai điện tử.</p>
<p>Phóng sự ghi lại một ngày làm việc của cán bộ hải quan tại trung tâm điều hành, nơi mọi hoạt động ra, vào khu vực cửa khẩu được giám sát qua màn hình và cảnh báo rủi ro theo thời gian thực.</p>
<p>Doanh nghiệp xuất nhập khẩu chia sẻ về lợi ích từ việc giảm thời gian và chi phí thông quan.</p>`,
    tags: ['hải quan số', 'cửa khẩu thông minh', 'phóng sự'],
    meta: { sourceUrl: youtube('Ry2hJv8sD0c'), duration: 455 },
  },
  // ── Ảnh ──────────────────────────────────────────────────────────────
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 6.5,
    title: `Bộ trưởng Bộ Tài chính kiểm tra công tác hải quan tại cảng biển quốc tế`,
    summary: `Chùm ảnh ghi lại chuyến kiểm tra của Bộ trưởng tại khu vực cảng container và trung tâm điều hành giám sát hải quan.`,
    body: `<p>Trong chuyến công tác tại một cảng biển quốc tế lớn, Bộ trưởng Bộ Tài chính đã kiểm tra hoạt động của hệ thống soi chiếu container, trung tâm giám sát hải quan và làm việc với doanh nghiệp kinh doanh cảng.</p>
<p>Bộ trưởng yêu cầu lực lượng hải quan vừa tạo thuận lợi tối đa cho hàng hóa hợp pháp, vừa kiểm soát chặt chẽ, ngăn chặn hàng cấm, hàng giả qua cảng biển.</p>
<p>Một số hình ảnh trong chuyến công tác:</p>`,
    tags: ['chùm ảnh', 'hải quan', 'cảng biển'],
    meta: {
      images: [
        { src: '/media/demo/btc-cang-bien-01.jpg', caption: 'Bộ trưởng nghe báo cáo tại trung tâm giám sát hải quan', credit: 'Ảnh: Hoàng Nam' },
        { src: '/media/demo/btc-cang-bien-02.jpg', caption: 'Kiểm tra hệ thống máy soi container', credit: 'Ảnh: Hoàng Nam' },
        { src: '/media/demo/btc-cang-bien-03.jpg', caption: 'Làm việc với doanh nghiệp kinh doanh cảng', credit: 'Ảnh: Phương Thảo' },
      ],
    },
    translations: {
      en: {
        title: `Minister of Finance inspects customs operations at an international seaport`,
        summary: `Photos from the minister's visit to the container terminal and the customs control centre.`,
        body: `<p>At a major international seaport, the Minister of Finance inspected container scanners and the customs control centre and met port operators.</p>
<p>He asked customs to facilitate legitimate trade as much as possible while strictly stopping prohibited and counterfeit goods.</p>`,
      },
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 13.5,
    title: `Chùm ảnh: Hội nghị xúc tiến đầu tư “Kết nối dòng vốn – Kiến tạo tăng trưởng”`,
    summary: `Những khoảnh khắc tại hội nghị với sự tham gia của hơn 400 nhà đầu tư trong và ngoài nước.`,
    body: `<p>Hội nghị xúc tiến đầu tư do Bộ Tài chính phối hợp với các địa phương tổ chức đã thu hút đông đảo nhà đầu tư, tổ chức tài chính quốc tế và cơ quan đại diện ngoại giao.</p>
<p>Bên lề hội nghị, các địa phương bố trí khu trưng bày giới thiệu dự án kêu gọi đầu tư và bàn tiếp đón nhà đầu tư.</p>
<p>Lễ trao giấy chứng nhận đăng ký đầu tư và biên bản ghi nhớ là điểm nhấn của sự kiện.</p>`,
    tags: ['chùm ảnh', 'xúc tiến đầu tư', 'hội nghị'],
    meta: {
      images: [
        { src: '/media/demo/btc-xtdt-01.jpg', caption: 'Toàn cảnh phiên khai mạc hội nghị', credit: 'Ảnh: Đức Trung' },
        { src: '/media/demo/btc-xtdt-02.jpg', caption: 'Lãnh đạo Bộ Tài chính trao đổi với nhà đầu tư', credit: 'Ảnh: Đức Trung' },
        { src: '/media/demo/btc-xtdt-03.jpg', caption: 'Khu trưng bày dự án kêu gọi đầu tư của các địa phương', credit: 'Ảnh: Mai Lan' },
        { src: '/media/demo/btc-xtdt-04.jpg', caption: 'Trao giấy chứng nhận đăng ký đầu tư cho các dự án', credit: 'Ảnh: Mai Lan' },
      ],
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 29,
    title: `Đối thoại với doanh nghiệp về chính sách thuế, hải quan`,
    summary: `Hội nghị đối thoại giúp cơ quan thuế, hải quan giải đáp trực tiếp hàng trăm câu hỏi của doanh nghiệp.`,
    body: `<p>Hội nghị đối thoại giữa Bộ Tài chính với cộng đồng doanh nghiệp về chính sách, thủ tục hành chính thuế, hải quan được tổ chức theo hình thức trực tiếp kết hợp trực tuyến.</p>
<p>Các câu hỏi tập trung vào hoàn thuế giá trị gia tăng, hóa đơn điện tử, xác định trị giá hải quan và thủ tục đối với hàng hóa gia công, sản xuất xuất khẩu.</p>
<p>Những vướng mắc chưa được giải đáp tại hội nghị sẽ được trả lời bằng văn bản và đăng tải công khai trên Cổng Thông tin điện tử Bộ Tài chính.</p>`,
    tags: ['chùm ảnh', 'đối thoại doanh nghiệp', 'thuế'],
    meta: {
      images: [
        { src: '/media/demo/btc-doi-thoai-01.jpg', caption: 'Quang cảnh hội nghị đối thoại', credit: 'Ảnh: Thanh Bình' },
        { src: '/media/demo/btc-doi-thoai-02.jpg', caption: 'Đại diện doanh nghiệp nêu câu hỏi', credit: 'Ảnh: Thanh Bình' },
        { src: '/media/demo/btc-doi-thoai-03.jpg', caption: 'Lãnh đạo Cục Thuế, Cục Hải quan giải đáp kiến nghị', credit: 'Ảnh: Thanh Bình' },
      ],
    },
  },
];
