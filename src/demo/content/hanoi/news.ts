import type { DemoItem } from '../../types.ts';

// Tin tức của Cổng Giao tiếp điện tử thành phố Hà Nội.
export const hanoiNews: DemoItem[] = [
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0,
    title: `Ủy ban nhân dân thành phố họp phiên thường kỳ: tập trung cao độ cho các chỉ tiêu cuối năm`,
    summary: `Tăng trưởng kinh tế của Thủ đô duy trì ở mức khá, thu ngân sách vượt dự toán; thành phố yêu cầu các sở, ngành, xã, phường đẩy nhanh giải ngân và giải phóng mặt bằng.`,
    body: `<p>Ủy ban nhân dân thành phố Hà Nội đã tổ chức phiên họp thường kỳ để đánh giá tình hình kinh tế – xã hội, thu chi ngân sách và tiến độ các công trình trọng điểm. Phiên họp được kết nối trực tuyến tới 126 xã, phường trên địa bàn.</p>
<p>Theo báo cáo, tổng sản phẩm trên địa bàn (GRDP) tiếp tục tăng khá; thu ngân sách nhà nước trên địa bàn đã vượt dự toán năm; tổng vốn đầu tư xã hội tăng mạnh, trong đó nhiều dự án hạ tầng giao thông lớn đang được triển khai đồng loạt. Lượng khách du lịch quốc tế đến Hà Nội đạt mức cao nhất từ trước đến nay.</p>
<h2>Những việc phải làm ngay</h2>
<ul>
<li>Hoàn thành giải phóng mặt bằng các dự án Vành đai 4, cầu vượt sông Hồng và các tuyến đường sắt đô thị;</li>
<li>Giải ngân vốn đầu tư công đạt trên 95% kế hoạch;</li>
<li>Triển khai các giải pháp giảm ô nhiễm không khí trong mùa đông;</li>
<li>Chuẩn bị hàng hóa, bình ổn thị trường, chăm lo Tết cho các gia đình chính sách, hộ nghèo.</li>
</ul>
<p>Chủ tịch Ủy ban nhân dân thành phố yêu cầu thủ trưởng các sở, ngành và Chủ tịch Ủy ban nhân dân các xã, phường phải trực tiếp chỉ đạo, bám sát từng nhiệm vụ; công việc nào chậm phải làm rõ trách nhiệm của tập thể, cá nhân.</p>`,
    tags: ['phiên họp thường kỳ', 'kinh tế – xã hội', 'Thủ đô'],
    translations: {
      en: {
        title: `City People's Committee's regular meeting focuses on year-end targets`,
        summary: `Ha Noi's growth remains solid and budget revenue has exceeded the estimate; departments and communes must speed up disbursement and land clearance.`,
        body: `<p>The Ha Noi People's Committee held its regular meeting, connected online with all 126 communes and wards. GRDP continues to grow well, budget revenue has exceeded the annual estimate and international arrivals are at a record high.</p>
<p>Priorities include finishing land clearance for Ring Road 4, new Red River bridges and urban railways, disbursing over 95 per cent of public investment, reducing winter air pollution and preparing for the Lunar New Year.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0.4,
    title: `Đường Vành đai 4 – Vùng Thủ đô: nhiều gói thầu về đích sớm, bảo đảm mục tiêu thông tuyến`,
    summary: `Các nhà thầu huy động tối đa nhân lực, thiết bị; phần lớn mặt bằng đường song hành và tuyến cao tốc đã được bàn giao.`,
    body: `<p>Dự án đầu tư xây dựng đường Vành đai 4 – Vùng Thủ đô đang bước vào giai đoạn nước rút. Trên công trường qua địa bàn Hà Nội, hàng trăm thiết bị, máy móc và kỹ sư, công nhân đang thi công liên tục, kể cả ban đêm, để hoàn thành các hạng mục nền đường, cầu vượt và nút giao.</p>
<p>Theo Ban Quản lý dự án đầu tư xây dựng công trình giao thông thành phố, nhiều gói thầu đường song hành đã hoàn thành, đưa vào khai thác tạm, giúp người dân các xã dọc tuyến đi lại thuận tiện hơn. Công tác giải phóng mặt bằng cơ bản hoàn tất; các khu tái định cư được xây dựng đồng bộ hạ tầng.</p>
<h2>Ý nghĩa của tuyến đường</h2>
<p>Vành đai 4 kết nối Hà Nội với các tỉnh Hưng Yên, Bắc Ninh, tạo trục giao thông liên vùng, giảm tải cho các tuyến vành đai bên trong và mở ra không gian phát triển mới cho khu vực phía Tây và phía Nam Thủ đô. Dọc tuyến dự kiến hình thành các khu công nghiệp, đô thị và trung tâm logistics.</p>
<p>Thành phố yêu cầu chủ đầu tư và các nhà thầu tuyệt đối bảo đảm chất lượng, an toàn lao động, vệ sinh môi trường; không vì chạy tiến độ mà xem nhẹ chất lượng công trình.</p>`,
    tags: ['Vành đai 4', 'hạ tầng giao thông', 'dự án trọng điểm'],
    translations: {
      en: {
        title: `Ring Road 4 – Capital Region: several packages finish early, keeping the target for full opening on track`,
        summary: `Contractors have mobilised maximum staff and machinery, and most land for the parallel roads and expressway has been handed over.`,
        body: `<p>The Ring Road 4 project has entered its final stretch, with crews working around the clock on embankments, overpasses and interchanges in Ha Noi. Several parallel road sections are already open to local traffic and land clearance is essentially complete.</p>
<p>The ring road links Ha Noi with Hung Yen and Bac Ninh, relieves inner ring roads and opens space for industrial parks, new urban areas and logistics centres. The city insists that speed must not compromise quality or safety.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 1,
    title: `Hà Nội triển khai đồng bộ giải pháp giảm ô nhiễm không khí trong mùa đông`,
    summary: `Thành phố tăng cường tưới rửa đường, kiểm soát công trường, xử lý đốt rơm rạ và khuyến khích người dân sử dụng phương tiện công cộng.`,
    body: `<p>Những tuần gần đây, chỉ số chất lượng không khí tại Hà Nội có nhiều thời điểm ở mức kém, nhất là vào sáng sớm và tối muộn khi hiện tượng nghịch nhiệt khiến bụi mịn khó phát tán. Ủy ban nhân dân thành phố đã yêu cầu các sở, ngành và xã, phường triển khai ngay các giải pháp cấp bách.</p>
<h2>Các giải pháp trước mắt</h2>
<ul>
<li>Tăng tần suất phun nước, rửa đường trên các tuyến phố chính, khu vực có nhiều công trình xây dựng;</li>
<li>Kiểm tra, xử lý nghiêm phương tiện chở vật liệu không che chắn, làm rơi vãi trên đường;</li>
<li>Xử lý tình trạng đốt rơm rạ, rác thải ở khu vực ngoại thành;</li>
<li>Khuyến khích người dân sử dụng xe buýt, đường sắt đô thị; hạn chế hoạt động ngoài trời khi chất lượng không khí kém.</li>
</ul>
<p>Về lâu dài, thành phố đang triển khai lộ trình chuyển đổi phương tiện sử dụng năng lượng sạch, thiết lập vùng phát thải thấp trong khu vực trung tâm và phát triển mạng lưới giao thông công cộng.</p>
<p>Người dân có thể theo dõi chỉ số chất lượng không khí theo thời gian thực trên ứng dụng iHanoi và trang thông tin của Sở Nông nghiệp và Môi trường.</p>`,
    tags: ['ô nhiễm không khí', 'môi trường', 'bụi mịn'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 5,
    title: `Tuyến đường sắt đô thị Nhổn – ga Hà Nội: đẩy nhanh thi công đoạn đi ngầm`,
    summary: `Các ga ngầm đã cơ bản hoàn thành phần kết cấu; thành phố yêu cầu chủ đầu tư bám sát tiến độ để sớm đưa toàn tuyến vào khai thác.`,
    body: `<p>Sau khi đoạn trên cao của tuyến đường sắt đô thị Nhổn – ga Hà Nội đi vào hoạt động, đến nay đã phục vụ hàng chục triệu lượt hành khách. Hiện nay, đoạn đi ngầm dài khoảng 4 km đang được tập trung thi công.</p>
<p>Theo Ban Quản lý đường sắt đô thị Hà Nội, các máy đào hầm đã hoàn thành đào hai nhánh hầm; kết cấu chính của các ga ngầm cơ bản hoàn thành. Các nhà thầu đang lắp đặt hệ thống điện, thông gió, thông tin tín hiệu và hoàn thiện kiến trúc nhà ga.</p>
<h2>Tổ chức lại giao thông sau thi công</h2>
<p>Song song với thi công, thành phố đang hoàn thiện phương án hoàn trả mặt bằng, tổ chức lại giao thông tại khu vực các nhà ga ngầm; kết nối với xe buýt, xe đạp công cộng và bãi đỗ xe để thuận tiện cho hành khách.</p>
<p>Chủ tịch Ủy ban nhân dân thành phố yêu cầu chủ đầu tư phối hợp chặt chẽ với các nhà thầu, tháo gỡ kịp thời vướng mắc, bảo đảm an toàn tuyệt đối cho các công trình lân cận trong quá trình thi công ngầm.</p>`,
    tags: ['đường sắt đô thị', 'metro', 'giao thông công cộng'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 8,
    title: `Bổ cập nước từ sông Hồng: sông Tô Lịch dần “hồi sinh”`,
    summary: `Dòng nước trong hơn, mùi hôi giảm rõ rệt; hai bên bờ sông được cải tạo thành không gian xanh, đường dạo bộ cho người dân.`,
    body: `<p>Sau một thời gian vận hành hệ thống bổ cập nước từ sông Hồng và thu gom nước thải về nhà máy xử lý, chất lượng nước sông Tô Lịch đã được cải thiện rõ rệt. Mùi hôi giảm, nhiều đoạn sông đã xuất hiện trở lại cá nhỏ và các loài thủy sinh.</p>
<p>Hai bên bờ sông, thành phố đã cải tạo hàng loạt không gian công cộng: đường đi bộ, đường dành cho xe đạp, vườn hoa và khu vui chơi cho trẻ em. Nhiều đoạn tường kè được trang trí tranh gốm, kể câu chuyện lịch sử của dòng sông gắn với thành Thăng Long xưa.</p>
<h2>Tiếp tục hoàn thiện hệ thống thu gom nước thải</h2>
<p>Để dòng sông trong sạch bền vững, thành phố đang đẩy nhanh tiến độ hoàn thiện hệ thống cống bao, trạm bơm và các nhà máy xử lý nước thải; xử lý dứt điểm các điểm xả thải trực tiếp ra sông.</p>
<blockquote>“Sáng nào tôi cũng đi bộ dọc bờ sông. Mấy năm trước không ai dám đi qua đây vì mùi hôi, giờ thì thành nơi tập thể dục của cả khu phố.” – một người dân phường Láng chia sẻ.</blockquote>
<p>Mô hình bổ cập nước sẽ được nghiên cứu áp dụng cho các sông nội đô khác như sông Kim Ngưu, sông Sét và sông Lừ.</p>`,
    tags: ['sông Tô Lịch', 'môi trường', 'không gian công cộng'],
    translations: {
      en: {
        title: `Water from the Red River brings the To Lich River back to life`,
        summary: `The water is clearer and the smell much reduced, and both banks have been turned into green space and walking paths.`,
        body: `<p>Since the city began feeding the To Lich River with water from the Red River and collecting wastewater for treatment, water quality has improved markedly and small fish have returned. Both banks now have walkways, cycle paths, gardens and playgrounds, with ceramic murals telling the river's history.</p>
<p>The city is finishing interceptor sewers, pumping stations and treatment plants to eliminate direct discharges, and will study the model for the Kim Nguu, Set and Lu rivers.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 16,
    title: `Khởi công cải tạo, xây dựng lại khu tập thể cũ: người dân được tái định cư tại chỗ`,
    summary: `Dự án thay thế các dãy nhà xuống cấp bằng tổ hợp nhà ở hiện đại, dành quỹ đất lớn cho cây xanh, trường học và bãi đỗ xe.`,
    body: `<p>Ủy ban nhân dân thành phố Hà Nội đã tổ chức lễ khởi công dự án cải tạo, xây dựng lại một khu tập thể cũ trong nội thành, mở đầu cho chương trình cải tạo chung cư cũ quy mô lớn trên địa bàn.</p>
<p>Các dãy nhà được xây dựng từ những năm 1960–1970 đã xuống cấp nghiêm trọng, nhiều hạng mục có nguy cơ mất an toàn. Theo quy hoạch mới, khu vực sẽ được xây dựng các tòa nhà chung cư hiện đại, mật độ xây dựng thấp, dành phần lớn diện tích cho cây xanh, sân chơi, trường học và bãi đỗ xe ngầm.</p>
<h2>Quyền lợi của người dân</h2>
<ul>
<li>Các hộ dân được bố trí tái định cư tại chỗ với diện tích căn hộ mới lớn hơn diện tích cũ theo hệ số quy định;</li>
<li>Trong thời gian thi công, các hộ được hỗ trợ tiền thuê nhà tạm cư hoặc bố trí quỹ nhà tạm cư;</li>
<li>Phương án bồi thường, hỗ trợ được công khai, lấy ý kiến người dân trước khi phê duyệt.</li>
</ul>
<p>Thành phố yêu cầu chủ đầu tư thực hiện đúng cam kết tiến độ, bảo đảm người dân sớm được trở về nơi ở mới khang trang, an toàn hơn.</p>`,
    tags: ['chung cư cũ', 'chỉnh trang đô thị', 'tái định cư'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 26,
    title: `Trung tâm Phục vụ hành chính công thành phố: người dân nộp hồ sơ tại bất kỳ điểm nào trong thành phố`,
    summary: `Hơn 90% hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn; tỷ lệ người dân hài lòng đạt mức cao.`,
    body: `<p>Sau hơn một năm hoạt động theo mô hình một cấp, Trung tâm Phục vụ hành chính công thành phố Hà Nội với các chi nhánh tại xã, phường đã tiếp nhận và giải quyết hàng triệu hồ sơ thủ tục hành chính cho người dân, doanh nghiệp.</p>
<p>Điểm mới nổi bật là người dân có thể nộp hồ sơ của nhiều thủ tục tại bất kỳ chi nhánh nào trong thành phố, không phụ thuộc nơi cư trú. Hồ sơ được số hóa ngay khi tiếp nhận và chuyển đến cơ quan có thẩm quyền giải quyết trên môi trường điện tử.</p>
<h2>Những con số ấn tượng</h2>
<ul>
<li>Trên 90% hồ sơ được giải quyết đúng hạn và trước hạn;</li>
<li>Tỷ lệ hồ sơ nộp trực tuyến tăng nhanh, nhất là ở các phường nội thành;</li>
<li>Thời gian chờ trung bình tại quầy giảm nhờ hệ thống đặt lịch hẹn trực tuyến.</li>
</ul>
<p>Trung tâm tiếp tục bố trí đội ngũ hướng dẫn viên hỗ trợ người cao tuổi, người khuyết tật; đồng thời lấy ý kiến đánh giá của người dân sau mỗi giao dịch để cải thiện chất lượng phục vụ.</p>`,
    tags: ['hành chính công', 'một cửa', 'cải cách hành chính'],
    translations: {
      en: {
        title: `City Public Administration Service Centre: residents can file at any branch in the city`,
        summary: `Over 90 per cent of applications are settled on time or early, and satisfaction is high.`,
        body: `<p>After more than a year as a single-tier centre with branches in communes and wards, the Ha Noi Public Administration Service Centre has handled millions of applications. Many procedures can now be filed at any branch regardless of residence; files are digitised on receipt and processed electronically.</p>
<p>More than 90 per cent of applications are settled on time or early, and online booking has cut waiting times. Staff help elderly and disabled visitors, and every transaction can be rated.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 38,
    title: `Đưa vào sử dụng 28 trường học mới, giảm áp lực sĩ số tại các phường đông dân cư`,
    summary: `Các trường mới được xây dựng theo chuẩn quốc gia, có phòng học bộ môn, thư viện, nhà thể chất và bếp ăn bán trú hiện đại.`,
    body: `<p>Từ đầu năm học, thành phố Hà Nội đã đưa vào sử dụng 28 trường học công lập mới ở các cấp mầm non, tiểu học và trung học cơ sở, tập trung tại những phường, xã có tốc độ đô thị hóa nhanh, sĩ số học sinh mỗi lớp cao.</p>
<p>Các trường được xây dựng theo chuẩn quốc gia với đầy đủ phòng học bộ môn, thư viện, phòng tin học, nhà thể chất và bếp ăn bán trú một chiều. Nhiều trường được bố trí sân chơi, vườn trường để học sinh trải nghiệm.</p>
<h2>Tiếp tục đầu tư cho giáo dục</h2>
<p>Thành phố đặt mục tiêu đến hết nhiệm kỳ, mỗi xã, phường có đủ trường mầm non, tiểu học, trung học cơ sở công lập đạt chuẩn; đồng thời tăng cường đầu tư trang thiết bị dạy học, phòng học ngoại ngữ và kỹ năng số.</p>
<p>Ngành giáo dục cũng đang triển khai chuyển đổi số trong quản lý trường học: tuyển sinh trực tuyến, học bạ số và thanh toán các khoản thu không dùng tiền mặt.</p>`,
    tags: ['giáo dục', 'trường học', 'đầu tư công'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 48,
    title: `Kỷ niệm Ngày Giải phóng Thủ đô: nhiều hoạt động văn hóa đặc sắc trên khắp thành phố`,
    summary: `Các chương trình nghệ thuật, triển lãm, ngày hội văn hóa được tổ chức tại các quận trung tâm và xã, phường, thu hút đông đảo người dân và du khách.`,
    body: `<p>Nhân kỷ niệm Ngày Giải phóng Thủ đô 10/10, thành phố Hà Nội đã tổ chức chuỗi hoạt động văn hóa, nghệ thuật, thể thao sôi nổi, ôn lại truyền thống hào hùng của Thủ đô và khơi dậy niềm tự hào của người dân.</p>
<p>Tại khu vực hồ Hoàn Kiếm và phụ cận, các triển lãm ảnh tư liệu về ngày tiếp quản Thủ đô, chương trình nghệ thuật đường phố và không gian trình diễn nghề thủ công truyền thống đã thu hút hàng chục nghìn lượt khách. Nhiều phường, xã tổ chức hội thi, giao lưu văn nghệ giữa các thế hệ.</p>
<h2>Lan tỏa hình ảnh Hà Nội – Thành phố vì hòa bình</h2>
<p>Các hoạt động được truyền thông rộng rãi trên Cổng Giao tiếp điện tử thành phố và các nền tảng mạng xã hội, giới thiệu hình ảnh Hà Nội văn hiến, văn minh, hiện đại tới bạn bè trong nước và quốc tế.</p>
<p>Dịp này, thành phố cũng trao tặng danh hiệu Công dân Thủ đô ưu tú cho các cá nhân có nhiều đóng góp trên các lĩnh vực.</p>`,
    tags: ['Ngày Giải phóng Thủ đô', 'văn hóa', 'sự kiện'],
  },
  // ── Chuyên trang Hà Nội số ───────────────────────────────────────────
  {
    type: 'news',
    section: 'ha-noi-so',
    daysAgo: 3,
    title: `Ứng dụng iHanoi: hơn 90% phản ánh của người dân được xử lý đúng hạn`,
    summary: `Người dân có thể gửi phản ánh kèm ảnh, vị trí về các vấn đề đô thị, môi trường, giao thông và theo dõi kết quả xử lý ngay trên ứng dụng.`,
    body: `<p>Sau thời gian vận hành, ứng dụng công dân số iHanoi đã trở thành kênh kết nối quen thuộc giữa người dân và chính quyền thành phố. Người dân có thể phản ánh các vấn đề như rác thải, lấn chiếm vỉa hè, hư hỏng đèn chiếu sáng, ngập úng, chỉ với vài thao tác chụp ảnh và xác định vị trí.</p>
<p>Mỗi phản ánh được tự động chuyển đến xã, phường hoặc đơn vị chuyên ngành có trách nhiệm xử lý. Thời hạn xử lý được quy định rõ; quá hạn, hệ thống tự động cảnh báo tới lãnh đạo đơn vị.</p>
<h2>Kết quả nổi bật</h2>
<ul>
<li>Hơn 90% phản ánh được xử lý đúng hạn;</li>
<li>Nhiều phường xử lý các phản ánh về vệ sinh môi trường ngay trong ngày;</li>
<li>Người dân đánh giá mức độ hài lòng sau khi nhận kết quả xử lý.</li>
</ul>
<p>Bên cạnh kênh phản ánh, iHanoi còn tích hợp tra cứu thủ tục hành chính, thông tin quy hoạch, chỉ số chất lượng không khí và cảnh báo ngập úng theo thời gian thực.</p>`,
    tags: ['iHanoi', 'công dân số', 'phản ánh hiện trường'],
    translations: {
      en: {
        title: `iHanoi app: more than 90 per cent of citizens' reports handled on time`,
        summary: `Residents can send reports with photos and location about urban, environmental and traffic problems and follow progress in the app.`,
        body: `<p>The iHanoi citizen app has become a familiar channel between residents and the city. Reports on rubbish, pavement encroachment, broken street lights or flooding are routed automatically to the responsible commune, ward or agency, with deadlines and automatic escalation when overdue.</p>
<p>More than 90 per cent of reports are handled on time and residents rate each response. The app also offers procedure look-up, planning information, air quality and real-time flood alerts.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'ha-noi-so',
    daysAgo: 32,
    title: `Mở rộng hệ thống camera giám sát giao thông ứng dụng trí tuệ nhân tạo`,
    summary: `Camera tại các nút giao trọng điểm tự động phát hiện vi phạm, hỗ trợ điều khiển đèn tín hiệu theo lưu lượng thực tế.`,
    body: `<p>Thành phố Hà Nội đang mở rộng hệ thống camera giám sát giao thông ứng dụng trí tuệ nhân tạo tại các nút giao, tuyến đường trọng điểm. Hệ thống có khả năng nhận diện biển số, phát hiện các hành vi vi phạm như vượt đèn đỏ, đi sai làn, đi ngược chiều và dừng đỗ sai quy định.</p>
<p>Dữ liệu từ camera được truyền về Trung tâm điều hành giao thông thông minh, giúp lực lượng chức năng theo dõi tình hình theo thời gian thực, điều chỉnh chu kỳ đèn tín hiệu phù hợp với lưu lượng và kịp thời phân luồng khi xảy ra ùn tắc.</p>
<h2>Bảo đảm quyền riêng tư</h2>
<p>Thành phố khẳng định dữ liệu hình ảnh chỉ được sử dụng cho mục đích quản lý giao thông và xử lý vi phạm, được lưu trữ, bảo mật theo quy định về bảo vệ dữ liệu cá nhân.</p>
<p>Người vi phạm sẽ nhận thông báo qua ứng dụng định danh điện tử và có thể nộp phạt trực tuyến.</p>`,
    tags: ['giao thông thông minh', 'camera AI', 'đô thị thông minh'],
  },
  // ── Chuyên trang Du lịch Hà Nội ──────────────────────────────────────
  {
    type: 'news',
    section: 'du-lich-ha-noi',
    daysAgo: 12,
    title: `Khách quốc tế đến Hà Nội tăng mạnh, nhiều sản phẩm du lịch đêm được ưa chuộng`,
    summary: `Tour đêm di tích, phố đi bộ và ẩm thực đường phố là những trải nghiệm được du khách đánh giá cao.`,
    body: `<p>Theo Sở Du lịch Hà Nội, lượng khách quốc tế đến Thủ đô từ đầu năm tăng mạnh so với cùng kỳ, trong đó các thị trường Hàn Quốc, Trung Quốc, Mỹ, Úc và châu Âu tăng trưởng tốt. Hà Nội tiếp tục được nhiều tạp chí du lịch quốc tế bình chọn là điểm đến hấp dẫn của châu Á.</p>
<p>Các sản phẩm du lịch đêm như tour đêm tại Hoàng thành Thăng Long, Văn Miếu – Quốc Tử Giám, Nhà tù Hỏa Lò; không gian phố đi bộ quanh hồ Hoàn Kiếm; tour ẩm thực đường phố thu hút đông đảo du khách.</p>
<h2>Nâng cao chất lượng dịch vụ</h2>
<ul>
<li>Chuẩn hóa dịch vụ tại các điểm đến, niêm yết giá công khai;</li>
<li>Đào tạo kỹ năng ngoại ngữ, ứng xử cho người làm du lịch;</li>
<li>Phát triển các tuyến du lịch làng nghề, du lịch nông thôn ở ngoại thành.</li>
</ul>
<p>Du khách có thể tra cứu thông tin điểm đến, sự kiện và đặt vé tham quan trực tuyến trên chuyên trang Du lịch Hà Nội.</p>`,
    tags: ['du lịch', 'khách quốc tế', 'du lịch đêm'],
    translations: {
      en: {
        title: `International arrivals to Ha Noi surge; night-time tours prove popular`,
        summary: `Night tours of heritage sites, walking streets and street food are among visitors' favourite experiences.`,
        body: `<p>International arrivals to the capital have risen sharply, with strong growth from the Republic of Korea, China, the United States, Australia and Europe. Night tours of the Thang Long Imperial Citadel, the Temple of Literature and Hoa Lo Prison, the Hoan Kiem walking streets and street-food tours are in high demand.</p>
<p>The city is standardising services and price displays, training tourism workers and developing craft-village and rural tours. Information and tickets are available on the Visit Ha Noi sub-site.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'le-hoi-su-kien',
    daysAgo: 20,
    title: `Lễ hội Văn hóa ẩm thực Hà Nội: tôn vinh tinh hoa ẩm thực Thủ đô`,
    summary: `Lễ hội quy tụ hàng trăm gian hàng của các làng nghề, nhà hàng và nghệ nhân ẩm thực, giới thiệu những món ăn đặc trưng của Hà Nội.`,
    body: `<p>Lễ hội Văn hóa ẩm thực Hà Nội được tổ chức tại khu vực trung tâm với hàng trăm gian hàng của các làng nghề truyền thống, nhà hàng và nghệ nhân ẩm thực. Du khách có dịp thưởng thức phở, bún chả, chả cá, bánh cuốn, cốm làng Vòng và nhiều món ăn đặc trưng khác.</p>
<p>Điểm nhấn của lễ hội là các màn trình diễn nấu ăn của nghệ nhân, hội thi gói bánh, làm cốm và không gian tái hiện gánh hàng rong phố cổ. Nhiều gian hàng sử dụng thanh toán bằng mã QR, vật dụng thân thiện môi trường.</p>
<h2>Gắn ẩm thực với du lịch</h2>
<p>Ban tổ chức cho biết lễ hội không chỉ là dịp quảng bá ẩm thực mà còn kết nối các doanh nghiệp lữ hành xây dựng tour ẩm thực, góp phần đưa ẩm thực trở thành sản phẩm du lịch đặc trưng của Thủ đô.</p>
<p>Lực lượng chức năng tăng cường kiểm tra an toàn thực phẩm tại các gian hàng trong suốt thời gian diễn ra lễ hội.</p>`,
    tags: ['lễ hội', 'ẩm thực', 'du lịch Hà Nội'],
  },
  // ── Chuyên trang Đầu tư vào Hà Nội ───────────────────────────────────
  {
    type: 'news',
    section: 'dau-tu-ha-noi',
    daysAgo: 6,
    title: `Hội nghị xúc tiến đầu tư: Hà Nội trao quyết định chủ trương đầu tư cho nhiều dự án lớn`,
    summary: `Các dự án tập trung vào công nghệ cao, đô thị thông minh, logistics và y tế chất lượng cao, với tổng vốn đăng ký hàng tỷ đô la Mỹ.`,
    body: `<p>Thành phố Hà Nội đã tổ chức Hội nghị xúc tiến đầu tư với sự tham dự của đông đảo nhà đầu tư trong nước, quốc tế và đại diện các cơ quan ngoại giao. Tại hội nghị, thành phố đã trao quyết định chủ trương đầu tư, giấy chứng nhận đăng ký đầu tư cho nhiều dự án lớn.</p>
<p>Các dự án tập trung vào những lĩnh vực thành phố ưu tiên thu hút: công nghiệp công nghệ cao, nghiên cứu và phát triển, trung tâm dữ liệu, đô thị thông minh, logistics, bệnh viện và giáo dục chất lượng cao.</p>
<h2>Cam kết đồng hành cùng nhà đầu tư</h2>
<p>Lãnh đạo thành phố khẳng định Luật Thủ đô cùng các cơ chế đặc thù đã tạo dư địa lớn để Hà Nội thu hút đầu tư; thành phố sẽ tiếp tục cải cách thủ tục, rút ngắn thời gian giải quyết, bảo đảm quyền lợi hợp pháp của nhà đầu tư theo tinh thần “đồng hành, hỗ trợ, cùng phát triển”.</p>
<p>Danh mục dự án kêu gọi đầu tư giai đoạn tới, bao gồm thông tin quy hoạch, quy mô và hình thức đầu tư, được công bố trên chuyên trang Đầu tư vào Hà Nội.</p>`,
    tags: ['xúc tiến đầu tư', 'Luật Thủ đô', 'dự án đầu tư'],
    translations: {
      en: {
        title: `Investment promotion conference: Ha Noi grants investment approvals to major projects`,
        summary: `The projects focus on high technology, smart urban areas, logistics and high-quality healthcare, worth billions of US dollars.`,
        body: `<p>At its investment promotion conference, Ha Noi handed investment approvals and certificates to major projects in high-tech industry, R&amp;D, data centres, smart urban areas, logistics and high-quality hospitals and education.</p>
<p>City leaders said the Capital Law's special mechanisms give Ha Noi room to attract investment and pledged faster procedures and protection of investors' rights. The list of projects seeking investors is published on the Invest in Ha Noi sub-site.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'dau-tu-ha-noi',
    daysAgo: 58,
    title: `Khu công nghệ cao Hòa Lạc thu hút thêm dự án thiết kế vi mạch và đào tạo nhân lực bán dẫn`,
    summary: `Các dự án mới kết hợp nghiên cứu, thiết kế chip với đào tạo kỹ sư, góp phần hình thành hệ sinh thái bán dẫn tại Thủ đô.`,
    body: `<p>Khu công nghệ cao Hòa Lạc vừa tiếp nhận thêm một số dự án trong lĩnh vực thiết kế vi mạch, kiểm thử chip và trung tâm đào tạo nhân lực bán dẫn của các doanh nghiệp trong và ngoài nước.</p>
<p>Điểm chung của các dự án là gắn hoạt động nghiên cứu, thiết kế với đào tạo: doanh nghiệp phối hợp với các trường đại học trên địa bàn xây dựng chương trình đào tạo, nhận sinh viên thực tập và tuyển dụng kỹ sư sau tốt nghiệp.</p>
<h2>Hạ tầng và chính sách hỗ trợ</h2>
<p>Thành phố đang hoàn thiện hạ tầng giao thông kết nối Hòa Lạc với trung tâm, phát triển nhà ở cho chuyên gia, kỹ sư; đồng thời áp dụng các chính sách ưu đãi về thuế, tiền thuê đất và hỗ trợ đào tạo theo quy định.</p>
<p>Hà Nội đặt mục tiêu trở thành một trong những trung tâm thiết kế vi mạch và đổi mới sáng tạo hàng đầu của cả nước.</p>`,
    tags: ['Hòa Lạc', 'bán dẫn', 'công nghệ cao'],
  },
];
