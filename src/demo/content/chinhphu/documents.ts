import type { DemoItem } from '../../types.ts';
import { legalMeta } from '../_helpers.ts';

// Hệ thống văn bản của Cổng Thông tin điện tử Chính phủ.
// Số, ngày của các văn bản có thật (42/2022/NĐ-CP, 43/2011/NĐ-CP, 45/2020/NĐ-CP,
// 13/2023/NĐ-CP) được giữ đúng; nội dung mô tả do nhóm biên soạn tự viết.
// Người ký là tên hư cấu.
export const chinhphuDocuments: DemoItem[] = [
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 21,
    title: `Nghị định số 42/2022/NĐ-CP quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng`,
    summary: `Nghị định quy định thông tin bắt buộc phải công khai trên cổng, trang thông tin điện tử của cơ quan nhà nước, cách phân loại và yêu cầu đối với dịch vụ công trực tuyến; thay thế Nghị định số 43/2011/NĐ-CP.`,
    body: `<p>Nghị định số 42/2022/NĐ-CP là khung pháp lý chung cho việc cơ quan nhà nước cung cấp thông tin và dịch vụ công trực tuyến trên môi trường mạng. Văn bản áp dụng đối với các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các cấp và tổ chức, cá nhân sử dụng thông tin, dịch vụ do các cơ quan này cung cấp.</p>
<h2>Thông tin phải cung cấp trên cổng thông tin điện tử</h2>
<p>Nghị định liệt kê các nhóm thông tin bắt buộc, trong đó có: giới thiệu cơ quan, sơ đồ tổ chức, chức năng, nhiệm vụ; tin tức, sự kiện; thông tin chỉ đạo, điều hành; văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành; chiến lược, quy hoạch, kế hoạch; dự thảo văn bản cần lấy ý kiến; thông tin về dự án, mua sắm công; thống kê; tiếp nhận, trả lời ý kiến của người dân, doanh nghiệp và thông tin liên hệ của cán bộ có thẩm quyền. Một số nội dung cốt lõi phải có phiên bản tiếng Anh.</p>
<h2>Dịch vụ công trực tuyến toàn trình và một phần</h2>
<p>Thay cho cách chia mức độ 1–4 trước đây, Nghị định phân loại dịch vụ công trực tuyến thành hai nhóm:</p>
<ul>
<li><strong>Toàn trình:</strong> toàn bộ quá trình từ cung cấp thông tin, nộp hồ sơ, thanh toán đến nhận kết quả đều thực hiện trên môi trường mạng;</li>
<li><strong>Một phần:</strong> những dịch vụ chưa đáp ứng yêu cầu toàn trình, người dân vẫn phải thực hiện một số bước trực tiếp.</li>
</ul>
<p>Dịch vụ công trực tuyến phải được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia, tái sử dụng dữ liệu đã có để người dân không phải khai báo lại nhiều lần.</p>
<h2>Yêu cầu kỹ thuật và trách nhiệm</h2>
<p>Cổng, trang thông tin điện tử phải hỗ trợ truy cập trên thiết bị di động, có chức năng tìm kiếm, bảo đảm an toàn thông tin và khả năng truy cập cho người khuyết tật; thông tin phải được chia sẻ dưới dạng dữ liệu có thể đọc bằng máy. Người đứng đầu cơ quan chịu trách nhiệm về việc cung cấp thông tin và chất lượng dịch vụ công trực tuyến của cơ quan mình.</p>`,
    tags: ['cổng thông tin điện tử', 'dịch vụ công trực tuyến', 'Chính phủ số'],
    meta: legalMeta({
      number: '42/2022/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Trần Đức Minh',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2022-06-24',
      effectiveDate: '2022-08-15',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Công nghệ thông tin',
      gazetteDate: '2022-07-06',
      abstract: `Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.`,
      appendices: ['Phụ lục: Danh mục thông tin tối thiểu trên cổng thông tin điện tử bằng tiếng Anh'],
    }),
    translations: {
      en: {
        title: `Decree No. 42/2022/ND-CP on the provision of information and online public services by state agencies in the network environment`,
        summary: `The decree sets out what information state agency portals must publish and how online public services are classified and delivered; it replaces Decree No. 43/2011/ND-CP.`,
        body: `<p>Decree 42/2022/ND-CP is the general legal framework for state agencies providing information and online public services. Portals must publish, among other things, the agency's organisation and functions, news, directions, legal documents, plans, draft documents for consultation, projects and procurement, statistics, answers to citizens and contacts, with core content also in English.</p>
<p>Online public services are classified as <strong>full</strong> (the whole process, including payment and delivery of results, is online) or <strong>partial</strong>, and must be integrated with the National Public Service Portal and reuse existing data. Portals must work on mobile devices, be searchable, secure and accessible, and share information in machine-readable form.</p>`,
        meta: {
          abstract: `Provision of information and online public services by state agencies in the network environment.`,
          documentType: 'Decree',
          issuingBody: 'The Government',
          signerTitle: 'For the Prime Minister – Deputy Prime Minister',
          field: 'Information technology',
        },
      },
      zh: {
        title: `关于国家机关在网络环境中提供信息和在线公共服务的第42/2022/NĐ-CP号议定`,
        summary: `该议定规定了国家机关门户网站必须公开的信息以及在线公共服务的分类和要求，取代第43/2011/NĐ-CP号议定。`,
        body: `<p>第42/2022/NĐ-CP号议定是国家机关在网络环境中提供信息和在线公共服务的总体法律框架。门户网站须公开机构介绍、新闻、指导施政信息、法律文件、规划计划、征求意见草案、项目与公共采购、统计数据、民众意见答复以及联系方式等，核心内容须有英文版本。</p>
<p>在线公共服务分为“全流程”和“部分”两类，并须集成到国家公共服务门户网站，重复利用已有数据，避免民众多次申报。</p>`,
        meta: {
          abstract: `关于国家机关在网络环境中提供信息和在线公共服务的规定。`,
          documentType: '议定',
          issuingBody: '政府',
          signerTitle: '代总理 – 副总理',
          field: '信息技术',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 58,
    title: `Nghị định số 43/2011/NĐ-CP quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước`,
    summary: `Văn bản đã hết hiệu lực toàn bộ kể từ ngày Nghị định số 42/2022/NĐ-CP có hiệu lực; được lưu giữ để tra cứu.`,
    body: `<p>Nghị định số 43/2011/NĐ-CP là văn bản đầu tiên quy định tương đối đầy đủ về nội dung thông tin và dịch vụ công trực tuyến trên cổng, trang thông tin điện tử của cơ quan nhà nước. Nghị định đặt ra danh mục thông tin tối thiểu phải công khai, thời hạn cập nhật đối với từng loại thông tin và yêu cầu về chức năng tìm kiếm, liên kết, hỗ trợ người sử dụng.</p>
<p>Văn bản chia dịch vụ công trực tuyến thành bốn mức độ, từ mức cung cấp thông tin, biểu mẫu (mức 1, 2) đến mức nộp hồ sơ, thanh toán và nhận kết quả trực tuyến (mức 3, 4). Cách phân loại này đã thúc đẩy các bộ, ngành, địa phương đưa dịch vụ lên môi trường mạng trong suốt hơn một thập kỷ.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực toàn bộ từ ngày 15/8/2022, được thay thế bởi Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ.</blockquote>
<p>Nội dung văn bản được giữ lại trong Hệ thống văn bản để phục vụ tra cứu, đối chiếu quá trình phát triển của quy định pháp luật về Chính phủ điện tử.</p>`,
    tags: ['văn bản hết hiệu lực', 'cổng thông tin điện tử'],
    meta: legalMeta({
      number: '43/2011/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Lê Văn Hưng',
      signerTitle: 'Thủ tướng Chính phủ',
      issuedDate: '2011-06-13',
      effectiveDate: '2011-08-01',
      expiryDate: '2022-08-15',
      effectStatus: 'expired',
      field: 'Công nghệ thông tin',
      gazetteDate: '2011-06-25',
      abstract: `Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước.`,
    }),
    translations: {
      en: {
        title: `Decree No. 43/2011/ND-CP on the provision of information and online public services on state agencies' websites and portals`,
        summary: `Fully expired since Decree No. 42/2022/ND-CP took effect; kept for reference.`,
        body: `<p>Decree 43/2011/ND-CP was the first comprehensive regulation on the content and online services of state agency portals. It listed the minimum information to be published, update deadlines and functions such as search and user support, and classified online public services into four levels.</p>
<p>It expired in full on 15 August 2022 and was replaced by Decree 42/2022/ND-CP. The text is kept for reference.</p>`,
        meta: {
          abstract: `Provision of information and online public services on state agencies' websites and portals.`,
          documentType: 'Decree',
          issuingBody: 'The Government',
          signerTitle: 'Prime Minister',
          field: 'Information technology',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 46,
    title: `Nghị định số 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử`,
    summary: `Quy định việc tiếp nhận, giải quyết thủ tục hành chính trên môi trường điện tử, giá trị pháp lý của hồ sơ, giấy tờ điện tử và kết quả giải quyết bản điện tử.`,
    body: `<p>Nghị định số 45/2020/NĐ-CP tạo cơ sở pháp lý để thủ tục hành chính được thực hiện trọn vẹn trên môi trường điện tử, từ khâu nộp hồ sơ đến trả kết quả. Văn bản áp dụng với cơ quan nhà nước và tổ chức, cá nhân thực hiện thủ tục hành chính.</p>
<h2>Những nội dung chính</h2>
<ul>
<li>Tổ chức, cá nhân được lựa chọn thực hiện thủ tục hành chính trên môi trường điện tử hoặc trực tiếp, trừ trường hợp pháp luật quy định khác;</li>
<li>Giấy tờ, kết quả giải quyết thủ tục hành chính bản điện tử có giá trị pháp lý như bản giấy khi được ký số theo quy định;</li>
<li>Cơ quan giải quyết không được yêu cầu nộp lại những giấy tờ đã có trong kho quản lý dữ liệu điện tử hoặc cơ sở dữ liệu được kết nối, chia sẻ;</li>
<li>Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được thực hiện tại bộ phận một cửa.</li>
</ul>
<p>Nghị định cũng quy định trách nhiệm của Văn phòng Chính phủ trong vận hành Cổng Dịch vụ công quốc gia và trách nhiệm của các bộ, địa phương trong xây dựng Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh.</p>
<p>Đây là căn cứ quan trọng để các cơ quan đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, hướng tới mục tiêu mỗi thông tin người dân, doanh nghiệp chỉ phải cung cấp một lần cho cơ quan nhà nước.</p>`,
    tags: ['thủ tục hành chính', 'môi trường điện tử', 'một cửa'],
    meta: legalMeta({
      number: '45/2020/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Lê Văn Hưng',
      signerTitle: 'Thủ tướng Chính phủ',
      issuedDate: '2020-04-08',
      effectiveDate: '2020-05-22',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Bộ máy hành chính',
      gazetteDate: '2020-04-20',
      abstract: `Về thực hiện thủ tục hành chính trên môi trường điện tử.`,
    }),
    translations: {
      en: {
        title: `Decree No. 45/2020/ND-CP on carrying out administrative procedures electronically`,
        summary: `Regulates the electronic receipt and handling of administrative procedures and the legal value of electronic documents and results.`,
        body: `<p>Decree 45/2020/ND-CP allows administrative procedures to be completed entirely online. Citizens may choose electronic or in-person submission; digitally signed electronic results have the same legal value as paper; agencies may not ask again for documents already held in connected databases; and one-stop-shop desks digitise applications and results.</p>
<p>It also sets out the Government Office's role in running the National Public Service Portal and the duties of ministries and provinces in building their procedure-handling systems.</p>`,
        meta: {
          abstract: `Carrying out administrative procedures in the electronic environment.`,
          documentType: 'Decree',
          issuingBody: 'The Government',
          signerTitle: 'Prime Minister',
          field: 'Public administration',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 38,
    title: `Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân`,
    summary: `Văn bản quy định về bảo vệ dữ liệu cá nhân trước khi có Luật Bảo vệ dữ liệu cá nhân; đã hết hiệu lực từ ngày 01/01/2026.`,
    body: `<p>Nghị định số 13/2023/NĐ-CP là văn bản đầu tiên ở cấp nghị định quy định toàn diện về bảo vệ dữ liệu cá nhân tại Việt Nam. Văn bản phân biệt dữ liệu cá nhân cơ bản và dữ liệu cá nhân nhạy cảm, xác định quyền của chủ thể dữ liệu và nghĩa vụ của bên kiểm soát, bên xử lý dữ liệu.</p>
<h2>Các quyền của chủ thể dữ liệu</h2>
<p>Chủ thể dữ liệu có quyền được biết, quyền đồng ý và rút lại sự đồng ý, quyền truy cập, yêu cầu xóa, hạn chế xử lý dữ liệu, quyền phản đối xử lý, khiếu nại, tố cáo và yêu cầu bồi thường thiệt hại. Sự đồng ý phải được thể hiện rõ ràng, cụ thể; im lặng hoặc không phản hồi không được coi là đồng ý.</p>
<h2>Nghĩa vụ của tổ chức xử lý dữ liệu</h2>
<p>Tổ chức, cá nhân xử lý dữ liệu phải lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân, thông báo vi phạm trong thời hạn quy định và lập hồ sơ đánh giá tác động khi chuyển dữ liệu ra nước ngoài.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực toàn bộ kể từ ngày Luật Bảo vệ dữ liệu cá nhân có hiệu lực thi hành (01/01/2026).</blockquote>`,
    tags: ['dữ liệu cá nhân', 'an toàn thông tin', 'văn bản hết hiệu lực'],
    meta: legalMeta({
      number: '13/2023/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Nguyễn Thị Lan Phương',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2023-04-17',
      effectiveDate: '2023-07-01',
      expiryDate: '2026-01-01',
      effectStatus: 'expired',
      field: 'Công nghệ thông tin',
      gazetteDate: '2023-04-28',
      abstract: `Về bảo vệ dữ liệu cá nhân.`,
    }),
    translations: {
      en: {
        title: `Decree No. 13/2023/ND-CP on personal data protection`,
        summary: `Regulated personal data protection before the Law on Personal Data Protection; expired on 1 January 2026.`,
        body: `<p>Decree 13/2023/ND-CP was Viet Nam's first comprehensive decree on personal data protection. It distinguished basic from sensitive personal data, set out data subjects' rights (to be informed, consent and withdraw consent, access, deletion, restriction, objection and compensation) and required controllers and processors to carry out impact assessments and report breaches.</p>
<p>It expired in full when the Law on Personal Data Protection took effect on 1 January 2026.</p>`,
        meta: {
          abstract: `Personal data protection.`,
          documentType: 'Decree',
          issuingBody: 'The Government',
          signerTitle: 'For the Prime Minister – Deputy Prime Minister',
          field: 'Information technology',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 33,
    title: `Luật Chuyển đổi số`,
    summary: `Luật quy định về hoạt động chuyển đổi số, hạ tầng số, Chính phủ số, kinh tế số, xã hội số và các biện pháp bảo đảm chuyển đổi số quốc gia.`,
    body: `<p>Luật Chuyển đổi số được Quốc hội khóa XV thông qua tại kỳ họp thứ mười, tạo khung pháp lý thống nhất cho chuyển đổi số quốc gia trên cả ba trụ cột: Chính phủ số, kinh tế số và xã hội số.</p>
<h2>Bố cục và nội dung chủ yếu</h2>
<ul>
<li>Những quy định chung về nguyên tắc chuyển đổi số, quyền và nghĩa vụ của cơ quan, tổ chức, cá nhân trong môi trường số;</li>
<li>Hạ tầng số, nền tảng số dùng chung và dữ liệu số của cơ quan nhà nước;</li>
<li>Hoạt động của cơ quan nhà nước trên môi trường số, bao gồm cung cấp thông tin và dịch vụ công trực tuyến;</li>
<li>Phát triển kinh tế số, doanh nghiệp công nghệ số và xã hội số, kỹ năng số cho người dân;</li>
<li>Bảo đảm an toàn, an ninh mạng và nguồn lực cho chuyển đổi số.</li>
</ul>
<p>Luật khẳng định nguyên tắc lấy người dân, doanh nghiệp làm trung tâm; hoạt động của cơ quan nhà nước trên môi trường số có giá trị pháp lý như hoạt động truyền thống. Các văn bản quy định chi tiết, trong đó có nghị định về cổng thông tin điện tử và dịch vụ công trực tuyến, được Chính phủ ban hành để bảo đảm luật có hiệu lực đồng bộ.</p>
<p>Luật có hiệu lực thi hành từ ngày 01/7/2026. Các bộ, ngành, địa phương có trách nhiệm rà soát, sửa đổi văn bản thuộc thẩm quyền và tổ chức phổ biến nội dung luật tới cán bộ, công chức và người dân.</p>`,
    tags: ['Luật Chuyển đổi số', 'Chính phủ số', 'kinh tế số'],
    meta: legalMeta({
      number: '148/2025/QH15',
      documentType: 'Luật',
      issuingBody: 'Quốc hội',
      signer: 'Phan Văn Thịnh',
      signerTitle: 'Chủ tịch Quốc hội',
      issuedDate: '2025-12-11',
      effectiveDate: '2026-07-01',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Công nghệ thông tin',
      gazetteDate: '2026-01-05',
      abstract: `Luật Chuyển đổi số.`,
    }),
    translations: {
      en: {
        title: `Law on Digital Transformation`,
        summary: `The law governs digital transformation, digital infrastructure, digital government, the digital economy and digital society, and the means to secure national digital transformation.`,
        body: `<p>Passed by the 15th National Assembly, the Law on Digital Transformation provides a single legal framework for the three pillars of digital government, digital economy and digital society.</p>
<p>It covers principles and rights in the digital environment, shared digital infrastructure and platforms, state agencies' online activities including information and online public services, the digital economy and digital skills, and cyber security and resources. State agencies' online actions have the same legal value as traditional ones.</p>`,
        meta: {
          abstract: `Law on Digital Transformation.`,
          documentType: 'Law',
          issuingBody: 'The National Assembly',
          signerTitle: 'Chairman of the National Assembly',
          field: 'Information technology',
        },
      },
      zh: {
        title: `数字化转型法`,
        summary: `该法规定数字化转型活动、数字基础设施、数字政府、数字经济、数字社会以及保障国家数字化转型的各项措施。`,
        body: `<p>《数字化转型法》由第十五届国会通过，为数字政府、数字经济和数字社会三大支柱的国家数字化转型建立了统一的法律框架。</p>
<p>该法坚持以民众和企业为中心的原则，规定国家机关在数字环境中的活动与传统活动具有同等法律效力。</p>`,
        meta: {
          abstract: `数字化转型法。`,
          documentType: '法律',
          issuingBody: '国会',
          signerTitle: '国会主席',
          field: '信息技术',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 1,
    title: `Quyết định số 36/2026/QĐ-TTg ban hành Bộ tiêu chí đánh giá chất lượng cung cấp dịch vụ công trực tuyến`,
    summary: `Bộ tiêu chí đo lường chất lượng dịch vụ công trực tuyến dựa trên dữ liệu thực tế về hồ sơ, thời gian xử lý và mức độ hài lòng của người dân; có hiệu lực từ ngày 15/12/2026.`,
    body: `<p>Thủ tướng Chính phủ vừa ký Quyết định số 36/2026/QĐ-TTg ban hành Bộ tiêu chí đánh giá chất lượng cung cấp dịch vụ công trực tuyến của các bộ, ngành, địa phương. Quyết định thay thế cách đánh giá dựa trên tự chấm điểm bằng việc đo lường tự động từ dữ liệu của Cổng Dịch vụ công quốc gia và hệ thống giải quyết thủ tục hành chính cấp bộ, cấp tỉnh.</p>
<h2>Năm nhóm tiêu chí</h2>
<table>
<thead><tr><th>Nhóm tiêu chí</th><th>Trọng số</th></tr></thead>
<tbody>
<tr><td>Mức độ cung cấp dịch vụ toàn trình</td><td>25 điểm</td></tr>
<tr><td>Tỷ lệ hồ sơ trực tuyến thực tế</td><td>25 điểm</td></tr>
<tr><td>Thời gian xử lý và tỷ lệ giải quyết đúng hạn</td><td>20 điểm</td></tr>
<tr><td>Tái sử dụng dữ liệu, cắt giảm giấy tờ</td><td>15 điểm</td></tr>
<tr><td>Mức độ hài lòng của người dân, doanh nghiệp</td><td>15 điểm</td></tr>
</tbody>
</table>
<p>Kết quả đánh giá được công bố hằng quý trên Cổng Dịch vụ công quốc gia và là một căn cứ để đánh giá, xếp loại người đứng đầu cơ quan hành chính. Dịch vụ có tỷ lệ hồ sơ trực tuyến thấp trong hai quý liên tiếp phải được rà soát, tái cấu trúc quy trình.</p>
<p>Quyết định có hiệu lực từ ngày 15/12/2026. Văn phòng Chính phủ chủ trì hướng dẫn phương pháp thu thập dữ liệu, tính điểm và bảo đảm kết nối kỹ thuật giữa các hệ thống trước thời điểm áp dụng.</p>`,
    tags: ['dịch vụ công trực tuyến', 'bộ tiêu chí', 'đánh giá'],
    meta: legalMeta({
      number: '36/2026/QĐ-TTg',
      documentType: 'Quyết định',
      issuingBody: 'Thủ tướng Chính phủ',
      signer: 'Trần Đức Minh',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2026-10-28',
      effectiveDate: '2026-12-15',
      expiryDate: null,
      effectStatus: 'not-yet-in-force',
      field: 'Bộ máy hành chính',
      gazetteDate: '2026-11-09',
      abstract: `Ban hành Bộ tiêu chí đánh giá chất lượng cung cấp dịch vụ công trực tuyến.`,
      appendices: ['Phụ lục: Phương pháp tính điểm các tiêu chí'],
    }),
    translations: {
      en: {
        title: `Decision No. 36/2026/QD-TTg issuing criteria for assessing the quality of online public services`,
        summary: `The criteria measure online public services from real data on applications, processing time and user satisfaction; effective from 15 December 2026.`,
        body: `<p>The Prime Minister's Decision 36/2026/QD-TTg replaces self-assessment with automatic measurement using data from the National Public Service Portal and ministerial and provincial procedure systems.</p>
<p>Five groups of criteria are weighted as follows: full online provision (25 points), actual online application rate (25), processing time and on-time rate (20), data reuse and paper reduction (15) and user satisfaction (15). Results are published quarterly and count towards the evaluation of agency heads.</p>`,
        meta: {
          abstract: `Criteria for assessing the quality of online public services.`,
          documentType: 'Decision',
          issuingBody: 'The Prime Minister',
          signerTitle: 'For the Prime Minister – Deputy Prime Minister',
          field: 'Public administration',
        },
      },
      zh: {
        title: `关于颁布在线公共服务质量评估标准的第36/2026/QĐ-TTg号决定`,
        summary: `该标准依据办件数据、处理时间和民众满意度等实际数据衡量在线公共服务质量，自2026年12月15日起生效。`,
        body: `<p>政府总理签署第36/2026/QĐ-TTg号决定，颁布各部委和地方在线公共服务质量评估标准，以国家公共服务门户网站和部级、省级行政手续办理系统的数据自动测评，取代原来的自评打分方式。</p>
<p>评估结果每季度在国家公共服务门户网站公布，并作为评价行政机关负责人的依据之一。</p>`,
        meta: {
          abstract: `关于颁布在线公共服务质量评估标准。`,
          documentType: '决定',
          issuingBody: '政府总理',
          signerTitle: '代总理 – 副总理',
          field: '行政机构',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 2,
    title: `Nghị quyết số 214/NQ-CP về nhiệm vụ, giải pháp cắt giảm, đơn giản hóa thủ tục hành chính và điều kiện kinh doanh giai đoạn 2026–2027`,
    summary: `Nghị quyết giao chỉ tiêu cắt giảm cụ thể cho từng bộ, ngành và yêu cầu công khai tiến độ thực hiện trên Cổng Dịch vụ công quốc gia.`,
    body: `<p>Chính phủ ban hành Nghị quyết số 214/NQ-CP nhằm tạo chuyển biến thực chất trong cải cách thủ tục hành chính, giảm chi phí tuân thủ cho người dân và doanh nghiệp trong giai đoạn 2026–2027.</p>
<h2>Mục tiêu</h2>
<ul>
<li>Cắt giảm tối thiểu 30% thời gian giải quyết và 30% chi phí tuân thủ thủ tục hành chính so với năm 2025;</li>
<li>Bãi bỏ tối thiểu 30% điều kiện kinh doanh không cần thiết, không hợp lý;</li>
<li>100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình;</li>
<li>Thực hiện thủ tục không phụ thuộc địa giới hành chính trong phạm vi cấp tỉnh.</li>
</ul>
<h2>Tổ chức thực hiện</h2>
<p>Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm trước Chính phủ về kết quả thực hiện trong phạm vi quản lý. Văn phòng Chính phủ theo dõi, đánh giá và báo cáo Chính phủ hằng quý; kết quả được công khai để người dân, doanh nghiệp giám sát.</p>
<p>Nghị quyết có hiệu lực kể từ ngày ký.</p>`,
    tags: ['nghị quyết', 'cải cách thủ tục hành chính', 'điều kiện kinh doanh'],
    meta: legalMeta({
      number: '214/NQ-CP',
      documentType: 'Nghị quyết',
      issuingBody: 'Chính phủ',
      signer: 'Lê Văn Hưng',
      signerTitle: 'TM. Chính phủ – Thủ tướng',
      issuedDate: '2026-11-20',
      effectiveDate: '2026-11-20',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Bộ máy hành chính',
      gazetteDate: null,
      abstract: `Về nhiệm vụ, giải pháp cắt giảm, đơn giản hóa thủ tục hành chính và điều kiện kinh doanh giai đoạn 2026–2027.`,
      appendices: ['Phụ lục: Chỉ tiêu cắt giảm giao cho các bộ, cơ quan ngang bộ'],
    }),
    translations: {
      en: {
        title: `Resolution No. 214/NQ-CP on cutting and simplifying administrative procedures and business conditions in 2026–2027`,
        summary: `The resolution sets specific reduction targets for each ministry and requires progress to be published on the National Public Service Portal.`,
        body: `<p>Resolution 214/NQ-CP targets a cut of at least 30 per cent in processing time, compliance costs and unnecessary business conditions compared with 2025, full online provision of every eligible procedure and province-wide processing regardless of administrative boundaries.</p>
<p>Ministers and provincial chairpersons are accountable for results; the Government Office reports quarterly and results are made public. The resolution takes effect on signing.</p>`,
        meta: {
          abstract: `Tasks and solutions for cutting and simplifying administrative procedures and business conditions in 2026–2027.`,
          documentType: 'Resolution',
          issuingBody: 'The Government',
          signerTitle: 'On behalf of the Government – Prime Minister',
          field: 'Public administration',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 55,
    title: `Nghị quyết số 01/NQ-CP về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế – xã hội và Dự toán ngân sách nhà nước năm 2026`,
    summary: `Nghị quyết đặt mục tiêu tăng trưởng GDP từ 10% trở lên, giữ vững ổn định kinh tế vĩ mô và giao nhiệm vụ cụ thể cho các bộ, ngành, địa phương trong năm 2026.`,
    body: `<p>Như thường lệ vào đầu mỗi năm, Chính phủ ban hành Nghị quyết số 01/NQ-CP xác định các nhiệm vụ, giải pháp chủ yếu để thực hiện Nghị quyết của Quốc hội về kế hoạch phát triển kinh tế – xã hội và dự toán ngân sách nhà nước năm 2026.</p>
<h2>Các chỉ tiêu chủ yếu</h2>
<ul>
<li>Tốc độ tăng tổng sản phẩm trong nước (GDP) từ 10% trở lên;</li>
<li>Chỉ số giá tiêu dùng (CPI) tăng bình quân khoảng 4,5%;</li>
<li>Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm khoảng 1 điểm phần trăm;</li>
<li>Tỷ trọng kinh tế số đạt khoảng 20% GDP.</li>
</ul>
<p>Nghị quyết đề ra các nhóm giải pháp về hoàn thiện thể chế, ổn định kinh tế vĩ mô, thúc đẩy đầu tư, tiêu dùng, xuất khẩu; phát triển hạ tầng chiến lược; khoa học, công nghệ, đổi mới sáng tạo; bảo đảm an sinh xã hội; bảo vệ môi trường, ứng phó biến đổi khí hậu.</p>
<p>Kèm theo Nghị quyết là phụ lục phân công nhiệm vụ cụ thể cho từng bộ, cơ quan và Ủy ban nhân dân các tỉnh, thành phố.</p>`,
    tags: ['Nghị quyết 01', 'kế hoạch kinh tế – xã hội', 'dự toán ngân sách'],
    meta: legalMeta({
      number: '01/NQ-CP',
      documentType: 'Nghị quyết',
      issuingBody: 'Chính phủ',
      signer: 'Lê Văn Hưng',
      signerTitle: 'TM. Chính phủ – Thủ tướng',
      issuedDate: '2026-01-08',
      effectiveDate: '2026-01-08',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Kinh tế – xã hội',
      gazetteDate: '2026-01-20',
      abstract: `Về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế – xã hội và Dự toán ngân sách nhà nước năm 2026.`,
      appendices: ['Phụ lục I: Các chỉ tiêu chủ yếu', 'Phụ lục II: Phân công nhiệm vụ cho các bộ, ngành, địa phương'],
    }),
    translations: {
      en: {
        title: `Resolution No. 01/NQ-CP on key tasks and solutions for the 2026 socio-economic development plan and state budget estimate`,
        summary: `The resolution targets GDP growth of 10 per cent or more, maintains macro-economic stability and assigns specific tasks for 2026.`,
        body: `<p>As at the start of every year, the Government issued Resolution 01/NQ-CP setting out the main tasks for implementing the National Assembly's resolutions on the 2026 socio-economic plan and budget.</p>
<p>Key targets include GDP growth of at least 10 per cent, average CPI growth of about 4.5 per cent, a one-point fall in multidimensional poverty and a digital economy worth about 20 per cent of GDP. Annexes assign tasks to each ministry and province.</p>`,
        meta: {
          abstract: `Key tasks and solutions for the 2026 socio-economic development plan and state budget estimate.`,
          documentType: 'Resolution',
          issuingBody: 'The Government',
          signerTitle: 'On behalf of the Government – Prime Minister',
          field: 'Socio-economic affairs',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 10,
    title: `Chỉ thị số 28/CT-TTg về các giải pháp cấp bách đẩy mạnh giải ngân vốn đầu tư công những tháng cuối năm 2026`,
    summary: `Chỉ thị yêu cầu điều chuyển vốn từ dự án chậm giải ngân, tháo gỡ vướng mắc mặt bằng và xử lý trách nhiệm người đứng đầu đơn vị giải ngân thấp.`,
    body: `<p>Nhằm hoàn thành mục tiêu giải ngân vốn đầu tư công năm 2026, Thủ tướng Chính phủ ban hành Chỉ thị số 28/CT-TTg về các giải pháp cấp bách trong những tháng cuối năm.</p>
<h2>Các nhiệm vụ cấp bách</h2>
<ol>
<li>Rà soát toàn bộ danh mục dự án; điều chuyển kế hoạch vốn của dự án không có khả năng giải ngân sang dự án có khối lượng hoàn thành, hoàn thành trước ngày 15/12/2026;</li>
<li>Tập trung giải phóng mặt bằng, bảo đảm nguồn vật liệu cho các dự án trọng điểm;</li>
<li>Rút ngắn thời gian thanh toán, nghiệm thu khối lượng hoàn thành; Kho bạc Nhà nước giải quyết hồ sơ thanh toán trong ngày làm việc;</li>
<li>Phân công lãnh đạo phụ trách từng dự án, gắn trách nhiệm với kết quả giải ngân.</li>
</ol>
<p>Các tổ công tác đặc biệt của Thủ tướng Chính phủ tiếp tục kiểm tra tại các bộ, địa phương có tỷ lệ giải ngân thấp. Kết quả giải ngân là tiêu chí quan trọng trong đánh giá mức độ hoàn thành nhiệm vụ năm của tập thể, cá nhân.</p>
<p>Chỉ thị có hiệu lực kể từ ngày ký. Bộ Tài chính tổng hợp tình hình giải ngân, báo cáo Thủ tướng Chính phủ định kỳ hằng tuần.</p>`,
    tags: ['chỉ thị', 'đầu tư công', 'giải ngân'],
    meta: legalMeta({
      number: '28/CT-TTg',
      documentType: 'Chỉ thị',
      issuingBody: 'Thủ tướng Chính phủ',
      signer: 'Lê Văn Hưng',
      signerTitle: 'Thủ tướng Chính phủ',
      issuedDate: '2026-10-30',
      effectiveDate: '2026-10-30',
      expiryDate: null,
      effectStatus: 'in-force',
      field: 'Đầu tư',
      gazetteDate: null,
      abstract: `Về các giải pháp cấp bách đẩy mạnh giải ngân vốn đầu tư công những tháng cuối năm 2026.`,
    }),
    translations: {
      en: {
        title: `Directive No. 28/CT-TTg on urgent measures to accelerate public investment disbursement in the last months of 2026`,
        summary: `Funds must be moved from slow projects, land clearance obstacles removed and heads of low-disbursing units held accountable.`,
        body: `<p>Directive 28/CT-TTg requires ministries and provinces to review all projects and, before 15 December 2026, move capital from projects unable to disburse to those with completed works; to speed up land clearance and material supply; and to shorten payment times, with the State Treasury processing payment files within one working day.</p>
<p>Special task forces will inspect units with low disbursement, and results will count in annual performance evaluations.</p>`,
        meta: {
          abstract: `Urgent measures to accelerate public investment disbursement in the last months of 2026.`,
          documentType: 'Directive',
          issuingBody: 'The Prime Minister',
          signerTitle: 'Prime Minister',
          field: 'Investment',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 40,
    title: `Công điện số 118/CĐ-TTg về chủ động ứng phó với bão và mưa lũ tại các tỉnh Bắc Trung Bộ`,
    summary: `Công điện chỉ đạo các địa phương chủ động ứng phó với cơn bão đổ bộ vào khu vực Bắc Trung Bộ; nội dung đã hoàn thành sau khi bão tan.`,
    body: `<p>Trước khi cơn bão đổ bộ vào đất liền khu vực Bắc Trung Bộ, Thủ tướng Chính phủ đã ban hành Công điện số 118/CĐ-TTg yêu cầu các bộ, ngành và địa phương triển khai các biện pháp ứng phó theo phương châm “bốn tại chỗ”.</p>
<p>Công điện yêu cầu kêu gọi tàu thuyền vào nơi tránh trú an toàn; kiên quyết sơ tán người dân ở khu vực ven biển, nhà ở không bảo đảm an toàn; vận hành hồ chứa đúng quy trình; chuẩn bị lực lượng, phương tiện cứu hộ, cứu nạn và hàng hóa thiết yếu.</p>
<blockquote>Tình trạng hiệu lực: Không còn phù hợp – các nhiệm vụ ứng phó đã được thực hiện xong; công tác khắc phục hậu quả được chỉ đạo tại các văn bản tiếp theo.</blockquote>
<p>Văn bản được lưu giữ trên Hệ thống văn bản để phục vụ tra cứu, tổng kết công tác phòng, chống thiên tai.</p>`,
    tags: ['công điện', 'bão', 'phòng chống thiên tai'],
    meta: legalMeta({
      number: '118/CĐ-TTg',
      documentType: 'Công điện',
      issuingBody: 'Thủ tướng Chính phủ',
      signer: 'Trần Đức Minh',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2026-10-17',
      effectiveDate: '2026-10-17',
      expiryDate: null,
      effectStatus: 'no-longer-applicable',
      field: 'Phòng, chống thiên tai',
      gazetteDate: null,
      abstract: `Về chủ động ứng phó với bão và mưa lũ tại các tỉnh Bắc Trung Bộ.`,
    }),
    translations: {
      en: {
        title: `Official Dispatch No. 118/CD-TTg on proactive response to the storm and floods in the north-central provinces`,
        summary: `The dispatch ordered localities to prepare for a storm making landfall in the north-central region; its tasks were completed after the storm passed.`,
        body: `<p>Before the storm made landfall, the Prime Minister issued Dispatch 118/CD-TTg calling for the "four on-the-spot" approach: boats to shelter, evacuation of coastal residents and unsafe houses, strict reservoir operation and ready rescue forces and supplies.</p>
<p>The dispatch is no longer applicable, as the response tasks have been completed; recovery is directed in later documents.</p>`,
        meta: {
          abstract: `Proactive response to the storm and floods in the north-central provinces.`,
          documentType: 'Official dispatch',
          issuingBody: 'The Prime Minister',
          signerTitle: 'For the Prime Minister – Deputy Prime Minister',
          field: 'Disaster prevention and control',
        },
      },
    },
  },
  {
    type: 'legal-document',
    section: 'van-ban',
    daysAgo: 49,
    title: `Quyết định số 11/2024/QĐ-TTg ban hành Quy chế quản lý, vận hành và khai thác Hệ thống thông tin báo cáo quốc gia`,
    summary: `Quy chế về cập nhật, chia sẻ dữ liệu báo cáo giữa các cơ quan hành chính nhà nước; một số điều đã được thay thế bởi quy định mới về chế độ báo cáo điện tử.`,
    body: `<p>Quyết định số 11/2024/QĐ-TTg quy định việc quản lý, vận hành và khai thác Hệ thống thông tin báo cáo quốc gia – nền tảng tổng hợp số liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ.</p>
<h2>Nội dung chính của Quy chế</h2>
<ul>
<li>Trách nhiệm của Văn phòng Chính phủ trong vận hành hệ thống và bảo đảm an toàn thông tin;</li>
<li>Trách nhiệm của các bộ, địa phương trong cập nhật số liệu đúng hạn, chính xác;</li>
<li>Quy tắc kết nối, chia sẻ dữ liệu với hệ thống báo cáo cấp bộ, cấp tỉnh;</li>
<li>Phân quyền khai thác số liệu theo chức năng, nhiệm vụ.</li>
</ul>
<p>Mọi số liệu báo cáo được cập nhật một lần và dùng chung cho nhiều mục đích, giảm đáng kể số lượng báo cáo giấy mà các cơ quan phải thực hiện hằng năm.</p>
<blockquote>Tình trạng hiệu lực: Hết hiệu lực một phần – Điều 7 và Điều 9 được thay thế bởi quy định mới về chế độ báo cáo điện tử của cơ quan hành chính nhà nước.</blockquote>
<p>Các cơ quan khi áp dụng cần đối chiếu với văn bản sửa đổi, thay thế để bảo đảm thực hiện đúng quy định hiện hành.</p>`,
    tags: ['chế độ báo cáo', 'Hệ thống thông tin báo cáo', 'dữ liệu'],
    meta: legalMeta({
      number: '11/2024/QĐ-TTg',
      documentType: 'Quyết định',
      issuingBody: 'Thủ tướng Chính phủ',
      signer: 'Nguyễn Thị Lan Phương',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2024-05-14',
      effectiveDate: '2024-07-01',
      expiryDate: null,
      effectStatus: 'partly-expired',
      field: 'Bộ máy hành chính',
      gazetteDate: '2024-05-27',
      abstract: `Ban hành Quy chế quản lý, vận hành và khai thác Hệ thống thông tin báo cáo quốc gia.`,
    }),
    translations: {
      en: {
        title: `Decision No. 11/2024/QD-TTg issuing the regulation on managing, operating and using the National Reporting Information System`,
        summary: `Rules on updating and sharing reporting data among state administrative agencies; some articles have been replaced by newer rules on electronic reporting.`,
        body: `<p>Decision 11/2024/QD-TTg governs the National Reporting Information System, the platform that aggregates data for the Government's direction. It sets the Government Office's operating duties, ministries' and provinces' duty to report accurately and on time, rules for connecting reporting systems and access rights.</p>
<p>Articles 7 and 9 have been replaced by newer regulations on electronic reporting, so the decision is partly expired.</p>`,
        meta: {
          abstract: `Regulation on managing, operating and using the National Reporting Information System.`,
          documentType: 'Decision',
          issuingBody: 'The Prime Minister',
          signerTitle: 'For the Prime Minister – Deputy Prime Minister',
          field: 'Public administration',
        },
      },
    },
  },
];
