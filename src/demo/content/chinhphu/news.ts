import type { DemoItem } from '../../types.ts';

// Tin tức của Cổng Thông tin điện tử Chính phủ (kể cả tin trên các chuyên trang).
export const chinhphuNews: DemoItem[] = [
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0,
    title: `Thủ tướng chủ trì Phiên họp Chính phủ thường kỳ: giữ vững đà tăng trưởng trong những tháng cuối năm`,
    summary: `Phiên họp đánh giá tình hình kinh tế – xã hội tháng qua, thống nhất các giải pháp bảo đảm hoàn thành chỉ tiêu tăng trưởng cả năm và chuẩn bị kế hoạch cho năm tới.`,
    body: `<p>Sáng nay, tại trụ sở Chính phủ, Thủ tướng Chính phủ chủ trì Phiên họp Chính phủ thường kỳ, kết nối trực tuyến với Ủy ban nhân dân 34 tỉnh, thành phố. Phiên họp tập trung đánh giá tình hình kinh tế – xã hội, tiến độ giải ngân vốn đầu tư công, việc thực hiện ba đột phá chiến lược và công tác chuẩn bị cho kế hoạch năm tới.</p>
<p>Theo báo cáo của Bộ Tài chính, kinh tế vĩ mô tiếp tục ổn định, lạm phát được kiểm soát, các cân đối lớn được bảo đảm. Sản xuất công nghiệp duy trì xu hướng tăng, kim ngạch xuất khẩu hàng hóa đạt mức cao, khách quốc tế đến Việt Nam tăng khá so với cùng kỳ. Thu ngân sách nhà nước vượt tiến độ dự toán, tạo dư địa cho chi đầu tư phát triển và bảo đảm an sinh xã hội.</p>
<h2>Không chủ quan trước những khó khăn, thách thức</h2>
<p>Phát biểu kết luận, Thủ tướng đánh giá cao sự vào cuộc đồng bộ của các bộ, ngành, địa phương, đồng thời chỉ rõ những tồn tại cần khắc phục: giải ngân vốn đầu tư công ở một số nơi còn chậm; thị trường bất động sản chưa phục hồi đồng đều; thủ tục hành chính ở một số lĩnh vực vẫn còn phiền hà; thiên tai diễn biến cực đoan, khó lường.</p>
<blockquote>“Mỗi bộ, ngành, địa phương phải rà soát từng chỉ tiêu, từng công trình, từng nhiệm vụ còn dở dang; việc gì đã rõ thì làm ngay, việc gì vướng thì báo cáo để tháo gỡ kịp thời.”</blockquote>
<p>Thủ tướng yêu cầu tập trung cao độ cho các nhiệm vụ trọng tâm:</p>
<ul>
<li>Điều hành chính sách tiền tệ chủ động, linh hoạt, phối hợp chặt chẽ với chính sách tài khóa mở rộng có trọng tâm, trọng điểm;</li>
<li>Đẩy nhanh giải ngân vốn đầu tư công, phấn đấu giải ngân trên 95% kế hoạch được giao;</li>
<li>Khẩn trương khắc phục hậu quả mưa lũ, sớm ổn định đời sống người dân vùng bị ảnh hưởng;</li>
<li>Chuẩn bị chu đáo hàng hóa, bảo đảm cung cầu, bình ổn giá cả dịp cuối năm.</li>
</ul>
<p>Cũng tại phiên họp, Chính phủ thảo luận, cho ý kiến về dự thảo Nghị quyết về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế – xã hội và dự toán ngân sách nhà nước năm tới.</p>`,
    tags: ['Phiên họp Chính phủ', 'kinh tế – xã hội', 'tăng trưởng'],
    translations: {
      en: {
        title: `Prime Minister chairs regular Government meeting: sustaining growth momentum in the final months of the year`,
        summary: `The meeting reviewed last month's socio-economic performance and agreed on measures to meet this year's growth target and prepare next year's plan.`,
        body: `<p>The Prime Minister this morning chaired the Government's regular monthly meeting, connected online with the People's Committees of all 34 provinces and cities. The meeting reviewed the socio-economic situation, the disbursement of public investment and preparations for next year's plan.</p>
<p>According to the Ministry of Finance, the macro-economy remains stable, inflation is under control, industrial output keeps rising and state budget revenue is ahead of schedule, leaving room for development spending and social security.</p>
<p>The Prime Minister asked ministries and localities to review every target and unfinished project, to speed up public investment disbursement to above 95 per cent of the plan, to overcome the consequences of recent floods and to secure the supply of goods for the year-end holidays.</p>`,
      },
      zh: {
        title: `政府总理主持政府例行会议：在年末几个月保持增长势头`,
        summary: `会议评估了上月经济社会形势，商定了完成全年增长目标和筹备明年计划的各项措施。`,
        body: `<p>今天上午，政府总理在政府总部主持召开政府例行会议，并以视频方式连线全国34个省市人民委员会。会议重点评估了经济社会形势、公共投资资金拨付进度以及明年计划的筹备工作。</p>
<p>总理要求各部委和地方逐一审查各项指标和未完成项目，加快公共投资拨付，力争完成计划的95%以上；尽快克服洪涝灾害后果，稳定受灾群众生活；做好年末商品供应和物价稳定工作。</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 0.4,
    title: `Chính phủ họp chuyên đề xây dựng pháp luật, cho ý kiến 6 dự án luật quan trọng`,
    summary: `Các dự án luật được thảo luận tập trung vào tháo gỡ điểm nghẽn thể chế trong đầu tư, đất đai, khoa học công nghệ và phân cấp cho chính quyền địa phương.`,
    body: `<p>Ngay sau Phiên họp thường kỳ, Chính phủ tiến hành phiên họp chuyên đề về xây dựng pháp luật dưới sự chủ trì của Thủ tướng Chính phủ. Chính phủ đã thảo luận, cho ý kiến về sáu dự án luật và hai đề nghị xây dựng luật thuộc các lĩnh vực đầu tư, đất đai, khoa học và công nghệ, quản lý thuế và tổ chức chính quyền địa phương.</p>
<p>Các thành viên Chính phủ cơ bản thống nhất với quan điểm của các cơ quan chủ trì soạn thảo: luật chỉ quy định những vấn đề khung, có tính nguyên tắc; những nội dung thường xuyên biến động giao Chính phủ, các bộ quy định chi tiết để bảo đảm linh hoạt trong điều hành.</p>
<h2>Phân cấp mạnh, gắn với kiểm soát quyền lực</h2>
<p>Kết luận phiên họp, Thủ tướng nhấn mạnh yêu cầu đổi mới tư duy xây dựng pháp luật theo hướng vừa quản lý chặt chẽ, vừa kiến tạo phát triển; kiên quyết từ bỏ tư duy “không quản được thì cấm”. Việc phân cấp, phân quyền cho địa phương phải đi đôi với phân bổ nguồn lực, nâng cao năng lực thực thi và tăng cường kiểm tra, giám sát.</p>
<p>Thủ tướng giao các bộ chủ trì tiếp thu tối đa ý kiến thành viên Chính phủ, hoàn thiện hồ sơ dự án luật, bảo đảm chất lượng và đúng tiến độ trình Quốc hội. Bộ Tư pháp được giao thẩm định chặt chẽ tính thống nhất của hệ thống pháp luật, tránh chồng chéo, mâu thuẫn giữa các luật.</p>`,
    tags: ['xây dựng pháp luật', 'thể chế', 'phân cấp'],
    translations: {
      en: {
        title: `Government holds thematic meeting on law-making, discusses six major draft laws`,
        summary: `The draft laws aim to remove institutional bottlenecks in investment, land, science and technology and decentralisation to local authorities.`,
        body: `<p>Right after its regular meeting, the Government held a thematic session on law-making chaired by the Prime Minister. Members discussed six draft laws and two law-making proposals in the fields of investment, land, science and technology, tax administration and local government.</p>
<p>The Prime Minister called for a new way of drafting laws that both manages effectively and enables development, abandoning the mindset of banning what cannot be managed. Decentralisation must go hand in hand with resources, implementation capacity and stronger oversight.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 1,
    title: `Phó Thủ tướng kiểm tra tiến độ các dự án cao tốc trọng điểm khu vực miền Trung`,
    summary: `Phó Thủ tướng yêu cầu chủ đầu tư và nhà thầu tranh thủ thời tiết thuận lợi, tổ chức thi công “ba ca, bốn kíp”, bảo đảm hoàn thành các gói thầu đúng cam kết.`,
    body: `<p>Trong chuyến công tác tại các tỉnh miền Trung, Phó Thủ tướng Chính phủ đã đi kiểm tra hiện trường một số dự án thành phần đường bộ cao tốc Bắc – Nam phía Đông và các tuyến cao tốc kết nối ngang, làm việc với lãnh đạo địa phương, chủ đầu tư và các nhà thầu.</p>
<p>Báo cáo tại buổi làm việc cho thấy sản lượng thi công của phần lớn các gói thầu đạt và vượt kế hoạch. Tuy nhiên, mưa lũ kéo dài trong thời gian qua đã làm gián đoạn thi công nền đường ở một số đoạn; nguồn vật liệu đắp nền tại một vài mỏ chưa đáp ứng đủ công suất.</p>
<h2>Tháo gỡ dứt điểm vướng mắc về mặt bằng và vật liệu</h2>
<p>Phó Thủ tướng đề nghị các địa phương hoàn thành bàn giao phần mặt bằng còn lại trong tháng này, đồng thời đẩy nhanh thủ tục cấp phép khai thác mỏ vật liệu theo cơ chế đặc thù đã được Quốc hội cho phép. Bộ Xây dựng được giao theo dõi sát từng gói thầu, kịp thời xử lý phát sinh, không để xảy ra tình trạng chờ đợi kéo dài.</p>
<ul>
<li>Tổ chức thi công tăng ca, tăng kíp tại các đoạn không bị ảnh hưởng bởi thời tiết;</li>
<li>Kiểm soát chặt chẽ chất lượng công trình, an toàn lao động và vệ sinh môi trường;</li>
<li>Quan tâm đời sống, sinh kế của người dân tái định cư.</li>
</ul>
<p>Phó Thủ tướng khẳng định đây là các công trình có ý nghĩa chiến lược, góp phần mở rộng không gian phát triển, giảm chi phí logistics và tăng sức cạnh tranh của nền kinh tế.</p>`,
    tags: ['cao tốc Bắc – Nam', 'hạ tầng giao thông', 'đầu tư công'],
    translations: {
      en: {
        title: `Deputy Prime Minister inspects progress of key expressway projects in the central region`,
        summary: `Contractors were asked to make the most of favourable weather and work in round-the-clock shifts to finish the packages on schedule.`,
        body: `<p>On a working trip to the central provinces, the Deputy Prime Minister inspected several component projects of the eastern North–South Expressway and connecting east–west routes, meeting local leaders, project owners and contractors.</p>
<p>Most packages have met or exceeded their output plans, but prolonged rain has interrupted embankment works on some sections. The Deputy Prime Minister asked localities to hand over the remaining land this month and speed up licensing of material quarries, and asked the Ministry of Construction to follow every package closely.</p>`,
      },
      zh: {
        title: `副总理检查中部地区重点高速公路项目进度`,
        summary: `副总理要求业主和承包商利用有利天气，实行“三班四倒”施工，确保按承诺完成各标段。`,
        body: `<p>副总理在中部各省工作期间，实地检查了北南东部高速公路部分项目和横向连接高速公路，并与地方领导、业主和承包商举行工作会议。</p>
<p>副总理要求地方本月内完成剩余用地移交，加快材料矿场审批手续；建设部要密切跟踪每个标段，及时解决出现的问题，同时严格控制工程质量和劳动安全。</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 3,
    title: `Thủ tướng: Giải ngân vốn đầu tư công là nhiệm vụ chính trị hàng đầu trong quý IV`,
    summary: `Tại hội nghị trực tuyến với các bộ, ngành, địa phương, Thủ tướng yêu cầu người đứng đầu chịu trách nhiệm trực tiếp về kết quả giải ngân của cơ quan, đơn vị mình.`,
    body: `<p>Thủ tướng Chính phủ vừa chủ trì hội nghị trực tuyến toàn quốc về thúc đẩy giải ngân vốn đầu tư công. Hội nghị được kết nối tới trụ sở Ủy ban nhân dân các tỉnh, thành phố và các bộ, cơ quan trung ương có kế hoạch vốn lớn.</p>
<p>Theo số liệu tổng hợp, tỷ lệ giải ngân tính đến hết tháng trước của cả nước cao hơn cùng kỳ năm ngoái cả về tỷ lệ và số tuyệt đối. Có 12 bộ, cơ quan và 18 địa phương đạt tỷ lệ giải ngân trên mức trung bình; tuy nhiên vẫn còn một số đơn vị giải ngân dưới 40% kế hoạch.</p>
<table>
<thead><tr><th>Nhóm</th><th>Số đơn vị</th><th>Ghi chú</th></tr></thead>
<tbody>
<tr><td>Giải ngân trên mức bình quân cả nước</td><td>30</td><td>12 bộ, cơ quan và 18 địa phương</td></tr>
<tr><td>Giải ngân từ 40% đến mức bình quân</td><td>21</td><td>Cần bám sát tiến độ từng dự án</td></tr>
<tr><td>Giải ngân dưới 40%</td><td>7</td><td>Phải có kế hoạch khắc phục cụ thể</td></tr>
</tbody>
</table>
<p>Nguyên nhân chủ yếu được chỉ ra là vướng mắc trong giải phóng mặt bằng, điều chỉnh dự án, năng lực của một số chủ đầu tư và nhà thầu còn hạn chế; một số nơi còn tâm lý sợ sai, né tránh trách nhiệm.</p>
<blockquote>“Giải ngân vốn đầu tư công không chỉ là con số; mỗi đồng vốn được giải ngân đúng, đủ, hiệu quả là góp phần tạo việc làm, tăng trưởng và nâng cao đời sống nhân dân.”</blockquote>
<p>Thủ tướng yêu cầu điều chuyển kịp thời vốn từ các dự án chậm giải ngân sang dự án có nhu cầu và khả năng hấp thụ; xử lý nghiêm cán bộ cố tình gây khó khăn, cản trở tiến độ. Các tổ công tác của Thủ tướng tiếp tục đi kiểm tra, đôn đốc tại các địa phương trong tháng tới.</p>`,
    tags: ['đầu tư công', 'giải ngân', 'hội nghị trực tuyến'],
    translations: {
      en: {
        title: `Prime Minister: Public investment disbursement is the top political task in the fourth quarter`,
        summary: `At an online conference with ministries and localities, the Prime Minister said heads of agencies are personally accountable for their disbursement results.`,
        body: `<p>The Prime Minister chaired a nationwide online conference on accelerating public investment disbursement, connected with all provincial People's Committees and central agencies with large capital plans.</p>
<p>Disbursement to the end of last month was higher than a year earlier, with 30 ministries and localities above the national average, but seven units remain below 40 per cent. Land clearance, project adjustments and weak capacity of some investors were cited as the main causes.</p>
<p>The Prime Minister ordered funds to be reallocated from slow projects to those able to absorb them and strict handling of officials who obstruct progress.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 5,
    title: `Chính quyền địa phương hai cấp sau hơn một năm vận hành: gần dân hơn, phục vụ tốt hơn`,
    summary: `Báo cáo sơ kết cho thấy phần lớn thủ tục hành chính được giải quyết ngay tại cấp xã; mức độ hài lòng của người dân, doanh nghiệp tăng so với trước khi sắp xếp.`,
    body: `<p>Bộ Nội vụ vừa hoàn thành báo cáo sơ kết việc tổ chức chính quyền địa phương hai cấp trên phạm vi cả nước. Sau hơn một năm vận hành, 34 tỉnh, thành phố và 3.321 đơn vị hành chính cấp xã đã cơ bản ổn định tổ chức bộ máy, bố trí đội ngũ cán bộ và bảo đảm điều kiện làm việc.</p>
<h2>Thủ tục hành chính được giải quyết gần dân hơn</h2>
<p>Việc phân cấp mạnh cho cấp xã giúp nhiều thủ tục trước đây phải lên cấp huyện nay được tiếp nhận và trả kết quả ngay tại Trung tâm phục vụ hành chính công cấp xã. Nhiều địa phương tổ chức tiếp nhận hồ sơ không phụ thuộc địa giới hành chính, người dân có thể nộp hồ sơ tại bất kỳ điểm tiếp nhận nào trong tỉnh.</p>
<ul>
<li>Phần lớn hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn;</li>
<li>Tỷ lệ hồ sơ nộp trực tuyến tăng rõ rệt, nhất là ở khu vực đô thị;</li>
<li>Các cuộc khảo sát độc lập ghi nhận mức độ hài lòng của người dân tăng so với trước khi sắp xếp.</li>
</ul>
<p>Bên cạnh kết quả đạt được, báo cáo cũng chỉ ra một số khó khăn: năng lực của một bộ phận cán bộ cấp xã chưa đáp ứng yêu cầu nhiệm vụ mới, nhất là trong các lĩnh vực đất đai, xây dựng, tài chính; hạ tầng công nghệ thông tin ở vùng sâu, vùng xa còn hạn chế.</p>
<p>Bộ Nội vụ kiến nghị tiếp tục hoàn thiện thể chế về phân cấp, phân quyền; tăng cường đào tạo, bồi dưỡng và luân chuyển cán bộ có chuyên môn về cơ sở; ưu tiên đầu tư hạ tầng số cho các xã khó khăn.</p>`,
    tags: ['chính quyền hai cấp', 'cải cách hành chính', 'cấp xã'],
    translations: {
      en: {
        title: `Two-tier local government after more than a year: closer to citizens, better service`,
        summary: `Most administrative procedures are now settled at commune level and citizen satisfaction has risen compared with before the reorganisation.`,
        body: `<p>The Ministry of Home Affairs has reviewed the first year of two-tier local government. The 34 provinces and cities and 3,321 commune-level units have stabilised their structures, staffing and working conditions.</p>
<p>Many procedures that previously went to district level are now received and returned at commune public administration service centres, and many provinces accept applications regardless of administrative boundaries. Remaining challenges include the capacity of some commune staff and weak IT infrastructure in remote areas.</p>`,
      },
      zh: {
        title: `两级地方政府运行一年多：更贴近民众，服务更好`,
        summary: `初步总结显示，大部分行政手续在乡级即可办结，民众和企业的满意度较机构调整前有所提高。`,
        body: `<p>内务部刚刚完成全国两级地方政府组织运行情况的初步总结报告。运行一年多来，34个省市和3321个乡级行政单位已基本稳定机构、人员配置和工作条件。</p>
<p>向乡级大力下放权限后，许多原先需到县级办理的手续现在可在乡级行政公共服务中心直接受理和返还结果。报告同时指出，部分乡级干部能力尚不适应新任务，偏远地区信息技术基础设施仍较薄弱。</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 8,
    title: `Thủ tướng tiếp đoàn doanh nghiệp Nhật Bản, khuyến khích mở rộng đầu tư vào công nghệ cao`,
    summary: `Thủ tướng mong muốn các doanh nghiệp Nhật Bản tăng cường chuyển giao công nghệ, đào tạo nhân lực và tham gia sâu hơn vào chuỗi cung ứng tại Việt Nam.`,
    body: `<p>Tại trụ sở Chính phủ, Thủ tướng Chính phủ đã tiếp đoàn đại biểu gồm lãnh đạo hơn 30 tập đoàn, doanh nghiệp Nhật Bản đang hoạt động trong các lĩnh vực điện tử, cơ khí chính xác, năng lượng, hạ tầng và dịch vụ tài chính.</p>
<p>Thủ tướng đánh giá cao đóng góp của cộng đồng doanh nghiệp Nhật Bản đối với sự phát triển kinh tế – xã hội của Việt Nam; cho biết Nhật Bản tiếp tục là một trong những đối tác hàng đầu của Việt Nam về vốn vay ưu đãi, đầu tư trực tiếp, thương mại và lao động.</p>
<h2>Ba “cùng” trong hợp tác</h2>
<p>Thủ tướng đề nghị doanh nghiệp Nhật Bản cùng Việt Nam thực hiện phương châm “lợi ích hài hòa, rủi ro chia sẻ”, tập trung vào các lĩnh vực: sản xuất chip bán dẫn, trí tuệ nhân tạo, chuyển đổi xanh, hạ tầng chiến lược và đào tạo nguồn nhân lực chất lượng cao. Chính phủ Việt Nam cam kết tiếp tục cải thiện môi trường đầu tư kinh doanh, cắt giảm thủ tục, bảo đảm quyền và lợi ích hợp pháp của nhà đầu tư.</p>
<p>Đại diện phía Nhật Bản cho biết nhiều doanh nghiệp đang xem xét mở rộng nhà máy và trung tâm nghiên cứu, phát triển tại Việt Nam; đồng thời kiến nghị đơn giản hóa hơn nữa thủ tục cấp giấy phép lao động cho chuyên gia và thủ tục hoàn thuế giá trị gia tăng.</p>
<p>Thủ tướng giao Bộ Tài chính, Bộ Nội vụ và các cơ quan liên quan nghiên cứu, xử lý kịp thời các kiến nghị trong phạm vi thẩm quyền.</p>`,
    tags: ['đối ngoại', 'Nhật Bản', 'thu hút đầu tư'],
    translations: {
      en: {
        title: `Prime Minister receives Japanese business delegation, encourages more high-tech investment`,
        summary: `The Prime Minister called on Japanese firms to step up technology transfer, workforce training and deeper participation in supply chains in Viet Nam.`,
        body: `<p>The Prime Minister received leaders of more than 30 Japanese corporations active in electronics, precision engineering, energy, infrastructure and financial services.</p>
<p>He proposed cooperation in semiconductors, artificial intelligence, the green transition, strategic infrastructure and high-quality human resources, based on harmonised benefits and shared risks. The Japanese side said several companies are considering expanding factories and R&amp;D centres and asked for simpler work permit and VAT refund procedures.</p>`,
      },
      zh: {
        title: `政府总理会见日本企业代表团，鼓励扩大高科技领域投资`,
        summary: `总理希望日本企业加强技术转让和人才培训，更深入地参与越南的供应链。`,
        body: `<p>政府总理在政府总部会见了30多家日本集团和企业的领导人，这些企业活跃于电子、精密机械、能源、基础设施和金融服务等领域。</p>
<p>总理建议双方本着“利益和谐、风险共担”的精神，重点在半导体芯片、人工智能、绿色转型、战略性基础设施和高素质人才培训等领域开展合作。越南政府承诺继续改善营商环境，削减行政手续，保障投资者的合法权益。</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 11,
    title: `Hội nghị trực tuyến về ứng phó mưa lũ tại các tỉnh Trung Bộ`,
    summary: `Phó Thủ tướng yêu cầu các địa phương chủ động sơ tán dân khỏi vùng nguy hiểm, bảo đảm an toàn hồ đập và sẵn sàng lực lượng, phương tiện cứu hộ.`,
    body: `<p>Phó Thủ tướng Chính phủ, Trưởng Ban Chỉ đạo quốc gia về phòng thủ dân sự đã chủ trì hội nghị trực tuyến với các tỉnh, thành phố khu vực Trung Bộ để triển khai các biện pháp ứng phó với đợt mưa lớn diện rộng.</p>
<p>Theo cơ quan khí tượng thủy văn, lượng mưa phổ biến ở khu vực từ Hà Tĩnh đến Quảng Ngãi có thể đạt 300–500 mm, có nơi trên 700 mm; nguy cơ cao xảy ra lũ quét, sạt lở đất ở vùng núi và ngập lụt diện rộng ở vùng trũng thấp, đô thị.</p>
<h2>Nhiệm vụ trọng tâm</h2>
<ol>
<li>Rà soát, sơ tán người dân ra khỏi khu vực có nguy cơ sạt lở, lũ quét; kiên quyết không để người dân ở lại nơi nguy hiểm;</li>
<li>Vận hành hồ chứa đúng quy trình, thông báo sớm cho người dân vùng hạ du trước khi xả lũ;</li>
<li>Bố trí lực lượng chốt chặn tại ngầm, tràn, đoạn đường bị ngập sâu;</li>
<li>Dự trữ lương thực, thuốc men, nước uống tại các khu vực có nguy cơ bị chia cắt.</li>
</ol>
<p>Bộ Quốc phòng, Bộ Công an được đề nghị chỉ đạo các đơn vị đóng quân trên địa bàn sẵn sàng lực lượng, phương tiện hỗ trợ địa phương khi có yêu cầu. Các cơ quan thông tin, báo chí tăng thời lượng phát tin cảnh báo để người dân chủ động phòng tránh.</p>`,
    tags: ['phòng chống thiên tai', 'mưa lũ', 'miền Trung'],
    translations: {
      en: {
        title: `Online conference on responding to heavy rain and floods in central provinces`,
        summary: `The Deputy Prime Minister asked localities to evacuate residents from danger zones, keep dams safe and stand by with rescue forces.`,
        body: `<p>The Deputy Prime Minister, head of the National Steering Committee for Civil Defence, chaired an online conference with the central provinces ahead of widespread heavy rain of 300–500 mm, locally over 700 mm.</p>
<p>Localities were told to evacuate people from landslide and flash-flood zones, operate reservoirs strictly by procedure with early warnings downstream, guard flooded roads and stockpile food, medicine and water in areas at risk of isolation. The armed forces stand ready to help.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 16,
    title: `Xuất khẩu nông, lâm, thủy sản duy trì đà tăng trưởng, nhiều mặt hàng đạt kim ngạch kỷ lục`,
    summary: `Rau quả, cà phê, gỗ và sản phẩm gỗ tiếp tục là những nhóm hàng dẫn đầu; thị trường xuất khẩu được mở rộng nhờ tận dụng tốt các hiệp định thương mại tự do.`,
    body: `<p>Theo báo cáo gửi Chính phủ của Bộ Nông nghiệp và Môi trường, kim ngạch xuất khẩu nông, lâm, thủy sản từ đầu năm đến nay tiếp tục tăng so với cùng kỳ; thặng dư thương mại của toàn ngành duy trì ở mức cao.</p>
<p>Nhiều mặt hàng đạt kim ngạch cao nhất từ trước đến nay như sầu riêng, cà phê, hạt điều. Ngành gỗ dần phục hồi nhờ đơn hàng từ các thị trường truyền thống quay trở lại; thủy sản có tín hiệu tích cực tại thị trường châu Á.</p>
<h2>Nâng chất lượng, giữ uy tín thị trường</h2>
<p>Để duy trì đà tăng trưởng bền vững, Bộ Nông nghiệp và Môi trường đề xuất tiếp tục đẩy mạnh cấp mã số vùng trồng, cơ sở đóng gói; truy xuất nguồn gốc điện tử; kiểm soát chặt dư lượng thuốc bảo vệ thực vật và chất cấm. Các hiệp hội ngành hàng được khuyến khích xây dựng thương hiệu chung, tránh cạnh tranh không lành mạnh về giá.</p>
<p>Chính phủ yêu cầu các bộ, ngành tiếp tục đàm phán mở cửa thị trường cho các sản phẩm có thế mạnh, đồng thời hỗ trợ doanh nghiệp đáp ứng các quy định mới về chống phá rừng và phát thải các-bon của một số thị trường lớn.</p>`,
    tags: ['xuất khẩu', 'nông nghiệp', 'thương mại'],
    translations: {
      en: {
        title: `Agro-forestry-fishery exports keep growing, several products hit record values`,
        summary: `Fruit and vegetables, coffee and wood products lead the way as exporters make better use of free trade agreements.`,
        body: `<p>The Ministry of Agriculture and Environment reports that agro-forestry-fishery exports since the start of the year are up on the same period last year, with a high trade surplus. Durian, coffee and cashew have reached record values.</p>
<p>To sustain growth, the ministry will expand growing-area and packing-house codes, electronic traceability and controls on pesticide residues, while the Government asks ministries to open new markets and help firms meet new deforestation and carbon rules abroad.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 27,
    title: `Phát triển nhà ở xã hội: Chính phủ yêu cầu các địa phương đăng ký chỉ tiêu cụ thể cho từng năm`,
    summary: `Chính phủ đề nghị các tỉnh, thành phố bố trí đủ quỹ đất, rút ngắn thủ tục đầu tư và công khai minh bạch danh sách người mua, thuê mua nhà ở xã hội.`,
    body: `<p>Tại buổi làm việc trực tuyến với các địa phương về tình hình phát triển nhà ở xã hội, Phó Thủ tướng Chính phủ cho biết số dự án được khởi công và hoàn thành thời gian qua đã tăng đáng kể, song vẫn chưa đáp ứng nhu cầu lớn của công nhân, người lao động thu nhập thấp tại các đô thị và khu công nghiệp.</p>
<p>Một số địa phương làm tốt đã chủ động lập quỹ đất sạch, giao chủ đầu tư thông qua đấu thầu minh bạch và rút ngắn đáng kể thời gian thẩm định. Ngược lại, ở một số nơi, quy trình xét duyệt đối tượng còn rườm rà, giá bán chưa hợp lý so với thu nhập của người lao động.</p>
<h2>Yêu cầu đối với các địa phương</h2>
<ul>
<li>Đăng ký chỉ tiêu hoàn thành nhà ở xã hội cụ thể cho từng năm và đưa vào chỉ tiêu phát triển kinh tế – xã hội;</li>
<li>Bố trí quỹ đất ở vị trí thuận lợi về giao thông, hạ tầng xã hội;</li>
<li>Công khai trên cổng thông tin điện tử danh sách dự án, tiến độ và danh sách người được mua, thuê mua;</li>
<li>Xử lý nghiêm các hành vi trục lợi chính sách.</li>
</ul>
<p>Ngân hàng Nhà nước được giao tiếp tục bảo đảm nguồn vốn cho vay ưu đãi mua nhà ở xã hội, đơn giản hóa hồ sơ vay vốn cho người lao động trẻ.</p>`,
    tags: ['nhà ở xã hội', 'an sinh xã hội', 'đô thị'],
    translations: {
      en: {
        title: `Social housing: Government asks localities to set specific annual targets`,
        summary: `Provinces must allocate enough land, shorten investment procedures and publish lists of eligible buyers and tenants.`,
        body: `<p>At an online meeting with localities, the Deputy Prime Minister said the number of social housing projects started and completed has risen considerably but still falls short of demand from workers and low-income earners.</p>
<p>Localities must register annual completion targets, allocate well-connected land, publish project lists and beneficiaries on their portals and punish abuse of the policy. The State Bank will maintain preferential loans and simplify loan applications for young workers.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 39,
    title: `Thủ tướng dự Diễn đàn Kinh tế tư nhân: khu vực tư nhân là một động lực quan trọng nhất của nền kinh tế`,
    summary: `Thủ tướng cam kết Chính phủ tiếp tục cắt giảm điều kiện kinh doanh, bảo đảm cạnh tranh bình đẳng và bảo vệ quyền tài sản của doanh nghiệp tư nhân.`,
    body: `<p>Thủ tướng Chính phủ đã dự và phát biểu tại Diễn đàn Kinh tế tư nhân với sự tham gia của hơn 1.500 đại biểu là lãnh đạo các bộ, ngành, địa phương, hiệp hội doanh nghiệp, chuyên gia và doanh nhân trong và ngoài nước.</p>
<p>Các ý kiến tại diễn đàn cho rằng khu vực kinh tế tư nhân đã có bước phát triển mạnh về quy mô và chất lượng, đóng góp ngày càng lớn vào tăng trưởng, việc làm và thu ngân sách; tuy nhiên phần lớn doanh nghiệp vẫn có quy mô nhỏ, khả năng tiếp cận vốn, đất đai và công nghệ còn hạn chế.</p>
<h2>Năm nhóm giải pháp</h2>
<p>Phát biểu chỉ đạo, Thủ tướng nêu rõ năm nhóm giải pháp trọng tâm: hoàn thiện thể chế, cắt giảm ít nhất 30% điều kiện kinh doanh không cần thiết; mở rộng tiếp cận tín dụng, đất đai cho doanh nghiệp nhỏ và vừa; hỗ trợ đổi mới sáng tạo, chuyển đổi số; hình thành các doanh nghiệp tư nhân lớn dẫn dắt chuỗi giá trị; xây dựng văn hóa kinh doanh và tinh thần doanh nhân.</p>
<blockquote>“Nhà nước kiến tạo, doanh nghiệp tiên phong, người dân là trung tâm – đó là tinh thần xuyên suốt trong điều hành của Chính phủ.”</blockquote>
<p>Thủ tướng đề nghị cộng đồng doanh nghiệp tiếp tục phát huy tinh thần tự lực, tự cường, tuân thủ pháp luật, kinh doanh có trách nhiệm với xã hội và môi trường.</p>`,
    tags: ['kinh tế tư nhân', 'doanh nghiệp', 'môi trường kinh doanh'],
    translations: {
      en: {
        title: `Prime Minister at Private Sector Forum: private economy a most important growth driver`,
        summary: `The Government pledges to keep cutting business conditions, ensure fair competition and protect private property rights.`,
        body: `<p>The Prime Minister attended the Private Sector Forum with more than 1,500 delegates from ministries, localities, business associations and experts.</p>
<p>He set out five groups of solutions: cutting at least 30 per cent of unnecessary business conditions; widening access to credit and land for SMEs; supporting innovation and digital transformation; nurturing large private firms to lead value chains; and building a culture of responsible entrepreneurship.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'tin-tuc',
    daysAgo: 52,
    title: `Chính phủ triển khai chương trình hành động thực hiện nghị quyết về phát triển khoa học, công nghệ và đổi mới sáng tạo`,
    summary: `Chương trình xác định các nhiệm vụ cụ thể cho từng bộ, ngành, địa phương, với mục tiêu tăng mạnh đầu tư cho nghiên cứu và phát triển trong giai đoạn tới.`,
    body: `<p>Chính phủ vừa tổ chức hội nghị toàn quốc quán triệt và triển khai chương trình hành động thực hiện chủ trương của Đảng về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.</p>
<p>Chương trình hành động gồm các nhóm nhiệm vụ về hoàn thiện thể chế, phát triển hạ tầng số, nhân lực số, công nghệ chiến lược và dữ liệu. Mỗi nhiệm vụ đều được giao cơ quan chủ trì, thời hạn hoàn thành và sản phẩm đầu ra cụ thể, tránh tình trạng giao việc chung chung.</p>
<h2>Một số chỉ tiêu chủ yếu</h2>
<ul>
<li>Chi cho nghiên cứu và phát triển đạt khoảng 2% GDP, trong đó kinh phí từ xã hội chiếm hơn 60%;</li>
<li>Dành tối thiểu 3% tổng chi ngân sách hằng năm cho phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số;</li>
<li>Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến đạt trên 80%.</li>
</ul>
<p>Thủ tướng yêu cầu người đứng đầu các cơ quan hành chính trực tiếp chỉ đạo, chịu trách nhiệm về kết quả thực hiện; định kỳ hằng quý báo cáo tiến độ trên Hệ thống thông tin báo cáo của Chính phủ.</p>`,
    tags: ['khoa học công nghệ', 'đổi mới sáng tạo', 'chuyển đổi số'],
    translations: {
      en: {
        title: `Government rolls out action programme on science, technology and innovation`,
        summary: `The programme assigns concrete tasks to every ministry and locality, aiming to sharply raise investment in research and development.`,
        body: `<p>The Government held a national conference to launch its action programme for breakthroughs in science, technology, innovation and national digital transformation.</p>
<p>Each task has a lead agency, a deadline and a defined output. Key targets include R&amp;D spending of about 2 per cent of GDP and at least 3 per cent of annual budget spending on science, technology, innovation and digital transformation. Heads of agencies report progress quarterly through the Government's reporting system.</p>`,
      },
    },
  },
  // ── Chuyên trang Chuyển đổi số quốc gia ────────────────────────────────
  {
    type: 'news',
    section: 'chuyen-doi-so',
    daysAgo: 2,
    title: `Thêm nhiều tiện ích trên ứng dụng định danh điện tử, người dân làm thủ tục không cần giấy tờ`,
    summary: `Thông tin sức khỏe, giấy phép lái xe, bảo hiểm xã hội và lý lịch tư pháp đã được tích hợp, giúp người dân xuất trình giấy tờ và nộp hồ sơ nhanh chóng trên điện thoại.`,
    body: `<p>Theo Tổ công tác triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử, các bộ, ngành tiếp tục làm giàu dữ liệu và kết nối thêm nhiều dịch vụ với ứng dụng định danh điện tử quốc gia.</p>
<p>Người dân hiện có thể tích hợp và xuất trình trên điện thoại nhiều loại giấy tờ như thẻ bảo hiểm y tế, giấy phép lái xe, đăng ký xe, sổ sức khỏe điện tử; nộp hồ sơ cấp phiếu lý lịch tư pháp, đăng ký thường trú, tạm trú trực tuyến mà không phải khai lại những thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư.</p>
<h2>Dữ liệu “đúng, đủ, sạch, sống”</h2>
<p>Tổ công tác đánh giá việc làm sạch dữ liệu chuyên ngành và đồng bộ với dữ liệu dân cư là điều kiện tiên quyết để cắt giảm giấy tờ. Đến nay, hàng trăm thủ tục hành chính đã được cắt giảm thành phần hồ sơ nhờ khai thác dữ liệu dân cư, tiết kiệm đáng kể thời gian và chi phí cho người dân, doanh nghiệp.</p>
<p>Trong thời gian tới, các bộ, ngành sẽ tiếp tục rà soát để tái cấu trúc quy trình, bảo đảm mỗi thông tin người dân chỉ phải cung cấp một lần cho cơ quan nhà nước. Người dân được khuyến cáo chỉ cài đặt ứng dụng từ kho ứng dụng chính thức, không cung cấp mã xác thực cho bất kỳ ai.</p>`,
    tags: ['định danh điện tử', 'dữ liệu dân cư', 'dịch vụ công'],
    translations: {
      en: {
        title: `More services on the national e-ID app let citizens complete procedures without paper`,
        summary: `Health, driving licence, social insurance and criminal record information is now integrated, so documents can be shown and applications filed from a phone.`,
        body: `<p>Ministries continue to enrich data and connect services to the national electronic identification app. Citizens can show their health insurance card, driving licence and vehicle registration on their phones and apply online for criminal record certificates or residence registration without re-entering data held in the National Population Database.</p>
<p>Cleaning sector data and synchronising it with population data has allowed hundreds of procedures to drop documents. Citizens are reminded to install the app only from official stores and never to share authentication codes.</p>`,
      },
      zh: {
        title: `国家电子身份应用新增多项功能，民众办事无需纸质材料`,
        summary: `健康、驾驶证、社会保险和司法履历信息已完成集成，民众可通过手机快速出示证件和提交材料。`,
        body: `<p>各部委继续丰富数据并将更多服务接入国家电子身份应用。民众现在可以在手机上出示医保卡、驾驶证、车辆登记证和电子健康档案，并在线申请司法履历证明、办理常住和暂住登记，无需重复填写国家人口数据库中已有的信息。</p>
<p>提醒民众只从官方应用商店安装应用，切勿向任何人提供验证码。</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'cds-mo-hinh-hay',
    daysAgo: 19,
    title: `“Tổ công nghệ số cộng đồng” giúp người cao tuổi vùng cao làm quen với dịch vụ công trực tuyến`,
    summary: `Tại một xã vùng cao phía Bắc, các thành viên tổ công nghệ số cộng đồng đến từng thôn, bản hướng dẫn người dân cài đặt ứng dụng, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến.`,
    body: `<p>Mỗi buổi tối, nhà văn hóa thôn lại sáng đèn. Các đoàn viên thanh niên, giáo viên và công an xã trong tổ công nghệ số cộng đồng kiên nhẫn hướng dẫn từng người dân cách kích hoạt tài khoản định danh điện tử, tra cứu thông tin bảo hiểm và nộp hồ sơ trực tuyến.</p>
<p>Xã có hơn 80% dân số là đồng bào dân tộc thiểu số, nhiều người cao tuổi chưa thành thạo tiếng phổ thông. Vì vậy, tổ đã biên soạn tài liệu hướng dẫn bằng hình ảnh, quay video ngắn bằng tiếng dân tộc và phát trên hệ thống loa truyền thanh của xã.</p>
<h2>Kết quả bước đầu</h2>
<ul>
<li>Hơn 2.000 lượt người dân được hướng dẫn trực tiếp tại thôn, bản;</li>
<li>Tỷ lệ hộ gia đình có người biết sử dụng dịch vụ công trực tuyến tăng gấp đôi sau một năm;</li>
<li>Nhiều hộ bán nông sản đặc sản qua sàn thương mại điện tử và thanh toán bằng mã QR.</li>
</ul>
<blockquote>“Trước đây làm giấy tờ phải xuống xã mấy lần, giờ con cháu chỉ cho cách làm trên điện thoại, ngồi nhà cũng xong.” – chia sẻ của một người dân trong thôn.</blockquote>
<p>Mô hình đang được tỉnh nghiên cứu nhân rộng ra các xã có điều kiện tương tự, gắn với phong trào học tập kỹ năng số trong cộng đồng.</p>`,
    tags: ['kỹ năng số', 'tổ công nghệ số cộng đồng', 'vùng cao'],
    translations: {
      en: {
        title: `Community digital technology teams help elderly highlanders use online public services`,
        summary: `In a northern mountain commune, volunteers visit every village to help residents install apps, pay without cash and file applications online.`,
        body: `<p>Every evening the village cultural house lights up as youth union members, teachers and commune police help residents activate their electronic identity accounts and file applications online. Because many elderly people are not fluent in Vietnamese, the team produced picture guides and short videos in the local ethnic language.</p>
<p>More than 2,000 residents have been coached so far, and the share of households able to use online public services has doubled in a year. The province plans to replicate the model.</p>`,
      },
    },
  },
  // ── Chuyên trang Các chương trình mục tiêu quốc gia ──────────────────
  {
    type: 'news',
    section: 'chuong-trinh-mtqg',
    daysAgo: 13,
    title: `Chương trình xây dựng nông thôn mới: chuyển trọng tâm sang nâng cao chất lượng sống của người dân`,
    summary: `Đoàn công tác liên ngành ghi nhận nhiều xã đã chuyển từ đầu tư hạ tầng sang phát triển sản xuất, giữ gìn cảnh quan và nâng cao thu nhập cho người dân.`,
    body: `<p>Đoàn công tác liên ngành của Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia vừa kiểm tra tình hình thực hiện Chương trình xây dựng nông thôn mới tại một số tỉnh Tây Nguyên và Nam Trung Bộ.</p>
<p>Qua kiểm tra, đoàn ghi nhận các địa phương đã chủ động lồng ghép nguồn vốn, huy động sự tham gia của người dân và doanh nghiệp. Hệ thống giao thông nông thôn, trường học, trạm y tế được đầu tư khang trang; nhiều sản phẩm OCOP đạt hạng 4 sao, có mặt tại hệ thống siêu thị và sàn thương mại điện tử.</p>
<h2>Những vấn đề cần tiếp tục quan tâm</h2>
<p>Bên cạnh kết quả đạt được, việc duy trì và nâng cao chất lượng các tiêu chí sau khi đạt chuẩn ở một số xã còn hạn chế; tiêu chí về môi trường, thu gom và xử lý rác thải sinh hoạt vẫn là khâu yếu. Sau khi sắp xếp đơn vị hành chính, một số xã mới hình thành từ nhiều xã cũ cần được hướng dẫn cách đánh giá lại mức độ đạt chuẩn.</p>
<p>Đoàn công tác đề nghị các địa phương tập trung phát triển kinh tế nông thôn gắn với chuỗi giá trị, nâng cao thu nhập thực chất của người dân; Bộ Nông nghiệp và Môi trường sớm ban hành hướng dẫn bộ tiêu chí áp dụng cho đơn vị hành chính cấp xã sau sắp xếp.</p>`,
    tags: ['nông thôn mới', 'chương trình mục tiêu quốc gia', 'OCOP'],
    translations: {
      en: {
        title: `New rural development programme shifts focus to quality of life`,
        summary: `An inter-agency team found that many communes have moved from building infrastructure to developing production, preserving landscapes and raising incomes.`,
        body: `<p>An inter-agency team of the Central Steering Committee for National Target Programmes inspected the new rural development programme in several Central Highlands and south-central provinces. Rural roads, schools and health stations have been upgraded and many OCOP products have reached four-star rating.</p>
<p>Weak points remain in maintaining criteria after certification and in waste collection. Communes formed by merging several former communes need guidance on reassessing their status.</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'chuong-trinh-mtqg',
    daysAgo: 34,
    title: `Hỗ trợ xóa nhà tạm, nhà dột nát: hàng nghìn hộ nghèo vùng đồng bào dân tộc thiểu số có nhà mới`,
    summary: `Nguồn lực từ ngân sách nhà nước, các chương trình mục tiêu quốc gia và sự chung tay của doanh nghiệp, cộng đồng đã giúp nhiều gia đình ổn định chỗ ở trước mùa mưa bão.`,
    body: `<p>Tại nhiều xã vùng sâu, vùng xa, những ngôi nhà mới kiên cố đã thay thế cho nhà tạm bợ, dột nát. Đây là kết quả của phong trào thi đua chung tay xóa nhà tạm, nhà dột nát, được triển khai đồng bộ từ nguồn lực của Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi, Chương trình giảm nghèo bền vững và nguồn xã hội hóa.</p>
<p>Mỗi căn nhà được xây dựng theo nguyên tắc “ba cứng”: nền cứng, khung – tường cứng và mái cứng, phù hợp với phong tục, tập quán của từng dân tộc. Nhiều nơi huy động được lực lượng đoàn viên thanh niên, bộ đội, công an giúp ngày công vận chuyển vật liệu đến các bản xa.</p>
<h2>Công khai, đúng đối tượng</h2>
<p>Danh sách hộ được hỗ trợ đều được bình xét công khai tại thôn, bản và niêm yết tại trụ sở Ủy ban nhân dân cấp xã. Mức hỗ trợ, nguồn vốn và tiến độ thi công được cập nhật thường xuyên để người dân theo dõi, giám sát.</p>
<p>Ban Chỉ đạo Trung ương đề nghị các địa phương tiếp tục rà soát các trường hợp phát sinh do thiên tai, bảo đảm không để hộ nghèo nào phải sống trong nhà không an toàn.</p>`,
    tags: ['giảm nghèo bền vững', 'xóa nhà tạm', 'dân tộc thiểu số'],
    translations: {
      en: {
        title: `Replacing makeshift houses: thousands of poor ethnic minority households move into new homes`,
        summary: `Funds from the state budget, national target programmes and businesses have helped many families secure safe homes before the rainy season.`,
        body: `<p>In many remote communes, solid new houses have replaced temporary, leaking ones, funded by the national target programmes for ethnic minority areas and sustainable poverty reduction together with donations. Each house has a solid floor, frame and roof suited to local customs.</p>
<p>Beneficiary lists are agreed publicly in each village and posted at the commune People's Committee, and funding and progress are updated for residents to monitor.</p>`,
      },
    },
  },
  // ── Chuyên trang Đầu tư tại Việt Nam ─────────────────────────────────
  {
    type: 'news',
    section: 'dau-tu-tai-viet-nam',
    daysAgo: 6,
    title: `Vốn đầu tư trực tiếp nước ngoài thực hiện tiếp tục tăng, công nghiệp chế biến, chế tạo dẫn đầu`,
    summary: `Dòng vốn FDI giải ngân đạt mức cao nhất trong nhiều năm; Singapore, Hàn Quốc, Nhật Bản và Trung Quốc là các nhà đầu tư lớn nhất.`,
    body: `<p>Số liệu của Bộ Tài chính cho thấy vốn đầu tư trực tiếp nước ngoài thực hiện từ đầu năm đến nay tăng so với cùng kỳ và là mức cao nhất trong nhiều năm trở lại đây. Tổng vốn đăng ký cấp mới, điều chỉnh và góp vốn, mua cổ phần cũng duy trì xu hướng tích cực.</p>
<p>Công nghiệp chế biến, chế tạo tiếp tục thu hút nhiều vốn nhất, tiếp theo là sản xuất, phân phối điện, kinh doanh bất động sản và hoạt động chuyên môn, khoa học công nghệ. Nhiều dự án quy mô lớn trong lĩnh vực điện tử, linh kiện bán dẫn và trung tâm dữ liệu đã được cấp phép hoặc tăng vốn.</p>
<table>
<thead><tr><th>Đối tác</th><th>Xu hướng</th><th>Lĩnh vực nổi bật</th></tr></thead>
<tbody>
<tr><td>Singapore</td><td>Dẫn đầu về vốn đăng ký</td><td>Khu công nghiệp, trung tâm dữ liệu</td></tr>
<tr><td>Hàn Quốc</td><td>Tăng vốn mở rộng dự án</td><td>Điện tử, linh kiện</td></tr>
<tr><td>Nhật Bản</td><td>Ổn định</td><td>Chế tạo, bán lẻ, năng lượng</td></tr>
<tr><td>Trung Quốc</td><td>Nhiều dự án mới</td><td>Chế tạo, vật liệu mới</td></tr>
</tbody>
</table>
<p>Các chuyên gia nhận định kết quả này phản ánh niềm tin của nhà đầu tư vào triển vọng kinh tế và những cải cách thể chế gần đây, đặc biệt là chính sách ưu đãi đối với các dự án công nghệ cao và cơ chế “luồng xanh” trong thủ tục đầu tư.</p>`,
    tags: ['FDI', 'thu hút đầu tư', 'công nghiệp chế biến chế tạo'],
    translations: {
      en: {
        title: `Disbursed FDI keeps rising, led by processing and manufacturing`,
        summary: `FDI disbursement has reached its highest level in years; Singapore, the Republic of Korea, Japan and China are the largest investors.`,
        body: `<p>Ministry of Finance data show disbursed foreign direct investment since January is up year on year and at a multi-year high. Processing and manufacturing attract the most capital, followed by power, real estate and professional and scientific activities.</p>
<p>Several large projects in electronics, semiconductor components and data centres have been licensed or expanded. Experts see this as a sign of confidence in Viet Nam's outlook and recent reforms, including incentives for high-tech projects and a fast-track investment procedure.</p>`,
      },
      zh: {
        title: `外国直接投资到位资金持续增长，加工制造业居首`,
        summary: `外资到位金额创多年来新高；新加坡、韩国、日本和中国是最大的投资来源地。`,
        body: `<p>财政部数据显示，今年以来外国直接投资到位资金同比增长，达到多年来的最高水平。加工制造业吸引外资最多，其次是电力生产和分配、房地产以及专业和科技活动。</p>
<p>电子、半导体元件和数据中心领域的多个大型项目获得许可或增资。专家认为，这反映了投资者对越南经济前景和近期制度改革的信心。</p>`,
      },
    },
  },
  {
    type: 'news',
    section: 'dau-tu-chinh-sach',
    daysAgo: 29,
    title: `Ưu đãi đầu tư đặc biệt cho dự án bán dẫn, trí tuệ nhân tạo và trung tâm dữ liệu: những điều nhà đầu tư cần biết`,
    summary: `Nhà đầu tư đáp ứng điều kiện có thể được hưởng thuế suất ưu đãi, miễn, giảm thuế dài hạn và hỗ trợ chi phí từ Quỹ Hỗ trợ đầu tư.`,
    body: `<p>Nhằm thu hút các dự án có hàm lượng công nghệ cao, Việt Nam đã ban hành cơ chế ưu đãi đầu tư đặc biệt cho một số lĩnh vực công nghệ chiến lược, trong đó có thiết kế, sản xuất, đóng gói và kiểm thử chip bán dẫn; nghiên cứu, phát triển trí tuệ nhân tạo; xây dựng trung tâm dữ liệu quy mô lớn.</p>
<h2>Các hình thức ưu đãi chính</h2>
<ul>
<li><strong>Thuế thu nhập doanh nghiệp:</strong> thuế suất ưu đãi trong thời gian dài, kèm theo thời gian miễn thuế và giảm thuế;</li>
<li><strong>Tiền thuê đất:</strong> miễn, giảm tiền thuê đất, thuê mặt nước theo quy định;</li>
<li><strong>Quỹ Hỗ trợ đầu tư:</strong> hỗ trợ một phần chi phí đào tạo nhân lực, nghiên cứu và phát triển, đầu tư tài sản cố định;</li>
<li><strong>Thủ tục:</strong> được xem xét áp dụng thủ tục đầu tư đặc biệt, rút ngắn thời gian cấp phép.</li>
</ul>
<p>Để được hưởng ưu đãi, dự án phải đáp ứng các tiêu chí về quy mô vốn, tỷ lệ chi cho nghiên cứu và phát triển, chuyển giao công nghệ và sử dụng lao động có trình độ cao. Hồ sơ đề nghị được nộp qua Hệ thống thông tin quốc gia về đầu tư.</p>
<p>Nhà đầu tư có thể liên hệ Cục Đầu tư nước ngoài (Bộ Tài chính) hoặc cơ quan xúc tiến đầu tư của các tỉnh, thành phố để được hướng dẫn chi tiết.</p>`,
    tags: ['ưu đãi đầu tư', 'bán dẫn', 'trí tuệ nhân tạo'],
    translations: {
      en: {
        title: `Special investment incentives for semiconductor, AI and data centre projects: what investors need to know`,
        summary: `Eligible investors may enjoy preferential tax rates, long tax holidays and support from the Investment Support Fund.`,
        body: `<p>Viet Nam has introduced special incentives for strategic technologies, including chip design, manufacturing, packaging and testing, AI research and development and large-scale data centres.</p>
<p>Incentives cover preferential corporate income tax rates with exemptions and reductions, land rent exemptions, partial support for training, R&amp;D and fixed assets from the Investment Support Fund, and a special fast-track procedure. Projects must meet criteria on capital, R&amp;D spending, technology transfer and skilled employment.</p>`,
      },
      zh: {
        title: `半导体、人工智能和数据中心项目特别投资优惠：投资者须知`,
        summary: `符合条件的投资者可享受优惠税率、长期免减税以及投资支持基金的资助。`,
        body: `<p>为吸引高科技项目，越南对部分战略性技术领域实行特别投资优惠，包括芯片设计、制造、封装和测试，人工智能研发以及大型数据中心建设。</p>
<p>优惠措施包括长期企业所得税优惠税率及免减税期、减免土地租金、投资支持基金对培训、研发和固定资产投资的部分资助，以及特别投资程序。项目须满足资本规模、研发支出比例、技术转让和高素质用工等标准。</p>`,
      },
    },
  },
];
