import type { DemoItem } from '../../types.ts';
import { youtube } from '../_helpers.ts';

// Thủ tục hành chính, video và ảnh của Cổng Thông tin điện tử Chính phủ.
export const chinhphuServices: DemoItem[] = [
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 15,
    title: `Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)`,
    summary: `Công dân Việt Nam từ đủ 14 tuổi có thể đề nghị cấp hộ chiếu phổ thông trực tuyến toàn trình, nhận kết quả qua dịch vụ bưu chính.`,
    body: `<p>Thủ tục áp dụng đối với công dân Việt Nam đang cư trú ở trong nước đề nghị cấp hộ chiếu phổ thông lần đầu, cấp lại do hết hạn, bị mất, bị hỏng hoặc có nhu cầu thay đổi thông tin.</p>
<h2>Đối tượng thực hiện</h2>
<p>Công dân Việt Nam từ đủ 14 tuổi trở lên có tài khoản định danh điện tử mức độ 2. Người chưa đủ 14 tuổi do cha, mẹ hoặc người giám hộ hợp pháp thực hiện thay.</p>
<h2>Lưu ý khi nộp hồ sơ trực tuyến</h2>
<ul>
<li>Ảnh chân dung chụp trên nền trắng, mặt nhìn thẳng, đầu để trần, không đeo kính màu; ảnh được tải lên dưới dạng tệp điện tử;</li>
<li>Người đề nghị thanh toán lệ phí trực tuyến và lựa chọn nhận hộ chiếu tại cơ quan cấp hoặc qua dịch vụ bưu chính;</li>
<li>Trường hợp cấp lại do bị mất, cần khai báo mất hộ chiếu trước khi đề nghị cấp mới.</li>
</ul>
<p>Người dân có thể tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công quốc gia bằng mã hồ sơ được cấp khi nộp.</p>`,
    tags: ['hộ chiếu', 'xuất nhập cảnh', 'dịch vụ công toàn trình'],
    meta: {
      code: '2.001548',
      decisionNumber: '5123/QĐ-BCA',
      level: 'Cấp Trung ương',
      field: 'Quản lý xuất nhập cảnh',
      agency: 'Cục Quản lý xuất nhập cảnh – Bộ Công an',
      steps: [
        'Đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử mức độ 2',
        'Kê khai tờ khai đề nghị cấp hộ chiếu trực tuyến và tải lên ảnh chân dung',
        'Thanh toán lệ phí trực tuyến và chọn hình thức nhận kết quả',
        'Cơ quan quản lý xuất nhập cảnh kiểm tra, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư',
        'Nhận hộ chiếu tại cơ quan cấp hoặc qua dịch vụ bưu chính',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: '08 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: 'Lệ phí cấp mới: 200.000 đồng/hộ chiếu; cấp lại do bị hỏng hoặc bị mất: 400.000 đồng/hộ chiếu',
      requiredDocuments: [
        { name: 'Tờ khai đề nghị cấp hộ chiếu phổ thông (Mẫu TK01, kê khai trực tuyến)', quantity: 1 },
        { name: 'Ảnh chân dung cỡ 4 cm x 6 cm (tệp ảnh điện tử)', quantity: 1 },
        { name: 'Hộ chiếu đã được cấp lần gần nhất (đối với trường hợp cấp lại)', quantity: 1 },
      ],
      result: 'Hộ chiếu phổ thông có gắn chíp điện tử',
      legalBasis: ['49/2019/QH14', '23/2023/QH15', '25/2021/TT-BTC'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.001548',
    },
    translations: {
      en: {
        title: `Issuance of an ordinary passport in Viet Nam (central level)`,
        summary: `Vietnamese citizens aged 14 or over can apply fully online and receive their passport by post.`,
        body: `<p>This procedure applies to Vietnamese citizens residing in Viet Nam who apply for a first ordinary passport or a replacement because of expiry, loss, damage or changed details. Applicants need a level-2 electronic identity account; parents or guardians apply for children under 14.</p>
<p>Photos must be taken against a white background, face forward, head uncovered and without tinted glasses. Fees are paid online, and the passport can be collected or delivered by post. Lost passports must be reported before applying for a new one.</p>`,
        meta: {
          level: 'Central level',
          field: 'Immigration',
          agency: 'Immigration Department – Ministry of Public Security',
          processingTime: '8 working days from receipt of a complete application',
          fees: 'New passport: VND 200,000; replacement for a lost or damaged passport: VND 400,000',
        },
      },
      zh: {
        title: `在国内签发普通护照（中央级办理）`,
        summary: `年满14周岁的越南公民可全流程在线申请普通护照，并通过邮政服务领取。`,
        body: `<p>本手续适用于居住在国内、首次申请或因过期、遗失、损坏及信息变更而申请换发普通护照的越南公民。申请人须拥有二级电子身份账户；未满14周岁者由父母或合法监护人代为办理。</p>
<p>申请人在线缴纳规费，可选择到签发机关领取或通过邮政寄送。护照遗失的，须先申报遗失再申请补发。</p>`,
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 25,
    title: `Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam`,
    summary: `Công dân có thể đề nghị cấp Phiếu lý lịch tư pháp số 1 hoặc số 2 trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng định danh điện tử, không cần xuất trình giấy tờ cư trú.`,
    body: `<p>Phiếu lý lịch tư pháp là văn bản xác nhận một người có hay không có án tích, có bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp hay không. Phiếu thường được yêu cầu khi xin việc, đi du học, lao động ở nước ngoài hoặc làm thủ tục nhập quốc tịch.</p>
<h2>Hai loại phiếu</h2>
<ul>
<li><strong>Phiếu số 1:</strong> cấp cho cá nhân, cơ quan, tổ chức; chỉ ghi án tích chưa được xóa;</li>
<li><strong>Phiếu số 2:</strong> cấp cho cơ quan tiến hành tố tụng hoặc theo yêu cầu của chính cá nhân đó; ghi đầy đủ án tích đã được xóa và chưa được xóa.</li>
</ul>
<p>Khi nộp hồ sơ trực tuyến, thông tin nhân thân và nơi cư trú được tự động khai thác từ Cơ sở dữ liệu quốc gia về dân cư, người dân không phải nộp bản sao căn cước hay giấy tờ chứng minh nơi cư trú. Kết quả được trả dưới dạng bản điện tử có chữ ký số hoặc bản giấy qua dịch vụ bưu chính.</p>`,
    tags: ['lý lịch tư pháp', 'tư pháp', 'dịch vụ công toàn trình'],
    meta: {
      code: '2.000488',
      decisionNumber: '1890/QĐ-BTP',
      level: 'Cấp Tỉnh',
      field: 'Lý lịch tư pháp',
      agency: 'Sở Tư pháp tỉnh, thành phố nơi người yêu cầu thường trú',
      steps: [
        'Nộp tờ khai yêu cầu cấp Phiếu lý lịch tư pháp trực tuyến hoặc tại Trung tâm phục vụ hành chính công',
        'Thanh toán phí cung cấp thông tin lý lịch tư pháp',
        'Sở Tư pháp tra cứu, xác minh thông tin tại cơ sở dữ liệu lý lịch tư pháp và cơ quan liên quan',
        'Người yêu cầu nhận Phiếu lý lịch tư pháp bản điện tử hoặc bản giấy',
      ],
      channels: ['Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính'],
      processingTime: 'Không quá 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thêm không quá 15 ngày',
      fees: '200.000 đồng/lần/người; sinh viên, người có công với cách mạng: 100.000 đồng/lần/người; trẻ em, người cao tuổi, người khuyết tật, hộ nghèo: miễn phí',
      requiredDocuments: [
        { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (kê khai trực tuyến)', quantity: 1 },
        { name: 'Văn bản ủy quyền (trường hợp ủy quyền yêu cầu cấp Phiếu số 1)', quantity: 1 },
      ],
      result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
      legalBasis: ['28/2009/QH12', '111/2010/NĐ-CP', '244/2016/TT-BTC'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.000488',
    },
    translations: {
      en: {
        title: `Issuance of a criminal record certificate to Vietnamese citizens`,
        summary: `Citizens can apply online for criminal record certificate No. 1 or No. 2 without submitting residence documents.`,
        body: `<p>A criminal record certificate confirms whether a person has a criminal record and whether they are barred from holding positions or managing enterprises. Certificate No. 1 shows only unexpunged convictions; certificate No. 2 shows all convictions and is issued to judicial bodies or to the person on request.</p>
<p>Online applications draw identity and residence data from the National Population Database, and results are delivered as digitally signed electronic certificates or on paper by post.</p>`,
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 36,
    title: `Liên thông thủ tục hành chính: đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi`,
    summary: `Cha, mẹ chỉ cần nộp một bộ hồ sơ trực tuyến để đồng thời đăng ký khai sinh, đăng ký thường trú và nhận thẻ bảo hiểm y tế cho con.`,
    body: `<p>Nhóm thủ tục liên thông giúp cha, mẹ không phải đi lại nhiều cơ quan khi làm giấy tờ cho trẻ mới sinh. Thông tin được kê khai một lần và tự động chuyển giữa cơ quan hộ tịch, cơ quan đăng ký cư trú và cơ quan bảo hiểm xã hội.</p>
<h2>Kết quả người dân nhận được</h2>
<ol>
<li>Giấy khai sinh bản điện tử (và bản giấy nếu có yêu cầu);</li>
<li>Thông tin thường trú của trẻ được cập nhật vào Cơ sở dữ liệu về cư trú;</li>
<li>Thẻ bảo hiểm y tế bản điện tử của trẻ, có thể sử dụng ngay khi khám, chữa bệnh.</li>
</ol>
<p>Thủ tục được thực hiện tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ. Trẻ em dưới 6 tuổi được Nhà nước đóng bảo hiểm y tế theo quy định.</p>
<blockquote>Lưu ý: Hồ sơ phải nộp trong thời hạn 60 ngày kể từ ngày sinh của trẻ để được miễn lệ phí đăng ký khai sinh đúng hạn.</blockquote>`,
    tags: ['liên thông', 'khai sinh', 'bảo hiểm y tế'],
    meta: {
      code: '1.013208',
      decisionNumber: '1438/QĐ-BTP',
      level: 'Cấp Xã',
      field: 'Hộ tịch',
      agency: 'Ủy ban nhân dân cấp xã; Công an cấp xã; cơ quan Bảo hiểm xã hội',
      steps: [
        'Cha hoặc mẹ kê khai tờ khai liên thông trực tuyến trên Cổng Dịch vụ công quốc gia',
        'Tải lên giấy chứng sinh và văn bản ủy quyền (nếu có)',
        'Công chức tư pháp – hộ tịch kiểm tra và đăng ký khai sinh',
        'Hệ thống tự động chuyển thông tin để Công an cấp xã đăng ký thường trú và cơ quan Bảo hiểm xã hội cấp thẻ bảo hiểm y tế',
        'Người dân nhận kết quả điện tử trong kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia',
      ],
      channels: ['Trực tuyến', 'Trực tiếp'],
      processingTime: 'Tối đa 05 ngày làm việc cho cả nhóm thủ tục',
      fees: 'Miễn lệ phí đăng ký khai sinh đúng hạn và lệ phí đăng ký thường trú',
      requiredDocuments: [
        { name: 'Tờ khai liên thông (kê khai trực tuyến)', quantity: 1 },
        { name: 'Giấy chứng sinh hoặc văn bản thay thế giấy chứng sinh', quantity: 1 },
        { name: 'Văn bản ủy quyền có chứng thực (nếu ủy quyền thực hiện)', quantity: 1 },
      ],
      result: 'Giấy khai sinh; thông tin thường trú được cập nhật; thẻ bảo hiểm y tế của trẻ',
      legalBasis: ['60/2014/QH13', '68/2020/QH14', '63/2024/NĐ-CP'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen-lien-thong.html',
    },
    translations: {
      en: {
        title: `Joint procedure: birth registration, permanent residence registration and health insurance card for children under six`,
        summary: `Parents file one online application to register a birth, register the child's residence and receive the child's health insurance card.`,
        body: `<p>Parents enter information once and it flows automatically between the civil status office, the residence registration office and the social insurance agency. The result is a birth certificate, an updated residence record and an electronic health insurance card usable immediately.</p>
<p>The procedure is handled by the commune People's Committee where a parent resides. Applications filed within 60 days of birth are free of charge.</p>`,
      },
    },
  },
  {
    type: 'procedure',
    section: 'thu-tuc-hanh-chinh',
    daysAgo: 48,
    title: `Đăng ký thường trú`,
    summary: `Công dân đăng ký thường trú tại Công an cấp xã nơi có chỗ ở hợp pháp; có thể nộp hồ sơ trực tuyến, một số trường hợp phải xuất trình bản chính giấy tờ.`,
    body: `<p>Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình, hoặc được chủ hộ, chủ sở hữu chỗ ở đồng ý, có thể đăng ký thường trú tại chỗ ở đó. Thủ tục do Công an cấp xã nơi có chỗ ở thực hiện.</p>
<h2>Các trường hợp thường gặp</h2>
<ul>
<li>Đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của mình;</li>
<li>Vợ về ở với chồng, chồng về ở với vợ, con về ở với cha, mẹ và ngược lại;</li>
<li>Người cao tuổi về ở với anh, chị, em ruột, cháu ruột;</li>
<li>Đăng ký thường trú tại chỗ ở hợp pháp do thuê, mượn, ở nhờ, đáp ứng điều kiện về diện tích tối thiểu theo quy định của địa phương.</li>
</ul>
<p>Đối với chỗ ở chưa có thông tin trong cơ sở dữ liệu chuyên ngành về đất đai, nhà ở, người dân có thể phải xuất trình bản chính giấy tờ chứng minh chỗ ở hợp pháp khi nhận kết quả. Vì vậy, dịch vụ này được cung cấp trực tuyến một phần.</p>`,
    tags: ['cư trú', 'thường trú', 'công an cấp xã'],
    meta: {
      code: '1.004194',
      decisionNumber: '5548/QĐ-BCA',
      level: 'Cấp Xã',
      field: 'Đăng ký, quản lý cư trú',
      agency: 'Công an xã, phường, đặc khu',
      steps: [
        'Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng định danh điện tử hoặc trực tiếp tại Công an cấp xã',
        'Cơ quan đăng ký cư trú kiểm tra, cấp phiếu tiếp nhận hồ sơ',
        'Xác minh thông tin về chỗ ở hợp pháp (nếu cần)',
        'Cập nhật thông tin thường trú vào Cơ sở dữ liệu về cư trú và thông báo kết quả cho người đăng ký',
      ],
      channels: ['Trực tuyến', 'Trực tiếp'],
      processingTime: '07 ngày làm việc kể từ ngày nhận đủ hồ sơ',
      fees: '20.000 đồng/lần đăng ký; nộp hồ sơ trực tuyến: 10.000 đồng/lần đăng ký',
      requiredDocuments: [
        { name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', quantity: 1 },
        { name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', quantity: 1 },
        { name: 'Giấy tờ chứng minh quan hệ nhân thân (đối với trường hợp về ở với người thân)', quantity: 1 },
      ],
      result: 'Thông tin thường trú được cập nhật trong Cơ sở dữ liệu về cư trú; thông báo kết quả bằng văn bản hoặc tin nhắn điện tử',
      legalBasis: ['68/2020/QH14', '154/2024/NĐ-CP', '75/2022/TT-BTC'],
      onlineLevel: 'partial',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004194',
    },
    translations: {
      en: {
        title: `Permanent residence registration`,
        summary: `Citizens register permanent residence with the commune police where they have lawful accommodation; applications can be filed online, but originals may have to be shown in some cases.`,
        body: `<p>Citizens who own lawful accommodation, or have the owner's consent, may register permanent residence there, including when joining a spouse, parent or child, or when renting accommodation that meets the locality's minimum floor area.</p>
<p>Where property data are not yet in the land or housing databases, applicants may need to show original documents when receiving the result, so the service is partially online.</p>`,
      },
    },
  },
  // ── Video ────────────────────────────────────────────────────────────
  {
    type: 'video',
    section: 'video',
    daysAgo: 0.5,
    title: `Toàn cảnh Phiên họp Chính phủ thường kỳ`,
    summary: `Video ghi lại những nội dung chính của Phiên họp Chính phủ thường kỳ và phát biểu kết luận của Thủ tướng Chính phủ.`,
    body: `<p>Phiên họp Chính phủ thường kỳ diễn ra trong bối cảnh những tháng cuối năm có ý nghĩa quyết định đối với việc hoàn thành các mục tiêu phát triển kinh tế – xã hội. Video tổng hợp các báo cáo, ý kiến thảo luận của thành viên Chính phủ và lãnh đạo các địa phương.</p>
<p>Trong phần kết luận, Thủ tướng Chính phủ nhấn mạnh yêu cầu giữ vững ổn định kinh tế vĩ mô, đẩy mạnh giải ngân vốn đầu tư công, khắc phục hậu quả thiên tai và chăm lo đời sống Nhân dân dịp cuối năm.</p>
<p>Video do Cổng Thông tin điện tử Chính phủ thực hiện, có phụ đề tiếng Việt.</p>`,
    tags: ['video', 'Phiên họp Chính phủ'],
    meta: { sourceUrl: youtube('Qm3vT8kLp2A'), duration: 412 },
    translations: {
      en: {
        title: `Highlights of the regular Government meeting`,
        summary: `The main points of the regular Government meeting and the Prime Minister's concluding remarks.`,
        body: `<p>The video summarises reports and discussion by Government members and provincial leaders at a meeting held in the decisive final months of the year.</p>
<p>In his conclusions the Prime Minister stressed macro-economic stability, faster public investment, disaster recovery and care for people's lives at year-end.</p>`,
      },
      zh: {
        title: `政府例行会议全景`,
        summary: `视频记录了政府例行会议的主要内容和政府总理的总结讲话。`,
        body: `<p>视频汇总了政府成员和地方领导在会议上的报告和讨论意见。</p>
<p>总理在总结讲话中强调保持宏观经济稳定、加快公共投资拨付、克服自然灾害后果以及在年末关心人民生活。</p>`,
      },
    },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 12,
    title: `Hướng dẫn đề nghị cấp Phiếu lý lịch tư pháp trên ứng dụng định danh điện tử`,
    summary: `Video hướng dẫn từng bước kê khai, thanh toán và nhận Phiếu lý lịch tư pháp bản điện tử ngay trên điện thoại di động.`,
    body: `<p>Chỉ với vài thao tác trên điện thoại, người dân có thể đề nghị cấp Phiếu lý lịch tư pháp mà không cần đến trụ sở cơ quan nhà nước. Thông tin nhân thân được điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư.</p>
<p>Video hướng dẫn các bước: đăng nhập ứng dụng, chọn loại phiếu, kê khai mục đích sử dụng, thanh toán phí và theo dõi trạng thái hồ sơ. Kết quả bản điện tử có chữ ký số được lưu trong ứng dụng và có thể chia sẻ cho cơ quan, tổ chức cần sử dụng.</p>
<p>Người dân gặp khó khăn có thể liên hệ tổng đài hỗ trợ dịch vụ công hoặc Trung tâm phục vụ hành chính công gần nhất.</p>`,
    tags: ['hướng dẫn', 'lý lịch tư pháp', 'định danh điện tử'],
    meta: { sourceUrl: youtube('h7XcR2nWq9E'), duration: 236 },
    translations: {
      en: {
        title: `How to apply for a criminal record certificate on the e-ID app`,
        summary: `A step-by-step guide to filing, paying for and receiving an electronic criminal record certificate on a mobile phone.`,
        body: `<p>Citizens can apply for a criminal record certificate from their phone, with personal details pre-filled from the National Population Database.</p>
<p>The video covers logging in, choosing the certificate type, stating its purpose, paying the fee and tracking the application; the digitally signed result is stored in the app and can be shared.</p>`,
      },
    },
  },
  {
    type: 'video',
    section: 'video',
    daysAgo: 23,
    title: `Những tuyến cao tốc mở lối phát triển`,
    summary: `Phóng sự về tác động của mạng lưới đường bộ cao tốc đối với sản xuất, du lịch và đời sống người dân các địa phương.`,
    body: `<p>Chỉ trong vài năm, chiều dài đường bộ cao tốc đưa vào khai thác đã tăng nhanh, rút ngắn đáng kể thời gian di chuyển giữa các vùng kinh tế. Nhiều khu công nghiệp, khu du lịch mới hình thành dọc các tuyến cao tốc.</p>
<p>Phóng sự ghi lại câu chuyện của những người công nhân trên công trường, những hộ dân nhường đất cho dự án và những doanh nghiệp logistics hưởng lợi từ hạ tầng mới.</p>
<p>Cùng với niềm vui, phóng sự cũng đặt ra yêu cầu hoàn thiện các trạm dừng nghỉ, hệ thống giao thông thông minh và bảo đảm chất lượng công trình trong quá trình khai thác.</p>`,
    tags: ['cao tốc', 'hạ tầng', 'phóng sự'],
    meta: { sourceUrl: youtube('Lr5dK0bYt4M'), duration: 540 },
    translations: {
      en: {
        title: `Expressways opening the way to development`,
        summary: `A report on how the expressway network is changing production, tourism and daily life in the provinces.`,
        body: `<p>The length of expressways in operation has grown quickly in just a few years, cutting travel times between economic regions and attracting new industrial parks and resorts.</p>
<p>The report follows construction workers, families who gave up land for the projects and logistics firms benefiting from new infrastructure, and looks at the need for rest stops and intelligent transport systems.</p>`,
      },
    },
  },
  // ── Ảnh ──────────────────────────────────────────────────────────────
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 1.5,
    title: `Chùm ảnh: Thủ tướng kiểm tra công tác khắc phục hậu quả mưa lũ tại miền Trung`,
    summary: `Thủ tướng Chính phủ đến thăm hỏi, động viên người dân vùng lũ và kiểm tra công tác khắc phục hậu quả tại các địa phương bị thiệt hại nặng.`,
    body: `<p>Ngay sau khi nước lũ rút, Thủ tướng Chính phủ đã đến kiểm tra công tác khắc phục hậu quả mưa lũ, thăm hỏi, tặng quà các gia đình bị thiệt hại tại một số địa phương khu vực Trung Bộ.</p>
<p>Thủ tướng yêu cầu các lực lượng tập trung hỗ trợ người dân dọn dẹp nhà cửa, vệ sinh môi trường, sớm đưa học sinh trở lại trường và khôi phục sản xuất; bảo đảm không để người dân nào thiếu ăn, thiếu mặc.</p>
<p>Dưới đây là một số hình ảnh do phóng viên Cổng Thông tin điện tử Chính phủ ghi lại.</p>`,
    tags: ['chùm ảnh', 'mưa lũ', 'khắc phục hậu quả'],
    meta: {
      images: [
        { src: '/media/demo/cp-lu-mien-trung-01.jpg', caption: 'Thủ tướng thăm hỏi người dân tại điểm sơ tán tạm thời', credit: 'Ảnh: Minh Khôi' },
        { src: '/media/demo/cp-lu-mien-trung-02.jpg', caption: 'Lực lượng quân đội giúp dân dọn bùn đất sau lũ', credit: 'Ảnh: Minh Khôi' },
        { src: '/media/demo/cp-lu-mien-trung-03.jpg', caption: 'Trao quà hỗ trợ các gia đình bị thiệt hại nặng', credit: 'Ảnh: Thu Hà' },
        { src: '/media/demo/cp-lu-mien-trung-04.jpg', caption: 'Kiểm tra đoạn quốc lộ bị sạt lở đang được khắc phục', credit: 'Ảnh: Thu Hà' },
      ],
    },
    translations: {
      en: {
        title: `Photos: Prime Minister inspects flood recovery in the central region`,
        summary: `The Prime Minister visited flood-hit families and inspected recovery work in the worst-affected localities.`,
        body: `<p>As soon as the waters receded, the Prime Minister visited flood-hit localities in the central region, met affected families and inspected recovery work.</p>
<p>He asked all forces to help people clean their homes, restore schools and production and ensure that nobody goes without food or clothing.</p>`,
      },
      zh: {
        title: `组图：政府总理检查中部地区洪涝灾后恢复工作`,
        summary: `政府总理看望慰问受灾群众，并检查受灾严重地区的灾后恢复工作。`,
        body: `<p>洪水刚一退去，政府总理即前往中部部分地区检查灾后恢复工作，看望慰问受灾家庭并赠送礼物。</p>
<p>总理要求各方力量集中帮助群众清理房屋、做好环境卫生，尽快让学生返校、恢复生产，确保不让任何群众缺衣少食。</p>`,
      },
    },
  },
  {
    type: 'gallery',
    section: 'anh',
    daysAgo: 17.5,
    title: `Chùm ảnh: Hội nghị Chính phủ với các địa phương`,
    summary: `Những hình ảnh tại Hội nghị Chính phủ với các địa phương, tổ chức theo hình thức trực tiếp kết hợp trực tuyến.`,
    body: `<p>Hội nghị Chính phủ với các địa phương quy tụ các thành viên Chính phủ và lãnh đạo 34 tỉnh, thành phố, với nhiều ý kiến thẳng thắn, tâm huyết về những vướng mắc trong thực tiễn.</p>
<p>Không khí làm việc khẩn trương, thực chất; nhiều kiến nghị của địa phương được các bộ, ngành trả lời ngay tại hội nghị.</p>
<p>Cổng Thông tin điện tử Chính phủ giới thiệu một số hình ảnh tại hội nghị, từ điểm cầu trụ sở Chính phủ đến các điểm cầu trực tuyến ở địa phương.</p>`,
    tags: ['chùm ảnh', 'hội nghị', 'địa phương'],
    meta: {
      images: [
        { src: '/media/demo/cp-hoi-nghi-dia-phuong-01.jpg', caption: 'Toàn cảnh hội nghị tại điểm cầu trụ sở Chính phủ', credit: 'Ảnh: Quang Hiếu' },
        { src: '/media/demo/cp-hoi-nghi-dia-phuong-02.jpg', caption: 'Lãnh đạo các địa phương phát biểu, nêu kiến nghị', credit: 'Ảnh: Quang Hiếu' },
        { src: '/media/demo/cp-hoi-nghi-dia-phuong-03.jpg', caption: 'Các thành viên Chính phủ trao đổi bên lề hội nghị', credit: 'Ảnh: Ngọc Anh' },
        { src: '/media/demo/cp-hoi-nghi-dia-phuong-04.jpg', caption: 'Điểm cầu trực tuyến tại Ủy ban nhân dân một tỉnh miền núi', credit: 'Ảnh: Ngọc Anh' },
        { src: '/media/demo/cp-hoi-nghi-dia-phuong-05.jpg', caption: 'Phóng viên tác nghiệp tại hội nghị', credit: 'Ảnh: Quang Hiếu' },
      ],
    },
    translations: {
      en: {
        title: `Photos: The Government's conference with localities`,
        summary: `Images from the hybrid conference between the Government and the 34 provinces and cities.`,
        body: `<p>The conference brought together Government members and leaders of all 34 provinces and cities for frank discussion of practical obstacles.</p>
<p>Many of the localities' recommendations were answered on the spot by ministries.</p>`,
      },
    },
  },
];
