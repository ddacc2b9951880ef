namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// The words of the demo consultation, from the source articles (PRODUCT.md §4, seeds): what former
/// leaders, officials, businesses and citizens said of the draft political report of the 20th
/// Provincial Party Congress, and the kinds of answer a drafting committee gives.
/// </summary>
internal static class ConsultationDemoTexts
{
    public const string PoliticalReport = "Dự thảo Báo cáo chính trị trình Đại hội đại biểu Đảng bộ tỉnh Cao Bằng lần thứ XX, nhiệm kỳ 2025–2030";

    public const string PoliticalReportDescription =
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các cấp ủy tổ chức lấy ý kiến rộng rãi của cán bộ, đảng viên, nguyên lãnh đạo chủ chốt của tỉnh qua các thời kỳ, " +
        "doanh nghiệp và Nhân dân về dự thảo Báo cáo chính trị. Mọi ý kiến đều được tiếp thu hoặc giải trình công khai.";

    public static readonly (string Key, string Title)[] PoliticalReportSections =
    [
        ("I", "Đánh giá kết quả thực hiện Nghị quyết Đại hội XIX, nhiệm kỳ 2020–2025"),
        ("II", "Bối cảnh, quan điểm và mục tiêu phát triển nhiệm kỳ 2025–2030"),
        ("III", "Năm định hướng lớn và ba đột phá chiến lược"),
        ("IV", "Các chỉ tiêu chủ yếu nhiệm kỳ 2025–2030"),
        ("V", "Xây dựng Đảng và hệ thống chính trị"),
    ];

    /// <summary>What was said, by section (null: the whole draft).</summary>
    public static readonly (string? Section, string Text)[] Themes =
    [
        ("I", "Đánh giá cao kết quả xóa nhà tạm, nhà dột nát: 19.067 căn nhà kiên cố trong năm 2025 là chương trình an sinh lớn nhất từ trước đến nay; đề nghị nêu rõ bài học huy động nguồn lực"),
        ("I", "Đề nghị đánh giá thẳng thắn hơn nguyên nhân tăng trưởng chưa bền vững và còn phụ thuộc vào vốn đầu tư công"),
        ("I", "Cần bổ sung đánh giá hiệu quả sử dụng vốn đầu tư, nhất là các dự án chậm giải ngân kéo dài"),
        ("I", "Đề nghị nêu rõ hạn chế về cơ sở vật chất, trụ sở làm việc của cấp xã sau sắp xếp đơn vị hành chính"),
        ("I", "Chất lượng sinh hoạt chi bộ còn chưa đồng đều, cần đánh giá cụ thể hơn trong phần hạn chế"),
        ("I", "Đề nghị đánh giá thiệt hại do dịch tả lợn châu Phi và sản lượng lương thực giảm đối với đời sống người dân"),
        ("II", "Đề nghị khẳng định rõ mô hình phát triển \"hiệu quả – năng suất – hạnh phúc\", lấy chất lượng cuộc sống của Nhân dân làm thước đo trung tâm"),
        ("II", "Bổ sung quan điểm coi doanh nghiệp và người dân là trung tâm, là chủ thể của tăng trưởng"),
        ("II", "Cần làm rõ vị trí của Cao Bằng là điểm trung chuyển mới của hành lang kinh tế kết nối Tây Nam Trung Quốc với ASEAN"),
        ("III", "Đề nghị ưu tiên hoàn thành cao tốc Đồng Đăng – Trà Lĩnh và các tuyến kết nối ra cửa khẩu quốc tế"),
        ("III", "Phát triển du lịch gắn với Công viên địa chất toàn cầu UNESCO Non nước Cao Bằng cần có sản phẩm đặc trưng, tránh thương mại hóa tràn lan"),
        ("III", "Kinh tế cửa khẩu không chỉ dừng ở thông quan mà cần phát triển dịch vụ logistics, kho bãi và số hóa quy trình tại Trà Lĩnh, Tà Lùng"),
        ("III", "Đề nghị xây dựng vùng nguyên liệu và phát triển nông sản theo chuỗi giá trị, gắn với chế biến sâu"),
        ("III", "Phát triển kinh tế rừng và sản phẩm đặc hữu để người dân vùng cao có sinh kế bền vững"),
        ("III", "Đẩy mạnh chuyển đổi số ở cấp xã: chính quyền số, công dân số, thanh toán không dùng tiền mặt"),
        ("III", "Đào tạo nguồn nhân lực theo đơn đặt hàng của doanh nghiệp, gắn với việc làm sau đào tạo"),
        ("III", "Cần có cơ chế thu hút nhà đầu tư chiến lược vào khu kinh tế cửa khẩu"),
        ("IV", "Đề nghị điều chỉnh tăng chỉ tiêu thu ngân sách bình quân hằng năm cho phù hợp với kết quả năm 2025"),
        ("IV", "Đề nghị nâng chỉ tiêu tỷ lệ giảm nghèo hằng năm, nhất là ở các xã biên giới"),
        ("IV", "Bổ sung chỉ tiêu về chỉ số hạnh phúc của người dân và công bố theo từng xã"),
        ("IV", "Chỉ tiêu tăng trưởng 8% cần kèm theo chỉ tiêu về năng suất lao động"),
        ("IV", "Bổ sung chỉ tiêu về tỷ lệ hộ có nhà tiêu, nhà tắm hợp vệ sinh"),
        ("V", "Đẩy mạnh cải cách hành chính, chấm dứt tình trạng viện dẫn \"thủ tục\" để chậm giải quyết công việc"),
        ("V", "Thực hiện nghiêm nguyên tắc \"ba rõ\": rõ việc, rõ tiến độ, rõ người chịu trách nhiệm; xử lý tình trạng đùn đẩy trách nhiệm"),
        ("V", "Bảo vệ cán bộ dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung"),
        ("V", "Cần tăng cường đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân"),
        (null, "Dự thảo công phu, bố cục hợp lý; đề nghị rút gọn phần đánh giá để tập trung vào giải pháp"),
        (null, "Đề nghị quy hoạch đô thị hiện đại, xanh, sạch và giữ gìn bản sắc văn hóa các dân tộc"),
        (null, "Đề nghị phát huy giá trị \"du lịch về nguồn\" tại khu di tích quốc gia đặc biệt Pác Bó"),
    ];

    /// <summary>Who and where, to vary the wording of the same point as people put it.</summary>
    public static readonly string[] Contexts =
    [
        "", " ở các xã vùng cao", " đối với các xã biên giới", " trong giai đoạn 2025–2030", " tại địa bàn thôn, bản",
        " để người dân dễ theo dõi và giám sát",
    ];

    /// <summary>How a group puts it, now and then.</summary>
    public static string Voice(Domain.Drafts.OpinionGroup group) => group switch
    {
        Domain.Drafts.OpinionGroup.Citizens => " như ý kiến của nhiều hộ dân trong thôn",
        Domain.Drafts.OpinionGroup.Businesses => " theo kinh nghiệm của doanh nghiệp chúng tôi",
        Domain.Drafts.OpinionGroup.FormerLeaders => " qua kinh nghiệm lãnh đạo các nhiệm kỳ trước",
        _ => " qua thực tiễn công tác ở cơ sở",
    };

    public static readonly string[] Places =
    [
        "Hội trường UBND", "Nhà văn hóa trung tâm", "Trụ sở Đảng ủy", "Hội trường Ủy ban MTTQ", "Trường Tiểu học", "Trường THCS",
    ];

    public static string Explanation(Domain.Drafts.ResponseDecision decision, string? section, int n) => decision switch
    {
        Domain.Drafts.ResponseDecision.Accepted => section is null
            ? "Tiếp thu; Tổ biên tập đã chỉnh sửa dự thảo theo ý kiến này."
            : $"Tiếp thu; đã bổ sung vào Phần {section} của dự thảo.",
        Domain.Drafts.ResponseDecision.PartiallyAccepted => n % 2 == 0
            ? $"Tiếp thu một phần: nội dung chính đã được bổ sung{(section is null ? "" : $" vào Phần {section}")}; các chi tiết sẽ được cụ thể hóa trong chương trình hành động."
            : "Tiếp thu một phần: ý kiến được đưa vào kế hoạch thực hiện Nghị quyết thay vì Báo cáo chính trị.",
        Domain.Drafts.ResponseDecision.Explained => n % 2 == 0
            ? "Xin giải trình: nội dung này đã được thể hiện trong dự thảo ở phần định hướng và các đề án chuyên đề kèm theo."
            : "Xin giải trình: đây là nội dung thuộc thẩm quyền của Trung ương, tỉnh sẽ kiến nghị trong quá trình thực hiện.",
        _ => "Không tiếp thu: chỉ tiêu đề xuất vượt quá khả năng cân đối nguồn lực của tỉnh trong nhiệm kỳ; Tổ biên tập giữ như dự thảo.",
    };

    public const string HappinessPlan = "Dự thảo Kế hoạch triển khai Chỉ số hạnh phúc của người dân tỉnh Cao Bằng giai đoạn 2026–2030";

    public const string HappinessPlanDescription =
        "Đặt chỉ số hạnh phúc vào trung tâm của chính sách: bộ tiêu chí tám lĩnh vực, khảo sát định kỳ và công bố theo từng xã, phường khi đủ số người trả lời.";

    public static readonly (string Key, string Title)[] HappinessPlanSections =
    [
        ("1", "Mục tiêu và phạm vi"),
        ("2", "Bộ tiêu chí tám lĩnh vực"),
        ("3", "Khảo sát, tính toán và công bố"),
        ("4", "Tổ chức thực hiện"),
    ];

    public static readonly (string Section, int Group, int State, string Text)[] HappinessOpinions =
    [
        // group: 0 citizens, 1 businesses, 2 former leaders, 3 officials; state: 0 waiting, 1 drafted, 2 published
        ("2", 0, 2, "Đề nghị đưa tiêu chí nước sạch sinh hoạt vào lĩnh vực môi trường, vì nhiều thôn vùng cao vẫn thiếu nước vào mùa khô."),
        ("3", 0, 2, "Kết quả khảo sát nên được công bố cả trên bảng tin của thôn, không chỉ trên mạng, để người cao tuổi cũng biết."),
        ("2", 1, 2, "Đề nghị bổ sung tiêu chí về việc làm ổn định cho lao động địa phương tại các khu kinh tế cửa khẩu."),
        ("3", 3, 2, "Cần quy định rõ số người trả lời tối thiểu ở mỗi xã để kết quả có ý nghĩa thống kê."),
        ("1", 0, 2, "Mong chỉ số hạnh phúc giúp chính quyền lắng nghe người dân nhiều hơn, không chỉ là con số báo cáo."),
        ("4", 3, 1, "Đề nghị giao Sở Nội vụ chủ trì, Thống kê tỉnh phối hợp hướng dẫn nghiệp vụ khảo sát."),
        ("2", 0, 1, "Nên hỏi thêm về khoảng cách đến trạm y tế và thời gian chờ khám bệnh."),
        ("2", 0, 0, "Đề nghị có tiêu chí riêng về an toàn giao thông trên các tuyến đường đèo."),
        ("3", 1, 0, "Doanh nghiệp sẵn sàng phối hợp khảo sát người lao động nếu có mẫu phiếu thống nhất."),
        ("1", 2, 0, "Chỉ số hạnh phúc phải gắn với trách nhiệm người đứng đầu từng cấp, có đánh giá hằng năm."),
        ("4", 0, 0, "Cần bố trí kinh phí cho cán bộ thôn đi phát và thu phiếu khảo sát."),
        ("2", 0, 0, "Đề nghị bổ sung câu hỏi về nhà tiêu, nhà tắm hợp vệ sinh như ba câu hỏi của Tổng Bí thư."),
    ];

    public const string CommuneRules = "Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Trà Lĩnh năm 2026";

    public static readonly (int Group, string Text)[] CommuneOpinions =
    [
        (0, "Đề nghị niêm yết công khai các khoản đóng góp của thôn tại nhà văn hóa thôn."),
        (0, "Họp thôn nên tổ chức vào buổi tối để bà con đi nương về kịp tham dự."),
        (1, "Hợp tác xã đề nghị được tham gia ý kiến về kế hoạch sử dụng đất của xã."),
        (3, "Đề nghị quy định thời hạn trả lời kiến nghị của người dân là 10 ngày làm việc."),
    ];
}
