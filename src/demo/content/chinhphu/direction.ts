import type { DemoItem } from '../../types.ts';

// Chỉ đạo, điều hành và thông cáo báo chí của Chính phủ.
export const chinhphuDirection: DemoItem[] = [
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 0.2,
    title: `Công điện của Thủ tướng Chính phủ về tập trung ứng phó, khắc phục hậu quả mưa lũ tại khu vực Trung Bộ`,
    summary: `Thủ tướng yêu cầu các bộ, ngành, địa phương không chủ quan, lơ là, triển khai quyết liệt các biện pháp bảo đảm an toàn tính mạng và tài sản của người dân.`,
    body: `<p>Trước diễn biến phức tạp của đợt mưa lũ đang xảy ra tại khu vực Trung Bộ, Thủ tướng Chính phủ đã ký Công điện gửi Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Thanh Hóa đến Khánh Hòa và Bộ trưởng các bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương, Y tế, Giáo dục và Đào tạo.</p>
<p>Công điện nêu rõ mưa lớn kéo dài đã gây ngập lụt sâu tại nhiều khu dân cư, chia cắt giao thông, làm hư hỏng nhiều công trình hạ tầng và ảnh hưởng nghiêm trọng đến sản xuất, đời sống của người dân.</p>
<h2>Yêu cầu đối với các địa phương</h2>
<ul>
<li>Tổ chức sơ tán, di dời người dân ra khỏi khu vực nguy hiểm; bố trí nơi ở tạm, bảo đảm lương thực, nước uống, không để người dân bị đói, rét;</li>
<li>Triển khai lực lượng tại các điểm xung yếu, kiên quyết không cho người và phương tiện qua lại những đoạn đường ngập sâu, nước chảy xiết;</li>
<li>Chủ động thông báo cho học sinh nghỉ học tại những nơi không bảo đảm an toàn;</li>
<li>Khẩn trương khắc phục hậu quả ngay khi nước rút, vệ sinh môi trường, phòng chống dịch bệnh.</li>
</ul>
<h2>Nhiệm vụ của các bộ, ngành</h2>
<p>Bộ Quốc phòng, Bộ Công an huy động tối đa lực lượng, phương tiện, kể cả trực thăng, hỗ trợ tìm kiếm cứu nạn và tiếp tế cho khu vực bị chia cắt. Bộ Công Thương chỉ đạo bảo đảm an toàn hệ thống điện và an toàn hồ đập thủy điện. Bộ Tài chính chủ trì, phối hợp đề xuất hỗ trợ kinh phí, hàng dự trữ quốc gia cho các địa phương bị thiệt hại nặng.</p>
<p>Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện và báo cáo Thủ tướng Chính phủ những vấn đề phát sinh.</p>`,
    tags: ['công điện', 'mưa lũ', 'phòng chống thiên tai'],
    translations: {
      en: {
        title: `Prime Minister's official dispatch on responding to and recovering from floods in the central region`,
        summary: `The Prime Minister told ministries and localities not to be complacent and to act decisively to protect people's lives and property.`,
        body: `<p>The Prime Minister has signed an official dispatch to the chairpersons of provincial People's Committees from Thanh Hoa to Khanh Hoa and to the ministers of defence, public security, agriculture and environment, construction, industry and trade, health and education.</p>
<p>Localities must evacuate residents from danger zones, provide temporary shelter, food and water, guard flooded roads, let schools close where unsafe and clean up as soon as waters recede. The army and police will deploy all available forces, including helicopters, while the Ministry of Finance proposes emergency funding and national reserves.</p>`,
      },
      zh: {
        title: `政府总理关于集中应对和克服中部地区洪涝灾害后果的公电`,
        summary: `总理要求各部委和地方切勿麻痹大意，果断采取措施保障人民生命财产安全。`,
        body: `<p>针对中部地区复杂的洪涝形势，政府总理签发公电，致清化至庆和各省市人民委员会主席以及国防、公安、农业与环境、建设、工贸、卫生和教育培训等部部长。</p>
<p>公电要求地方组织群众撤离危险区域，安排临时住所，保障食品和饮用水；在深水路段设置警戒；洪水退后立即开展环境清理和防疫工作。国防部和公安部最大限度调动力量和装备，支援搜救和孤立地区的物资补给。</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 4,
    title: `Thủ tướng chỉ đạo đẩy mạnh thanh toán không dùng tiền mặt trong thu phí, lệ phí và dịch vụ công`,
    summary: `Các bộ, ngành, địa phương phải bảo đảm 100% điểm tiếp nhận hồ sơ thủ tục hành chính chấp nhận thanh toán điện tử, không yêu cầu người dân nộp tiền mặt.`,
    body: `<p>Văn phòng Chính phủ vừa có văn bản truyền đạt ý kiến chỉ đạo của Thủ tướng Chính phủ về đẩy mạnh thanh toán không dùng tiền mặt trong thu phí, lệ phí, nghĩa vụ tài chính và các dịch vụ công.</p>
<p>Theo đó, Thủ tướng yêu cầu các bộ, cơ quan ngang bộ và Ủy ban nhân dân các tỉnh, thành phố rà soát toàn bộ quy trình thu phí, lệ phí trong giải quyết thủ tục hành chính; bảo đảm người dân, doanh nghiệp có thể thanh toán trực tuyến qua Cổng Dịch vụ công quốc gia hoặc bằng mã QR tại bộ phận một cửa.</p>
<h2>Mốc thời gian cụ thể</h2>
<ul>
<li>Trong tháng tới: 100% Trung tâm phục vụ hành chính công cấp tỉnh, cấp xã chấp nhận thanh toán điện tử;</li>
<li>Trong quý tới: các bệnh viện công lập, trường học công lập hoàn thành triển khai thu viện phí, học phí không dùng tiền mặt;</li>
<li>Các khoản thu phạt vi phạm hành chính trong lĩnh vực giao thông được thanh toán trực tuyến.</li>
</ul>
<p>Ngân hàng Nhà nước Việt Nam chủ trì, phối hợp với các tổ chức tín dụng bảo đảm hạ tầng thanh toán thông suốt, an toàn, bảo mật; nghiên cứu giảm hoặc miễn phí giao dịch đối với các khoản thanh toán dịch vụ công.</p>
<p>Thủ tướng lưu ý không được ép buộc người dân phải thanh toán bằng một phương thức duy nhất; vẫn phải bảo đảm phương án hỗ trợ cho người cao tuổi, người khuyết tật và người dân ở vùng chưa có hạ tầng thanh toán điện tử.</p>`,
    tags: ['thanh toán không dùng tiền mặt', 'dịch vụ công', 'chuyển đổi số'],
    translations: {
      en: {
        title: `Prime Minister orders a push for cashless payment of fees, charges and public services`,
        summary: `Every point receiving administrative applications must accept electronic payment; citizens must not be required to pay in cash.`,
        body: `<p>The Government Office has conveyed the Prime Minister's instruction to promote cashless payment of fees, charges and public services. All provincial and commune public administration service centres must accept electronic payment next month, and public hospitals and schools must collect fees without cash within the following quarter.</p>
<p>The State Bank will keep the payment infrastructure secure and consider cutting transaction fees. Citizens must not be forced to use a single method, and support must remain available for the elderly, people with disabilities and areas without payment infrastructure.</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 9,
    title: `Chỉ thị về tăng cường bảo đảm trật tự, an toàn giao thông dịp cuối năm và mùa lễ hội`,
    summary: `Thủ tướng yêu cầu xử lý nghiêm vi phạm nồng độ cồn, chở quá tải, quá số người quy định; bảo đảm đủ phương tiện phục vụ nhu cầu đi lại tăng cao của người dân.`,
    body: `<p>Thủ tướng Chính phủ vừa ban hành Chỉ thị về tăng cường bảo đảm trật tự, an toàn giao thông dịp cuối năm và mùa lễ hội. Chỉ thị nhấn mạnh nhu cầu đi lại, vận chuyển hàng hóa của người dân trong thời gian này tăng cao, tiềm ẩn nguy cơ ùn tắc và tai nạn giao thông.</p>
<h2>Trọng tâm chỉ đạo</h2>
<p>Bộ Công an chỉ đạo lực lượng cảnh sát giao thông tăng cường tuần tra, kiểm soát, tập trung xử lý các hành vi vi phạm là nguyên nhân chính gây tai nạn: vi phạm nồng độ cồn, chạy quá tốc độ, đi sai làn đường, chở quá tải trọng. Việc xử lý vi phạm qua hệ thống camera giám sát được mở rộng trên các tuyến quốc lộ, cao tốc trọng điểm.</p>
<p>Bộ Xây dựng chỉ đạo các doanh nghiệp vận tải bổ sung phương tiện, tăng chuyến; kiểm soát chặt chẽ chất lượng phương tiện và thời gian làm việc của lái xe; yêu cầu các nhà ga, bến xe, cảng hàng không niêm yết công khai giá vé, không để xảy ra tình trạng “làm giá”.</p>
<blockquote>Người đứng đầu cấp ủy, chính quyền địa phương chịu trách nhiệm trước Thủ tướng Chính phủ nếu để xảy ra tai nạn giao thông đặc biệt nghiêm trọng do buông lỏng quản lý.</blockquote>
<p>Các cơ quan báo chí, thông tin cơ sở tăng cường tuyên truyền để người dân chấp hành nghiêm quy định “đã uống rượu bia thì không lái xe”, đội mũ bảo hiểm đúng quy cách và sử dụng ghế an toàn cho trẻ em.</p>`,
    tags: ['an toàn giao thông', 'chỉ thị', 'lễ hội'],
    translations: {
      en: {
        title: `Directive on ensuring traffic order and safety at year-end and in the festival season`,
        summary: `The Prime Minister ordered strict handling of drink-driving and overloading, and enough transport to meet rising travel demand.`,
        body: `<p>The Prime Minister has issued a directive on traffic safety for the year-end and festival season, when travel and freight demand peak. Traffic police will step up patrols and camera-based enforcement against drink-driving, speeding, lane violations and overloading.</p>
<p>The Ministry of Construction will have transport firms add vehicles and trips and make stations and airports publish fares. Local leaders will answer to the Prime Minister for especially serious accidents caused by lax management.</p>`,
      },
      zh: {
        title: `关于加强年末和节庆期间交通秩序与安全保障的指示`,
        summary: `总理要求严厉查处酒驾、超载和超员行为，确保足够运力满足民众激增的出行需求。`,
        body: `<p>政府总理日前颁布关于加强年末和节庆期间交通秩序与安全保障的指示。公安部将加强巡逻管控，重点查处酒驾、超速、不按车道行驶和超载等违法行为，并在重点国道和高速公路扩大摄像头监控执法。</p>
<p>建设部要求运输企业增加车辆和班次，车站、码头和机场公开票价，杜绝哄抬票价现象。</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 14,
    title: `Phó Thủ tướng chỉ đạo bảo đảm cung ứng xăng dầu cho sản xuất, kinh doanh và tiêu dùng`,
    summary: `Các doanh nghiệp đầu mối phải duy trì mức dự trữ theo quy định, không để đứt gãy nguồn cung tại bất kỳ địa bàn nào.`,
    body: `<p>Trước diễn biến khó lường của giá dầu thế giới, Phó Thủ tướng Chính phủ đã có ý kiến chỉ đạo về việc bảo đảm cung ứng xăng dầu trong nước trong những tháng cuối năm.</p>
<p>Phó Thủ tướng giao Bộ Công Thương theo dõi sát tình hình thị trường, chỉ đạo các doanh nghiệp đầu mối nhập khẩu và các nhà máy lọc dầu xây dựng kế hoạch sản xuất, nhập khẩu phù hợp; kịp thời điều tiết nguồn hàng giữa các vùng, nhất là vùng sâu, vùng xa và các địa phương vừa bị ảnh hưởng bởi thiên tai.</p>
<h2>Kiểm tra, xử lý nghiêm vi phạm</h2>
<p>Quản lý thị trường các địa phương được yêu cầu tăng cường kiểm tra hoạt động kinh doanh xăng dầu, xử lý nghiêm các trường hợp găm hàng, tự ý ngừng bán hoặc không xuất hóa đơn điện tử cho từng lần bán hàng theo quy định.</p>
<p>Bộ Tài chính phối hợp với Bộ Công Thương điều hành giá xăng dầu bảo đảm hài hòa lợi ích của Nhà nước, doanh nghiệp và người tiêu dùng; sử dụng Quỹ bình ổn giá linh hoạt, đúng quy định.</p>`,
    tags: ['xăng dầu', 'thị trường', 'bình ổn giá'],
    translations: {
      en: {
        title: `Deputy Prime Minister directs measures to secure fuel supply`,
        summary: `Key fuel traders must keep mandatory reserves and prevent supply disruptions anywhere in the country.`,
        body: `<p>With world oil prices volatile, the Deputy Prime Minister instructed the Ministry of Industry and Trade to monitor the market, have key importers and refineries plan production and imports, and move supplies between regions, especially to remote and disaster-hit areas.</p>
<p>Market inspectors will act against hoarding, unauthorised suspension of sales and failure to issue e-invoices. The Ministry of Finance will co-manage prices and use the price stabilisation fund flexibly.</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 24,
    title: `Thủ tướng yêu cầu chuẩn bị chu đáo để Nhân dân đón Tết vui tươi, lành mạnh, an toàn, tiết kiệm`,
    summary: `Các địa phương rà soát, hỗ trợ kịp thời người có công, hộ nghèo, người bị ảnh hưởng bởi thiên tai; bảo đảm mọi nhà, mọi người đều có Tết.`,
    body: `<p>Thủ tướng Chính phủ đã giao các bộ, ngành, địa phương sớm chuẩn bị các điều kiện để Nhân dân đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm, với tinh thần “không để ai bị bỏ lại phía sau”.</p>
<h2>Chăm lo đời sống người dân</h2>
<p>Các địa phương được yêu cầu rà soát, nắm chắc đời sống của người dân, nhất là người có công với cách mạng, hộ nghèo, hộ cận nghèo, công nhân mất việc làm và người dân bị thiệt hại do thiên tai để có hình thức hỗ trợ phù hợp. Bộ Tài chính chủ trì xuất cấp gạo dự trữ quốc gia kịp thời cho các địa phương có đề nghị.</p>
<p>Bộ Công Thương chỉ đạo bảo đảm cân đối cung cầu, không để xảy ra thiếu hàng, sốt giá các mặt hàng thiết yếu; Bộ Nội vụ hướng dẫn doanh nghiệp thanh toán đầy đủ tiền lương, thưởng Tết cho người lao động.</p>
<h2>Tổ chức lễ hội tiết kiệm, đúng quy định</h2>
<ul>
<li>Không tổ chức đi chúc Tết cấp trên và lãnh đạo các cấp; nghiêm cấm sử dụng ngân sách nhà nước, phương tiện công vào hoạt động lễ hội trái quy định;</li>
<li>Tổ chức bắn pháo hoa đúng quy định, phù hợp với điều kiện của từng địa phương;</li>
<li>Bảo đảm an ninh, an toàn, phòng chống cháy nổ tại nơi công cộng, khu vui chơi, lễ hội.</li>
</ul>
<p>Các cơ quan, đơn vị bố trí lực lượng trực Tết, giải quyết kịp thời công việc, không để ảnh hưởng đến hoạt động của người dân và doanh nghiệp.</p>`,
    tags: ['Tết Nguyên đán', 'an sinh xã hội', 'thực hành tiết kiệm'],
    translations: {
      en: {
        title: `Prime Minister asks for thorough preparations for a joyful, safe and thrifty Lunar New Year`,
        summary: `Localities must support people with meritorious service, poor households and disaster victims so that every family can celebrate Tet.`,
        body: `<p>The Prime Minister has asked ministries and localities to prepare early for the Lunar New Year so that no one is left behind. Localities will review the living conditions of people with meritorious service, poor households, laid-off workers and disaster victims, and the Ministry of Finance will release national rice reserves on request.</p>
<p>Officials must not pay New Year visits to superiors or use public funds and vehicles for festivities; fireworks, security and fire safety must follow regulations.</p>`,
      },
      zh: {
        title: `政府总理要求周密筹备，让人民过一个欢乐、健康、安全、节俭的春节`,
        summary: `各地要及时帮扶有功人员、贫困户和受灾群众，确保家家户户都能过好年。`,
        body: `<p>政府总理要求各部委和地方及早做好准备，本着“不让任何人掉队”的精神，让人民过一个欢乐、健康、安全、节俭的春节。各地要摸清有功人员、贫困户、失业工人和受灾群众的生活情况，财政部及时调拨国家储备大米。</p>
<p>禁止向上级和各级领导拜年，严禁违规使用国家预算和公车参加节庆活动。</p>`,
      },
    },
  },
  {
    type: 'directive',
    section: 'chi-dao-dieu-hanh',
    daysAgo: 44,
    title: `Kết luận của Thủ tướng tại cuộc họp về cắt giảm, đơn giản hóa thủ tục hành chính và điều kiện kinh doanh`,
    summary: `Thủ tướng yêu cầu trong năm nay cắt giảm tối thiểu 30% thời gian xử lý, 30% chi phí tuân thủ thủ tục hành chính và 30% điều kiện kinh doanh.`,
    body: `<p>Văn phòng Chính phủ vừa ban hành thông báo kết luận của Thủ tướng Chính phủ tại cuộc họp về phương án cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh trong các lĩnh vực quản lý của các bộ, ngành.</p>
<p>Thủ tướng đánh giá công tác cải cách thủ tục hành chính đã có chuyển biến tích cực; nhiều bộ đã chủ động rà soát, đề xuất bãi bỏ các thủ tục không cần thiết. Tuy nhiên, một số phương án cắt giảm còn mang tính hình thức, chủ yếu gộp hoặc đổi tên thủ tục mà chưa thực sự giảm gánh nặng cho người dân, doanh nghiệp.</p>
<h2>Chỉ tiêu cắt giảm</h2>
<table>
<thead><tr><th>Nội dung</th><th>Mức cắt giảm tối thiểu</th></tr></thead>
<tbody>
<tr><td>Thời gian giải quyết thủ tục hành chính</td><td>30%</td></tr>
<tr><td>Chi phí tuân thủ thủ tục hành chính</td><td>30%</td></tr>
<tr><td>Điều kiện kinh doanh</td><td>30%</td></tr>
<tr><td>Thủ tục nội bộ giữa các cơ quan hành chính</td><td>Bãi bỏ những thủ tục trùng lặp</td></tr>
</tbody>
</table>
<p>Thủ tướng giao các bộ trưởng, thủ trưởng cơ quan ngang bộ trực tiếp chỉ đạo, hoàn thiện phương án và ban hành theo thẩm quyền hoặc trình cấp có thẩm quyền ban hành văn bản thực thi trong quý tới; đồng thời công khai phương án trên Cổng Dịch vụ công quốc gia để người dân, doanh nghiệp góp ý.</p>`,
    tags: ['cải cách thủ tục hành chính', 'điều kiện kinh doanh', 'thông báo kết luận'],
    translations: {
      en: {
        title: `Prime Minister's conclusions on cutting administrative procedures and business conditions`,
        summary: `This year, processing time, compliance costs and business conditions must each be cut by at least 30 per cent.`,
        body: `<p>The Government Office has published the Prime Minister's conclusions on plans to cut and simplify administrative procedures and business conditions. Some plans were found to be formalistic, merely merging or renaming procedures.</p>
<p>Ministers must personally finalise plans cutting at least 30 per cent of processing time, compliance costs and business conditions, issue implementing documents next quarter and publish the plans on the National Public Service Portal for comment.</p>`,
      },
    },
  },
  // ── Thông cáo báo chí ────────────────────────────────────────────────
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 0.1,
    title: `Thông cáo báo chí Phiên họp Chính phủ thường kỳ`,
    summary: `Chính phủ thống nhất đánh giá kinh tế vĩ mô ổn định, các động lực tăng trưởng được thúc đẩy mạnh mẽ; đề ra 10 nhóm nhiệm vụ, giải pháp trọng tâm trong thời gian tới.`,
    body: `<p>Chính phủ đã tổ chức Phiên họp thường kỳ dưới sự chủ trì của Thủ tướng Chính phủ, kết nối trực tuyến với Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương. Văn phòng Chính phủ trân trọng thông báo kết quả phiên họp như sau:</p>
<h2>1. Về tình hình kinh tế – xã hội</h2>
<p>Kinh tế vĩ mô cơ bản ổn định, lạm phát được kiểm soát, tăng trưởng được thúc đẩy; các cân đối lớn được bảo đảm. Sản xuất công nghiệp, thương mại, dịch vụ, du lịch tiếp tục phục hồi tích cực. An sinh xã hội được bảo đảm; quốc phòng, an ninh được giữ vững; công tác đối ngoại, hội nhập quốc tế được đẩy mạnh.</p>
<h2>2. Về nhiệm vụ, giải pháp thời gian tới</h2>
<p>Chính phủ yêu cầu các bộ, ngành, địa phương tập trung thực hiện 10 nhóm nhiệm vụ, giải pháp trọng tâm, trong đó có:</p>
<ul>
<li>Ưu tiên thúc đẩy tăng trưởng gắn với giữ vững ổn định kinh tế vĩ mô, kiểm soát lạm phát;</li>
<li>Đẩy mạnh giải ngân vốn đầu tư công, thực hiện các chương trình mục tiêu quốc gia;</li>
<li>Hoàn thiện thể chế, tháo gỡ các điểm nghẽn, vướng mắc về pháp lý;</li>
<li>Khắc phục hậu quả thiên tai, ổn định đời sống người dân;</li>
<li>Chuẩn bị tốt các điều kiện cho kế hoạch phát triển kinh tế – xã hội năm tới.</li>
</ul>
<h2>3. Về công tác xây dựng thể chế</h2>
<p>Chính phủ đã cho ý kiến về các dự án luật, dự thảo nghị định và giao các cơ quan chủ trì soạn thảo tiếp thu, hoàn thiện theo ý kiến thành viên Chính phủ.</p>`,
    tags: ['thông cáo báo chí', 'Phiên họp Chính phủ'],
    translations: {
      en: {
        title: `Press release on the regular Government meeting`,
        summary: `The Government agreed that the macro-economy is stable and growth drivers are strengthening, and set out ten groups of priority tasks.`,
        body: `<p>The Government held its regular meeting chaired by the Prime Minister and connected online with the provincial People's Committees. The macro-economy is broadly stable, inflation is contained and industry, trade, services and tourism continue to recover.</p>
<p>The Government set out ten groups of tasks, including prioritising growth while keeping macro stability, accelerating public investment and national target programmes, removing legal bottlenecks, recovering from natural disasters and preparing next year's plan.</p>`,
      },
      zh: {
        title: `政府例行会议新闻公报`,
        summary: `政府一致认为宏观经济保持稳定，增长动力得到有力推动，并提出今后十组重点任务和措施。`,
        body: `<p>政府在政府总理主持下召开例行会议，并以视频方式连线各中央直辖省市人民委员会。宏观经济基本稳定，通胀得到控制，工业、贸易、服务和旅游业持续积极恢复。</p>
<p>政府要求各部委和地方落实十组重点任务，包括在保持宏观稳定的同时优先促进增长、加快公共投资拨付、完善制度、克服自然灾害后果以及筹备明年计划。</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 7,
    title: `Thông cáo báo chí về văn bản quy phạm pháp luật do Chính phủ, Thủ tướng Chính phủ ban hành trong tháng`,
    summary: `Trong tháng, Chính phủ, Thủ tướng Chính phủ đã ban hành 21 văn bản quy phạm pháp luật, gồm 17 nghị định và 4 quyết định.`,
    body: `<p>Văn phòng Chính phủ thông báo, trong tháng qua, Chính phủ, Thủ tướng Chính phủ đã ban hành 21 văn bản quy phạm pháp luật, gồm 17 nghị định của Chính phủ và 4 quyết định của Thủ tướng Chính phủ. Các văn bản tập trung vào những lĩnh vực sau:</p>
<h2>Tài chính – ngân sách</h2>
<p>Nghị định sửa đổi, bổ sung quy định về quản lý, sử dụng tài sản công, mở rộng phân cấp cho cấp xã trong quyết định mua sắm, thanh lý tài sản có giá trị nhỏ; Nghị định quy định chi tiết một số điều của luật về thuế thu nhập doanh nghiệp.</p>
<h2>Chuyển đổi số và dịch vụ công</h2>
<p>Quyết định của Thủ tướng Chính phủ về tiêu chí đánh giá chất lượng cung cấp dịch vụ công trực tuyến, theo đó việc đánh giá dựa trên dữ liệu thực tế được đo lường tự động thay vì tự chấm điểm.</p>
<h2>Tổ chức bộ máy</h2>
<p>Các nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của một số bộ sau khi được điều chỉnh nhiệm vụ.</p>
<p>Toàn văn các văn bản được đăng tải trên Công báo và Hệ thống văn bản của Cổng Thông tin điện tử Chính phủ.</p>`,
    tags: ['thông cáo báo chí', 'văn bản quy phạm pháp luật', 'Công báo'],
    translations: {
      en: {
        title: `Press release on legal normative documents issued by the Government and the Prime Minister this month`,
        summary: `This month the Government and the Prime Minister issued 21 legal normative documents: 17 decrees and 4 decisions.`,
        body: `<p>The Government Office announces that 21 legal normative documents were issued last month: 17 Government decrees and 4 Prime Minister's decisions. They cover public finance (including decentralising small asset purchases to communes), digital transformation (a decision on measuring the quality of online public services from real usage data) and the organisation of ministries.</p>
<p>Full texts are published in the Official Gazette and the Government Portal's document database.</p>`,
      },
      zh: {
        title: `关于本月政府和政府总理颁布的法律规范性文件的新闻公报`,
        summary: `本月政府和政府总理共颁布21份法律规范性文件，包括17份议定和4份决定。`,
        body: `<p>政府办公厅通报，上月政府和政府总理共颁布21份法律规范性文件，其中政府议定17份、政府总理决定4份，主要涉及财政预算、数字化转型与公共服务以及机构设置等领域。</p>
<p>各文件全文已刊登在政府公报和政府门户网站法律文件系统中。</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 18,
    title: `Thông cáo báo chí Hội nghị Chính phủ với các địa phương`,
    summary: `Hội nghị thống nhất các giải pháp nâng cao hiệu quả phối hợp giữa bộ, ngành và địa phương; tháo gỡ vướng mắc trong thực hiện phân cấp, phân quyền.`,
    body: `<p>Chính phủ đã tổ chức Hội nghị Chính phủ với các địa phương theo hình thức trực tiếp kết hợp trực tuyến. Dự hội nghị có các Phó Thủ tướng, Bộ trưởng, Thủ trưởng cơ quan ngang bộ và Chủ tịch Ủy ban nhân dân 34 tỉnh, thành phố.</p>
<p>Tại hội nghị, các địa phương đã nêu 46 kiến nghị, tập trung vào các lĩnh vực đất đai, quy hoạch, đầu tư công, tài chính – ngân sách và tổ chức bộ máy. Các bộ, ngành đã trả lời trực tiếp tại hội nghị đối với 29 kiến nghị; các kiến nghị còn lại được giao xử lý, trả lời bằng văn bản trong 15 ngày.</p>
<h2>Kết luận của Thủ tướng</h2>
<ul>
<li>Các bộ, ngành khẩn trương ban hành văn bản hướng dẫn các nhiệm vụ đã phân cấp cho địa phương;</li>
<li>Địa phương chủ động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung;</li>
<li>Tăng cường kỷ luật, kỷ cương hành chính; kịp thời khen thưởng tập thể, cá nhân làm tốt.</li>
</ul>
<p>Văn phòng Chính phủ được giao tổng hợp, theo dõi việc xử lý các kiến nghị và công khai kết quả trên Cổng Thông tin điện tử Chính phủ.</p>`,
    tags: ['thông cáo báo chí', 'hội nghị', 'phân cấp phân quyền'],
    translations: {
      en: {
        title: `Press release on the Government's conference with localities`,
        summary: `The conference agreed on ways to improve coordination between ministries and localities and to remove obstacles to decentralisation.`,
        body: `<p>The Government held a hybrid conference with the chairpersons of all 34 provincial People's Committees. Localities raised 46 recommendations on land, planning, public investment, public finance and organisation; 29 were answered on the spot and the rest will be answered in writing within 15 days.</p>
<p>The Prime Minister asked ministries to issue guidance for decentralised tasks promptly, and localities to act boldly and responsibly. The Government Office will publish the follow-up on the Government Portal.</p>`,
      },
    },
  },
  {
    type: 'press-release',
    section: 'thong-cao-bao-chi',
    daysAgo: 31,
    title: `Thông cáo báo chí: Chính phủ ban hành Nghị định về cơ chế thí điểm thử nghiệm có kiểm soát trong lĩnh vực công nghệ tài chính`,
    summary: `Nghị định cho phép các tổ chức tín dụng và doanh nghiệp công nghệ tài chính thử nghiệm giải pháp mới trong phạm vi, thời gian và điều kiện được kiểm soát.`,
    body: `<p>Văn phòng Chính phủ thông báo, Chính phủ vừa ban hành Nghị định quy định cơ chế thử nghiệm có kiểm soát (sandbox) đối với hoạt động công nghệ tài chính trong lĩnh vực ngân hàng.</p>
<p>Nghị định áp dụng đối với ba nhóm giải pháp: chấm điểm tín dụng, chia sẻ dữ liệu qua giao diện lập trình ứng dụng mở (Open API) và cho vay ngang hàng. Tổ chức tham gia phải đáp ứng điều kiện về vốn, nhân sự, hệ thống công nghệ, phương án bảo vệ khách hàng và cơ chế xử lý rủi ro.</p>
<h2>Bảo vệ quyền lợi khách hàng</h2>
<p>Trong thời gian thử nghiệm, tổ chức tham gia phải thông báo rõ cho khách hàng về tính chất thử nghiệm của sản phẩm, dịch vụ; có cơ chế tiếp nhận và giải quyết khiếu nại; bảo đảm an toàn dữ liệu cá nhân. Ngân hàng Nhà nước có quyền đình chỉ thử nghiệm nếu phát hiện rủi ro ảnh hưởng đến an toàn hệ thống.</p>
<p>Thời gian thử nghiệm tối đa là 2 năm, có thể được gia hạn một lần. Nghị định có hiệu lực kể từ ngày ký ban hành.</p>`,
    tags: ['thông cáo báo chí', 'công nghệ tài chính', 'sandbox'],
    translations: {
      en: {
        title: `Press release: Government issues decree on a regulatory sandbox for fintech`,
        summary: `Credit institutions and fintech firms may test new solutions within a controlled scope, period and set of conditions.`,
        body: `<p>The Government has issued a decree on a controlled testing mechanism (sandbox) for fintech in banking, covering credit scoring, data sharing via open APIs and peer-to-peer lending. Participants must meet capital, staffing, technology, customer protection and risk management requirements.</p>
<p>Customers must be told that products are experimental, complaints must be handled and personal data protected. Tests last up to two years, renewable once, and the State Bank may suspend any test that threatens system safety.</p>`,
      },
    },
  },
];
