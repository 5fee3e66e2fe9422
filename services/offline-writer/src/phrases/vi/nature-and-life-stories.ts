import type { Story } from '../types';

/** Những câu chuyện về tự nhiên (qua nhiều năm, qua thời gian địa chất, qua từng giờ), về một đời người và về một câu hỏi tiếp nối. */

const natureByDomain: Story['byDomain'] = {
  politics: {
    any: [
      'Các chính phủ tranh cãi xem ai trả tiền cho việc thích nghi với {change}, và những vùng nghèo nhất phải chờ lâu nhất.',
      'Những cơ quan mới được lập ra để theo dõi {motif}, và ngân sách của họ trở thành chuyện tranh cãi chính trị.',
    ],
    pause: [
      'Các ủy ban khẩn cấp họp suốt ngày đêm, và cuộc khủng hoảng trở thành phép thử năng lực của mọi chính phủ.',
    ],
  },
  technology: {
    any: [
      'Các nhà khoa học chế tạo thiết bị mới để đo {change}, và các kỹ sư thiết kế xoay quanh nó.',
      'Tiền nghiên cứu đổ vào {secondMotif}, và những giải pháp thực tế đầu tiên theo sau.',
    ],
    pause: ['Vệ tinh, cảm biến và mô hình được nâng cấp để lần sau có thể thấy trước một sự kiện như thế.'],
  },
  culture: {
    any: [
      'Nghệ sĩ và nhà văn biến {change} thành biểu tượng; nó xuất hiện trong bài hát, lời giảng và những vở kịch ở trường.',
      'Những câu chuyện cũ về {motif} được kể lại, và những câu chuyện mới được viết ra.',
    ],
    pause: ['Thơ và phim về quãng thời gian kỳ lạ ấy ra đời ngay trong năm.'],
  },
  dailyLife: {
    any: [
      'Người dân thường cảm nhận điều đó qua giá thực phẩm, qua thời tiết và qua những gì họ dạy con cái về {thirdMotif}.',
      'Nếp sống hằng ngày dịch chuyển: người ta ăn gì, trồng gì và lo gì đều theo {change}.',
    ],
    pause: [
      'Giá thực phẩm vọt lên rồi dịu xuống; ai cũng nhớ mình đang ở đâu hôm ấy, và để dành thêm chút đồ ăn trong bếp.',
    ],
  },
};

const nature: Story = {
  stages: [
    {
      with: [
        '{clause}. Những tác động đo được đầu tiên xuất hiện ở {motif}, và các nhà khoa học vội tìm lời giải thích.',
        '{clause}. Những ngày đầu đó chỉ là chuyện lạ; rồi {motif} bắt đầu thay đổi.',
      ],
      without: [
        '{clause}. Những tác động đầu tiên mang tính vật lý: {motif} thay đổi trước khi có ai hiểu vì sao.',
        '{clause}, và những quá trình từng phụ thuộc vào nó lần lượt chững lại.',
      ],
    },
    {
      any: [
        'Các nhà khoa học đo đạc, tranh luận và công bố; {figure} đưa ra mô hình đầu tiên khớp với số liệu.',
        'Các trạm quan trắc báo về những thay đổi ở {motif} nhanh hơn tốc độ in của các tạp chí.',
      ],
    },
    {
      with: [
        'Cây cỏ và động vật sống gần {motif} nhất phản ứng trước: có loài phát triển mạnh, có loài chật vật.',
        'Cơ thể thích nghi trước, rồi đến thói quen: người ta ăn gì và sống một ngày ra sao bắt đầu đổi khác.',
      ],
      without: [
        'Những sinh vật từng dựa vào {subject} chật vật trước tiên; chuỗi thức ăn đẩy sự thiếu hụt lên các bậc trên.',
        'Những loài cần ít hơn những gì {subject} từng mang lại chiếm lấy phần đất mà các loài khác đánh mất.',
      ],
    },
    {
      any: [
        'Nghề nông và nghề cá thích nghi: {secondMotif} được chăm sóc bởi những người không còn trông cậy được vào nhịp cũ.',
        'Nông dân đổi giống cây và lịch thời vụ, và {figure} tư vấn cho chính quyền nên trồng gì ở đâu.',
      ],
    },
    {
      any: [
        'Các hệ sinh thái tự sắp xếp lại quanh {change}; những loài hợp với điều kiện mới lan rộng.',
        'Một thế hệ sau, cảnh quan đã khác: {thirdMotif} tìm được một thế cân bằng mới.',
      ],
    },
    {
      any: [
        'Một thập kỷ khó khăn thử thách thế cân bằng mới: hạn hán, lũ lụt hay dịch bệnh ập vào {motif}, và sự phục hồi diễn ra chậm.',
        'Các nhà khoa học cảnh báo thay đổi vẫn chưa dừng lại; {secondFigure} trở thành tiếng nói thận trọng được biết đến nhiều nhất.',
      ],
    },
    {
      any: [
        'Y học, xây dựng và nông nghiệp đều đã được dựng lại quanh {change}.',
        'Thế cân bằng mới đứng vững: {secondMotif} và {thirdMotif} ổn định theo những khuôn mẫu mà không nhà tự nhiên học nào của chúng ta nhận ra.',
      ],
    },
    {
      any: [
        'Ngày nay các nhà tự nhiên học ở đây khó hình dung thế giới theo cách nào khác; {change} đơn giản là một phần của tự nhiên.',
        'Nhìn lại, các nhà khoa học truy diện mạo của thế giới sống, từ {motif} đến {thirdMotif}, về {change}.',
      ],
    },
  ],
  divergence: {
    any: ['Điểm rẽ nhánh: {datedClause}.', 'Một quy luật của tự nhiên đổi khác: {datedClause}.'],
  },
  stakes: {
    with: [
      'Tự nhiên không đứng yên quanh thay đổi: {motif} và {secondMotif} bước vào một cuộc cạnh tranh khác trên cùng mảnh đất.',
      'Mọi hệ sống ở hạ nguồn thay đổi đều tự sắp xếp lại, từ {motif} đến {secondMotif}.',
    ],
    without: [
      'Mọi thứ từng dựa vào {subject}, từ {motif} đến {secondMotif}, phải tìm lối khác hoặc suy tàn.',
      'Tự nhiên có dự phòng, nhưng không vô tận: {motif} và {secondMotif} cho thấy nó cạn ở đâu.',
    ],
  },
  consequences: {
    immediate: {
      with: ['Tác động vật lý đến trước, ở {motif}, chỉ trong vài ngày.'],
      without: ['Tác động vật lý đến trước: không có {subject}, {motif} bắt đầu thay đổi ngay lập tức.'],
    },
    shortTerm: {
      any: [
        'Chỉ trong vài năm, cây cỏ, động vật và nông dân đã thích nghi, hoặc thất bại, và khác biệt hiện rõ ở {secondMotif}.',
      ],
    },
    longTerm: {
      any: [
        'Về lâu dài, {change} vẽ lại tấm bản đồ sự sống: loài nào thịnh vượng, con người canh tác ở đâu và sống ra sao.',
      ],
    },
  },
  byDomain: natureByDomain,
  roles: [
    'một nhà sinh học thực địa ghi lại những thay đổi đầu tiên',
    'một nông dân đổi giống cây trước cả hàng xóm',
    'một nhà khí hậu học lập mô hình về {change}',
    'một bác sĩ chứng kiến tác động của nó lên cơ thể',
    'một viên chức soạn kế hoạch thích ứng',
  ],
  motifs: ['những cánh rừng', 'đồng ruộng', 'đại dương', 'sông ngòi', 'chuỗi thức ăn', 'thời tiết'],
  assumptions: {
    any: [
      'Các định luật vật lý và hóa học vẫn như ta biết; chỉ có thay đổi trong câu hỏi là khác.',
      'Sinh vật thích nghi bằng những cách quen thuộc: di cư, chọn lọc và may rủi.',
      'Con người ứng phó bằng khoa học và công nghệ của thời đại mình.',
    ],
  },
};

const natureDeep: Story = {
  stages: [
    {
      with: [
        '{clause}. Chưa sinh vật nào nhận ra, nhưng khác biệt đã bắt đầu tác động.',
        '{clause}. Thảm họa hay sự yên bình sau đó đặt ra luật chơi cho mọi thứ về sau.',
      ],
      without: [
        '{clause}. Thế giới non trẻ cứ thế tiếp tục, và chưa gì biết đến khác biệt ấy.',
        '{clause}, và hành tinh bắt đầu một lịch sử thiếu đi một sợi chỉ.',
      ],
    },
    {
      any: [
        'Qua những thời kỳ đầu, khác biệt ấy định hình {motif}, chậm rãi và mãi mãi.',
        'Những ghi chép sớm nhất, khắc trong đá và trầm tích, đã khác với của chúng ta ở {motif}.',
      ],
    },
    {
      any: [
        'Sự sống tiếp diễn theo luật chơi mới, trước hết trong đại dương, được định hình bởi {change}.',
        'Thế giới sống tìm được chỗ đứng: loài nào hợp với {change} thì lan rộng, loài nào không thì lụi tàn.',
      ],
    },
    {
      any: [
        'Tiến hóa làm việc với những gì nó có; cơ thể, nhịp sống và mùa màng đều theo {change}.',
        'Những dạng sống mới xuất hiện mà lịch sử của chúng ta chưa từng tạo ra, hợp với {secondMotif}.',
      ],
    },
    {
      any: [
        'Những cuộc đại tuyệt chủng đến rồi đi; kẻ sống sót là loài hợp nhất với {change}.',
        'Các lục địa trôi dạt, khí hậu dao động, và {secondMotif} bị nhào nặn hết lần này đến lần khác.',
      ],
    },
    {
      any: [
        'Những dạng sống mới lan khắp các lục địa, và {thirdMotif} chẳng giống gì trong kho hóa thạch của chúng ta.',
        'Các họ động vật lớn ổn định ở những vai trò khác với những gì ta biết.',
      ],
    },
    {
      any: [
        'Dù tổ tiên loài người có ra sao, họ tiến hóa trong một thế giới đã được {change} định hình suốt nhiều thời đại.',
        'Chặng cuối trước thời đại của chúng ta vẫn mang dấu ấn của {change}, rõ nhất ở {motif}.',
      ],
    },
    {
      any: [
        'Ngày nay thế giới sống khác hẳn: {thirdMotif} là sản phẩm của nhiều thời đại {change}.',
        'Các nhà khoa học ngày nay nghiên cứu {motif} và tự hỏi, như các nhà khoa học của chúng ta, mọi chuyện lẽ ra có thể khác thế nào.',
      ],
    },
  ],
  divergence: {
    any: ['Điểm rẽ nhánh: {datedClause}.', 'Khác biệt duy nhất trong lịch sử Trái Đất: {datedClause}.'],
  },
  stakes: {
    with: [
      'Qua thời gian địa chất, một khác biệt nhỏ tích lũy lại: {motif} và {secondMotif} rốt cuộc cách rất xa những gì ta biết.',
      'Tiến hóa có hàng trăm triệu năm để làm việc với {change}, và nó tận dụng trọn vẹn.',
    ],
    without: [
      'Mọi thứ lẽ ra đã phụ thuộc vào {subject}, từ {motif} đến {secondMotif}, tiến hóa theo lối khác hoặc không xuất hiện.',
      'Rút một sợi chỉ khỏi buổi đầu lịch sử Trái Đất, cả tấm vải đều thay đổi, trước hết là {motif}.',
    ],
  },
  consequences: {
    immediate: {
      any: ['Những tác động đầu tiên mang tính vật lý và chậm rãi: {motif} vận hành khác đi ngay từ đầu.'],
    },
    shortTerm: {
      any: ['Qua hàng triệu năm, sự sống thích nghi với {change}, và {secondMotif} đi một con đường khác.'],
    },
    longTerm: {
      any: [
        'Đến thời hiện tại, {change} đã định hình toàn bộ thế giới sống, và cả con người trong đó nếu có.',
      ],
    },
  },
  roles: [
    'một nhà cổ sinh vật học đọc ra khác biệt trong đá',
    'một nhà địa chất xác định niên đại những dấu vết đầu tiên của {change}',
    'một nhà thiên văn giải thích {change} cho công chúng',
  ],
  motifs: [
    'đại dương',
    'các lục địa',
    'khí hậu',
    'những cánh rừng đầu tiên',
    'các đường bờ biển',
    'bầu khí quyển',
  ],
  assumptions: {
    any: [
      'Trái Đất hình thành và vận động như vốn có; chỉ có thay đổi trong câu hỏi là khác.',
      'Sự sống xuất hiện và tiến hóa theo những quá trình như trong lịch sử của chúng ta.',
      'Qua những quãng thời gian dài như vậy, khác biệt nhỏ sẽ cộng dồn chứ không triệt tiêu nhau.',
    ],
  },
};

const natureShort: Story = {
  stages: [
    {
      with: [
        '{clause}. Những phút đầu trôi qua trong hoài nghi; các thiết bị đo quanh {motif} xác nhận điều đó.',
        '{clause}. Không ai chuẩn bị sẵn, và những tin báo đầu tiên nghe như nhầm lẫn.',
      ],
      any: [
        '{clause}. Lúc đầu gần như chẳng có gì khác; những tác động đầu tiên bắt đầu ở {motif}.',
        '{clause}. Không ai tận mắt thấy điều đó; dấu hiệu đầu tiên là một đường kẻ trên màn hình của một nhà khoa học.',
      ],
    },
    {
      any: [
        'Thiết bị đo nhận ra trước con người: các chỉ số của {motif} trôi dần khỏi mức bình thường.',
        'Các nhà khoa học trực đêm gọi cho nhau, rồi gọi cho chính phủ; {figure} là một trong những người đầu tiên hiểu chuyện.',
      ],
    },
    {
      any: [
        'Giờ tin tức chiếm trọn mọi bản tin, và {figure} trở thành người được trích lời nhiều nhất về {secondMotif}.',
        'Các chính phủ họp khẩn; mọi câu hỏi đều xoay quanh {secondMotif}.',
      ],
    },
    {
      pause: [
        'Mọi chuyện kết thúc đột ngột như lúc bắt đầu. Khoảng trống nhỏ trong số liệu nhưng lớn trên mặt báo.',
        'Mọi thứ trở lại đột ngột như khi dừng, và ai cũng kiểm tra xem cái giá là bao nhiêu.',
      ],
      with: [
        'Giờ thay đổi đo được ở khắp nơi, và {secondMotif} đổi khác theo nó.',
        'Tác động giờ ai cũng thấy, và chúng lan đến {secondMotif}.',
      ],
      any: [
        'Thiệt hại giờ đã rõ: {secondMotif} đang đổi khác, và chưa có dấu hiệu hồi phục.',
        'Không có dấu hiệu nào cho thấy {subject} sẽ trở lại; các kế hoạch cho một đợt khẩn cấp ngắn bị xé bỏ.',
      ],
    },
    {
      any: [
        'Những hệ lụy dây chuyền hiện ra ở nơi vốn đã mong manh nhất: {thirdMotif}.',
        'Cú sốc truyền từ sinh vật này sang sinh vật khác, và {thirdMotif} chịu ảnh hưởng sau cùng nhưng lâu nhất.',
      ],
    },
    {
      pause: [
        'Các nhà nghiên cứu đếm thiệt hại và thấy nó nhỏ hơn lo ngại ở hầu hết mọi nơi, và lớn hơn ở vài nơi.',
        'Phần lớn tự nhiên hồi phục nhanh; {thirdMotif} cần lâu hơn, và có những mất mát ở lại.',
      ],
      with: [
        'Những sinh vật không thích nghi được suy giảm; loài khác phát triển, và {thirdMotif} được dựng lại quanh chúng.',
      ],
      any: [
        'Chuỗi thức ăn đứt gãy ở những chỗ từng dựa vào {subject}; cả những quần thể sụp đổ.',
        'Con người và tự nhiên bước vào một thế cân bằng khắc nghiệt hơn; những gì sống sót là những gì sống được khi thiếu {subject}.',
      ],
    },
    {
      with: [
        'Kỹ sư và quan chức xoay xở với điều kiện mới; {secondFigure} dẫn dắt nỗ lực thích nghi.',
        'Thiệt hại được thống kê và việc sửa chữa bắt đầu, trước hết ở {secondMotif}.',
      ],
      pause: [
        'Ngân sách quan trắc tăng gấp đôi, và {secondFigure} đề xuất một phương án dự phòng mà trước đó chẳng ai nghĩ là cần.',
        'Các nhà khoa học dùng số liệu của những ngày ấy suốt nhiều năm; chúng trở thành những giờ được nghiên cứu kỹ nhất trong lịch sử hành tinh.',
      ],
      any: [
        'Sự sống còn giờ phụ thuộc vào những thứ thay thế và đồ dự trữ; {secondFigure} dẫn dắt nỗ lực kéo dài chúng.',
        'Thế giới còn lại được tổ chức quanh những gì {subject} từng làm, và cách sống thiếu nó.',
      ],
    },
    {
      with: [
        'Một năm sau, sự việc là một chương trong sách giáo khoa và một dòng trong mọi sổ tay quản lý rủi ro.',
        'Nhìn lại, người ta nhớ sự kỳ lạ của những ngày ấy nhiều hơn thiệt hại.',
      ],
      pause: [
        'Một năm sau, sự việc là một chương trong sách giáo khoa và một dòng trong mọi sổ tay quản lý rủi ro.',
        'Nhìn lại, phần lớn mọi người nhớ sự kỳ lạ nhiều hơn thiệt hại.',
      ],
      any: [
        'Thế giới còn lại đã khác: tĩnh lặng hơn, nghèo sự sống hơn, và vẫn đang học xem mình đã mất những gì.',
        'Nhìn lại, những người sống sót tính mọi thứ từ ngày ấy: trước, và sau.',
      ],
    },
  ],
  divergence: { any: ['Điểm rẽ nhánh: {datedClause}.', 'Không một lời báo trước, {datedClause}.'] },
  stakes: {
    pause: [
      'Chỉ một quãng ngắn cũng cho thấy bao nhiêu thứ phụ thuộc vào {subject}: {motif} và {secondMotif} cảm nhận điều đó chỉ trong vài giờ.',
      'Nó không kéo dài, nhưng trong lúc đó, {motif} và {secondMotif} phải sống nhờ dự trữ.',
    ],
    with: ['Thay đổi đến đột ngột, và {motif} cùng {secondMotif} không có thời gian thích nghi.'],
    any: [
      'Mọi thứ phụ thuộc vào {subject}, từ {motif} đến {secondMotif}, bị thử thách cùng một lúc.',
      'Tự nhiên có dự trữ, nhưng dự trữ rồi cũng cạn: {motif} và {secondMotif} cho thấy nhanh đến mức nào.',
    ],
  },
  consequences: {
    immediate: {
      pause: [
        'Trong suốt quãng ấy, mọi thứ vận hành nhờ {subject} phải sống nhờ dự trữ, bắt đầu từ {motif}.',
      ],
      any: ['Tác động vật lý đến chỉ sau vài giờ, bắt đầu từ {motif}.'],
    },
    shortTerm: {
      pause: [
        'Khi mọi chuyện qua đi, phần lớn các hệ thống hồi phục trong vài tuần, và {secondMotif} cần lâu nhất.',
      ],
      any: ['Chỉ trong vài tuần, thiệt hại lan qua {secondMotif} và cả chuỗi thức ăn.'],
    },
    longTerm: {
      with: [
        'Về lâu dài, sự việc để lại hệ thống quan trắc tốt hơn, kế hoạch tốt hơn, và một sự kính trọng bền lâu dành cho sức mạnh của tự nhiên.',
      ],
      pause: [
        'Về lâu dài, sự việc để lại hệ thống quan trắc tốt hơn, kế hoạch tốt hơn, và một sự kính trọng bền lâu dành cho {subject}.',
      ],
      any: ['Về lâu dài, thế giới được dựng lại quanh sự thiếu vắng ấy, và nhiều thứ mất đi vĩnh viễn.'],
    },
  },
  byDomain: natureByDomain,
  roles: [
    'một nhà khoa học trực đêm thấy những số liệu đầu tiên',
    'một nông dân canh chừng đồng ruộng tìm dấu hiệu bất thường',
    'một viên chức điều phối công tác ứng phó',
    'một bác sĩ chữa những ca đầu tiên',
    'một nhà báo giải thích {change} cho mọi người',
  ],
  motifs: ['không khí', 'đồng ruộng', 'đại dương', 'chuỗi thức ăn', 'thời tiết', 'sông ngòi'],
  assumptions: {
    any: [
      'Thay đổi diễn ra trên toàn cầu và tức thời; mọi thứ khác vẫn theo các định luật vật lý ta biết.',
      'Con người ứng phó bằng đúng những hiểu biết và trang thiết bị họ có.',
      'Sinh vật dựa vào dự trữ đúng như sinh học cho phép.',
    ],
  },
};

const personal: Story = {
  stages: [
    {
      choice: [
        '{clause}. Lúc ấy nó không có vẻ gì là bước ngoặt; nó giống một ngày bình thường.',
        'Quyết định đã được đưa ra: {path}. Bạn bè và gia đình đều có ý kiến, và bạn vẫn bước tiếp.',
      ],
    },
    {
      choice: [
        'Năm đầu tiên là khó nhất: nếp sống mới, con người mới, và có lúc {otherPath} nghe hấp dẫn hơn.',
        'Chưa có gì quen thuộc. Bạn học luật chơi mới bằng cách mắc lỗi.',
      ],
    },
    {
      choice: [
        'Bạn dần vững chân; {figure} trở thành người bạn khiến cuộc sống mới thật sự là của bạn.',
        'Những thắng lợi nhỏ cộng dồn lại, và {figure} có mặt trong hầu hết số đó.',
      ],
    },
    {
      choice: [
        'Công việc và tình yêu đến trong khung cảnh mới; {secondFigure} là một phần của cả hai.',
        'Bạn gây dựng được thứ của riêng mình: một nếp sống, một danh tiếng, một mái nhà.',
      ],
    },
    {
      choice: [
        'Một biến cố thử thách lựa chọn ấy: tiền bạc, sức khỏe hay chuyện gia đình. Bạn vượt qua, và đã khác đi.',
        'Có một thời mọi thứ không suôn sẻ, và bạn tự hỏi {otherPath} có khôn ngoan hơn không. Bạn ở lại.',
      ],
    },
    {
      choice: [
        'Giờ bạn đã thành thạo; những người trẻ hơn hỏi bạn kinh nghiệm về con đường {path}.',
        'Cuộc sống bạn chọn đã đơn giản trở thành cuộc sống của bạn, với những nỗi lo và phần thưởng riêng.',
      ],
    },
    {
      choice: [
        'Nhìn lại từ tuổi trung niên, bạn thấy bao nhiêu điều đã bắt nguồn từ một lựa chọn ấy.',
        'Con cái, bạn bè và công việc của bạn đều mang dấu ấn của con đường bạn đã chọn.',
      ],
    },
    {
      choice: [
        'Về già, thỉnh thoảng bạn vẫn nghĩ về {otherPath}, nhưng bạn không đổi cuộc đời mình lấy bất cứ điều gì.',
        'Nhìn lại, lựa chọn ấy có vẻ hiển nhiên, dù lúc đó chẳng hề như vậy.',
      ],
    },
  ],
  divergence: { any: ['Lựa chọn: {datedClause}.', 'Bước ngoặt của đời bạn: {datedClause}.'] },
  stakes: {
    any: [
      'Những người bạn gặp, thành phố bạn thức dậy mỗi sáng và những nỗi lo bạn mang theo đều bắt nguồn từ một lựa chọn ấy.',
      'Chẳng có phép màu nào; khác biệt nằm ở hàng nghìn ngày bình thường tiếp theo.',
    ],
  },
  consequences: {
    immediate: { any: ['Nhịp sống của bạn thay đổi ngay: nếp sinh hoạt mới, con người mới, nỗi lo mới.'] },
    shortTerm: {
      any: [
        'Chỉ trong vài năm, bạn có một vòng bạn bè khác, những kỹ năng khác và một quan niệm khác về thành công.',
      ],
    },
    longTerm: { any: ['Về lâu dài, lựa chọn ấy định hình nơi bạn sống, người bạn yêu và điều bạn tự hào.'] },
  },
  roles: [
    'một người bạn khiến cuộc sống mới như nhà',
    'một người bạn đời gặp trên đường đi',
    'một người thầy mở ra một cánh cửa',
  ],
  motifs: [
    'gia đình bạn',
    'những người bạn cũ',
    'căn nhà đầu tiên',
    'khoản tiết kiệm',
    'nếp sinh hoạt hằng ngày',
  ],
  assumptions: {
    any: [
      'Bạn vẫn là con người ấy, với những tài năng và khiếm khuyết ấy; chỉ có lựa chọn là khác.',
      'Những người xung quanh phản ứng như họ sẽ phản ứng ngoài đời thật.',
      'Vận may không tốt hơn cũng không tệ hơn.',
    ],
  },
};

const continuation: Story = {
  stages: [
    {
      any: [
        'Mọi người dõi theo số phận của {focus} khi thời thế đã đổi.',
        'Câu hỏi đầu tiên sau bước ngoặt là về {focus}, và chẳng ai đồng ý với ai.',
      ],
    },
    {
      any: [
        '{figure} cho rằng {focus} phải thay đổi theo thời thế; những người khác muốn giữ nguyên mọi thứ.',
        'Những người quanh {focus} chia thành hai phe, và {figure} dẫn đầu phe táo bạo hơn.',
      ],
    },
    {
      any: [
        'Cải cách định hình lại {focus}: luật lệ mới, thành viên mới và những đối thủ mới quanh {motif}.',
        'Thói quen cũ nhường chỗ; với {focus}, trật tự mới vừa là cơ hội vừa là mối đe dọa.',
      ],
    },
    {
      any: [
        'Một thách thức đến từ bên ngoài, và số phận của {focus} phụ thuộc vào cách {secondMotif} đáp trả.',
        'Láng giềng và đối thủ thử thách {focus}; câu trả lời đặt khuôn mẫu cho nhiều năm sau.',
      ],
    },
    {
      any: [
        'Một thế hệ sau, {focus} vừa cũ hơn vừa mới hơn bất cứ ai từng nghĩ.',
        'Người trẻ chỉ biết {focus} trong hình hài mới, và không thể hình dung hình hài cũ.',
      ],
    },
    {
      any: [
        'Một cuộc khủng hoảng lại thử thách {focus}; {secondFigure} dẫn dắt việc ứng phó.',
        'Thời khó khăn đến, và người ta đổ cho {focus} một phần lỗi, rồi ghi công cho sự hồi phục.',
      ],
    },
    {
      any: [
        'Giờ vai trò của {focus} trong thế giới này đã ổn định, và chẳng giống gì trong lịch sử của chúng ta.',
        'Hình hài mới của {focus} được nơi khác học theo, và trở thành khuôn mẫu cho {thirdMotif}.',
      ],
    },
    {
      any: [
        'Nhìn lại, các sử gia ở đây coi số phận của {focus} là dấu mốc rõ nhất cho thấy thế giới này đã đi xa đến đâu.',
        'Đến lúc ấy, {focus} đã là biểu tượng của cả dòng lịch sử rẽ nhánh, được tranh luận và ngưỡng mộ.',
      ],
    },
  ],
  divergence: {
    any: [
      'Câu chuyện rẽ nhánh tại đây, với {focus} ở trung tâm.',
      'Từ thời điểm này, câu chuyện đi theo {focus}.',
    ],
  },
  stakes: {
    any: [
      'Câu hỏi bây giờ là {focus} sẽ ra sao, và điều đó có ý nghĩa gì với {motif} và {secondMotif}.',
      'Chuyện gì xảy ra với {focus} sẽ quyết định phần lớn những gì tiếp theo, từ {motif} đến {secondMotif}.',
    ],
  },
  consequences: {
    immediate: {
      any: ['Với {focus}, hệ quả đầu tiên là sự bất định, và ai hành động trước sẽ được nhiều nhất.'],
    },
    shortTerm: {
      any: ['Chỉ trong vài năm, {focus} đã tìm được chỗ đứng mới, và {secondMotif} đã thích nghi theo.'],
    },
    longTerm: {
      any: ['Về lâu dài, số phận của {focus} định hình cách thế giới này ghi nhớ bước ngoặt của chính nó.'],
    },
  },
  roles: [
    'một nhân chứng ghi lại những gì xảy đến với {focus}',
    'một nhà cải cách muốn {focus} đổi mới',
    'một người bảo vệ lề lối cũ',
  ],
  motifs: ['kinh đô', 'những thiết chế cũ', 'thế hệ trẻ', 'các nước láng giềng'],
  assumptions: {
    any: [
      'Thế giới vẫn là thế giới mà kịch bản trước mô tả, cho đến thời điểm câu chuyện này tiếp nối.',
      'Con người nhớ những gì đã xảy ra và hành động theo đó.',
    ],
  },
};

export const vietnameseNatureAndLifeStories = {
  nature,
  'nature-deep': natureDeep,
  'nature-short': natureShort,
  personal,
  continuation,
};
