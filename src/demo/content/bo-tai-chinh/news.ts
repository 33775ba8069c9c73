import type { DemoItem } from '../../types.ts';

// Tin tức của Cổng Thông tin điện tử Bộ Tài chính.
export const boTaiChinhNews: DemoItem[] = [
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0,
    title: `Thu ngân sách nhà nước 10 tháng vượt dự toán cả năm, tạo dư địa cho chi đầu tư phát triển`,
    summary: `Tổng thu ngân sách nhà nước 10 tháng đạt khoảng 104% dự toán, tăng so với cùng kỳ; chi ngân sách bảo đảm các nhiệm vụ quan trọng và an sinh xã hội.`,
    body: `<p>Theo báo cáo nhanh của Bộ Tài chính, tổng thu ngân sách nhà nước 10 tháng ước đạt khoảng 104% dự toán năm, tăng so với cùng kỳ năm trước. Trong đó, thu nội địa tiếp tục là nguồn thu chủ lực, thu từ hoạt động xuất nhập khẩu tăng khá nhờ kim ngạch thương mại duy trì ở mức cao.</p>
<p>Tổng chi ngân sách nhà nước 10 tháng đạt khoảng 72% dự toán, trong đó chi đầu tư phát triển tăng mạnh so với cùng kỳ. Các khoản chi trả nợ, chi lương, lương hưu, trợ cấp và chi bảo đảm an sinh xã hội được thực hiện đầy đủ, kịp thời.</p>
<h2>Những khoản thu tăng khá</h2>
<ul>
<li>Thu từ khu vực doanh nghiệp ngoài quốc doanh, nhờ sản xuất kinh doanh phục hồi;</li>
<li>Thu thuế thu nhập cá nhân, thuế giá trị gia tăng từ hoạt động thương mại điện tử;</li>
<li>Thu từ hoạt động xuất nhập khẩu, nhờ tăng cường chống gian lận xuất xứ, trị giá.</li>
</ul>
<p>Bộ Tài chính cho biết sẽ tiếp tục chỉ đạo cơ quan thuế, hải quan quản lý chặt chẽ nguồn thu, chống thất thu, đồng thời thực hiện đầy đủ các chính sách miễn, giảm, gia hạn thuế đã được ban hành để hỗ trợ doanh nghiệp và người dân. Kết quả thu vượt dự toán sẽ được ưu tiên bố trí cho các dự án hạ tầng trọng điểm và khắc phục hậu quả thiên tai theo quy định.</p>`,
    tags: ['ngân sách nhà nước', 'thu ngân sách', 'tài khóa'],
    translations: {
      en: {
        title: `State budget revenue in ten months exceeds the full-year estimate, creating room for development spending`,
        summary: `Ten-month revenue reached about 104 per cent of the annual estimate, up year on year, while spending covered key tasks and social security.`,
        body: `<p>According to the Ministry of Finance, state budget revenue in the first ten months is estimated at about 104 per cent of the annual estimate. Domestic revenue remains the main source and import-export revenue has risen thanks to strong trade.</p>
<p>Spending reached about 72 per cent of the estimate, with development investment up sharply. The ministry will keep tightening revenue management while fully applying tax relief measures, and extra revenue will go first to key infrastructure and disaster recovery.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0.5,
    title: `Bộ trưởng Bộ Tài chính làm việc với Cục Thuế về lộ trình chuyển đổi hộ kinh doanh sang phương pháp kê khai`,
    summary: `Bộ trưởng yêu cầu cơ quan thuế hỗ trợ tối đa hộ kinh doanh trong quá trình chuyển đổi, không để phát sinh thủ tục, chi phí không cần thiết.`,
    body: `<p>Bộ trưởng Bộ Tài chính vừa có buổi làm việc với lãnh đạo Cục Thuế về tình hình triển khai việc chuyển đổi phương pháp quản lý thuế đối với hộ kinh doanh, cá nhân kinh doanh từ thuế khoán sang tự kê khai, tự nộp thuế.</p>
<p>Theo báo cáo của Cục Thuế, phần lớn hộ kinh doanh có doanh thu lớn đã sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền và kê khai thuế qua ứng dụng trên điện thoại. Cơ quan thuế đã tổ chức hàng nghìn buổi tập huấn, đối thoại tại các xã, phường; phối hợp với các nhà cung cấp giải pháp để hỗ trợ miễn phí phần mềm cho hộ có doanh thu nhỏ.</p>
<h2>Đơn giản, dễ làm, chi phí thấp</h2>
<p>Bộ trưởng ghi nhận nỗ lực của ngành Thuế, đồng thời lưu ý đây là thay đổi lớn, tác động trực tiếp đến hàng triệu hộ kinh doanh. Vì vậy, các thủ tục phải thật đơn giản; mẫu tờ khai được rút gọn; thông tin đã có trên hóa đơn điện tử phải được tự động điền sẵn để người nộp thuế chỉ cần xác nhận.</p>
<blockquote>“Mục tiêu không phải là thu thêm từ hộ nhỏ, mà là minh bạch, công bằng và tạo điều kiện để hộ kinh doanh lớn lên thành doanh nghiệp.”</blockquote>
<p>Bộ trưởng giao Cục Thuế thiết lập đường dây nóng tại từng thuế cơ sở, công khai số điện thoại cán bộ hỗ trợ và báo cáo định kỳ các vướng mắc phát sinh để kịp thời tháo gỡ.</p>`,
    tags: ['hộ kinh doanh', 'thuế', 'hóa đơn điện tử'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 1,
    title: `Thị trường chứng khoán: dòng vốn ngoại trở lại sau khi chính thức được nâng hạng`,
    summary: `Khối nhà đầu tư nước ngoài mua ròng trở lại trong nhiều phiên liên tiếp; Ủy ban Chứng khoán Nhà nước tiếp tục hoàn thiện hạ tầng giao dịch và công bố thông tin.`,
    body: `<p>Theo Ủy ban Chứng khoán Nhà nước, sau khi thị trường chứng khoán Việt Nam chính thức được đưa vào nhóm thị trường mới nổi thứ cấp, dòng vốn của các quỹ đầu tư nước ngoài, nhất là quỹ chỉ số, đã quay trở lại với giá trị mua ròng đáng kể trong nhiều phiên liên tiếp.</p>
<p>Thanh khoản toàn thị trường duy trì ở mức cao; số lượng tài khoản giao dịch mở mới tiếp tục tăng, trong đó nhà đầu tư trẻ chiếm tỷ lệ lớn. Hệ thống công nghệ thông tin mới của Sở Giao dịch Chứng khoán vận hành ổn định, đáp ứng khối lượng lệnh lớn trong các phiên cao điểm.</p>
<h2>Tiếp tục nâng cao chất lượng thị trường</h2>
<ul>
<li>Hoàn thiện cơ chế giao dịch không yêu cầu ký quỹ trước đối với nhà đầu tư tổ chức nước ngoài;</li>
<li>Tăng cường công bố thông tin bằng tiếng Anh của các công ty niêm yết;</li>
<li>Xử lý nghiêm hành vi thao túng giá, giao dịch nội gián, bảo vệ nhà đầu tư nhỏ lẻ.</li>
</ul>
<p>Lãnh đạo Ủy ban Chứng khoán Nhà nước khuyến cáo nhà đầu tư cá nhân cần tìm hiểu kỹ thông tin doanh nghiệp, tránh đầu tư theo tin đồn và sử dụng đòn bẩy tài chính quá mức.</p>`,
    tags: ['chứng khoán', 'nâng hạng thị trường', 'vốn ngoại'],
    translations: {
      en: {
        title: `Stock market: foreign capital returns after the official upgrade`,
        summary: `Foreign investors have been net buyers for many consecutive sessions; the State Securities Commission continues to improve trading and disclosure infrastructure.`,
        body: `<p>Since Viet Nam's stock market officially joined the secondary emerging market group, foreign funds, especially index funds, have returned with sizeable net purchases. Liquidity remains high and the exchange's new trading system has coped well with peak volumes.</p>
<p>The State Securities Commission will finalise trading without pre-funding for foreign institutions, push for English-language disclosure and act against market manipulation. Individual investors are advised to avoid rumour-driven trading and excessive leverage.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 3,
    title: `Chỉ số giá tiêu dùng tháng trước tăng nhẹ, lạm phát cơ bản ổn định`,
    summary: `CPI tăng chủ yếu do giá thực phẩm tại các tỉnh bị ảnh hưởng mưa lũ và giá dịch vụ giáo dục; lạm phát bình quân vẫn trong mục tiêu đề ra.`,
    body: `<p>Cục Thống kê (Bộ Tài chính) cho biết chỉ số giá tiêu dùng (CPI) tháng trước tăng nhẹ so với tháng liền kề. Bình quân từ đầu năm, CPI tăng thấp hơn mục tiêu Quốc hội đề ra; lạm phát cơ bản tương đối ổn định.</p>
<p>Trong 11 nhóm hàng hóa và dịch vụ chính, nhóm hàng ăn và dịch vụ ăn uống có mức tăng cao nhất, do mưa lũ làm gián đoạn nguồn cung rau xanh, thực phẩm tươi sống tại một số tỉnh miền Trung. Nhóm giao thông giảm nhờ giá xăng dầu trong nước điều chỉnh giảm theo giá thế giới.</p>
<table>
<thead><tr><th>Nhóm hàng</th><th>Xu hướng so với tháng trước</th></tr></thead>
<tbody>
<tr><td>Hàng ăn và dịch vụ ăn uống</td><td>Tăng</td></tr>
<tr><td>Giáo dục</td><td>Tăng nhẹ</td></tr>
<tr><td>Nhà ở, điện, nước, chất đốt</td><td>Gần như không đổi</td></tr>
<tr><td>Giao thông</td><td>Giảm</td></tr>
</tbody>
</table>
<p>Bộ Tài chính dự báo áp lực lạm phát những tháng cuối năm chủ yếu đến từ nhu cầu tiêu dùng dịp lễ, Tết; đề nghị các địa phương chủ động triển khai chương trình bình ổn thị trường, tăng cường kiểm tra việc niêm yết giá.</p>`,
    tags: ['CPI', 'lạm phát', 'thống kê'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 7,
    title: `Hải quan triển khai thông quan tự động tại các cửa khẩu đường bộ trọng điểm`,
    summary: `Hệ thống giám sát tự động kết nối dữ liệu hải quan, biên phòng và doanh nghiệp kho bãi, giúp rút ngắn đáng kể thời gian thông quan hàng hóa.`,
    body: `<p>Cục Hải quan vừa mở rộng hệ thống quản lý, giám sát hải quan tự động tại các cửa khẩu đường bộ có lưu lượng hàng hóa lớn ở khu vực biên giới phía Bắc và Tây Nam.</p>
<p>Với hệ thống mới, thông tin về phương tiện, container và tờ khai được kết nối tự động giữa cơ quan hải quan, lực lượng biên phòng và doanh nghiệp kinh doanh kho, bãi. Xe chở hàng được nhận diện biển số bằng camera, đối chiếu với dữ liệu điện tử và chỉ dừng lại khi hệ thống quản lý rủi ro yêu cầu kiểm tra.</p>
<h2>Doanh nghiệp được lợi</h2>
<p>Theo phản ánh của nhiều doanh nghiệp xuất khẩu nông sản, thời gian chờ làm thủ tục tại cửa khẩu đã giảm rõ rệt, giúp hàng hóa tươi sống giữ được chất lượng và giảm chi phí lưu kho, lưu bãi. Tỷ lệ tờ khai được phân luồng xanh tiếp tục tăng nhờ áp dụng quản lý rủi ro dựa trên dữ liệu.</p>
<p>Cục Hải quan đặt mục tiêu hoàn thành triển khai hệ thống tại tất cả các cửa khẩu quốc tế đường bộ trong năm tới, đồng thời kết nối với Cơ chế một cửa quốc gia để chia sẻ kết quả kiểm tra chuyên ngành.</p>`,
    tags: ['hải quan', 'thông quan', 'cửa khẩu'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 10,
    title: `Kho bạc Nhà nước huy động thành công trái phiếu Chính phủ với lãi suất ổn định`,
    summary: `Các phiên đấu thầu trái phiếu Chính phủ trong tháng thu hút đông đảo thành viên tham gia; kỳ hạn bình quân danh mục nợ tiếp tục được kéo dài.`,
    body: `<p>Trong tháng qua, Kho bạc Nhà nước đã tổ chức các phiên đấu thầu trái phiếu Chính phủ tại Sở Giao dịch Chứng khoán với các kỳ hạn 5, 10, 15 và 30 năm. Tỷ lệ trúng thầu đạt khá; lãi suất trúng thầu ổn định so với các tháng trước.</p>
<p>Việc tập trung phát hành kỳ hạn dài giúp kéo dài kỳ hạn bình quân danh mục trái phiếu Chính phủ, giảm áp lực trả nợ trong ngắn hạn và phù hợp với nhu cầu đầu tư dài hạn của các công ty bảo hiểm, quỹ hưu trí.</p>
<h2>Các chỉ tiêu nợ công trong giới hạn an toàn</h2>
<p>Bộ Tài chính cho biết nợ công, nợ Chính phủ và nợ nước ngoài của quốc gia đều thấp hơn đáng kể so với giới hạn Quốc hội cho phép. Nghĩa vụ trả nợ được thực hiện đầy đủ, đúng hạn.</p>
<p>Trong những tháng cuối năm, Kho bạc Nhà nước sẽ tiếp tục bám sát nhu cầu vốn của các dự án đầu tư công trọng điểm để điều hành kế hoạch phát hành linh hoạt, bảo đảm chi phí huy động hợp lý.</p>`,
    tags: ['trái phiếu Chính phủ', 'Kho bạc Nhà nước', 'nợ công'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 17,
    title: `Sắp xếp, xử lý trụ sở dôi dư sau hợp nhất: ưu tiên chuyển đổi thành trường học, trạm y tế, nhà văn hóa`,
    summary: `Bộ Tài chính đề nghị các địa phương hoàn thành phương án xử lý nhà, đất dôi dư, tránh để lãng phí, xuống cấp tài sản công.`,
    body: `<p>Sau khi sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, nhiều trụ sở làm việc của cơ quan, đơn vị không còn nhu cầu sử dụng. Bộ Tài chính vừa có văn bản đề nghị các bộ, ngành, địa phương khẩn trương hoàn thành phương án sắp xếp, xử lý số tài sản này.</p>
<h2>Thứ tự ưu tiên khi xử lý</h2>
<ol>
<li>Chuyển đổi công năng để sử dụng cho y tế, giáo dục, văn hóa, thể thao và các mục đích công cộng khác;</li>
<li>Điều chuyển cho cơ quan, đơn vị còn thiếu trụ sở làm việc;</li>
<li>Bán đấu giá, cho thuê hoặc giao cho tổ chức phát triển quỹ đất quản lý theo quy định.</li>
</ol>
<p>Theo số liệu tổng hợp, một phần đáng kể cơ sở nhà, đất dôi dư đã được địa phương chuyển sang sử dụng làm trường học, trạm y tế, nhà văn hóa cộng đồng. Tuy nhiên, tiến độ ở một số nơi còn chậm; có trụ sở bị bỏ trống lâu ngày, xuống cấp.</p>
<p>Bộ Tài chính đề nghị công khai danh mục tài sản dôi dư và phương án xử lý trên cổng thông tin điện tử của địa phương; đồng thời cập nhật đầy đủ vào Cơ sở dữ liệu quốc gia về tài sản công để theo dõi, giám sát.</p>`,
    tags: ['tài sản công', 'chống lãng phí', 'sắp xếp trụ sở'],
    translations: {
      en: {
        title: `Surplus offices after mergers: priority to schools, health stations and community centres`,
        summary: `The Ministry of Finance has asked localities to finish plans for surplus buildings and land to avoid waste and deterioration of public assets.`,
        body: `<p>After administrative units were merged and two-tier local government introduced, many office buildings are no longer needed. The ministry has asked ministries and localities to finish their plans, giving priority to conversion for health, education, culture and sport, then transfer to agencies lacking offices, and finally auction, lease or transfer to land development bodies.</p>
<p>Lists of surplus assets and plans should be published on local portals and recorded in the National Public Asset Database.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 26,
    title: `Số doanh nghiệp thành lập mới tiếp tục tăng, vốn đăng ký bình quân cải thiện`,
    summary: `Cả nước có thêm hàng chục nghìn doanh nghiệp thành lập mới và quay trở lại hoạt động; thương mại, xây dựng và chế biến, chế tạo là các ngành thu hút nhiều doanh nghiệp nhất.`,
    body: `<p>Theo số liệu từ Hệ thống thông tin quốc gia về đăng ký doanh nghiệp, số doanh nghiệp thành lập mới và quay trở lại hoạt động từ đầu năm đến nay tăng so với cùng kỳ, vượt số doanh nghiệp rút lui khỏi thị trường.</p>
<p>Vốn đăng ký bình quân của một doanh nghiệp thành lập mới cải thiện, cho thấy niềm tin của nhà đầu tư vào triển vọng kinh doanh. Các ngành bán buôn, bán lẻ; xây dựng; công nghiệp chế biến, chế tạo tiếp tục chiếm tỷ trọng lớn; lĩnh vực thông tin và truyền thông, hoạt động chuyên môn, khoa học công nghệ có tốc độ tăng nhanh.</p>
<h2>Đăng ký doanh nghiệp trực tuyến chiếm ưu thế</h2>
<p>Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng điện tử đã đạt trên 98%. Thời gian cấp giấy chứng nhận đăng ký doanh nghiệp được rút ngắn; nhiều địa phương trả kết quả trong ngày làm việc. Việc xác thực danh tính người thành lập doanh nghiệp bằng tài khoản định danh điện tử giúp hạn chế tình trạng mạo danh, lập doanh nghiệp “ma”.</p>
<p>Bộ Tài chính tiếp tục hoàn thiện quy định về đăng ký doanh nghiệp, hướng tới kết nối, liên thông đăng ký doanh nghiệp với đăng ký thuế, bảo hiểm xã hội và mở tài khoản ngân hàng trong một quy trình.</p>`,
    tags: ['đăng ký doanh nghiệp', 'doanh nghiệp', 'môi trường kinh doanh'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 45,
    title: `Ngành Tài chính đẩy mạnh thực hành tiết kiệm, chống lãng phí trong quản lý chi thường xuyên`,
    summary: `Các đơn vị thuộc Bộ cắt giảm chi hội nghị, công tác nước ngoài, mua sắm phương tiện; dành nguồn tiết kiệm cho đầu tư hạ tầng số và an sinh xã hội.`,
    body: `<p>Thực hiện chủ trương tiết kiệm, chống lãng phí, Bộ Tài chính đã yêu cầu các đơn vị trực thuộc rà soát toàn bộ dự toán chi thường xuyên, cắt giảm tối đa các khoản chi chưa thực sự cần thiết.</p>
<p>Kết quả bước đầu cho thấy chi phí tổ chức hội nghị, hội thảo giảm mạnh nhờ chuyển sang hình thức trực tuyến; số đoàn công tác nước ngoài được thu gọn; việc mua sắm ô tô, trang thiết bị đắt tiền được kiểm soát chặt chẽ, ưu tiên thuê dịch vụ thay cho đầu tư mới.</p>
<h2>Công khai để người dân giám sát</h2>
<ul>
<li>Công khai dự toán, kết quả thực hiện tiết kiệm của từng đơn vị;</li>
<li>Xây dựng định mức chi phù hợp với điều kiện thực tế;</li>
<li>Xử lý trách nhiệm người đứng đầu để xảy ra lãng phí.</li>
</ul>
<p>Nguồn kinh phí tiết kiệm được ưu tiên bố trí cho các dự án chuyển đổi số trọng điểm của ngành và bổ sung nguồn lực thực hiện các chính sách an sinh xã hội theo chỉ đạo của Chính phủ.</p>`,
    tags: ['tiết kiệm', 'chống lãng phí', 'chi thường xuyên'],
  },
  // ── Chuyên trang Công khai ngân sách nhà nước ───────────────────────────
  {
    type: 'news',
    section: 'cong-khai-ngan-sach',
    daysAgo: 5,
    title: `Công khai dự toán ngân sách nhà nước năm tới trình Quốc hội`,
    summary: `Dự toán được xây dựng theo hướng tích cực, bảo đảm nguồn lực cho các nhiệm vụ chiến lược, đồng thời giữ bội chi và nợ công trong giới hạn an toàn.`,
    body: `<p>Thực hiện quy định về công khai ngân sách, Bộ Tài chính công bố số liệu dự toán ngân sách nhà nước năm tới do Chính phủ trình Quốc hội. Tài liệu bao gồm các biểu tổng hợp về cân đối thu, chi; dự toán chi theo lĩnh vực và bội chi, vay trả nợ.</p>
<h2>Một số điểm chính</h2>
<ul>
<li>Dự toán thu được xây dựng trên cơ sở tăng trưởng kinh tế dự kiến, đã tính đến tác động của các chính sách miễn, giảm thuế;</li>
<li>Chi đầu tư phát triển tăng, tập trung cho hạ tầng giao thông chiến lược, khoa học công nghệ và chuyển đổi số;</li>
<li>Chi thường xuyên được cơ cấu lại, tiết kiệm để tạo nguồn cải cách tiền lương;</li>
<li>Bội chi ngân sách và nợ công được kiểm soát trong giới hạn Quốc hội cho phép.</li>
</ul>
<p>Sau khi Quốc hội quyết định, dự toán chính thức sẽ tiếp tục được công khai chi tiết theo từng bộ, cơ quan trung ương và theo số bổ sung cho từng địa phương.</p>
<p>Người dân có thể tải về toàn bộ biểu mẫu dự toán dưới dạng bảng tính trên chuyên trang Công khai ngân sách nhà nước. Bộ Tài chính cũng phát hành tài liệu “Ngân sách công dân” tóm lược các con số chính bằng đồ họa dễ hiểu.</p>`,
    tags: ['công khai ngân sách', 'dự toán', 'Quốc hội'],
    translations: {
      en: {
        title: `Publication of next year's state budget estimate submitted to the National Assembly`,
        summary: `The estimate secures resources for strategic tasks while keeping the deficit and public debt within safe limits.`,
        body: `<p>The Ministry of Finance has published next year's state budget estimate submitted by the Government to the National Assembly, including revenue and expenditure balances, spending by sector, the deficit and borrowing.</p>
<p>Development spending rises, focusing on strategic transport infrastructure, science and technology and digital transformation, while recurrent spending is restructured to fund salary reform. All tables can be downloaded as spreadsheets, and a "Citizen's Budget" summarises the key figures graphically.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'du-toan-quyet-toan',
    daysAgo: 37,
    title: `Công khai quyết toán ngân sách nhà nước năm 2024 đã được Quốc hội phê chuẩn`,
    summary: `Số liệu quyết toán thu, chi ngân sách nhà nước năm 2024 được công bố chi tiết theo từng lĩnh vực và từng địa phương.`,
    body: `<p>Bộ Tài chính công khai số liệu quyết toán ngân sách nhà nước năm 2024 theo Nghị quyết phê chuẩn của Quốc hội. Đây là số liệu chính thức, đã được Kiểm toán nhà nước kiểm toán.</p>
<p>Quyết toán cho thấy thu ngân sách năm 2024 vượt dự toán; chi đầu tư phát triển được thực hiện theo kế hoạch; bội chi ngân sách thấp hơn mức Quốc hội quyết định. Các khoản chi chuyển nguồn sang năm sau được rà soát, chỉ giữ lại những khoản đủ điều kiện theo quy định.</p>
<h2>Tài liệu công khai gồm</h2>
<ul>
<li>Cân đối ngân sách nhà nước năm 2024;</li>
<li>Quyết toán thu ngân sách theo sắc thuế và theo địa bàn;</li>
<li>Quyết toán chi ngân sách trung ương theo từng bộ, cơ quan;</li>
<li>Quyết toán số bổ sung từ ngân sách trung ương cho ngân sách địa phương.</li>
</ul>
<p>Việc công khai quyết toán nhằm nâng cao tính minh bạch, trách nhiệm giải trình trong quản lý ngân sách và tạo điều kiện để các tổ chức, cá nhân tham gia giám sát.</p>`,
    tags: ['quyết toán', 'công khai ngân sách', 'minh bạch'],
  },
  // ── Chuyên trang Xúc tiến đầu tư ─────────────────────────────────────
  {
    type: 'news',
    section: 'xuc-tien-dau-tu',
    daysAgo: 13,
    title: `Hội nghị xúc tiến đầu tư: giới thiệu cơ hội tại các trung tâm tài chính và khu thương mại tự do`,
    summary: `Hơn 400 nhà đầu tư trong và ngoài nước tham dự hội nghị; nhiều thỏa thuận hợp tác, biên bản ghi nhớ đầu tư được trao tại sự kiện.`,
    body: `<p>Bộ Tài chính phối hợp với các địa phương tổ chức Hội nghị xúc tiến đầu tư với chủ đề “Kết nối dòng vốn – Kiến tạo tăng trưởng”, thu hút hơn 400 đại biểu là nhà đầu tư, tổ chức tài chính quốc tế và cơ quan xúc tiến thương mại của nhiều quốc gia.</p>
<p>Tại hội nghị, đại diện Bộ Tài chính giới thiệu cơ chế, chính sách đặc thù áp dụng tại trung tâm tài chính quốc tế và các khu thương mại tự do, bao gồm thủ tục đầu tư rút gọn, ưu đãi thuế, cơ chế giải quyết tranh chấp và sử dụng ngoại tệ.</p>
<h2>Lĩnh vực được quan tâm</h2>
<p>Các nhà đầu tư đặc biệt quan tâm tới logistics, công nghệ tài chính, quản lý tài sản, năng lượng tái tạo và trung tâm dữ liệu. Nhiều ý kiến đề nghị Việt Nam tiếp tục minh bạch hóa quy trình cấp phép, ổn định chính sách và phát triển nguồn nhân lực tài chính chất lượng cao.</p>
<p>Nhân dịp này, các địa phương đã trao giấy chứng nhận đăng ký đầu tư và biên bản ghi nhớ cho nhiều dự án, với tổng vốn đăng ký dự kiến lên tới hàng tỷ đô la Mỹ.</p>`,
    tags: ['xúc tiến đầu tư', 'trung tâm tài chính', 'khu thương mại tự do'],
    translations: {
      en: {
        title: `Investment promotion conference highlights opportunities in financial centres and free trade zones`,
        summary: `More than 400 domestic and foreign investors attended, and many cooperation agreements and memoranda were signed.`,
        body: `<p>The Ministry of Finance and several localities held an investment promotion conference themed "Connecting capital – Building growth". The ministry presented special mechanisms for the international financial centre and free trade zones, including simplified investment procedures, tax incentives, dispute resolution and foreign currency use.</p>
<p>Investors showed strong interest in logistics, fintech, asset management, renewable energy and data centres. Investment certificates and memoranda worth billions of US dollars were handed over.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'co-hoi-dau-tu',
    daysAgo: 31,
    title: `Danh mục dự án đối tác công tư kêu gọi đầu tư trong lĩnh vực hạ tầng giao thông và môi trường`,
    summary: `Danh mục gồm các dự án đường cao tốc, cảng cạn, nhà máy xử lý chất thải rắn và cấp nước sạch, được chuẩn bị kỹ về pháp lý và nghiên cứu tiền khả thi.`,
    body: `<p>Bộ Tài chính giới thiệu danh mục dự án đầu tư theo phương thức đối tác công tư (PPP) do các bộ, địa phương đề xuất, đã hoàn thành báo cáo nghiên cứu tiền khả thi và sẵn sàng tổ chức lựa chọn nhà đầu tư.</p>
<table>
<thead><tr><th>Lĩnh vực</th><th>Loại dự án</th><th>Hình thức hợp đồng</th></tr></thead>
<tbody>
<tr><td>Giao thông</td><td>Đường cao tốc, nút giao liên thông</td><td>BOT</td></tr>
<tr><td>Logistics</td><td>Cảng cạn, trung tâm logistics</td><td>BOT, BOO</td></tr>
<tr><td>Môi trường</td><td>Nhà máy xử lý chất thải rắn phát điện</td><td>BOO</td></tr>
<tr><td>Cấp nước</td><td>Nhà máy nước sạch liên vùng</td><td>BOT</td></tr>
</tbody>
</table>
<p>Các dự án được áp dụng cơ chế chia sẻ phần tăng, giảm doanh thu và có phần vốn nhà nước hỗ trợ xây dựng công trình theo quy định của Luật Đầu tư theo phương thức đối tác công tư.</p>
<p>Nhà đầu tư quan tâm có thể tra cứu thông tin chi tiết, hồ sơ dự án và thời gian dự kiến phát hành hồ sơ mời thầu trên Hệ thống mạng đấu thầu quốc gia.</p>`,
    tags: ['PPP', 'cơ hội đầu tư', 'hạ tầng'],
  },
  // ── Chuyên trang Chuyển đổi số ngành Tài chính ─────────────────────────
  {
    type: 'news',
    section: 'chuyen-doi-so-tai-chinh',
    daysAgo: 21,
    title: `Hóa đơn điện tử khởi tạo từ máy tính tiền: minh bạch doanh thu, thuận tiện cho người mua`,
    summary: `Hàng trăm nghìn cơ sở bán lẻ, ăn uống đã sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền; người mua có thể tra cứu, tham gia chương trình “Hóa đơn may mắn”.`,
    body: `<p>Sau thời gian triển khai, số doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền tăng nhanh, tập trung trong các lĩnh vực bán lẻ, nhà hàng, khách sạn, kinh doanh xăng dầu và dược phẩm.</p>
<p>Mỗi giao dịch bán hàng được tự động chuyển dữ liệu hóa đơn đến cơ quan thuế. Người bán không phải đăng ký trước từng số hóa đơn; người mua chỉ cần quét mã QR trên hóa đơn để tra cứu tính hợp lệ.</p>
<h2>Lợi ích cho các bên</h2>
<ul>
<li><strong>Người kinh doanh:</strong> giảm chi phí in ấn, lưu trữ; dữ liệu doanh thu được tổng hợp sẵn phục vụ kê khai thuế;</li>
<li><strong>Người mua:</strong> có chứng từ hợp lệ, tham gia chương trình khuyến khích người tiêu dùng lấy hóa đơn;</li>
<li><strong>Cơ quan thuế:</strong> quản lý doanh thu theo thời gian thực, giảm thanh tra, kiểm tra trực tiếp.</li>
</ul>
<p>Cục Thuế khuyến nghị người kinh doanh lựa chọn nhà cung cấp giải pháp đã được công bố danh sách trên trang thông tin điện tử của ngành Thuế, đồng thời chú ý bảo mật tài khoản và chứng thư số.</p>`,
    tags: ['hóa đơn điện tử', 'máy tính tiền', 'thuế điện tử'],
  },
  {
    type: 'news',
    section: 'chuyen-doi-so-tai-chinh',
    daysAgo: 53,
    title: `Kho bạc Nhà nước: 100% đơn vị sử dụng ngân sách giao dịch điện tử`,
    summary: `Dịch vụ công trực tuyến của Kho bạc Nhà nước đã được cung cấp toàn trình, giúp đơn vị sử dụng ngân sách không phải đến trụ sở Kho bạc.`,
    body: `<p>Kho bạc Nhà nước cho biết toàn bộ đơn vị sử dụng ngân sách, chủ đầu tư trên cả nước đã thực hiện giao dịch với Kho bạc qua Cổng dịch vụ công trực tuyến. Hồ sơ kiểm soát chi, thanh toán vốn đầu tư được ký số và gửi điện tử; kết quả được trả về ngay trên hệ thống.</p>
<p>Nhờ quy trình điện tử, thời gian kiểm soát, thanh toán được rút ngắn; nhiều khoản chi được xử lý trong ngày làm việc. Các đơn vị tiết kiệm đáng kể chi phí đi lại, in ấn và lưu trữ hồ sơ giấy.</p>
<h2>Hướng tới kho bạc số</h2>
<p>Trong giai đoạn tới, Kho bạc Nhà nước tập trung xây dựng nền tảng dữ liệu tập trung về ngân sách, kết nối với hệ thống quản lý thuế, hải quan, ngân hàng thương mại; ứng dụng phân tích dữ liệu để dự báo dòng tiền, phục vụ điều hành ngân quỹ hiệu quả.</p>
<p>Kho bạc cũng nghiên cứu cung cấp dịch vụ thanh toán đa kênh, cho phép người dân nộp các khoản thu ngân sách qua ví điện tử, ứng dụng ngân hàng và Cổng Dịch vụ công quốc gia.</p>`,
    tags: ['Kho bạc Nhà nước', 'dịch vụ công trực tuyến', 'chuyển đổi số'],
  },
];
