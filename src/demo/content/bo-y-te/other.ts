import type { DemoItem } from '../../types.ts';
import { legalMeta, youtube } from '../_helpers.ts';

// Chỉ đạo điều hành, văn bản, thông cáo, thủ tục, video và ảnh của Bộ Y tế.
// Người ký văn bản là tên hư cấu.
export const boYTeOther: DemoItem[] = [
  // ── Chỉ đạo, điều hành ───────────────────────────────────────────────
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 0.3,
    title: `Công điện của Bộ trưởng Bộ Y tế về bảo đảm công tác y tế ứng phó mưa lũ tại khu vực Trung Bộ`,
    summary: `Bộ trưởng yêu cầu các cơ sở y tế trong vùng lũ không để gián đoạn cấp cứu, khám chữa bệnh; chủ động di dời người bệnh, thuốc và trang thiết bị đến nơi an toàn.`,
    body: `<p>Trước tình hình mưa lũ diễn biến phức tạp, Bộ trưởng Bộ Y tế đã ký Công điện gửi Giám đốc Sở Y tế các tỉnh, thành phố khu vực Trung Bộ và Giám đốc các bệnh viện trực thuộc Bộ đóng trên địa bàn.</p>
<h2>Yêu cầu đối với các địa phương</h2>
<ul>
<li>Rà soát các cơ sở y tế nằm trong vùng nguy cơ ngập sâu, sạt lở; chủ động di dời người bệnh, thuốc, trang thiết bị đến nơi an toàn;</li>
<li>Bảo đảm thường trực cấp cứu 24/24 giờ, bố trí các đội cấp cứu cơ động sẵn sàng hỗ trợ vùng bị chia cắt;</li>
<li>Dự trữ đủ cơ số thuốc, hóa chất khử khuẩn, vật tư y tế; ưu tiên sản phụ gần ngày sinh, người bệnh chạy thận, người bệnh nặng;</li>
<li>Triển khai ngay các biện pháp vệ sinh môi trường, phòng chống dịch bệnh khi nước rút.</li>
</ul>
<p>Các bệnh viện trực thuộc Bộ tại khu vực miền Trung được giao hỗ trợ chuyên môn, tiếp nhận người bệnh chuyển đến từ các cơ sở bị ảnh hưởng. Cục Quản lý Khám, chữa bệnh và Cục Phòng bệnh tổ chức trực, tổng hợp tình hình và báo cáo Bộ trưởng hằng ngày.</p>
<p>Sở Y tế các tỉnh báo cáo ngay về Bộ Y tế những khó khăn vượt quá khả năng của địa phương để được hỗ trợ kịp thời.</p>`,
    tags: ['công điện', 'mưa lũ', 'cấp cứu'],
    translations: {
      en: {
        title: `Minister of Health's official dispatch on health services during floods in the central region`,
        summary: `Health facilities in flood areas must keep emergency and medical services running and move patients, medicines and equipment to safety.`,
        body: `<p>The Minister of Health has signed an official dispatch to provincial health departments and ministry hospitals in the central region. Facilities at risk must relocate patients, drugs and equipment; keep 24-hour emergency services and mobile teams ready; stockpile medicines and disinfectants with priority for women close to delivery, dialysis and critical patients; and start sanitation and disease control as soon as waters recede.</p>
<p>Ministry hospitals in the region will receive transferred patients and provide specialist support.</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 8,
    title: `Tăng cường bảo đảm an ninh, trật tự tại cơ sở khám bệnh, chữa bệnh`,
    summary: `Bộ Y tế yêu cầu các cơ sở y tế phối hợp với công an địa phương xử lý nghiêm hành vi hành hung, xúc phạm nhân viên y tế.`,
    body: `<p>Thời gian qua, tại một số cơ sở khám bệnh, chữa bệnh đã xảy ra các vụ việc người nhà người bệnh hành hung, đe dọa nhân viên y tế, gây mất an ninh, trật tự và ảnh hưởng nghiêm trọng đến hoạt động chuyên môn.</p>
<p>Để chấm dứt tình trạng này, Bộ Y tế yêu cầu Giám đốc các bệnh viện và Sở Y tế các tỉnh, thành phố thực hiện nghiêm các biện pháp bảo đảm an ninh, trật tự:</p>
<ul>
<li>Ký quy chế phối hợp với công an cấp xã nơi đóng trụ sở; lắp đặt nút báo động khẩn cấp tại khoa cấp cứu, khu vực đông người bệnh;</li>
<li>Bố trí lực lượng bảo vệ được huấn luyện nghiệp vụ, hệ thống camera giám sát;</li>
<li>Nâng cao kỹ năng giao tiếp, ứng xử của nhân viên y tế; giải thích rõ tình trạng bệnh cho người nhà.</li>
</ul>
<p>Mọi hành vi xâm phạm sức khỏe, danh dự của nhân viên y tế khi thi hành nhiệm vụ phải được báo cáo ngay và đề nghị cơ quan chức năng xử lý nghiêm theo quy định của pháp luật.</p>`,
    tags: ['an ninh bệnh viện', 'nhân viên y tế', 'chỉ đạo'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 22,
    title: `Chấn chỉnh tình trạng người bệnh phải tự mua thuốc, vật tư y tế khi điều trị nội trú`,
    summary: `Giám đốc bệnh viện chịu trách nhiệm bảo đảm đủ thuốc, vật tư y tế thuộc phạm vi chi trả của bảo hiểm y tế cho người bệnh.`,
    body: `<p>Qua phản ánh của người dân và kết quả kiểm tra, Bộ Y tế nhận thấy tại một số bệnh viện vẫn còn tình trạng người bệnh điều trị nội trú phải tự mua thuốc, vật tư y tế, trong đó có cả những loại thuộc phạm vi chi trả của quỹ bảo hiểm y tế.</p>
<p>Bộ Y tế yêu cầu Giám đốc các bệnh viện khẩn trương rà soát kế hoạch mua sắm, dự trù đủ nhu cầu; thực hiện điều chuyển thuốc, vật tư giữa các cơ sở khi cần thiết; tuyệt đối không để người bệnh có thẻ bảo hiểm y tế phải tự mua thuốc, vật tư thuộc danh mục được thanh toán.</p>
<h2>Cơ chế hoàn trả chi phí</h2>
<p>Trường hợp cơ sở không cung ứng được, người bệnh được cơ quan bảo hiểm xã hội thanh toán trực tiếp chi phí đã tự mua theo quy định. Bệnh viện có trách nhiệm hướng dẫn người bệnh làm thủ tục và cung cấp đầy đủ chứng từ.</p>
<p>Bộ Y tế sẽ tổ chức kiểm tra đột xuất và xử lý trách nhiệm người đứng đầu đơn vị để tình trạng này kéo dài.</p>`,
    tags: ['thuốc', 'bảo hiểm y tế', 'quyền lợi người bệnh'],
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 38,
    title: `Chỉ đạo xây dựng kế hoạch tiêm chủng mở rộng năm tới`,
    summary: `Các địa phương xây dựng kế hoạch chi tiết, bảo đảm đủ vắc xin và duy trì tỷ lệ tiêm chủng đầy đủ cho trẻ em trên 95%.`,
    body: `<p>Thứ trưởng Bộ Y tế vừa ký văn bản chỉ đạo các địa phương xây dựng kế hoạch tiêm chủng mở rộng năm tới, bảo đảm tiếp nối, không để gián đoạn cung ứng vắc xin như từng xảy ra ở một số thời điểm trước đây.</p>
<p>Theo đó, Sở Y tế các tỉnh, thành phố phải rà soát số trẻ trong độ tuổi, dự trù nhu cầu vắc xin, vật tư tiêm chủng; chủ động đề xuất ngân sách địa phương cho các hoạt động tiêm chủng, bảo quản vắc xin và giám sát bệnh.</p>
<h2>Chỉ tiêu chính</h2>
<ul>
<li>Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt trên 95%;</li>
<li>Tỷ lệ phụ nữ có thai được tiêm vắc xin phòng uốn ván đạt trên 90%;</li>
<li>100% điểm tiêm chủng cập nhật dữ liệu trên hệ thống quản lý tiêm chủng điện tử.</li>
</ul>
<p>Cục Phòng bệnh được giao phối hợp với các đơn vị liên quan bảo đảm nguồn vắc xin, hướng dẫn chuyên môn và kiểm tra việc thực hiện tại các địa phương.</p>`,
    tags: ['tiêm chủng mở rộng', 'vắc xin', 'kế hoạch'],
  },
  // ── Văn bản pháp luật ───────────────────────────────────────────────
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 3,
    title: `Thông tư số 34/2026/TT-BYT hướng dẫn khám sức khỏe định kỳ miễn phí cho người dân`,
    summary: `Thông tư quy định nội dung khám, tần suất, cơ sở thực hiện và cách quản lý kết quả khám sức khỏe định kỳ miễn phí theo từng nhóm tuổi.`,
    body: `<p>Bộ Y tế ban hành Thông tư số 34/2026/TT-BYT hướng dẫn việc khám sức khỏe định kỳ miễn phí cho người dân, bảo đảm thống nhất nội dung, quy trình và chất lượng khám trên phạm vi cả nước.</p>
<h2>Nội dung chính</h2>
<ul>
<li>Mỗi người dân được khám sức khỏe định kỳ miễn phí ít nhất một lần mỗi năm; nhóm nguy cơ cao được khám theo tần suất dày hơn;</li>
<li>Gói khám cơ bản gồm khám lâm sàng tổng quát, đo chỉ số sinh tồn, xét nghiệm đường huyết; các xét nghiệm sàng lọc bổ sung theo độ tuổi, giới tính;</li>
<li>Trạm y tế xã là đầu mối tổ chức khám, phối hợp với bệnh viện, trung tâm y tế khu vực;</li>
<li>Kết quả khám được cập nhật vào hồ sơ sức khỏe điện tử, làm căn cứ quản lý bệnh mạn tính.</li>
</ul>
<p>Thông tư cũng quy định nguồn kinh phí, cơ chế thanh toán chi phí khám và trách nhiệm của Sở Y tế trong việc lập kế hoạch, giám sát chất lượng.</p>
<p>Thông tư có hiệu lực thi hành từ ngày 20/11/2026.</p>`,
    tags: ['thông tư', 'khám sức khỏe định kỳ', 'y tế dự phòng'],
    meta: legalMeta({
      number: '34/2026/TT-BYT',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Y tế',
      signer: 'Trịnh Quốc Bảo',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2026-10-05',
      effectiveDate: '2026-11-20',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Y tế – sức khỏe',
      gazetteDate: '2026-10-19',
      abstract: `Hướng dẫn khám sức khỏe định kỳ miễn phí cho người dân.`,
      appendices: ['Phụ lục: Mẫu phiếu khám sức khỏe định kỳ'],
    }),
    translations: {
      en: {
        title: `Circular No. 34/2026/TT-BYT guiding free periodic health checks for citizens`,
        summary: `The circular sets out the content, frequency, providers and record-keeping of free periodic health checks by age group.`,
        body: `<p>Circular 34/2026/TT-BYT standardises free periodic health checks nationwide. Everyone is entitled to at least one free check a year, with more frequent checks for high-risk groups. The basic package covers a general clinical examination, vital signs and blood glucose, plus screening by age and sex.</p>
<p>Commune health stations organise the checks with hospitals and regional health centres, and results go into electronic health records. The circular takes effect on 20 November 2026.</p>`,
        meta: {
          abstract: `Guidance on free periodic health checks for citizens.`,
          documentType: 'Circular',
          issuingBody: 'Ministry of Health',
          signerTitle: 'For the Minister – Deputy Minister',
          field: 'Health',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 5,
    title: `Thông tư số 41/2026/TT-BYT ban hành Danh mục thuốc thiết yếu`,
    summary: `Danh mục thuốc thiết yếu mới được cập nhật theo khuyến cáo của Tổ chức Y tế Thế giới và mô hình bệnh tật của Việt Nam; có hiệu lực từ ngày 01/01/2027.`,
    body: `<p>Thông tư số 41/2026/TT-BYT ban hành Danh mục thuốc thiết yếu, thay thế danh mục trước đây, làm căn cứ để xây dựng chính sách bảo đảm cung ứng, đấu thầu và sử dụng thuốc tại các cơ sở y tế.</p>
<p>Danh mục được xây dựng trên cơ sở danh mục mẫu của Tổ chức Y tế Thế giới, mô hình bệnh tật và khả năng chi trả của Việt Nam. So với danh mục cũ, danh mục mới bổ sung một số thuốc điều trị ung thư, đái tháo đường, tăng huyết áp thế hệ mới và thuốc dùng cho trẻ em; loại bỏ các thuốc ít hiệu quả hoặc có thuốc thay thế an toàn hơn.</p>
<h2>Ưu tiên thuốc sản xuất trong nước</h2>
<p>Thông tư khuyến khích sử dụng thuốc sản xuất trong nước đáp ứng tiêu chí kỹ thuật và có giá hợp lý, góp phần phát triển công nghiệp dược và bảo đảm an ninh thuốc.</p>
<p>Thông tư có hiệu lực thi hành từ ngày 01/01/2027.</p>`,
    tags: ['thông tư', 'thuốc thiết yếu', 'dược'],
    meta: legalMeta({
      number: '41/2026/TT-BYT',
      documentType: 'Thông tư',
      issuingBody: 'Bộ Y tế',
      signer: 'Trịnh Quốc Bảo',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2026-11-10',
      effectiveDate: '2027-01-01',
      expiryDate: null,
      effectStatus: 'not-yet-in-force',
      field: 'Dược – mỹ phẩm',
      gazetteDate: null,
      abstract: `Ban hành Danh mục thuốc thiết yếu.`,
      appendices: ['Danh mục thuốc thiết yếu (bảng tính)'],
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 25,
    title: `Luật Khám bệnh, chữa bệnh`,
    summary: `Luật quy định quyền, nghĩa vụ của người bệnh và người hành nghề, điều kiện hành nghề, hoạt động chuyên môn và điều kiện bảo đảm cho hoạt động khám bệnh, chữa bệnh.`,
    body: `<p>Luật Khám bệnh, chữa bệnh được Quốc hội khóa XV thông qua tại kỳ họp bất thường lần thứ hai, thay thế Luật Khám bệnh, chữa bệnh năm 2009, với nhiều đổi mới quan trọng về quản lý hành nghề và tổ chức hệ thống khám bệnh, chữa bệnh.</p>
<h2>Những điểm mới nổi bật</h2>
<ul>
<li>Thay chứng chỉ hành nghề bằng giấy phép hành nghề có thời hạn 5 năm, gia hạn gắn với cập nhật kiến thức y khoa liên tục;</li>
<li>Đánh giá năng lực hành nghề thông qua kỳ kiểm tra do cơ quan độc lập tổ chức trước khi cấp giấy phép;</li>
<li>Tổ chức hệ thống cơ sở khám bệnh, chữa bệnh theo ba cấp chuyên môn kỹ thuật: ban đầu, cơ bản và chuyên sâu;</li>
<li>Bổ sung quy định về khám bệnh, chữa bệnh từ xa, y học gia đình và bệnh án điện tử.</li>
</ul>
<p>Luật cũng quy định rõ hơn quyền của người bệnh được tôn trọng bí mật thông tin sức khỏe, được cung cấp thông tin về chi phí và được từ chối một số phương pháp điều trị theo quy định.</p>
<p>Luật có hiệu lực từ ngày 01/01/2024; một số quy định về giấy phép hành nghề được áp dụng theo lộ trình chuyển tiếp.</p>`,
    tags: ['luật', 'khám bệnh chữa bệnh', 'giấy phép hành nghề'],
    meta: legalMeta({
      number: '15/2023/QH15',
      documentType: 'Luật',
      issuingBody: 'Quốc hội',
      signer: 'Đinh Công Sơn',
      signerTitle: 'Chủ tịch Quốc hội',
      issuedDate: '2023-01-09',
      effectiveDate: '2024-01-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Y tế – sức khỏe',
      gazetteDate: '2023-02-06',
      abstract: `Luật Khám bệnh, chữa bệnh.`,
    }),
    translations: {
      en: {
        title: `Law on Medical Examination and Treatment`,
        summary: `The law sets out patients' and practitioners' rights and obligations, licensing conditions, professional activities and the resources for medical examination and treatment.`,
        body: `<p>Passed by the 15th National Assembly, the law replaces the 2009 law. Practising certificates become five-year licences renewed with continuing medical education; competence is assessed by an independent examination before licensing; facilities are organised into primary, basic and specialised levels; and telemedicine, family medicine and electronic medical records are recognised.</p>
<p>The law took effect on 1 January 2024, with transitional arrangements for licensing.</p>`,
        meta: {
          abstract: `Law on Medical Examination and Treatment.`,
          documentType: 'Law',
          issuingBody: 'The National Assembly',
          signerTitle: 'Chairman of the National Assembly',
          field: 'Health',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 31,
    title: `Nghị định số 96/2023/NĐ-CP quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh`,
    summary: `Nghị định hướng dẫn về cấp giấy phép hành nghề, giấy phép hoạt động, điều kiện của cơ sở khám bệnh, chữa bệnh và huy động, điều động người hành nghề.`,
    body: `<p>Nghị định số 96/2023/NĐ-CP quy định chi tiết các nội dung được Luật Khám bệnh, chữa bệnh giao Chính phủ quy định, có hiệu lực cùng thời điểm với Luật.</p>
<p>Nghị định quy định hồ sơ, thủ tục cấp mới, cấp lại, gia hạn, điều chỉnh giấy phép hành nghề; điều kiện cấp giấy phép hoạt động đối với từng hình thức tổ chức như bệnh viện, phòng khám đa khoa, phòng khám chuyên khoa, phòng khám bác sĩ gia đình, trạm y tế.</p>
<h2>Huy động người hành nghề</h2>
<p>Văn bản quy định việc huy động, điều động người hành nghề khi xảy ra thiên tai, thảm họa, dịch bệnh truyền nhiễm nhóm A hoặc tình trạng khẩn cấp, cùng với chế độ, chính sách đối với người được huy động.</p>
<p>Các cơ sở khám bệnh, chữa bệnh cần lưu ý các quy định chuyển tiếp về điều kiện hoạt động và thời hạn hoàn thiện hồ sơ theo quy định mới.</p>`,
    tags: ['nghị định', 'khám bệnh chữa bệnh', 'giấy phép hoạt động'],
    meta: legalMeta({
      number: '96/2023/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Nguyễn Thị Lan Phương',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2023-12-30',
      effectiveDate: '2024-01-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Y tế – sức khỏe',
      gazetteDate: '2024-01-12',
      abstract: `Quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 15,
    title: `Quyết định số 3120/QĐ-BYT ban hành Hướng dẫn chẩn đoán, điều trị sốt xuất huyết Dengue`,
    summary: `Hướng dẫn chuyên môn cập nhật về phân độ bệnh, dấu hiệu cảnh báo và phác đồ điều trị sốt xuất huyết Dengue áp dụng tại các cơ sở khám bệnh, chữa bệnh.`,
    body: `<p>Bộ trưởng Bộ Y tế ban hành Quyết định số 3120/QĐ-BYT về Hướng dẫn chẩn đoán, điều trị sốt xuất huyết Dengue, thay thế hướng dẫn ban hành trước đây.</p>
<p>Hướng dẫn cập nhật các bằng chứng khoa học mới về diễn tiến lâm sàng, dấu hiệu cảnh báo nặng, chỉ định bù dịch và theo dõi người bệnh. Đặc biệt, hướng dẫn nhấn mạnh việc phân loại người bệnh ngay từ tuyến cơ sở để điều trị ngoại trú an toàn, chuyển tuyến kịp thời những trường hợp có nguy cơ.</p>
<h2>Phạm vi áp dụng</h2>
<p>Hướng dẫn áp dụng tại tất cả cơ sở khám bệnh, chữa bệnh nhà nước và tư nhân trên cả nước. Sở Y tế các tỉnh, thành phố tổ chức tập huấn cho nhân viên y tế, nhất là tại trạm y tế xã và phòng khám tư nhân.</p>
<p>Quyết định có hiệu lực kể từ ngày ký ban hành.</p>`,
    tags: ['quyết định', 'sốt xuất huyết', 'hướng dẫn chuyên môn'],
    meta: legalMeta({
      number: '3120/QĐ-BYT',
      documentType: 'Quyết định',
      issuingBody: 'Bộ Y tế',
      signer: 'Trịnh Quốc Bảo',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2026-10-12',
      effectiveDate: '2026-10-12',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Khám bệnh, chữa bệnh',
      gazetteDate: null,
      abstract: `Ban hành Hướng dẫn chẩn đoán, điều trị sốt xuất huyết Dengue.`,
      appendices: ['Hướng dẫn chẩn đoán, điều trị sốt xuất huyết Dengue (toàn văn)'],
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 44,
    title: `Quyết định số 2187/QĐ-BYT ban hành Hướng dẫn chẩn đoán và điều trị COVID-19`,
    summary: `Hướng dẫn chuyên môn áp dụng trong giai đoạn dịch COVID-19; không còn phù hợp sau khi COVID-19 được chuyển sang quản lý như bệnh truyền nhiễm nhóm B.`,
    body: `<p>Quyết định số 2187/QĐ-BYT ban hành Hướng dẫn chẩn đoán và điều trị COVID-19, áp dụng trong thời kỳ dịch bệnh diễn biến phức tạp, với các quy định về phân tầng điều trị, điều trị tại nhà và sử dụng thuốc kháng vi rút.</p>
<p>Sau khi COVID-19 được điều chỉnh từ bệnh truyền nhiễm nhóm A sang nhóm B, việc chẩn đoán, điều trị được thực hiện theo các hướng dẫn chung về bệnh đường hô hấp cấp tính. Nhiều quy định trong hướng dẫn này, như tổ chức khu cách ly, tầng điều trị, không còn được áp dụng.</p>
<blockquote>Tình trạng hiệu lực: Không còn phù hợp – văn bản được lưu giữ để tra cứu.</blockquote>
<p>Các cơ sở khám bệnh, chữa bệnh áp dụng hướng dẫn chẩn đoán, điều trị hiện hành đối với bệnh đường hô hấp do vi rút.</p>`,
    tags: ['quyết định', 'COVID-19', 'văn bản không còn phù hợp'],
    meta: legalMeta({
      number: '2187/QĐ-BYT',
      documentType: 'Quyết định',
      issuingBody: 'Bộ Y tế',
      signer: 'Phạm Hữu Nghĩa',
      signerTitle: 'KT. Bộ trưởng – Thứ trưởng',
      issuedDate: '2022-08-05',
      effectiveDate: '2022-08-05',
      expiryDate: null,
      effectStatus: 'no-longer-applicable',
      field: 'Khám bệnh, chữa bệnh',
      gazetteDate: null,
      abstract: `Ban hành Hướng dẫn chẩn đoán và điều trị COVID-19.`,
    }),
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 54,
    title: `Chỉ thị số 05/CT-BYT về tăng cường phòng, chống dịch bệnh mùa đông – xuân`,
    summary: `Chỉ thị yêu cầu toàn ngành chủ động giám sát, phát hiện sớm và xử lý kịp thời các dịch bệnh đường hô hấp, tay chân miệng, sởi trong mùa đông – xuân.`,
    body: `<p>Bộ trưởng Bộ Y tế ban hành Chỉ thị số 05/CT-BYT nhằm chủ động phòng, chống các dịch bệnh thường gặp trong mùa đông – xuân như cúm, sởi, tay chân miệng, viêm phổi và các bệnh đường hô hấp khác.</p>
<h2>Nhiệm vụ trọng tâm</h2>
<ul>
<li>Tăng cường giám sát dựa vào sự kiện tại cộng đồng và cơ sở y tế; báo cáo kịp thời trên hệ thống giám sát bệnh truyền nhiễm;</li>
<li>Bảo đảm đủ vắc xin, thuốc, sinh phẩm chẩn đoán, trang thiết bị; sẵn sàng giường bệnh hồi sức;</li>
<li>Tổ chức tiêm chủng đầy đủ, đúng lịch; tiêm vét cho trẻ chưa tiêm đủ mũi;</li>
<li>Tăng cường truyền thông hướng dẫn người dân các biện pháp phòng bệnh.</li>
</ul>
<p>Các bệnh viện tuyến trung ương được giao phân công hỗ trợ chuyên môn cho tuyến tỉnh, sẵn sàng tiếp nhận người bệnh nặng và cử đội phản ứng nhanh khi có yêu cầu.</p>
<p>Giám đốc Sở Y tế các tỉnh, thành phố, Giám đốc các bệnh viện chịu trách nhiệm trước Bộ trưởng về kết quả thực hiện Chỉ thị tại đơn vị mình.</p>`,
    tags: ['chỉ thị', 'phòng chống dịch', 'mùa đông xuân'],
    meta: legalMeta({
      number: '05/CT-BYT',
      documentType: 'Chỉ thị',
      issuingBody: 'Bộ Y tế',
      signer: 'Võ Thị Hồng Nhung',
      signerTitle: 'Bộ trưởng Bộ Y tế',
      issuedDate: '2026-09-30',
      effectiveDate: '2026-09-30',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Y tế dự phòng',
      gazetteDate: null,
      abstract: `Về tăng cường phòng, chống dịch bệnh mùa đông – xuân.`,
    }),
  },
  // ── Thông cáo báo chí ────────────────────────────────────────────────
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 0.9,
    title: `Thông cáo báo chí: Bộ Y tế cấp giấy đăng ký lưu hành cho 186 thuốc sản xuất trong nước`,
    summary: `Đợt cấp phép gồm nhiều thuốc điều trị bệnh mạn tính, thuốc kháng sinh và thuốc dùng cho trẻ em, góp phần bảo đảm nguồn cung thuốc.`,
    body: `<p>Cục Quản lý Dược (Bộ Y tế) thông báo đã ban hành quyết định cấp giấy đăng ký lưu hành cho 186 thuốc sản xuất trong nước, trong đó có thuốc điều trị tăng huyết áp, đái tháo đường, rối loạn mỡ máu, kháng sinh và các dạng bào chế dành cho trẻ em.</p>
<p>Các thuốc được cấp phép đã được Hội đồng tư vấn cấp giấy đăng ký lưu hành thuốc thẩm định đầy đủ về chất lượng, an toàn và hiệu quả. Danh sách chi tiết được công bố trên Cổng Thông tin điện tử của Cục Quản lý Dược.</p>
<h2>Rút ngắn thời gian cấp phép</h2>
<p>Nhờ triển khai dịch vụ công trực tuyến toàn trình và cơ chế thẩm định song song, thời gian giải quyết hồ sơ đăng ký thuốc đã được rút ngắn đáng kể so với trước đây. Số hồ sơ tồn đọng giảm mạnh.</p>
<p>Bộ Y tế tiếp tục khuyến khích doanh nghiệp đầu tư sản xuất thuốc generic chất lượng cao, thuốc biệt dược và dược liệu, góp phần bảo đảm an ninh thuốc quốc gia.</p>`,
    tags: ['thông cáo báo chí', 'đăng ký thuốc', 'dược phẩm'],
    translations: {
      en: {
        title: `Press release: Ministry of Health grants marketing authorisation to 186 domestically made medicines`,
        summary: `The batch includes medicines for chronic diseases, antibiotics and paediatric formulations, helping secure supply.`,
        body: `<p>The Drug Administration of Viet Nam has granted marketing authorisation to 186 domestically manufactured medicines, including treatments for hypertension, diabetes and dyslipidaemia, antibiotics and paediatric formulations, after full review of quality, safety and efficacy.</p>
<p>Fully online applications and parallel review have shortened processing times and sharply reduced the backlog. The full list is published on the Drug Administration's website.</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 16,
    title: `Thông cáo báo chí về vụ ngộ độc thực phẩm tại bếp ăn tập thể của một trường tiểu học`,
    summary: `Toàn bộ học sinh có biểu hiện ngộ độc đã được điều trị ổn định; cơ quan chức năng đang điều tra nguyên nhân và xử lý cơ sở cung cấp suất ăn.`,
    body: `<p>Bộ Y tế thông tin về vụ ngộ độc thực phẩm xảy ra tại bếp ăn tập thể của một trường tiểu học. Sau bữa ăn trưa bán trú, nhiều học sinh có biểu hiện đau bụng, buồn nôn, tiêu chảy và được đưa đến cơ sở y tế gần nhất.</p>
<p>Các bệnh viện đã kích hoạt quy trình cấp cứu hàng loạt; đến nay tất cả học sinh đều đã ổn định sức khỏe, phần lớn đã xuất viện. Không có trường hợp nguy kịch.</p>
<h2>Điều tra nguyên nhân</h2>
<p>Cục An toàn thực phẩm đã cử đoàn công tác phối hợp với địa phương điều tra, lấy mẫu thực phẩm lưu và mẫu bệnh phẩm để xét nghiệm. Cơ sở cung cấp suất ăn bị tạm dừng hoạt động trong thời gian điều tra.</p>
<p>Bộ Y tế đề nghị các địa phương tăng cường kiểm tra bếp ăn tập thể tại trường học, yêu cầu thực hiện nghiêm việc kiểm thực ba bước và lưu mẫu thực phẩm theo quy định.</p>`,
    tags: ['thông cáo báo chí', 'ngộ độc thực phẩm', 'bếp ăn tập thể'],
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 51,
    title: `Thông cáo báo chí về kỳ kiểm tra đánh giá năng lực hành nghề khám bệnh, chữa bệnh thí điểm`,
    summary: `Kỳ kiểm tra thí điểm đối với chức danh bác sĩ được tổ chức trên máy tính tại nhiều điểm thi, làm cơ sở hoàn thiện quy trình trước khi áp dụng chính thức.`,
    body: `<p>Bộ Y tế thông báo kết quả tổ chức kỳ kiểm tra đánh giá năng lực hành nghề khám bệnh, chữa bệnh thí điểm đối với chức danh bác sĩ, theo quy định của Luật Khám bệnh, chữa bệnh.</p>
<p>Kỳ kiểm tra được tổ chức trên máy tính với ngân hàng câu hỏi do các chuyên gia đầu ngành biên soạn, bao gồm phần kiến thức y khoa và phần kỹ năng lâm sàng qua tình huống mô phỏng. Thí sinh là bác sĩ mới tốt nghiệp đã hoàn thành thời gian thực hành.</p>
<h2>Kết quả và bước tiếp theo</h2>
<p>Kết quả thí điểm cho thấy quy trình tổ chức vận hành ổn định, đề thi phân loại tốt năng lực thí sinh. Hội đồng Y khoa Quốc gia sẽ tiếp thu ý kiến góp ý của thí sinh, cơ sở đào tạo để hoàn thiện ngân hàng câu hỏi và quy chế trước khi tổ chức kỳ kiểm tra chính thức.</p>
<p>Thông tin chi tiết về cấu trúc đề và lịch kiểm tra được đăng tải trên Cổng Thông tin điện tử Bộ Y tế.</p>`,
    tags: ['thông cáo báo chí', 'năng lực hành nghề', 'Hội đồng Y khoa Quốc gia'],
  },
  // ── Thủ tục hành chính ───────────────────────────────────────────────
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 7,
    title: `Cấp mới giấy phép hành nghề đối với chức danh bác sĩ`,
    summary: `Người đã đạt kỳ kiểm tra đánh giá năng lực hành nghề và hoàn thành thời gian thực hành được đề nghị cấp giấy phép hành nghề khám bệnh, chữa bệnh.`,
    body: `<p>Thủ tục áp dụng đối với người có văn bằng bác sĩ đề nghị cấp mới giấy phép hành nghề khám bệnh, chữa bệnh theo Luật Khám bệnh, chữa bệnh. Giấy phép có thời hạn 5 năm và được gia hạn khi đáp ứng yêu cầu cập nhật kiến thức y khoa liên tục.</p>
<h2>Điều kiện cấp giấy phép</h2>
<ul>
<li>Có văn bằng bác sĩ phù hợp;</li>
<li>Đã hoàn thành thời gian thực hành khám bệnh, chữa bệnh theo quy định;</li>
<li>Đạt kỳ kiểm tra đánh giá năng lực hành nghề (áp dụng theo lộ trình);</li>
<li>Đủ sức khỏe hành nghề và không thuộc trường hợp bị cấm hành nghề.</li>
</ul>
<p>Hồ sơ được nộp trực tuyến trên Cổng Dịch vụ công quốc gia; người đề nghị phải xuất trình bản chính văn bằng khi nhận giấy phép, vì vậy thủ tục được cung cấp trực tuyến một phần.</p>`,
    tags: ['giấy phép hành nghề', 'bác sĩ', 'khám bệnh chữa bệnh'],
    meta: {
      code: '1.012265',
      decisionNumber: '3280/QĐ-BYT',
      level: 'Cấp Tỉnh',
      field: 'Khám bệnh, chữa bệnh',
      agency: 'Sở Y tế tỉnh, thành phố',
      steps: [
        'Nộp hồ sơ đề nghị cấp giấy phép hành nghề trực tuyến hoặc tại Trung tâm phục vụ hành chính công',
        'Sở Y tế kiểm tra hồ sơ, đối chiếu kết quả kiểm tra đánh giá năng lực hành nghề',
        'Yêu cầu bổ sung hồ sơ (nếu có)',
        'Cấp giấy phép hành nghề và cập nhật thông tin lên Hệ thống quản lý hành nghề khám bệnh, chữa bệnh',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Phí thẩm định cấp giấy phép hành nghề theo quy định của Bộ Tài chính',
      requiredDocuments: [
        { name: 'Đơn đề nghị cấp mới giấy phép hành nghề', quantity: 1 },
        { name: 'Bản sao văn bằng chuyên môn', quantity: 1 },
        { name: 'Giấy xác nhận hoàn thành thực hành khám bệnh, chữa bệnh', quantity: 1 },
        { name: 'Giấy khám sức khỏe do cơ sở đủ điều kiện cấp (trong thời hạn 6 tháng)', quantity: 1 },
      ],
      result: 'Giấy phép hành nghề khám bệnh, chữa bệnh',
      legalBasis: ['15/2023/QH15', '96/2023/NĐ-CP'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.012265',
    },
    translations: {
      en: {
        title: `Issuance of a new practising licence for physicians`,
        summary: `Physicians who have passed the competence assessment and completed supervised practice may apply for a practising licence.`,
        body: `<p>Physicians apply to the provincial Department of Health for a five-year practising licence under the Law on Medical Examination and Treatment. Requirements include a medical degree, completed supervised practice, a pass in the competence assessment (phased in), fitness to practise and no disqualification.</p>
<p>Applications are filed online, but the original degree must be shown when collecting the licence, so the service is partially online.</p>`,
        meta: {
          level: 'Provincial level',
          field: 'Medical examination and treatment',
          agency: 'Provincial Department of Health',
          processingTime: '30 days from receipt of a complete application',
          fees: 'Appraisal fee as set by the Ministry of Finance',
        },
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 20,
    title: `Cấp giấy đăng ký lưu hành thuốc hóa dược sản xuất trong nước`,
    summary: `Cơ sở sản xuất, kinh doanh dược nộp hồ sơ trực tuyến toàn trình trên Cổng dịch vụ công của Cục Quản lý Dược.`,
    body: `<p>Thủ tục áp dụng đối với cơ sở đăng ký thuốc hóa dược sản xuất tại Việt Nam để lưu hành trên thị trường. Hồ sơ được nộp theo định dạng hồ sơ kỹ thuật chung ASEAN (ACTD).</p>
<h2>Quy trình thẩm định</h2>
<p>Hồ sơ được thẩm định về chất lượng, an toàn, hiệu quả bởi các chuyên gia; kết quả được trình Hội đồng tư vấn cấp giấy đăng ký lưu hành thuốc xem xét. Trường hợp cần bổ sung, cơ sở nhận thông báo qua hệ thống và nộp hồ sơ bổ sung trực tuyến.</p>
<p>Toàn bộ quá trình từ nộp hồ sơ, nộp phí, nhận thông báo đến nhận quyết định cấp giấy đăng ký lưu hành đều thực hiện trên môi trường điện tử, có ký số.</p>`,
    tags: ['đăng ký thuốc', 'Cục Quản lý Dược', 'dịch vụ công toàn trình'],
    meta: {
      code: '1.004586',
      decisionNumber: '3280/QĐ-BYT',
      level: 'Cấp Trung ương',
      field: 'Dược phẩm',
      agency: 'Cục Quản lý Dược – Bộ Y tế',
      steps: [
        'Cơ sở đăng ký nộp hồ sơ và phí thẩm định trên Cổng dịch vụ công của Cục Quản lý Dược',
        'Chuyên gia thẩm định hồ sơ về chất lượng, an toàn, hiệu quả',
        'Hội đồng tư vấn cấp giấy đăng ký lưu hành thuốc xem xét',
        'Cục Quản lý Dược ban hành quyết định cấp giấy đăng ký lưu hành hoặc thông báo lý do không cấp',
      ],
      channels: ['Trực tuyến'],
      processingTime: '12 tháng kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Phí thẩm định hồ sơ đăng ký thuốc theo biểu phí trong lĩnh vực y tế',
      requiredDocuments: [
        { name: 'Đơn đăng ký thuốc', quantity: 1 },
        { name: 'Hồ sơ hành chính và thông tin sản phẩm', quantity: 1 },
        { name: 'Hồ sơ chất lượng theo định dạng ACTD', quantity: 1 },
        { name: 'Mẫu nhãn và tờ hướng dẫn sử dụng thuốc', quantity: 1 },
      ],
      result: 'Giấy đăng ký lưu hành thuốc',
      legalBasis: ['105/2016/QH13', '44/2024/QH15', '54/2017/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.dav.gov.vn/',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 35,
    title: `Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm`,
    summary: `Cơ sở sản xuất, kinh doanh thực phẩm thuộc phạm vi quản lý của ngành y tế phải có giấy chứng nhận đủ điều kiện an toàn thực phẩm trước khi hoạt động.`,
    body: `<p>Thủ tục áp dụng đối với cơ sở sản xuất nước uống đóng chai, thực phẩm bổ sung, phụ gia thực phẩm, dụng cụ và vật liệu bao gói thực phẩm cùng các cơ sở dịch vụ ăn uống thuộc diện phải cấp giấy chứng nhận.</p>
<h2>Quy trình</h2>
<p>Sau khi nhận hồ sơ hợp lệ, cơ quan có thẩm quyền thành lập đoàn thẩm định thực tế tại cơ sở. Cơ sở đạt yêu cầu được cấp giấy chứng nhận có thời hạn 3 năm; cơ sở chưa đạt được yêu cầu khắc phục trong thời hạn nhất định.</p>
<p>Do phải thẩm định thực tế tại cơ sở, thủ tục được cung cấp trực tuyến một phần: doanh nghiệp nộp hồ sơ, theo dõi tiến độ và nhận kết quả điện tử, nhưng đoàn thẩm định sẽ làm việc trực tiếp tại cơ sở.</p>`,
    tags: ['an toàn thực phẩm', 'giấy chứng nhận', 'cơ sở sản xuất'],
    meta: {
      code: '1.002425',
      decisionNumber: '3280/QĐ-BYT',
      level: 'Cấp Tỉnh',
      field: 'An toàn thực phẩm và dinh dưỡng',
      agency: 'Sở Y tế tỉnh, thành phố',
      steps: [
        'Cơ sở nộp hồ sơ đề nghị cấp giấy chứng nhận',
        'Cơ quan tiếp nhận kiểm tra tính hợp lệ của hồ sơ',
        'Đoàn thẩm định kiểm tra thực tế điều kiện an toàn thực phẩm tại cơ sở',
        'Cấp giấy chứng nhận hoặc thông báo yêu cầu khắc phục',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Phí thẩm định cấp giấy chứng nhận theo quy mô cơ sở',
      requiredDocuments: [
        { name: 'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', quantity: 1 },
        { name: 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ', quantity: 1 },
        { name: 'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất', quantity: 1 },
      ],
      result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 3 năm)',
      legalBasis: ['55/2010/QH12', '15/2018/NĐ-CP'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.002425',
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 46,
    title: `Công bố đủ điều kiện mua bán trang thiết bị y tế thuộc loại B, C, D`,
    summary: `Cơ sở mua bán trang thiết bị y tế loại B, C, D tự công bố đủ điều kiện trên Hệ thống thông tin quản lý trang thiết bị y tế trước khi kinh doanh.`,
    body: `<p>Thủ tục áp dụng đối với doanh nghiệp, hộ kinh doanh mua bán trang thiết bị y tế thuộc loại B, C, D theo phân loại mức độ rủi ro. Đây là thủ tục công bố, cơ sở tự chịu trách nhiệm về tính chính xác của thông tin công bố.</p>
<h2>Điều kiện cơ bản</h2>
<ul>
<li>Có người phụ trách chuyên môn đáp ứng trình độ theo quy định;</li>
<li>Có kho bảo quản và phương tiện vận chuyển phù hợp với yêu cầu của trang thiết bị y tế;</li>
<li>Có hệ thống theo dõi, truy xuất nguồn gốc trang thiết bị y tế đã bán.</li>
</ul>
<p>Sau khi nộp hồ sơ đầy đủ và nộp phí trực tuyến, hồ sơ công bố được đăng tải công khai trên hệ thống. Cơ quan quản lý thực hiện hậu kiểm và xử lý vi phạm nếu cơ sở không đáp ứng điều kiện đã công bố.</p>`,
    tags: ['trang thiết bị y tế', 'công bố đủ điều kiện', 'kinh doanh'],
    meta: {
      code: '1.003029',
      decisionNumber: '3280/QĐ-BYT',
      level: 'Cấp Tỉnh',
      field: 'Trang thiết bị và công trình y tế',
      agency: 'Sở Y tế tỉnh, thành phố nơi cơ sở đặt kho',
      steps: ['Cơ sở kê khai và nộp hồ sơ công bố trên Hệ thống thông tin quản lý trang thiết bị y tế', 'Nộp phí trực tuyến', 'Hệ thống tiếp nhận và công khai hồ sơ công bố', 'Sở Y tế thực hiện hậu kiểm theo kế hoạch'],
      channels: ['Trực tuyến'],
      processingTime: 'Công khai ngay khi nhận đủ hồ sơ và phí',
      fees: 'Phí thẩm định điều kiện kinh doanh trang thiết bị y tế theo quy định',
      requiredDocuments: [
        { name: 'Văn bản công bố đủ điều kiện mua bán trang thiết bị y tế', quantity: 1 },
        { name: 'Bản kê khai nhân sự', quantity: 1 },
        { name: 'Tài liệu chứng minh điều kiện kho bảo quản, phương tiện vận chuyển', quantity: 1 },
      ],
      result: 'Số tiếp nhận hồ sơ công bố đủ điều kiện mua bán trang thiết bị y tế',
      legalBasis: ['98/2021/NĐ-CP', '07/2023/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dmec.moh.gov.vn/',
    },
  },
  // ── Video ────────────────────────────────────────────────────────────
  {
    type: 'video',
    section: 'video',
    daysAgo: 2.5,
    title: `Hướng dẫn xem sổ sức khỏe điện tử trên ứng dụng định danh điện tử`,
    summary: `Video hướng dẫn người dân tích hợp và tra cứu sổ sức khỏe điện tử, kết quả khám, lịch sử tiêm chủng trên điện thoại.`,
    body: `<p>Sổ sức khỏe điện tử giúp người dân lưu giữ thông tin khám, chữa bệnh, tiêm chủng và kết quả khám sức khỏe định kỳ của mình ở một nơi duy nhất, có thể chia sẻ với bác sĩ khi cần.</p>
<p>Video hướng dẫn các bước: đăng nhập ứng dụng định danh điện tử, chọn mục sổ sức khỏe điện tử, xác nhận chia sẻ dữ liệu và tra cứu thông tin. Người dân cũng được hướng dẫn cách khai báo tiền sử bệnh, dị ứng thuốc.</p>
<p>Dữ liệu sức khỏe được bảo mật theo quy định về bảo vệ dữ liệu cá nhân; chỉ người dân và cơ sở y tế được người dân đồng ý mới có quyền truy cập.</p>`,
    tags: ['sổ sức khỏe điện tử', 'hướng dẫn', 'y tế số'],
    meta: { sourceUrl: youtube('mH3sVz7qK1w'), duration: 214 },
    translations: {
      en: {
        title: `How to view your electronic health book on the e-ID app`,
        summary: `A guide to linking and viewing your electronic health book, check-up results and vaccination history on your phone.`,
        body: `<p>The electronic health book keeps a person's medical, vaccination and check-up records in one place and can be shared with doctors when needed.</p>
<p>The video shows how to log in, open the health book, consent to data sharing and record medical history and drug allergies. Data are protected under personal data rules and accessible only to the citizen and the facilities they authorise.</p>`,
      },
    },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 10,
    title: `Diệt lăng quăng, bọ gậy – biện pháp phòng sốt xuất huyết hiệu quả nhất`,
    summary: `Video truyền thông hướng dẫn các gia đình loại bỏ nơi sinh sản của muỗi vằn trong và quanh nhà.`,
    body: `<p>Muỗi vằn truyền bệnh sốt xuất huyết thường đẻ trứng ở những nơi chứa nước sạch như lu, vại, bể nước, lọ hoa, chậu cây cảnh và vật phế thải đọng nước.</p>
<p>Video hướng dẫn các gia đình mỗi tuần dành 10 phút kiểm tra, đậy kín dụng cụ chứa nước, thay nước bình hoa, thu gom vật phế thải và thả cá ăn lăng quăng vào bể chứa nước lớn.</p>
<p>Video được sản xuất ngắn gọn, phù hợp phát trên hệ thống truyền thanh cơ sở, màn hình tại trạm y tế và mạng xã hội; các địa phương có thể sử dụng miễn phí cho mục đích truyền thông phòng bệnh.</p>`,
    tags: ['sốt xuất huyết', 'truyền thông', 'phòng bệnh'],
    meta: { sourceUrl: youtube('Wd0pF6tYn3M'), duration: 95 },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 30,
    title: `Bác sĩ trẻ về với bản làng`,
    summary: `Phóng sự về những bác sĩ trẻ tình nguyện về làm việc tại các trạm y tế vùng cao, vùng đồng bào dân tộc thiểu số.`,
    body: `<p>Tốt nghiệp loại giỏi tại một trường đại học y lớn, nhiều bác sĩ trẻ đã chọn về làm việc tại các trạm y tế vùng cao thay vì ở lại bệnh viện thành phố.</p>
<p>Phóng sự ghi lại những ngày làm việc của họ: băng rừng đến khám cho người già neo đơn, tư vấn dinh dưỡng cho bà mẹ mang thai, hướng dẫn người dân dùng ứng dụng đặt lịch khám trên điện thoại.</p>
<p>Câu chuyện của những bác sĩ trẻ cho thấy nhu cầu cấp thiết về chính sách đãi ngộ, đào tạo để giữ chân nhân lực y tế ở cơ sở.</p>`,
    tags: ['phóng sự', 'bác sĩ trẻ', 'y tế vùng cao'],
    meta: { sourceUrl: youtube('Ap8kLq2Zx5R'), duration: 728 },
  },
  // ── Ảnh ──────────────────────────────────────────────────────────────
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 1.5,
    title: `Đoàn y, bác sĩ hỗ trợ khám, cấp phát thuốc cho người dân vùng lũ`,
    summary: `Chùm ảnh về hoạt động của các đội y tế cơ động tại những khu vực bị ảnh hưởng nặng bởi mưa lũ.`,
    body: `<p>Ngay khi nước lũ bắt đầu rút, các đội y tế cơ động của bệnh viện tuyến trung ương và tuyến tỉnh đã có mặt tại các xã bị ảnh hưởng nặng để khám bệnh, cấp phát thuốc và hướng dẫn vệ sinh môi trường.</p>
<p>Hàng nghìn người dân, trong đó có nhiều người cao tuổi và trẻ em, đã được khám và nhận thuốc miễn phí.</p>
<p>Một số hình ảnh do phóng viên ghi lại:</p>`,
    tags: ['chùm ảnh', 'mưa lũ', 'y tế cơ động'],
    meta: {
      images: [
        { src: '/media/demo/byt-vung-lu-01.jpg', caption: 'Bác sĩ khám bệnh cho người cao tuổi tại nhà văn hóa thôn', credit: 'Ảnh: Hải Yến' },
        { src: '/media/demo/byt-vung-lu-02.jpg', caption: 'Cấp phát thuốc và viên khử khuẩn nước cho người dân', credit: 'Ảnh: Hải Yến' },
        { src: '/media/demo/byt-vung-lu-03.jpg', caption: 'Phun hóa chất khử khuẩn môi trường sau lũ', credit: 'Ảnh: Văn Tùng' },
        { src: '/media/demo/byt-vung-lu-04.jpg', caption: 'Đội cấp cứu cơ động vận chuyển người bệnh', credit: 'Ảnh: Văn Tùng' },
      ],
    },
    translations: {
      en: {
        title: `Medical teams examine patients and hand out medicines in flood-hit areas`,
        summary: `Photos of mobile medical teams working in the worst-affected areas.`,
        body: `<p>As floodwaters receded, mobile teams from central and provincial hospitals arrived in the hardest-hit communes to examine patients, distribute medicines and advise on sanitation.</p>
<p>Thousands of people, many of them elderly people and children, received free care and medicines.</p>`,
      },
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 27.5,
    title: `Ngày hội hiến máu “Giọt hồng yêu thương” thu hút hàng nghìn người tham gia`,
    summary: `Sinh viên, công nhân và cán bộ, công chức tham gia hiến máu tình nguyện, góp phần bổ sung nguồn máu dự trữ cho dịp cuối năm.`,
    body: `<p>Ngày hội hiến máu được tổ chức tại nhiều điểm ở trường đại học, khu công nghiệp và trụ sở cơ quan, với sự tham gia đông đảo của người dân.</p>
<p>Nhiều người hiến máu lần đầu chia sẻ niềm vui khi được góp phần giúp đỡ người bệnh; nhiều người đã hiến máu hàng chục lần.</p>
<p>Lượng máu tiếp nhận được chuyển về các ngân hàng máu khu vực để phục vụ cấp cứu, điều trị.</p>`,
    tags: ['chùm ảnh', 'hiến máu', 'tình nguyện'],
    meta: {
      images: [
        { src: '/media/demo/byt-hien-mau-01.jpg', caption: 'Sinh viên đăng ký hiến máu tại điểm hiến máu trường đại học', credit: 'Ảnh: Thùy Linh' },
        { src: '/media/demo/byt-hien-mau-02.jpg', caption: 'Nhân viên y tế kiểm tra sức khỏe trước khi hiến máu', credit: 'Ảnh: Thùy Linh' },
        { src: '/media/demo/byt-hien-mau-03.jpg', caption: 'Công nhân khu công nghiệp tham gia hiến máu', credit: 'Ảnh: Quốc Việt' },
      ],
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 55,
    title: `Khám sức khỏe, tư vấn dinh dưỡng miễn phí cho người cao tuổi`,
    summary: `Chùm ảnh về chương trình khám sức khỏe cho người cao tuổi nhân Ngày Quốc tế Người cao tuổi.`,
    body: `<p>Hưởng ứng Ngày Quốc tế Người cao tuổi, các bệnh viện và trạm y tế đã tổ chức khám sức khỏe, đo loãng xương, tư vấn dinh dưỡng miễn phí cho người cao tuổi tại nhiều địa phương.</p>
<p>Chương trình cũng hướng dẫn người cao tuổi các bài tập thể dục phù hợp và cách phòng tránh té ngã tại nhà.</p>
<p>Những người phát hiện bệnh lý được tư vấn điều trị, theo dõi tại trạm y tế nơi cư trú.</p>`,
    tags: ['chùm ảnh', 'người cao tuổi', 'khám sức khỏe'],
    meta: {
      images: [
        { src: '/media/demo/byt-nguoi-cao-tuoi-01.jpg', caption: 'Đo huyết áp cho người cao tuổi', credit: 'Ảnh: Minh Châu' },
        { src: '/media/demo/byt-nguoi-cao-tuoi-02.jpg', caption: 'Tư vấn chế độ dinh dưỡng phù hợp', credit: 'Ảnh: Minh Châu' },
        { src: '/media/demo/byt-nguoi-cao-tuoi-03.jpg', caption: 'Hướng dẫn bài tập phòng té ngã', credit: 'Ảnh: Minh Châu' },
        { src: '/media/demo/byt-nguoi-cao-tuoi-04.jpg', caption: 'Câu lạc bộ liên thế hệ tự giúp nhau sinh hoạt định kỳ', credit: 'Ảnh: Bảo Ngọc' },
      ],
    },
  },
];
