import type { DemoItem } from '../../types.ts';

// Tin tức của Cổng Thông tin điện tử thành phố Đà Nẵng.
export const danangNews: DemoItem[] = [
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0,
    title: `Khẩn trương khắc phục hậu quả mưa lũ, khôi phục giao thông tại các xã miền núi phía Tây`,
    summary: `Lực lượng chức năng đã thông tuyến nhiều điểm sạt lở, tiếp tế lương thực, thuốc men cho các thôn bị chia cắt; thành phố hỗ trợ khẩn cấp các hộ có nhà bị sập, hư hỏng.`,
    body: `<p>Sau nhiều ngày mưa lớn kéo dài, các xã miền núi phía Tây thành phố Đà Nẵng chịu thiệt hại nặng nề: nhiều tuyến đường bị sạt lở, chia cắt; hàng trăm ngôi nhà bị hư hỏng; diện tích lớn hoa màu, cây keo bị ngập úng.</p>
<p>Ngay khi mưa giảm, Ủy ban nhân dân thành phố đã huy động lực lượng quân đội, công an, dân quân cùng máy móc, thiết bị của các doanh nghiệp để thông tuyến. Đến nay, phần lớn các điểm sạt lở trên tuyến đường dẫn lên các xã vùng cao đã được khắc phục tạm thời, bảo đảm xe cứu trợ lưu thông.</p>
<h2>Hỗ trợ kịp thời người dân</h2>
<ul>
<li>Hỗ trợ khẩn cấp các hộ có người chết, mất tích, bị thương và các hộ có nhà bị sập, trôi hoàn toàn;</li>
<li>Cấp phát gạo, nước uống, thuốc men cho các thôn còn bị chia cắt bằng xuồng, phương tiện chuyên dụng;</li>
<li>Bố trí chỗ ở tạm cho các hộ phải di dời khỏi vùng nguy cơ sạt lở.</li>
</ul>
<p>Chủ tịch Ủy ban nhân dân thành phố yêu cầu các xã rà soát toàn bộ khu dân cư có nguy cơ sạt lở, lập phương án di dời lâu dài; ngành giáo dục sớm đưa học sinh trở lại trường; ngành y tế tổ chức vệ sinh môi trường, phòng chống dịch bệnh sau lũ.</p>`,
    tags: ['mưa lũ', 'khắc phục hậu quả', 'miền núi'],
    translations: {
      en: {
        title: `Urgent recovery from floods as roads reopen in western mountain communes`,
        summary: `Rescue forces have cleared many landslides and delivered food and medicine to isolated villages; the city is providing emergency support to families whose homes collapsed or were damaged.`,
        body: `<p>Days of heavy rain caused severe damage in Da Nang's western mountain communes, cutting roads, damaging hundreds of homes and flooding crops. Troops, police, militia and business machinery have reopened most landslide points on roads to the highlands.</p>
<p>The city is giving emergency support to affected families, delivering rice, water and medicine to isolated villages and housing families moved from landslide zones, while preparing long-term relocation plans.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0.5,
    title: `Kinh tế thành phố tăng trưởng khá, thu hút đầu tư đạt kết quả tích cực sau hợp nhất`,
    summary: `Tổng sản phẩm trên địa bàn tăng cao so với cùng kỳ; công nghiệp, du lịch và dịch vụ logistics là động lực chính.`,
    body: `<p>Tại phiên họp thường kỳ, Ủy ban nhân dân thành phố Đà Nẵng đánh giá tình hình kinh tế – xã hội tiếp tục chuyển biến tích cực. Tổng sản phẩm trên địa bàn (GRDP) tăng cao so với cùng kỳ, thuộc nhóm địa phương dẫn đầu cả nước.</p>
<p>Sau hợp nhất, không gian phát triển của thành phố được mở rộng với hệ thống cảng biển, sân bay, khu công nghiệp, khu kinh tế mở và tài nguyên du lịch đa dạng từ biển, đảo đến di sản văn hóa thế giới. Nhiều dự án đầu tư lớn trong lĩnh vực công nghiệp, logistics, du lịch nghỉ dưỡng được cấp phép.</p>
<h2>Trọng tâm những tháng cuối năm</h2>
<ul>
<li>Khắc phục hậu quả mưa lũ, ổn định đời sống người dân;</li>
<li>Đẩy nhanh giải ngân vốn đầu tư công, tập trung các dự án kết nối vùng;</li>
<li>Hoàn thiện thể chế vận hành Khu thương mại tự do và Trung tâm tài chính quốc tế;</li>
<li>Chuẩn bị các sự kiện du lịch, văn hóa dịp cuối năm.</li>
</ul>
<p>Chủ tịch Ủy ban nhân dân thành phố yêu cầu các sở, ngành và địa phương tiếp tục đổi mới phương thức điều hành, phát huy tinh thần chủ động, dám nghĩ, dám làm vì sự phát triển chung.</p>`,
    tags: ['kinh tế – xã hội', 'tăng trưởng', 'thu hút đầu tư'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 3,
    title: `Cảng Liên Chiểu: đẩy nhanh tiến độ bến container, hình thành cửa ngõ logistics của miền Trung`,
    summary: `Phần hạ tầng dùng chung cơ bản hoàn thành; nhà đầu tư bến container cam kết tiến độ khai thác giai đoạn đầu.`,
    body: `<p>Dự án cảng Liên Chiểu là công trình hạ tầng chiến lược của thành phố và khu vực miền Trung – Tây Nguyên. Phần hạ tầng dùng chung gồm đê chắn sóng, luồng tàu và khu nước đã cơ bản hoàn thành, sẵn sàng cho việc xây dựng các bến cảng.</p>
<p>Nhà đầu tư các bến container đang khẩn trương triển khai thi công cầu cảng, bãi container và hệ thống thiết bị xếp dỡ. Khi đi vào hoạt động, cảng có thể tiếp nhận tàu container cỡ lớn, giảm chi phí vận tải cho doanh nghiệp xuất nhập khẩu trong vùng.</p>
<h2>Kết nối đồng bộ</h2>
<p>Song song với cảng, thành phố đang đầu tư tuyến đường kết nối cảng với đường bộ cao tốc, quy hoạch khu logistics hậu cảng và nghiên cứu kết nối đường sắt. Cảng Liên Chiểu cùng Khu thương mại tự do sẽ tạo thành tổ hợp dịch vụ logistics – thương mại hiện đại.</p>
<p>Ủy ban nhân dân thành phố yêu cầu các đơn vị liên quan bảo đảm môi trường, hài hòa quyền lợi người dân khu vực dự án và hỗ trợ chuyển đổi sinh kế cho ngư dân.</p>`,
    tags: ['cảng Liên Chiểu', 'logistics', 'hạ tầng'],
    translations: {
      en: {
        title: `Lien Chieu Port: container terminals accelerate as a logistics gateway for central Viet Nam takes shape`,
        summary: `Shared infrastructure is essentially complete, and terminal investors have committed to a first-phase opening schedule.`,
        body: `<p>The breakwater, channel and basin of Lien Chieu Port are essentially complete, and investors are building container berths, yards and cranes able to handle large container ships.</p>
<p>The city is building a road link to the expressway, planning a back-of-port logistics zone and studying a rail connection. Together with the Free Trade Zone, the port will form a modern logistics and trade complex. Fishing families affected by the project will receive livelihood support.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 11,
    title: `Trung tâm tài chính quốc tế tại Đà Nẵng tiếp nhận những thành viên đầu tiên`,
    summary: `Các thành viên hoạt động trong lĩnh vực công nghệ tài chính, quản lý quỹ và thanh toán xuyên biên giới được hưởng cơ chế thủ tục rút gọn, ưu đãi thuế.`,
    body: `<p>Thành phố Đà Nẵng đã trao giấy chứng nhận cho những thành viên đầu tiên của Trung tâm tài chính quốc tế tại Đà Nẵng. Các thành viên là doanh nghiệp trong và ngoài nước hoạt động trong lĩnh vực công nghệ tài chính, quản lý tài sản, thanh toán xuyên biên giới và dịch vụ hỗ trợ.</p>
<p>Theo định hướng, trung tâm tài chính tại Đà Nẵng tập trung vào các dịch vụ tài chính gắn với thương mại, logistics và công nghệ, bổ trợ cho trung tâm tại Thành phố Hồ Chí Minh.</p>
<h2>Cơ chế dành cho thành viên</h2>
<ul>
<li>Thủ tục đăng ký thành viên được thực hiện trực tuyến, thời gian giải quyết rút gọn;</li>
<li>Ưu đãi về thuế thu nhập doanh nghiệp, thuế thu nhập cá nhân đối với chuyên gia;</li>
<li>Cơ chế thử nghiệm có kiểm soát đối với sản phẩm, dịch vụ tài chính mới;</li>
<li>Giải quyết tranh chấp bằng cơ chế trọng tài, tòa án chuyên biệt.</li>
</ul>
<p>Thành phố cam kết tạo môi trường thuận lợi, minh bạch, đồng thời bảo đảm công tác giám sát, phòng chống rửa tiền theo chuẩn mực quốc tế.</p>`,
    tags: ['trung tâm tài chính quốc tế', 'công nghệ tài chính', 'thu hút đầu tư'],
    translations: {
      en: {
        title: `International financial centre in Da Nang welcomes its first members`,
        summary: `Members in fintech, fund management and cross-border payments benefit from simplified procedures and tax incentives.`,
        body: `<p>Da Nang has certified the first members of its international financial centre, domestic and foreign firms in fintech, asset management, cross-border payments and support services. The Da Nang centre focuses on finance linked to trade, logistics and technology, complementing the centre in Ho Chi Minh City.</p>
<p>Members enjoy online registration, tax incentives for firms and experts, a regulatory sandbox and specialised arbitration and courts, under international anti-money-laundering standards.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 19,
    title: `Đầu tư tuyến đường ven biển kết nối liên vùng, mở rộng không gian phát triển về phía Nam`,
    summary: `Tuyến đường kết nối các khu du lịch ven biển, khu công nghiệp và đô thị phía Nam thành phố, góp phần phát huy lợi thế sau hợp nhất.`,
    body: `<p>Ủy ban nhân dân thành phố Đà Nẵng đã phê duyệt dự án đầu tư hoàn thiện tuyến đường ven biển kết nối từ khu vực trung tâm đến các đô thị và khu kinh tế phía Nam thành phố.</p>
<p>Tuyến đường được thiết kế với quy mô hiện đại, có làn đường dành cho xe đạp, dải cây xanh và hệ thống thoát nước chống ngập. Dọc tuyến sẽ bố trí các điểm dừng chân ngắm biển, bãi đỗ xe và lối xuống biển công cộng cho người dân.</p>
<h2>Động lực phát triển mới</h2>
<p>Sau khi hợp nhất, khu vực phía Nam thành phố có quỹ đất lớn, bờ biển dài và hệ thống di sản văn hóa đặc sắc. Tuyến đường ven biển sẽ kết nối các khu du lịch, khu công nghiệp và sân bay, thúc đẩy phát triển đồng đều giữa các khu vực.</p>
<p>Thành phố yêu cầu chủ đầu tư lấy ý kiến người dân về phương án tuyến, bảo đảm không cản trở dòng chảy, không làm ảnh hưởng đến hệ sinh thái rừng phòng hộ ven biển.</p>`,
    tags: ['đường ven biển', 'liên kết vùng', 'đầu tư công'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 30,
    title: `Đà Nẵng đào tạo nhân lực vi mạch bán dẫn: nhiều chương trình hợp tác giữa trường đại học và doanh nghiệp`,
    summary: `Thành phố hỗ trợ học bổng, phòng thí nghiệm dùng chung và kết nối doanh nghiệp nhận sinh viên thực tập, hướng tới trở thành trung tâm thiết kế chip của miền Trung.`,
    body: `<p>Thực hiện chiến lược phát triển ngành công nghiệp bán dẫn, thành phố Đà Nẵng đang triển khai nhiều chương trình đào tạo nhân lực vi mạch, với sự tham gia của các trường đại học và doanh nghiệp công nghệ trong, ngoài nước.</p>
<p>Thành phố đã đầu tư phòng thí nghiệm thiết kế vi mạch dùng chung, trang bị các công cụ thiết kế bản quyền để sinh viên thực hành; cấp học bổng cho sinh viên theo học các chuyên ngành liên quan; hỗ trợ giảng viên tham gia các khóa đào tạo chuyên sâu ở nước ngoài.</p>
<h2>Doanh nghiệp tham gia đào tạo</h2>
<p>Các doanh nghiệp thiết kế chip trên địa bàn tham gia xây dựng chương trình, cử kỹ sư giảng dạy, nhận sinh viên thực tập và cam kết tuyển dụng sau tốt nghiệp. Nhiều sinh viên đã được nhận vào làm việc ngay khi còn đang học năm cuối.</p>
<p>Mục tiêu của thành phố là hình thành đội ngũ hàng nghìn kỹ sư thiết kế vi mạch trong những năm tới, góp phần đưa Đà Nẵng trở thành trung tâm thiết kế chip của khu vực miền Trung.</p>`,
    tags: ['bán dẫn', 'nhân lực', 'đào tạo'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 43,
    title: `Đưa vào sử dụng khu điều trị mới của Bệnh viện Ung bướu thành phố`,
    summary: `Khu điều trị mới với hệ thống xạ trị hiện đại giúp người bệnh ung thư tại khu vực miền Trung được điều trị gần nhà, giảm chi phí đi lại.`,
    body: `<p>Thành phố Đà Nẵng đã khánh thành và đưa vào sử dụng khu điều trị mới của Bệnh viện Ung bướu thành phố, với quy mô hàng trăm giường bệnh, hệ thống máy xạ trị gia tốc, chụp cắt lớp và các phòng hóa trị ban ngày.</p>
<p>Công trình giúp giảm tình trạng quá tải, nâng cao chất lượng khám, điều trị cho người bệnh ung thư của thành phố và các tỉnh lân cận. Nhiều kỹ thuật điều trị chuyên sâu trước đây người bệnh phải ra Hà Nội hoặc vào Thành phố Hồ Chí Minh nay đã được thực hiện tại Đà Nẵng.</p>
<h2>Chăm sóc toàn diện người bệnh</h2>
<p>Khu điều trị mới có không gian xanh, khu vui chơi cho bệnh nhi, phòng tư vấn tâm lý và dinh dưỡng. Bệnh viện cũng triển khai đặt lịch khám trực tuyến, bệnh án điện tử và thanh toán không dùng tiền mặt.</p>
<p>Lãnh đạo thành phố đề nghị bệnh viện tiếp tục đào tạo nhân lực, hợp tác với các bệnh viện lớn trong và ngoài nước để làm chủ các kỹ thuật mới.</p>`,
    tags: ['y tế', 'bệnh viện', 'ung bướu'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 50,
    title: `Hỗ trợ sinh kế cho đồng bào dân tộc thiểu số tại các xã vùng cao: phát triển dược liệu dưới tán rừng`,
    summary: `Các mô hình trồng sâm, dược liệu dưới tán rừng giúp người dân tăng thu nhập, đồng thời góp phần bảo vệ rừng đầu nguồn.`,
    body: `<p>Với nguồn vốn từ Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi, các xã vùng cao phía Tây thành phố đã triển khai nhiều mô hình sinh kế phù hợp với điều kiện tự nhiên và tập quán của người dân.</p>
<p>Nổi bật là mô hình trồng sâm và các loại dược liệu dưới tán rừng. Người dân được hỗ trợ giống, kỹ thuật canh tác và kết nối với doanh nghiệp thu mua. Mô hình vừa tạo thu nhập ổn định, vừa gắn trách nhiệm của người dân với việc bảo vệ rừng.</p>
<h2>Kết quả bước đầu</h2>
<ul>
<li>Hàng trăm hộ tham gia, thu nhập bình quân tăng rõ rệt;</li>
<li>Nhiều hợp tác xã dược liệu được thành lập, sản phẩm đạt chứng nhận OCOP;</li>
<li>Diện tích rừng được giao khoán bảo vệ tăng, tình trạng phá rừng giảm.</li>
</ul>
<p>Thành phố sẽ tiếp tục hỗ trợ xây dựng thương hiệu, truy xuất nguồn gốc và phát triển du lịch cộng đồng gắn với vùng trồng dược liệu.</p>`,
    tags: ['sinh kế', 'dược liệu', 'dân tộc thiểu số'],
  },
  // ── Chuyên trang Khu thương mại tự do ─────────────────────────────────
  {
    type: 'news',
    section: 'khu-thuong-mai-tu-do',
    daysAgo: 1.2,
    title: `Khu thương mại tự do Đà Nẵng: trao giấy chứng nhận đầu tư cho các dự án logistics và sản xuất công nghệ cao`,
    summary: `Các dự án đầu tiên tại khu chức năng sản xuất và logistics có tổng vốn lớn, tập trung vào linh kiện điện tử, kho lạnh và dịch vụ phân phối.`,
    body: `<p>Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng đã trao giấy chứng nhận đăng ký đầu tư cho các dự án tại khu chức năng sản xuất và khu chức năng logistics của Khu thương mại tự do Đà Nẵng.</p>
<p>Các dự án tập trung vào sản xuất linh kiện điện tử, thiết bị bán dẫn, kho lạnh và trung tâm phân phối hàng hóa. Nhà đầu tư được áp dụng thủ tục đầu tư rút gọn, thời gian cấp giấy chứng nhận được rút ngắn đáng kể so với quy trình thông thường.</p>
<h2>Vận hành theo mô hình “một cửa tại chỗ”</h2>
<p>Toàn bộ thủ tục về đầu tư, xây dựng, môi trường, hải quan đối với doanh nghiệp trong khu được giải quyết tại một đầu mối. Cơ quan hải quan bố trí bộ phận giám sát trực tiếp, áp dụng quản lý rủi ro và thông quan điện tử.</p>
<p>Lãnh đạo thành phố khẳng định sẽ đồng hành cùng nhà đầu tư, kịp thời tháo gỡ vướng mắc để các dự án sớm đi vào hoạt động, tạo việc làm và giá trị gia tăng cho thành phố.</p>`,
    tags: ['khu thương mại tự do', 'logistics', 'chứng nhận đầu tư'],
    translations: {
      en: {
        title: `Da Nang Free Trade Zone: investment certificates for logistics and high-tech manufacturing projects`,
        summary: `The first projects in the production and logistics areas focus on electronic components, cold storage and distribution.`,
        body: `<p>The Da Nang Hi-Tech Park and Industrial Zones Authority has certified the first projects in the Free Trade Zone's production and logistics areas, covering electronic and semiconductor components, cold storage and distribution centres, under a shortened investment procedure.</p>
<p>All investment, construction, environmental and customs procedures are handled at a single on-site point, with customs supervision based on risk management and electronic clearance.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'ktmtd-chinh-sach',
    daysAgo: 25,
    title: `Những ưu đãi dành cho nhà đầu tư vào Khu thương mại tự do Đà Nẵng`,
    summary: `Nhà đầu tư được hưởng ưu đãi về thuế, tiền thuê đất, thủ tục hải quan, xuất nhập cảnh và cơ chế thử nghiệm có kiểm soát.`,
    body: `<p>Khu thương mại tự do Đà Nẵng được thành lập theo cơ chế đặc thù do Quốc hội cho phép, gồm các khu chức năng sản xuất, logistics, thương mại – dịch vụ và các khu chức năng khác. Nhà đầu tư vào khu được hưởng nhiều ưu đãi vượt trội.</p>
<h2>Các nhóm ưu đãi chính</h2>
<table>
<thead><tr><th>Nhóm</th><th>Nội dung ưu đãi</th></tr></thead>
<tbody>
<tr><td>Thuế</td><td>Ưu đãi thuế thu nhập doanh nghiệp như khu kinh tế; hàng hóa trong khu được áp dụng chế độ phi thuế quan theo quy định</td></tr>
<tr><td>Đất đai</td><td>Miễn, giảm tiền thuê đất; giao đất, cho thuê đất theo thủ tục rút gọn</td></tr>
<tr><td>Hải quan</td><td>Giám sát hải quan trên nền tảng số, thông quan tự động</td></tr>
<tr><td>Xuất nhập cảnh</td><td>Thị thực dài hạn cho nhà đầu tư, chuyên gia, người lao động nước ngoài</td></tr>
</tbody>
</table>
<p>Ngoài ra, doanh nghiệp trong khu được thử nghiệm có kiểm soát một số mô hình kinh doanh mới, được sử dụng ngoại tệ trong một số giao dịch theo quy định của Ngân hàng Nhà nước.</p>
<p>Thông tin chi tiết về điều kiện, hồ sơ và trình tự thủ tục được công bố trên chuyên trang Khu thương mại tự do Đà Nẵng.</p>`,
    tags: ['khu thương mại tự do', 'ưu đãi đầu tư', 'chính sách'],
  },
  // ── Chuyên trang Du lịch Đà Nẵng – Hội An ─────────────────────────────
  {
    type: 'news',
    section: 'du-lich-da-nang',
    daysAgo: 6,
    title: `Mở thêm đường bay quốc tế, Đà Nẵng đẩy mạnh thu hút khách du lịch hội nghị, sự kiện`,
    summary: `Các đường bay mới kết nối Đà Nẵng với Đông Bắc Á, Đông Nam Á và Ấn Độ; nhiều hội nghị quốc tế lựa chọn thành phố làm điểm tổ chức.`,
    body: `<p>Trong những tháng cuối năm, nhiều hãng hàng không khai trương hoặc tăng tần suất các đường bay quốc tế đến Đà Nẵng, kết nối trực tiếp với các thành phố lớn của Hàn Quốc, Nhật Bản, Trung Quốc, Đông Nam Á và Ấn Độ.</p>
<p>Cùng với lợi thế về biển, di sản và hệ thống khách sạn, khu nghỉ dưỡng cao cấp, Đà Nẵng đang trở thành điểm đến được ưa chuộng của du lịch hội nghị, khen thưởng, sự kiện (MICE). Nhiều hội nghị quốc tế, sự kiện doanh nghiệp quy mô hàng nghìn khách đã được tổ chức tại thành phố.</p>
<h2>Chính sách kích cầu</h2>
<ul>
<li>Hỗ trợ hãng hàng không quảng bá đường bay mới;</li>
<li>Ưu đãi dành cho đơn vị tổ chức sự kiện quốc tế quy mô lớn;</li>
<li>Kết nối tour Đà Nẵng – Hội An – Mỹ Sơn trong cùng một hành trình.</li>
</ul>
<p>Thành phố tiếp tục nâng cao chất lượng dịch vụ, bảo đảm môi trường du lịch văn minh, thân thiện, an toàn.</p>`,
    tags: ['du lịch MICE', 'đường bay quốc tế', 'du lịch'],
    translations: {
      en: {
        title: `New international routes as Da Nang targets meetings and events tourism`,
        summary: `New flights connect Da Nang with North-East Asia, South-East Asia and India, and many international conferences are choosing the city.`,
        body: `<p>Several airlines are launching or adding flights to Da Nang from the Republic of Korea, Japan, China, South-East Asia and India. With its beaches, heritage and resorts, the city is becoming a favoured destination for meetings, incentives, conferences and events.</p>
<p>The city supports route promotion, offers incentives to large event organisers and links Da Nang, Hoi An and My Son in single itineraries.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'du-lich-da-nang',
    daysAgo: 15,
    title: `Phố cổ Hội An đón khách trở lại sau lũ`,
    summary: `Chỉ vài ngày sau khi nước rút, các tuyến phố cổ đã được dọn dẹp sạch sẽ; nhiều cơ sở kinh doanh hoạt động bình thường.`,
    body: `<p>Sau đợt lũ lớn, khu phố cổ Hội An đã nhanh chóng được dọn dẹp, vệ sinh. Lực lượng công nhân môi trường, bộ đội, đoàn viên thanh niên và người dân đã làm việc xuyên đêm để khơi thông cống rãnh, dọn bùn đất trên các tuyến phố.</p>
<p>Đến nay, các điểm tham quan trong khu phố cổ, chợ đêm, các tuyến thuyền trên sông Hoài đã hoạt động trở lại. Nhiều khách sạn, nhà hàng áp dụng chương trình ưu đãi để kích cầu.</p>
<h2>Bảo vệ di sản trước thiên tai</h2>
<p>Cơ quan quản lý di sản đã kiểm tra, đánh giá tình trạng các di tích sau lũ; một số nhà cổ bị ảnh hưởng sẽ được hỗ trợ tu bổ kịp thời. Thành phố đang nghiên cứu các giải pháp lâu dài để bảo vệ khu phố cổ trước tình trạng ngập lụt ngày càng gia tăng.</p>
<p>Du khách có thể cập nhật thông tin thời tiết, tình hình hoạt động của các điểm tham quan trên chuyên trang Du lịch Đà Nẵng – Hội An trước khi lên kế hoạch chuyến đi.</p>`,
    tags: ['Hội An', 'di sản', 'phục hồi du lịch'],
  },
  {
    type: 'news',
    section: 'du-lich-da-nang',
    daysAgo: 59,
    title: `Tuần lễ Du lịch Đà Nẵng – Hội An: kết nối sản phẩm biển, di sản và ẩm thực`,
    summary: `Chuỗi sự kiện gồm hội chợ du lịch, lễ hội ẩm thực, trình diễn nghệ thuật đường phố và các tour khám phá di sản.`,
    body: `<p>Tuần lễ Du lịch Đà Nẵng – Hội An là sự kiện quảng bá du lịch lớn đầu tiên kể từ khi thành phố mở rộng không gian phát triển, giới thiệu các sản phẩm du lịch liên kết từ biển Mỹ Khê, bán đảo Sơn Trà đến phố cổ Hội An và khu đền tháp Mỹ Sơn.</p>
<p>Trong khuôn khổ tuần lễ, hội chợ du lịch quy tụ hàng trăm doanh nghiệp lữ hành, khách sạn, hàng không với nhiều gói ưu đãi hấp dẫn. Lễ hội ẩm thực giới thiệu mì Quảng, cao lầu, bánh tráng cuốn thịt heo và đặc sản vùng biển.</p>
<h2>Những hoạt động nổi bật</h2>
<ul>
<li>Trình diễn nghệ thuật bài chòi – di sản văn hóa phi vật thể của nhân loại;</li>
<li>Tour đạp xe khám phá làng quê ven sông;</li>
<li>Đêm nhạc bên bờ sông Hàn.</li>
</ul>
<p>Sự kiện thu hút đông đảo người dân và du khách, góp phần kéo dài mùa du lịch và tăng chi tiêu của du khách.</p>`,
    tags: ['lễ hội', 'du lịch', 'Hội An'],
  },
  // ── Chuyên trang Thành phố thông minh ────────────────────────────────
  {
    type: 'news',
    section: 'thanh-pho-thong-minh',
    daysAgo: 9,
    title: `Trung tâm giám sát, điều hành đô thị thông minh mở rộng kết nối dữ liệu sau hợp nhất`,
    summary: `Dữ liệu camera, cảm biến ngập, quan trắc môi trường và phản ánh của người dân từ toàn thành phố được tích hợp về một trung tâm điều hành.`,
    body: `<p>Trung tâm giám sát, điều hành đô thị thông minh thành phố Đà Nẵng đã hoàn thành mở rộng kết nối dữ liệu với các xã, phường mới sau hợp nhất. Dữ liệu từ hệ thống camera giao thông, cảm biến mực nước, trạm quan trắc môi trường, hệ thống giám sát tàu cá và kênh phản ánh của người dân được tích hợp trên một nền tảng duy nhất.</p>
<p>Trong đợt mưa lũ vừa qua, trung tâm đã phát huy hiệu quả: cảnh báo ngập tại các tuyến đường, theo dõi mực nước hồ chứa, hỗ trợ điều phối lực lượng cứu hộ và cung cấp thông tin kịp thời cho người dân qua ứng dụng di động.</p>
<h2>Dữ liệu mở cho cộng đồng</h2>
<p>Thành phố tiếp tục công bố dữ liệu mở về giao thông, môi trường, du lịch để doanh nghiệp, trường đại học và cộng đồng khởi nghiệp phát triển ứng dụng phục vụ người dân.</p>
<p>Việc thu thập, sử dụng dữ liệu được thực hiện theo đúng quy định về bảo vệ dữ liệu cá nhân và an toàn thông tin mạng.</p>`,
    tags: ['đô thị thông minh', 'IOC', 'dữ liệu mở'],
    translations: {
      en: {
        title: `Smart city operations centre extends data links to merged communes`,
        summary: `Camera, flood sensor, environmental monitoring and citizen report data from across the city now feed a single operations centre.`,
        body: `<p>Da Nang's smart city operations centre now connects all new communes and wards after the merger, integrating traffic cameras, water-level sensors, environmental stations, fishing-vessel tracking and citizen reports on one platform.</p>
<p>During the recent floods it issued street flooding alerts, tracked reservoir levels and helped coordinate rescuers. The city keeps publishing open data on transport, environment and tourism, in line with personal data and cyber security rules.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'thanh-pho-thong-minh',
    daysAgo: 53,
    title: `Mở rộng mạng wifi công cộng miễn phí tới các điểm du lịch, trạm y tế và trường học`,
    summary: `Hàng nghìn điểm truy cập wifi công cộng được lắp đặt mới, ưu tiên khu vực du lịch và các xã mới sáp nhập.`,
    body: `<p>Thành phố Đà Nẵng vừa hoàn thành giai đoạn mở rộng mạng wifi công cộng miễn phí, lắp đặt thêm hàng nghìn điểm truy cập tại bãi biển, khu phố cổ, điểm du lịch, trạm y tế, trường học và trụ sở Ủy ban nhân dân các xã, phường.</p>
<p>Người dùng kết nối wifi công cộng có thể truy cập các dịch vụ công trực tuyến, thông tin du lịch, bản đồ số và ứng dụng phản ánh hiện trường của thành phố với tốc độ ổn định.</p>
<h2>An toàn khi sử dụng</h2>
<p>Hệ thống được trang bị giải pháp lọc truy cập độc hại và giới hạn thời gian kết nối hợp lý. Thành phố khuyến cáo người dân không thực hiện giao dịch tài chính quan trọng trên mạng công cộng nếu chưa bảo đảm an toàn.</p>
<p>Việc mở rộng wifi công cộng là một phần trong chương trình phổ cập hạ tầng số, thu hẹp khoảng cách số giữa khu vực đô thị và nông thôn, miền núi.</p>`,
    tags: ['wifi công cộng', 'hạ tầng số', 'chuyển đổi số'],
  },
];
