import type { DemoItem } from '../../types.ts';

// Tin tức của Cổng Thông tin điện tử Bộ Y tế.
export const boYTeNews: DemoItem[] = [
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0,
    title: `Khám sức khỏe định kỳ miễn phí cho người dân: hàng triệu lượt người được khám trong đợt đầu triển khai`,
    summary: `Kết quả khám được cập nhật vào sổ sức khỏe điện tử; nhiều trường hợp tăng huyết áp, đái tháo đường được phát hiện sớm và đưa vào quản lý tại trạm y tế xã.`,
    body: `<p>Bộ Y tế vừa tổng hợp kết quả đợt đầu triển khai khám sức khỏe định kỳ miễn phí cho người dân tại các tỉnh, thành phố. Việc khám được tổ chức chủ yếu tại trạm y tế xã, phường và các điểm khám lưu động ở thôn, bản, ưu tiên người cao tuổi, người có bệnh nền và người dân vùng khó khăn.</p>
<p>Nội dung khám gồm đo các chỉ số cơ bản, khám lâm sàng tổng quát, xét nghiệm đường huyết và một số xét nghiệm sàng lọc theo độ tuổi. Kết quả được cập nhật ngay vào hồ sơ sức khỏe điện tử của từng người, người dân có thể xem trên ứng dụng định danh điện tử.</p>
<h2>Phát hiện sớm bệnh không lây nhiễm</h2>
<p>Qua khám, các cơ sở y tế đã phát hiện nhiều trường hợp tăng huyết áp, đái tháo đường, rối loạn mỡ máu chưa từng được chẩn đoán. Những người này được tư vấn, kê đơn và đưa vào danh sách quản lý, theo dõi định kỳ tại trạm y tế.</p>
<blockquote>“Mỗi trường hợp được phát hiện sớm là một gia đình tránh được gánh nặng chi phí điều trị biến chứng về sau.” – đại diện Cục Quản lý Khám, chữa bệnh chia sẻ.</blockquote>
<p>Bộ Y tế đề nghị các địa phương tiếp tục bố trí nhân lực, trang thiết bị cho trạm y tế; phối hợp với bệnh viện tuyến trên cử bác sĩ hỗ trợ; đồng thời tăng cường truyền thông để người dân chủ động tham gia khám.</p>`,
    tags: ['khám sức khỏe định kỳ', 'y tế cơ sở', 'bệnh không lây nhiễm'],
    translations: {
      en: {
        title: `Free periodic health checks: millions of people examined in the first round`,
        summary: `Results are recorded in electronic health books, and many cases of hypertension and diabetes have been detected early and placed under commune health station care.`,
        body: `<p>The Ministry of Health has reviewed the first round of free periodic health checks, held mainly at commune health stations and mobile sites, with priority for the elderly, people with chronic conditions and disadvantaged areas. Results are added immediately to each person's electronic health record, viewable in the national e-ID app.</p>
<p>Many previously undiagnosed cases of hypertension, diabetes and dyslipidaemia were found and are now followed up locally. Provinces are asked to strengthen staffing and equipment at health stations.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0.6,
    title: `Bảo đảm đủ thuốc, hóa chất khử khuẩn cho các tỉnh vùng lũ miền Trung`,
    summary: `Bộ Y tế đã xuất cấp cơ số thuốc, hóa chất xử lý nước và cử các đội y tế cơ động hỗ trợ các địa phương bị ảnh hưởng.`,
    body: `<p>Ngay khi nhận được đề nghị của các địa phương, Bộ Y tế đã xuất cấp khẩn cấp cơ số thuốc thiết yếu, viên khử khuẩn nước, hóa chất xử lý môi trường và vật tư y tế cho các tỉnh miền Trung bị ảnh hưởng nặng bởi mưa lũ.</p>
<p>Các bệnh viện tuyến trung ương tại khu vực miền Trung được giao thành lập đội cấp cứu cơ động, sẵn sàng hỗ trợ tuyến dưới. Nhiều trạm y tế bị ngập đã được di chuyển tạm thời sang nhà văn hóa, trường học để tiếp tục tiếp nhận người bệnh.</p>
<h2>Phòng bệnh sau lũ</h2>
<ul>
<li>Sử dụng nước sạch đã được xử lý, đun sôi để ăn uống;</li>
<li>Không ăn thực phẩm bị ngâm nước, ôi thiu, gia súc, gia cầm chết;</li>
<li>Vệ sinh nhà cửa, phun hóa chất khử khuẩn theo hướng dẫn của ngành y tế;</li>
<li>Đến cơ sở y tế ngay khi có dấu hiệu sốt, tiêu chảy, bệnh về da, mắt.</li>
</ul>
<p>Bộ Y tế đề nghị các địa phương giám sát chặt chẽ các bệnh truyền nhiễm thường gặp sau lũ như tiêu chảy, sốt xuất huyết, đau mắt đỏ, bệnh ngoài da để xử lý kịp thời, không để dịch bùng phát.</p>`,
    tags: ['mưa lũ', 'thuốc thiết yếu', 'vệ sinh môi trường'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 2,
    title: `Liên thông kết quả xét nghiệm, chẩn đoán hình ảnh giữa các bệnh viện: người bệnh không phải làm lại xét nghiệm`,
    summary: `Các bệnh viện được yêu cầu công nhận kết quả cận lâm sàng của nhau khi đáp ứng tiêu chuẩn chất lượng, giảm chi phí và thời gian cho người bệnh.`,
    body: `<p>Bộ Y tế vừa ban hành hướng dẫn về liên thông, công nhận kết quả xét nghiệm, chẩn đoán hình ảnh giữa các cơ sở khám bệnh, chữa bệnh. Theo đó, khi người bệnh chuyển cơ sở điều trị, kết quả cận lâm sàng đã thực hiện trong khoảng thời gian phù hợp sẽ được cơ sở tiếp nhận sử dụng, trừ trường hợp cần thiết về chuyên môn.</p>
<p>Để bảo đảm tin cậy, các phòng xét nghiệm tham gia liên thông phải đạt tiêu chuẩn chất lượng theo quy định; kết quả được chia sẻ qua hệ thống bệnh án điện tử và nền tảng dữ liệu y tế, có chữ ký số của người chịu trách nhiệm.</p>
<h2>Lợi ích cho người bệnh</h2>
<p>Việc liên thông kết quả giúp người bệnh tránh phải làm lại các xét nghiệm, chụp chiếu không cần thiết, tiết kiệm chi phí cho người dân và quỹ bảo hiểm y tế, đồng thời rút ngắn thời gian chờ đợi để được chẩn đoán, điều trị.</p>
<p>Bộ Y tế sẽ định kỳ công khai danh sách cơ sở có kết quả được liên thông và kiểm tra việc thực hiện tại các bệnh viện.</p>`,
    tags: ['liên thông xét nghiệm', 'bệnh viện', 'quyền lợi người bệnh'],
    translations: {
      en: {
        title: `Hospitals to share test and imaging results so patients need not repeat them`,
        summary: `Hospitals must accept each other's laboratory and imaging results that meet quality standards, saving patients time and money.`,
        body: `<p>The Ministry of Health has issued guidance requiring facilities to accept recent laboratory and imaging results when a patient transfers, unless clinically necessary to repeat them. Participating laboratories must meet quality standards, and results are shared digitally signed through electronic medical records and the health data platform.</p>
<p>Patients avoid unnecessary tests, and both households and the health insurance fund save money. The ministry will publish the list of participating facilities.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 6,
    title: `Bệnh viện tuyến trung ương chuyển giao hơn 200 kỹ thuật cho tuyến tỉnh`,
    summary: `Nhiều kỹ thuật cao như can thiệp tim mạch, phẫu thuật nội soi, lọc máu đã được thực hiện thường quy tại bệnh viện tỉnh, giảm tải cho tuyến trên.`,
    body: `<p>Thực hiện Đề án bệnh viện vệ tinh và chương trình chuyển giao kỹ thuật, các bệnh viện tuyến trung ương đã chuyển giao hơn 200 gói kỹ thuật cho các bệnh viện tuyến tỉnh trong năm nay, tập trung vào các chuyên khoa tim mạch, ung bướu, sản nhi, chấn thương chỉnh hình và hồi sức cấp cứu.</p>
<p>Sau chuyển giao, nhiều bệnh viện tỉnh đã làm chủ được các kỹ thuật như can thiệp mạch vành, phẫu thuật nội soi ổ bụng, điều trị hóa chất ung thư, hồi sức sơ sinh non tháng. Người bệnh được điều trị ngay tại địa phương với chi phí thấp hơn và thuận tiện cho gia đình.</p>
<h2>Hội chẩn từ xa</h2>
<p>Song song với chuyển giao kỹ thuật, hệ thống khám, chữa bệnh từ xa kết nối bệnh viện tuyến trung ương với tuyến tỉnh được duy trì thường xuyên. Các ca bệnh khó được hội chẩn trực tuyến, giúp bác sĩ địa phương có thêm căn cứ quyết định điều trị.</p>
<p>Bộ Y tế yêu cầu các bệnh viện nhận chuyển giao bố trí đủ nhân lực, trang thiết bị để duy trì kỹ thuật, tránh tình trạng chuyển giao xong nhưng không thực hiện được.</p>`,
    tags: ['chuyển giao kỹ thuật', 'bệnh viện vệ tinh', 'y tế tuyến tỉnh'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 11,
    title: `Thu hút bác sĩ trẻ về làm việc tại trạm y tế xã: nhiều địa phương có chính sách hỗ trợ riêng`,
    summary: `Bên cạnh chính sách chung của Nhà nước, nhiều tỉnh hỗ trợ thêm một lần, bố trí nhà công vụ và tạo điều kiện học chuyên khoa cho bác sĩ về cơ sở.`,
    body: `<p>Thiếu bác sĩ tại trạm y tế xã, nhất là ở vùng sâu, vùng xa, đang là một trong những khó khăn lớn của y tế cơ sở. Sau khi sắp xếp đơn vị hành chính, nhiều trạm y tế phụ trách địa bàn rộng hơn trong khi số bác sĩ chưa tăng tương ứng.</p>
<p>Để khắc phục, bên cạnh phụ cấp ưu đãi nghề theo quy định chung, nhiều địa phương đã ban hành chính sách hỗ trợ riêng: hỗ trợ một lần khi nhận công tác, bố trí nhà ở công vụ, hỗ trợ kinh phí đào tạo chuyên khoa cấp I sau thời gian cam kết công tác.</p>
<h2>Đào tạo theo địa chỉ sử dụng</h2>
<ul>
<li>Các trường đại học y dành chỉ tiêu đào tạo bác sĩ theo đặt hàng của địa phương;</li>
<li>Bác sĩ trẻ tình nguyện về vùng khó khăn được ưu tiên xét tuyển bác sĩ nội trú, chuyên khoa;</li>
<li>Bệnh viện tuyến trên luân phiên cử bác sĩ về hỗ trợ trạm y tế.</li>
</ul>
<p>Bộ Y tế đang tổng kết các mô hình hiệu quả để đề xuất chính sách chung, bảo đảm mỗi trạm y tế xã có bác sĩ làm việc thường xuyên.</p>`,
    tags: ['nhân lực y tế', 'trạm y tế xã', 'bác sĩ trẻ'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 19,
    title: `Tăng cường kiểm soát an toàn thực phẩm dịp cuối năm và Tết Nguyên đán`,
    summary: `Các đoàn kiểm tra liên ngành sẽ tập trung vào cơ sở sản xuất bánh kẹo, đồ uống, thực phẩm chế biến sẵn và bếp ăn tập thể.`,
    body: `<p>Ban Chỉ đạo liên ngành Trung ương về an toàn thực phẩm vừa ban hành kế hoạch kiểm tra, giám sát an toàn thực phẩm dịp cuối năm và Tết Nguyên đán. Đây là thời điểm nhu cầu tiêu thụ thực phẩm tăng cao, nguy cơ xảy ra ngộ độc thực phẩm và gian lận thương mại lớn.</p>
<p>Các đoàn kiểm tra sẽ tập trung vào cơ sở sản xuất, kinh doanh bánh, mứt, kẹo, rượu, bia, nước giải khát, thịt và sản phẩm từ thịt, thực phẩm bảo vệ sức khỏe; bếp ăn tập thể tại khu công nghiệp, trường học; dịch vụ ăn uống tại các điểm du lịch, lễ hội.</p>
<h2>Khuyến cáo người tiêu dùng</h2>
<ul>
<li>Lựa chọn thực phẩm có nguồn gốc rõ ràng, nhãn mác đầy đủ, còn hạn sử dụng;</li>
<li>Không sử dụng rượu không rõ nguồn gốc để phòng ngộ độc methanol;</li>
<li>Bảo quản thực phẩm chín và sống riêng biệt, ăn ngay sau khi nấu.</li>
</ul>
<p>Người dân phát hiện vi phạm về an toàn thực phẩm có thể phản ánh qua đường dây nóng của cơ quan quản lý an toàn thực phẩm tại địa phương.</p>`,
    tags: ['an toàn thực phẩm', 'Tết Nguyên đán', 'ngộ độc thực phẩm'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 27,
    title: `Lượng máu tiếp nhận tăng, các ngân hàng máu đủ dự trữ cho dịp cuối năm`,
    summary: `Phong trào hiến máu tình nguyện được duy trì đều đặn ở các trường đại học, khu công nghiệp, cơ quan; nhóm máu O và nhóm máu hiếm vẫn cần thêm người hiến.`,
    body: `<p>Theo Viện Huyết học – Truyền máu Trung ương, lượng máu tiếp nhận trong những tháng gần đây tăng so với cùng kỳ nhờ các ngày hội hiến máu được tổ chức thường xuyên tại trường đại học, khu công nghiệp và các cơ quan, doanh nghiệp.</p>
<p>Các ngân hàng máu khu vực hiện đủ dự trữ để đáp ứng nhu cầu cấp cứu, phẫu thuật trong dịp cuối năm – thời điểm số ca tai nạn giao thông thường tăng cao. Tuy nhiên, nhóm máu O và các nhóm máu hiếm như Rh âm vẫn thường xuyên ở mức cần bổ sung.</p>
<h2>Đăng ký hiến máu trực tuyến</h2>
<p>Người hiến máu có thể đăng ký lịch hiến, tra cứu kết quả xét nghiệm và lịch sử hiến máu qua ứng dụng của ngành huyết học. Chứng nhận hiến máu điện tử được cấp sau mỗi lần hiến và có giá trị như chứng nhận giấy.</p>
<p>Ngành y tế khuyến khích người dân khỏe mạnh từ 18 đến 60 tuổi tham gia hiến máu định kỳ, bảo đảm nguồn máu an toàn, ổn định quanh năm.</p>`,
    tags: ['hiến máu tình nguyện', 'ngân hàng máu', 'huyết học'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 34,
    title: `Đấu thầu tập trung thuốc cấp quốc gia giúp giảm đáng kể chi phí cho quỹ bảo hiểm y tế`,
    summary: `Giá trúng thầu nhiều loại thuốc thấp hơn giá kế hoạch; các bệnh viện được cung ứng ổn định, hạn chế tình trạng thiếu thuốc cục bộ.`,
    body: `<p>Trung tâm Mua sắm tập trung thuốc quốc gia đã hoàn thành lựa chọn nhà thầu cho danh mục thuốc đấu thầu tập trung cấp quốc gia giai đoạn mới, bao gồm nhiều thuốc điều trị ung thư, tim mạch, đái tháo đường và kháng sinh thế hệ mới.</p>
<p>Kết quả cho thấy giá trúng thầu bình quân thấp hơn đáng kể so với giá kế hoạch, giúp tiết kiệm cho quỹ bảo hiểm y tế và người bệnh. Thỏa thuận khung được ký với thời hạn dài, giúp các cơ sở y tế chủ động kế hoạch sử dụng thuốc.</p>
<h2>Bảo đảm cung ứng liên tục</h2>
<p>Các nhà thầu trúng thầu có trách nhiệm cung ứng đủ thuốc theo thỏa thuận khung; trường hợp không bảo đảm cung ứng sẽ bị xử lý theo quy định và không được tham gia các gói thầu tiếp theo. Bộ Y tế cũng đã ban hành quy định cho phép bệnh viện điều chuyển thuốc cho nhau khi cần thiết.</p>
<p>Kết quả lựa chọn nhà thầu được công khai trên Hệ thống mạng đấu thầu quốc gia và Cổng Thông tin điện tử Bộ Y tế.</p>`,
    tags: ['đấu thầu thuốc', 'bảo hiểm y tế', 'cung ứng thuốc'],
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 56,
    title: `Chăm sóc sức khỏe người cao tuổi tại cộng đồng: mở rộng mô hình câu lạc bộ liên thế hệ`,
    summary: `Người cao tuổi được khám định kỳ, tư vấn dinh dưỡng, tập luyện phục hồi chức năng ngay tại nơi sinh sống.`,
    body: `<p>Việt Nam là một trong những quốc gia có tốc độ già hóa dân số nhanh. Nhân dịp Ngày Quốc tế Người cao tuổi, Bộ Y tế phát động mở rộng các mô hình chăm sóc sức khỏe người cao tuổi dựa vào cộng đồng.</p>
<p>Trong đó, câu lạc bộ liên thế hệ tự giúp nhau là mô hình được đánh giá hiệu quả: người cao tuổi được đo huyết áp, đường huyết định kỳ; được hướng dẫn chế độ ăn, luyện tập phù hợp; được hỗ trợ kết nối với trạm y tế khi có vấn đề sức khỏe.</p>
<h2>Chuẩn bị cho xã hội già hóa</h2>
<ul>
<li>Phát triển khoa lão khoa tại bệnh viện tuyến tỉnh;</li>
<li>Đào tạo nhân viên chăm sóc người cao tuổi tại gia đình;</li>
<li>Lồng ghép quản lý bệnh mạn tính của người cao tuổi vào hoạt động trạm y tế xã.</li>
</ul>
<p>Bộ Y tế khuyến khích các tổ chức xã hội, doanh nghiệp tham gia cung cấp dịch vụ chăm sóc dài hạn cho người cao tuổi với chất lượng bảo đảm, chi phí hợp lý.</p>`,
    tags: ['người cao tuổi', 'già hóa dân số', 'y tế cộng đồng'],
    translations: {
      en: {
        title: `Community care for older people: expanding intergenerational self-help clubs`,
        summary: `Older people receive regular check-ups, nutrition advice and rehabilitation exercises where they live.`,
        body: `<p>Viet Nam's population is ageing fast. On the International Day of Older Persons the ministry launched an expansion of community-based care, especially intergenerational self-help clubs where members have their blood pressure and blood sugar checked, learn about diet and exercise and are linked to the commune health station.</p>
<p>The ministry also plans geriatric departments in provincial hospitals, training for home carers and integration of chronic disease management into commune health stations.</p>`,
      },
    },
  },
  // ── Chuyên trang Phòng, chống dịch bệnh ──────────────────────────────
  {
    type: 'news',
    section: 'phong-chong-dich-benh',
    daysAgo: 1,
    title: `Số ca mắc sốt xuất huyết giảm nhưng nguy cơ vẫn cao sau mưa lũ`,
    summary: `Bộ Y tế đề nghị các địa phương duy trì chiến dịch diệt lăng quăng, bọ gậy, đặc biệt tại các khu vực vừa bị ngập lụt.`,
    body: `<p>Theo báo cáo của Cục Phòng bệnh, số ca mắc sốt xuất huyết tích lũy từ đầu năm giảm so với cùng kỳ năm trước; số ca tử vong cũng giảm. Tuy nhiên, sau các đợt mưa lũ, nhiều dụng cụ chứa nước, vật phế thải đọng nước tạo điều kiện cho muỗi vằn sinh sản, nguy cơ dịch bùng phát trở lại là rất lớn.</p>
<p>Bộ Y tế đề nghị các địa phương tổ chức chiến dịch vệ sinh môi trường, diệt lăng quăng, bọ gậy ngay sau khi nước rút; giám sát chặt chẽ các ổ dịch, xử lý triệt để trong 48 giờ kể từ khi phát hiện.</p>
<h2>Dấu hiệu cần đến cơ sở y tế ngay</h2>
<ul>
<li>Sốt cao liên tục, đau bụng, nôn nhiều;</li>
<li>Chảy máu cam, chảy máu chân răng, xuất huyết dưới da;</li>
<li>Mệt lả, li bì, chân tay lạnh.</li>
</ul>
<p>Người dân không tự ý truyền dịch, dùng thuốc hạ sốt nhóm aspirin khi nghi mắc sốt xuất huyết; cần đến cơ sở y tế để được thăm khám và theo dõi đúng hướng dẫn chuyên môn.</p>`,
    tags: ['sốt xuất huyết', 'phòng chống dịch', 'sau lũ'],
    translations: {
      en: {
        title: `Dengue cases fall, but risk remains high after floods`,
        summary: `Provinces should keep up larva-control campaigns, especially in recently flooded areas.`,
        body: `<p>The Department of Disease Prevention reports fewer dengue cases and deaths this year than last, but standing water after floods creates breeding grounds for Aedes mosquitoes. Localities must clean up and destroy larvae as soon as waters recede and handle each outbreak within 48 hours.</p>
<p>People should seek care immediately for persistent high fever, abdominal pain, vomiting, bleeding or lethargy, and should not self-administer infusions or aspirin.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'canh-bao-dich-benh',
    daysAgo: 9,
    title: `Khuyến cáo phòng bệnh cúm mùa khi thời tiết chuyển lạnh`,
    summary: `Người cao tuổi, trẻ nhỏ, phụ nữ mang thai và người có bệnh nền nên tiêm vắc xin cúm hằng năm và chủ động giữ ấm cơ thể.`,
    body: `<p>Thời tiết chuyển lạnh, độ ẩm thay đổi là điều kiện thuận lợi để vi rút cúm lây lan. Bộ Y tế khuyến cáo người dân chủ động thực hiện các biện pháp phòng bệnh, đặc biệt đối với nhóm có nguy cơ cao.</p>
<h2>Biện pháp phòng bệnh</h2>
<ol>
<li>Tiêm vắc xin cúm hằng năm, nhất là người cao tuổi, trẻ từ 6 tháng tuổi, phụ nữ mang thai, người mắc bệnh mạn tính;</li>
<li>Che miệng, mũi khi ho, hắt hơi; rửa tay thường xuyên bằng xà phòng;</li>
<li>Đeo khẩu trang nơi đông người, trên phương tiện giao thông công cộng;</li>
<li>Giữ ấm cơ thể, ăn uống đủ chất, tăng cường sức đề kháng.</li>
</ol>
<p>Khi có triệu chứng sốt, ho, đau họng, đau mỏi người, cần nghỉ ngơi, hạn chế tiếp xúc và đến cơ sở y tế nếu sốt cao kéo dài hoặc khó thở. Không tự ý sử dụng kháng sinh khi chưa có chỉ định của bác sĩ.</p>
<p>Các cơ sở khám bệnh, chữa bệnh được yêu cầu chuẩn bị đủ thuốc, phương tiện và phân luồng người bệnh có triệu chứng hô hấp, tránh lây nhiễm chéo.</p>`,
    tags: ['cúm mùa', 'vắc xin', 'khuyến cáo'],
  },
  {
    type: 'news',
    section: 'phong-chong-dich-benh',
    daysAgo: 24,
    title: `Chiến dịch tiêm bổ sung vắc xin sởi cho trẻ em tại các địa bàn nguy cơ cao`,
    summary: `Trẻ từ 1 đến 10 tuổi chưa tiêm đủ mũi vắc xin sởi sẽ được tiêm miễn phí tại trạm y tế và trường học trong chiến dịch.`,
    body: `<p>Trước nguy cơ bệnh sởi quay trở lại ở một số địa phương có tỷ lệ tiêm chủng thấp, Bộ Y tế đã phê duyệt kế hoạch chiến dịch tiêm bổ sung vắc xin sởi cho trẻ em từ 1 đến 10 tuổi tại các địa bàn nguy cơ cao.</p>
<p>Trẻ em trong độ tuổi, chưa tiêm hoặc chưa tiêm đủ liều vắc xin có thành phần sởi, sẽ được tiêm miễn phí tại trạm y tế xã và các điểm tiêm tại trường học. Cha mẹ có thể tra cứu lịch sử tiêm chủng của con trên hệ thống quản lý tiêm chủng điện tử.</p>
<h2>An toàn tiêm chủng</h2>
<p>Các điểm tiêm được bố trí đủ nhân lực, phương tiện xử trí phản ứng sau tiêm; trẻ được khám sàng lọc trước tiêm và theo dõi 30 phút sau tiêm. Cha mẹ cần tiếp tục theo dõi trẻ tại nhà trong 24 giờ và đưa đến cơ sở y tế nếu có dấu hiệu bất thường.</p>
<p>Bộ Y tế khẳng định vắc xin là biện pháp hiệu quả nhất để phòng bệnh sởi và khuyến cáo các gia đình đưa trẻ đi tiêm đầy đủ, đúng lịch.</p>`,
    tags: ['sởi', 'tiêm chủng', 'trẻ em'],
    translations: {
      en: {
        title: `Supplementary measles vaccination campaign for children in high-risk areas`,
        summary: `Children aged 1 to 10 who have not completed their measles doses will be vaccinated free of charge at health stations and schools.`,
        body: `<p>With measles at risk of returning where coverage is low, the ministry approved a supplementary campaign for children aged 1–10 who have missed doses. Vaccination is free at commune health stations and school sites, and parents can check records in the electronic immunisation system.</p>
<p>Children are screened before vaccination and observed for 30 minutes afterwards; parents should watch them for 24 hours at home.</p>`,
      },
    },
  },
  // ── Chuyên trang Bảo hiểm y tế toàn dân ──────────────────────────────
  {
    type: 'news',
    section: 'bao-hiem-y-te',
    daysAgo: 14,
    title: `Tỷ lệ bao phủ bảo hiểm y tế tiếp tục tăng, hướng tới mục tiêu bảo hiểm y tế toàn dân`,
    summary: `Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 94%; Nhà nước tăng mức hỗ trợ đóng cho nhiều nhóm đối tượng.`,
    body: `<p>Theo số liệu của cơ quan bảo hiểm xã hội, tỷ lệ dân số tham gia bảo hiểm y tế tiếp tục tăng, đạt trên 94%. Nhiều tỉnh, thành phố đã đạt tỷ lệ bao phủ trên 95%.</p>
<p>Từ năm nay, Nhà nước tăng mức hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ cận nghèo, học sinh, sinh viên và người thuộc hộ gia đình làm nông, lâm, ngư nghiệp có mức sống trung bình; nhiều địa phương hỗ trợ thêm từ ngân sách địa phương cho người cao tuổi.</p>
<h2>Quyền lợi được mở rộng</h2>
<ul>
<li>Người tham gia được khám, chữa bệnh tại cơ sở ban đầu bất kỳ trong phạm vi tỉnh;</li>
<li>Danh mục thuốc, dịch vụ kỹ thuật được quỹ chi trả tiếp tục được mở rộng;</li>
<li>Thẻ bảo hiểm y tế được sử dụng bằng căn cước hoặc ứng dụng định danh điện tử.</li>
</ul>
<p>Bộ Y tế đề nghị các địa phương tập trung vận động nhóm lao động tự do, hộ kinh doanh tham gia bảo hiểm y tế hộ gia đình; đồng thời nâng chất lượng khám, chữa bệnh tại tuyến cơ sở để người tham gia được hưởng quyền lợi tốt hơn.</p>`,
    tags: ['bảo hiểm y tế', 'bao phủ', 'an sinh xã hội'],
    translations: {
      en: {
        title: `Health insurance coverage keeps rising towards universal coverage`,
        summary: `More than 94 per cent of the population is insured, and the State has raised contribution subsidies for several groups.`,
        body: `<p>Health insurance now covers more than 94 per cent of the population, with many provinces above 95 per cent. This year the State increased contribution subsidies for near-poor households, students and middle-income farming, forestry and fishing households.</p>
<p>Members may register with any primary care facility in their province, the benefit package keeps expanding and the card can be replaced by the citizen ID or the e-ID app. Provinces are asked to focus on informal workers and household businesses.</p>`,
      },
    },
  },
  // ── Chuyên trang Y tế số ─────────────────────────────────────────────
  {
    type: 'news',
    section: 'y-te-so',
    daysAgo: 4,
    title: `Bệnh án điện tử: phần lớn bệnh viện đã thay thế bệnh án giấy`,
    summary: `Các bệnh viện triển khai bệnh án điện tử giảm đáng kể chi phí in ấn, lưu trữ; người bệnh không còn phải mang theo phim chụp, kết quả xét nghiệm giấy.`,
    body: `<p>Theo Cục Khoa học công nghệ và Đào tạo, phần lớn bệnh viện trên cả nước đã triển khai bệnh án điện tử, trong đó toàn bộ bệnh viện tuyến trung ương đã chính thức thay thế bệnh án giấy.</p>
<p>Với bệnh án điện tử, mọi thông tin khám, chữa bệnh, y lệnh, kết quả xét nghiệm và chẩn đoán hình ảnh được lưu trữ số, có chữ ký số của người thực hiện. Bác sĩ có thể tra cứu toàn bộ lịch sử điều trị của người bệnh ngay trên máy tính; người bệnh không còn phải mang theo phim chụp, kết quả giấy khi tái khám.</p>
<h2>Những khó khăn còn lại</h2>
<p>Một số bệnh viện tuyến tỉnh và phần lớn trung tâm y tế khu vực vẫn gặp khó khăn về kinh phí đầu tư hạ tầng, bảo đảm an toàn thông tin và nhân lực công nghệ thông tin. Việc kết nối, liên thông dữ liệu giữa các phần mềm của nhiều nhà cung cấp khác nhau còn chưa đồng bộ.</p>
<p>Bộ Y tế đang hoàn thiện bộ tiêu chuẩn dữ liệu y tế dùng chung, bảo đảm bệnh án điện tử của các cơ sở có thể trao đổi thông tin với nhau và với hồ sơ sức khỏe điện tử của người dân.</p>`,
    tags: ['bệnh án điện tử', 'y tế số', 'chuyển đổi số'],
    translations: {
      en: {
        title: `Electronic medical records: most hospitals have replaced paper files`,
        summary: `Hospitals using electronic records save on printing and storage, and patients no longer carry films and paper test results.`,
        body: `<p>Most hospitals nationwide now use electronic medical records, and all central hospitals have fully replaced paper. Orders, results and images are stored digitally with digital signatures, giving doctors the full treatment history on screen.</p>
<p>Some provincial hospitals and regional health centres still lack funds, security and IT staff, and data exchange between vendors is uneven. The ministry is finalising common health data standards so records can be exchanged with each other and with citizens' electronic health records.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'y-te-so',
    daysAgo: 48,
    title: `Giấy khám sức khỏe lái xe điện tử được liên thông với cơ quan cấp giấy phép lái xe`,
    summary: `Kết quả khám sức khỏe được gửi tự động từ cơ sở y tế, người dân không phải nộp bản giấy khi đổi, cấp giấy phép lái xe.`,
    body: `<p>Các cơ sở khám bệnh, chữa bệnh đủ điều kiện khám sức khỏe cho người lái xe đã thực hiện liên thông giấy khám sức khỏe điện tử với hệ thống cấp giấy phép lái xe. Sau khi khám, kết quả được ký số và gửi lên hệ thống, đồng thời cập nhật vào sổ sức khỏe điện tử của người dân.</p>
<p>Khi làm thủ tục cấp, đổi giấy phép lái xe, người dân chỉ cần khai báo đã khám sức khỏe; cơ quan giải quyết tự động tra cứu kết quả, không yêu cầu nộp bản giấy.</p>
<h2>Lưu ý cho người dân</h2>
<p>Người dân nên lựa chọn cơ sở y tế có tên trong danh sách đã kết nối liên thông được công bố trên Cổng Thông tin điện tử Bộ Y tế. Thông tin cá nhân khai báo khi khám phải trùng khớp với Cơ sở dữ liệu quốc gia về dân cư để hệ thống có thể đối chiếu.</p>
<p>Bộ Y tế sẽ tiếp tục mở rộng liên thông giấy chứng sinh, giấy báo tử và giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội trong thời gian tới.</p>`,
    tags: ['giấy khám sức khỏe điện tử', 'liên thông', 'giấy phép lái xe'],
  },
];
