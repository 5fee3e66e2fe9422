import type { Story } from '../types';

/** Những câu chuyện về thế giới loài người, bằng tiếng Việt: nhà nước và chiến tranh, phát minh, địa danh, văn hóa, xã hội. */

const worldByDomain: Story['byDomain'] = {
  politics: {
    with: [
      'Quyền lực được sắp xếp lại quanh {change}: các chức vị, liên minh và đối thủ nảy sinh từ đó quyết định ai nắm {motif}.',
      'Các chính quyền từng trù tính cho một thế giới khác phải viết lại kế hoạch; chính trường quanh {motif} xoay theo {change}.',
    ],
    without: [
      'Không có {subject}, quyền lực chia cho nhiều thế lực nhỏ hơn, và không ai nói thay được cho {motif}.',
      'Khoảng trống {subject} để lại được người khác lấp đầy: những liên minh, đối thủ và kẻ mới đến tranh nhau {motif}.',
    ],
    victory: [
      'Các hiệp ước do {winner} soạn ra, và suốt một thời gian dài, chính trị quanh {motif} nghĩa là giữ hòa khí với kẻ thắng.',
    ],
    pause: [
      'Các ủy ban khẩn cấp họp suốt ngày đêm, và cuộc khủng hoảng trở thành phép thử năng lực của mọi chính phủ.',
    ],
  },
  technology: {
    any: [
      'Phát minh đi theo những con đường mà {change} mở ra hay khép lại; nhu cầu của {secondMotif} quyết định tiền đầu tư chảy về đâu.',
      'Các kỹ sư giải những bài toán do {change} đặt ra, và công cụ họ làm ra lan xa khỏi {secondMotif}.',
    ],
    pause: [
      'Những hệ thống dự phòng chưa ai thử nay bị đem ra thử; cái nào hỏng được làm lại, cái nào chạy tốt được nhân rộng.',
    ],
  },
  culture: {
    any: [
      'Nhà văn, họa sĩ và thầy giáo kể chuyện {change} như câu chuyện khai sinh ra thế giới của họ.',
      'Ca dao, bài hát và truyện kể về {change} trở thành điều đứa trẻ nào cũng biết, mỗi vùng kể một khác.',
    ],
    pause: [
      'Sách và phim về cuộc khủng hoảng ra đời ngay trong năm; những tác phẩm hay nhất kể về những người giữ cho mọi thứ vận hành.',
    ],
  },
  dailyLife: {
    any: [
      'Người dân thường cảm nhận điều đó qua giá cả, công việc và luật lệ, nhất là quanh {thirdMotif}.',
      'Đời sống thường ngày lặng lẽ thích nghi: người ta đổi cách mua bán, chỗ làm và những gì họ trông đợi ở {thirdMotif}.',
    ],
    pause: [
      'Ai cũng nhớ mình đang ở đâu khi chuyện xảy ra, và một thời gian sau người ta vẫn giữ đồ dự trữ trong nhà.',
    ],
  },
};

const history: Story = {
  stages: [
    {
      with: [
        '{clause}. Những người gần {motif} nhất là những người đầu tiên hiểu rằng thời thế đã đổi.',
        'Mọi chuyện diễn ra lặng lẽ hơn ai nấy tưởng: {clause}.',
      ],
      without: [
        '{clause}, và trên bản đồ quyền lực xuất hiện một khoảng trống mà các thế lực khác vội lao vào lấp.',
        '{clause}. Quanh {motif}, những người từng chờ một tương lai bắt đầu tính đến một tương lai khác.',
      ],
      victory: [
        'Chiến thắng thuộc về {winner}, không phải {loser}. Tin tức đi chậm hơn binh lính, nhưng rồi cũng lan đi.',
        'Ngày quyết định nghiêng về phía {winner}; đạo quân của {loser} phải rút khỏi chiến trường.',
      ],
    },
    {
      any: [
        'Các đối thủ tính toán lại chỉ sau một đêm; {figure} là một trong những người đầu tiên nhận ra lợi thế nay nằm ở đâu.',
        'Tin về {change} lan nhanh, và ai có quyền lợi gắn với {motif} đều phải tính xem điều đó có nghĩa gì với mình.',
      ],
      victory: [
        'Bên thua xin nghị hòa, và cuộc thương thuyết kéo dài nhiều tháng; {figure} có mặt bên bàn đàm phán.',
        'Những người sống sót sau thất bại tập hợp lại quanh {motif}, đếm lại những gì đã mất.',
      ],
    },
    {
      any: [
        'Luật lệ mới được soạn ra quanh {motif}; điều từng là biện pháp tình thế trở thành lề lối.',
        '{figure} cho rằng trật tự mới cần những thiết chế riêng, và {secondMotif} được dựng lại cho phù hợp.',
      ],
      without: [
        'Các lãnh chúa địa phương lấp khoảng trống, mỗi người một luật; vùng đất quanh {motif} bị chia cắt theo những ranh giới chưa ai từng vạch.',
        'Không còn quyền lực nào đứng trên, các thủ lĩnh quanh {motif} tự thu thuế và tự lập quân đội.',
      ],
      victory: [
        'Kẻ thắng ban thưởng cho đồng minh: quyền kiểm soát {motif} đổi chủ, cùng với các chức quan cai quản nơi ấy.',
        'Một bộ máy cai trị mới đến những vùng đất bị chinh phục, mang theo thuế khóa mới, quan lại mới và một thứ ngôn ngữ mệnh lệnh mới.',
      ],
    },
    {
      with: [
        'Các nước láng giềng điều chỉnh liên minh theo {change}, và việc buôn bán qua {secondMotif} đi theo những tuyến mới.',
        'Thay đổi lan ra khỏi nơi nó bắt đầu: qua {secondMotif}, nó đến với cả những người chưa từng mong đợi.',
      ],
      without: [
        'Không thế lực nào gánh nổi vai trò mà lịch sử của chúng ta trao cho một; các liên minh kết rồi tan quanh {secondMotif}.',
        'Những láng giềng từng e sợ một cường quốc nay e sợ lẫn nhau, và {secondMotif} trở thành vùng biên.',
      ],
      victory: [
        'Một hiệp ước ấn định biên giới mới, và {secondMotif} rơi vào phía bên thắng.',
        'Những đồng minh đứng về phía bên thua phải trả giá bằng đất đai và vàng bạc.',
      ],
    },
    {
      any: [
        'Một thế hệ lớn lên coi {change} là trật tự tự nhiên của thế giới, và {thirdMotif} là di sản của họ.',
        'Trẻ em học về {change} như khởi đầu của lịch sử chính mình, và về {figure} như một trong những nhân vật trung tâm của lịch sử ấy.',
      ],
    },
    {
      any: [
        'Cuộc khủng hoảng lớn đầu tiên: tranh chấp quanh {motif} thử thách trật tự mới. Nó oằn mình, rồi trụ vững, với cái giá không nhỏ.',
        'Những năm gian khó ập đến. Đói kém và nổi loạn quanh {thirdMotif} cho những kẻ chỉ trích cơ hội, và các cải cách sau đó tồn tại lâu hơn họ.',
      ],
      victory: [
        'Sự kháng cự âm ỉ trong những người còn nhớ thất bại; một cuộc nổi dậy ở những vùng bị chinh phục bị dập tắt, nhưng không bị lãng quên.',
      ],
    },
    {
      any: [
        'Thương mại, luật pháp và ngôn ngữ đi theo tấm bản đồ mà {change} vẽ ra; một lữ khách từ lịch sử của chúng ta sẽ nhận ra sông núi, nhưng không nhận ra {secondMotif}.',
        'Giờ đây thay đổi ấy định hình biên giới, ngân khố và thói quen, và không gì quanh {motif} còn giống lịch sử ta biết.',
      ],
    },
    {
      any: [
        'Các sử gia ở đây tranh luận về những bước ngoặt như sử gia của chúng ta, và phần đông đồng ý rằng mọi chuyện xoay quanh {change}.',
        'Nhìn lại, cái bóng dài của {change} phủ lên cả {motif}, {secondMotif} lẫn {thirdMotif}.',
      ],
      victory: ['Ít ai còn nhớ {loser} từng suýt thắng; thế giới về sau do {winner} định hình.'],
    },
  ],
  divergence: {
    any: ['Bước ngoặt: {datedClause}.', 'Lịch sử rẽ hướng tại đây: {datedClause}.'],
    victory: [
      'Bước ngoặt: chiến thắng thuộc về {winner}, không phải {loser}.',
      'Lịch sử rẽ hướng tại đây: {datedClause}.',
    ],
  },
  stakes: {
    with: [
      'Câu hỏi là {motif}, {secondMotif} và {thirdMotif} sẽ ra sao khi thế giới được sắp đặt quanh {change}.',
      'Quyền lực lẽ ra đã về tay người khác nay ở lại nơi thay đổi đặt nó, và {motif} cùng {secondMotif} phải sống với điều đó.',
    ],
    without: [
      'Không có {subject}, {motif} và {secondMotif} phải tìm chủ mới, luật mới và kẻ thù mới.',
      'Nhấc một quân cờ khỏi bàn cờ quyền lực, mọi quân khác đều dịch chuyển, trước hết là {motif} và {secondMotif}.',
    ],
    victory: [
      'Một trận đánh quyết định nhiều hơn một đường biên: số phận của {motif} và {secondMotif} nay nằm trong tay {winner}.',
      'Binh lính trở về với một nền hòa bình khác, và {motif} cùng {secondMotif} được mặc cả bởi những kẻ thắng khác.',
    ],
  },
  consequences: {
    immediate: {
      any: [
        'Quyền lực dịch chuyển ngay lập tức: những ai từng ủng hộ trật tự cũ quanh {motif} vội vàng thanh minh.',
      ],
      victory: [
        'Sau thất bại, những vùng đất {loser} từng nắm giữ về tay kẻ thắng, và quan lại của họ kéo đến.',
      ],
      without: [
        'Những người từng trông cậy vào {subject} để có trật tự và được che chở phải nhanh chóng tìm chỗ dựa khác.',
      ],
    },
    shortTerm: {
      any: [
        'Chỉ trong vài năm, luật lệ, thuế khóa và liên minh quanh {secondMotif} được viết lại cho hợp với {change}.',
      ],
      victory: [
        'Chỉ trong vài năm, trật tự mới của {winner} đã thành hình, và đồng minh của bên thua đổi ý.',
      ],
    },
    longTerm: {
      any: [
        'Về lâu dài, {change} trở thành khung cho mọi thứ khác: biên giới, ngôn ngữ và tín ngưỡng ổn định theo những đường nét của nó.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một sử quan ghi chép {change} ngay khi nó diễn ra',
    'một thương nhân có cơ nghiệp gắn với {motif}',
    'một viên tướng phải giữ yên {secondMotif}',
    'một sứ thần được cử đi giải thích {change} với các nước láng giềng',
    'một thầy đồ viết cuốn sách giáo khoa đầu tiên của trật tự mới',
  ],
  motifs: [
    'kinh đô',
    'các trấn biên giới',
    'quân đội',
    'các tuyến buôn bán',
    'những người thu thuế',
    'giới quý tộc cũ',
  ],
  assumptions: {
    any: [
      'Phần còn lại của thế giới khởi đầu đúng như lịch sử ta biết; chỉ những hệ quả của thay đổi là khác.',
      'Con người vẫn đưa ra những lựa chọn họ sẽ đưa ra, trước hoàn cảnh mới.',
      'Những sự kiện ở xa, không liên quan đến thay đổi, vẫn diễn ra, ít nhất là lúc đầu.',
    ],
    victory: ['Bên thắng đủ sức giữ những gì giành được với lực lượng họ có.'],
    without: ['Sẽ có thứ khác lấp vào khoảng trống; lịch sử không để trống chỗ nào lâu.'],
  },
};

const technology: Story = {
  stages: [
    {
      with: [
        '{clause}. Phiên bản chạy được đầu tiên còn thô sơ, đắt đỏ và hay hỏng, nhưng {figure} tin chắc nó sẽ thay đổi tất cả.',
        '{clause}. Lúc đầu chỉ một nhóm nhỏ người say mê quanh {motif} hiểu mình đang nhìn thấy gì.',
      ],
      without: [
        '{clause}. Không ai thấy thiếu gì cả: người ta không thể nhớ tiếc thứ chưa từng có.',
        '{clause}, và những bài toán nó từng giải trong lịch sử của chúng ta tạm thời vẫn bỏ ngỏ.',
      ],
    },
    {
      with: [
        'Những người dùng đầu tiên tìm ra công dụng mà nhà sáng chế chưa từng nghĩ tới, và nó sinh lời trước hết ở {motif}.',
        'Những người hoài nghi gọi nó là đồ chơi. Rồi {motif} bắt đầu phụ thuộc vào nó, và họ im lặng.',
      ],
      without: [
        'Người ta xoay xở bằng những gì sẵn có: nhiều sức người hơn, cách làm chậm hơn, dùng {motif} khéo léo hơn.',
        'Các nhà phát minh khác tấn công cùng những bài toán ấy từ hướng khác, và {figure} nổi danh nhờ đó.',
      ],
    },
    {
      with: [
        'Giá hạ xuống khi các xưởng học được cách làm hàng loạt, và {secondMotif} được xây lại quanh nó.',
        'Cả một ngành nghề mọc lên để chế tạo, buôn bán và sửa chữa nó, và {figure} giàu lên nhờ đó.',
      ],
      without: [
        'Một thứ thay thế chiếm chỗ của nó: kém hơn, nhưng đủ dùng cho {secondMotif}.',
        'Số tiền lẽ ra đổ vào nó chảy sang nơi khác, và {secondMotif} phát triển thay vào đó.',
      ],
    },
    {
      any: [
        'Chính quyền bắt đầu để ý. Quy định, tiêu chuẩn và thuế khóa ra đời, và những người đứng sau {secondMotif} tranh cãi từng điều một.',
        'Những tai nạn và lạm dụng đầu tiên lên mặt báo, và những quy định đầu tiên theo sau.',
      ],
    },
    {
      with: [
        'Một thế hệ lớn lên không thể hình dung cuộc sống thiếu nó, và không gì quanh {thirdMotif} còn như trước.',
        'Giờ nó có mặt khắp nơi, rẻ và hiển nhiên, còn những nghề nó thay thế chỉ còn là kỷ niệm.',
      ],
      without: [
        'Một thế hệ lớn lên trong thế giới xoay quanh những công cụ khác, và {thirdMotif} đi theo con đường riêng.',
        'Khoảng trống giờ là chuyện thói quen hơn là máy móc: người ta làm việc, đi lại và trò chuyện theo những cách khác.',
      ],
    },
    {
      any: [
        'Những hệ quả không ai lường trước xuất hiện: đô thị, gia đình và {motif} tự sắp xếp lại quanh {change}.',
        'Cuộc khủng hoảng nghiêm trọng đầu tiên đến từ tác dụng phụ, và việc khắc phục chúng trở thành một ngành riêng.',
      ],
    },
    {
      any: [
        'Cả những nền kinh tế được định hình bởi {change}; {secondMotif} và {thirdMotif} hẳn sẽ xa lạ với chúng ta.',
        'Giờ đây {change} là một phần trong cách thế giới suy nghĩ, chứ không chỉ trong cách nó vận hành.',
      ],
    },
    {
      any: [
        'Nhìn lại, các sử gia công nghệ truy cả thế giới hiện đại về {change}, và tranh luận xem điều gì đứng thứ hai.',
        'Ngày nay {change} là phông nền của đời sống thường nhật, từ {motif} đến {thirdMotif}.',
      ],
    },
  ],
  divergence: { any: ['Điểm rẽ nhánh: {datedClause}.', 'Thay đổi duy nhất: {datedClause}.'] },
  stakes: {
    with: [
      'Một công cụ thay đổi người cầm nó: {motif}, {secondMotif} và {thirdMotif} đều phải nhường chỗ cho nó.',
      'Hệ quả lan qua {motif} và {secondMotif} từ rất lâu trước khi có ai nghĩ đến việc gọi tên.',
    ],
    without: [
      'Bỏ đi một công cụ, mọi thứ dựng trên nó phải được dựng theo cách khác, từ {motif} đến {secondMotif}.',
      'Những gì lịch sử của chúng ta làm với nó, lịch sử này phải làm bằng thứ khác, hoặc không làm: trước hết là {motif} và {secondMotif}.',
    ],
  },
  consequences: {
    immediate: {
      with: ['Những người dùng đầu tiên lập tức có lợi thế, và khác biệt lộ ra trước tiên ở {motif}.'],
      without: [
        'Lúc đầu dường như chẳng thiếu gì; cái giá lộ ra dưới dạng những vấn đề mãi chưa được giải quanh {motif}.',
      ],
    },
    shortTerm: {
      with: [
        'Chỉ trong vài năm, giá giảm, công dụng nhân lên, và đời sống quanh {secondMotif} xoay theo {change}.',
      ],
      without: [
        'Chỉ trong vài năm, những thứ thay thế và cách xoay xở định hình {secondMotif}, mỗi thứ một giới hạn.',
      ],
    },
    longTerm: {
      any: [
        'Về lâu dài, {change} định hình cách con người làm việc, đi lại, học hành và trò chuyện, và cả việc vùng nào giàu, vùng nào nghèo.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một kỹ sư làm ra phiên bản đáng tin cậy đầu tiên',
    'một nhà đầu tư đặt cược cả gia sản vào {motif}',
    'một viên chức soạn những quy định đầu tiên cho nó',
    'một người thợ mất nghề và phải học lại từ đầu',
    'một nhà báo giải thích {change} cho mọi người',
  ],
  motifs: ['các xưởng thợ', 'các nhà máy', 'văn phòng', 'các gia đình', 'trường học', 'chợ búa'],
  assumptions: {
    any: [
      'Vật liệu và tay nghề mà thay đổi đòi hỏi đã có sẵn vào thời điểm đó, hoặc có thể sớm tìm ra.',
      'Người ta dùng một công cụ hữu ích ngay khi đủ tiền mua, không sớm hơn.',
      'Những công nghệ cạnh tranh vẫn tiếp tục phát triển song song.',
    ],
    without: ['Không ai sớm phát minh ra điều tương tự bằng một con đường khác.'],
  },
};

const places: Story = {
  stages: [
    {
      with: [
        '{clause}. Bản đồ được vẽ lại, và {motif} bỗng quan trọng với cả những người chưa từng nghe tên.',
        '{clause}. Những người hiểu ra trước tiên là quan chức, thương nhân và binh lính buộc phải dời đi.',
      ],
      without: [
        '{clause}. Trên bản đồ có một khoảng trống ở nơi lịch sử của chúng ta đặt một địa danh lớn, và các con đường uốn quanh nó.',
        '{clause}, và mọi thứ lẽ ra tụ về đó nay tụ về nơi khác.',
      ],
    },
    {
      any: [
        'Đường bộ, tàu thuyền và thư từ đổi hướng, và dòng người qua {motif} ngày một đông.',
        'Người mới đến tìm cơ hội, và {figure} là một trong những người đầu tiên mua đất gần {motif}.',
      ],
      without: [
        'Đường bộ, tàu thuyền và thư từ đi theo những lối còn lại, và {figure} gây dựng cơ nghiệp nhờ con đường vòng ấy.',
        'Những thương nhân lẽ ra đi qua đó tìm đường khác, và những nơi khác giàu lên thay vào đó.',
      ],
    },
    {
      any: [
        'Việc xây dựng bắt đầu thật sự: công sở, kho hàng và nhà cửa mọc lên quanh {secondMotif}.',
        'Giá đất quanh {secondMotif} tăng gấp đôi, rồi lại gấp đôi, và cư dân cũ bị đẩy ra rìa.',
      ],
      without: [
        'Tiền bạc và sức người lẽ ra dồn vào đó chảy sang nơi khác: những thị trấn khác, những con đường khác, những bức tường khác.',
        'Người ta định cư ở những nơi lịch sử của chúng ta không đặt họ, và {secondMotif} phát triển theo lối khác.',
      ],
    },
    {
      with: [
        'Những vùng lân cận thích nghi: có nơi thịnh vượng nhờ làm nguồn cung, có nơi mất mối buôn vào tay {change}.',
        'Ngôn ngữ và phong tục hòa trộn khi người khắp vùng đến định cư quanh {secondMotif}.',
      ],
      without: [
        'Những nơi khác nhận lấy vai trò ấy, và {secondMotif} lớn lên thành điều lịch sử của chúng ta chưa bao giờ cho phép.',
        'Cả vùng tự tổ chức quanh những trung tâm khác, và các con đường cũ phai dần trong ký ức.',
      ],
    },
    {
      any: [
        'Một thế hệ ra đời không biết tấm bản đồ nào khác, và {thirdMotif} đơn giản là một phần của quê nhà.',
        'Sách giáo khoa vẽ cả vùng quanh {change}, và trẻ em học địa lý ấy như trật tự tự nhiên của mọi thứ.',
      ],
    },
    {
      any: [
        'Thử thách lớn đầu tiên: lũ lụt, hỏa hoạn hay tranh chấp quanh {motif} cho thấy nơi này được xây vững đến đâu.',
        'Sự ganh đua với những nơi bị thiệt thòi trở nên gay gắt, và {figure} phải đứng ra dàn xếp.',
      ],
      without: [
        'Thử thách lớn đầu tiên đến từ bên ngoài: chiến tranh, đói kém hay lũ lụt ập đến một vùng đất thiếu những gì lịch sử của chúng ta từng trao cho nó.',
        'Những trung tâm đối địch tranh giành thứ không ai giữ nổi một mình, và {figure} phải đứng ra dàn xếp.',
      ],
    },
    {
      any: [
        'Thương mại, di cư và chính trị khắp vùng giờ đi theo những đường nét mà {change} vạch ra.',
        'Nơi này có một cá tính riêng, và tiếng tăm của {secondMotif} vang xa khỏi nó.',
      ],
      without: [
        'Thương mại, di cư và chính trị khắp vùng giờ đi theo những đường nét mà {change} vạch ra.',
        'Những nơi khác có được tiếng tăm lẽ ra thuộc về nó, và {secondMotif} được biết đến vì những điều khác.',
      ],
    },
    {
      any: [
        'Ngày nay, một lữ khách từ thế giới của chúng ta sẽ thấy vùng đất quen thuộc về địa hình nhưng xa lạ về bản đồ, tất cả vì {change}.',
        'Nhìn lại, các nhà địa lý đồng ý rằng {change} đã quyết định nơi con người sống, buôn bán và cai trị.',
      ],
    },
  ],
  divergence: { any: ['Điểm rẽ nhánh: {datedClause}.', 'Thay đổi duy nhất trên bản đồ: {datedClause}.'] },
  stakes: {
    with: [
      'Một địa danh quan trọng thay đổi ý nghĩa của mọi thứ quanh nó, kể cả {motif}, {secondMotif} và {thirdMotif}.',
      'Nơi quyền lực và buôn bán tụ về quyết định ai giàu lên và ai bị bỏ lại, từ {motif} đến {secondMotif}.',
    ],
    without: [
      'Xóa một địa danh khỏi bản đồ, các con đường, kinh đô và chợ búa của cả một vùng sẽ tự sắp xếp lại.',
      'Những gì lẽ ra tụ về đó phải tụ về nơi khác, và {motif} cùng {secondMotif} cảm nhận điều ấy trước tiên.',
    ],
  },
  consequences: {
    immediate: {
      any: ['Người, tiền bạc và quan chức dịch chuyển ngay lập tức, và sức ép dồn trước hết lên {motif}.'],
    },
    shortTerm: {
      any: [
        'Chỉ trong vài năm, đường sá, bến cảng và chợ búa quanh {secondMotif} được xây lại cho {change}.',
      ],
    },
    longTerm: {
      any: [
        'Về lâu dài, {change} quyết định đô thị nào lớn lên, ngôn ngữ nào lan rộng và sự giàu có của ai bền lâu.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một người đo đạc vẽ lại bản đồ',
    'một thương nhân dời cơ nghiệp gia đình đến {motif}',
    'một viên quan được giao làm cho {change} thành hiện thực',
    'một nhà thầu giành được những công trình lớn',
    'một nhà thơ viết về thị trấn cũ bị bỏ lại',
  ],
  motifs: ['bến cảng', 'những con đường chính', 'chợ búa', 'khu hành chính', 'phố cổ', 'các làng quanh vùng'],
  assumptions: {
    any: [
      'Đất đai, sông ngòi và khí hậu vẫn như ta biết; chỉ những gì con người làm với chúng là khác.',
      'Người dân trong vùng chấp nhận thay đổi, ít nhất lúc đầu, thay vì chống lại nó.',
      'Buôn bán đi theo con đường thuận tiện nhất một khi thay đổi đã diễn ra.',
    ],
  },
};

const culture: Story = {
  stages: [
    {
      with: [
        '{clause}. Những khán giả đầu tiên không biết nghĩ sao về nó; {figure} là một trong số ít người hiểu.',
        '{clause}. Mọi chuyện bắt đầu nhỏ bé, ở {motif}, trước vài người sẽ còn nhắc lại nhiều năm sau.',
      ],
      without: [
        '{clause}. Không ai biết mình thiếu gì; những tác phẩm lẽ ra đã có đơn giản là không bao giờ ra đời.',
        '{clause}, và chỗ đứng lẽ ra của nó giữa {motif} thuộc về người khác.',
      ],
    },
    {
      any: [
        'Giới phê bình tranh cãi, kẻ bắt chước xuất hiện, và đám đông kéo đến {motif} xem chuyện gì đang xảy ra.',
        'Tiếng lành đồn xa qua lời kể và trang in, và {figure} kiếm sống bằng việc giải thích nó.',
      ],
      without: [
        'Những nghệ sĩ khác lấp chỗ trống, và {figure} chứng kiến những cái tên mới bước lên sân khấu.',
        'Thị hiếu đi theo những lối khác, và {motif} chuộng những phong cách khác, những người hùng khác.',
      ],
    },
    {
      with: [
        'Trường lớp và xưởng nghề dạy lối mới, và {secondMotif} bắt đầu mang âm hưởng, dáng vẻ khác.',
        'Tiền theo chân khán giả, và người bảo trợ, nhà xuất bản, bầu sô tụ về quanh {secondMotif}.',
      ],
      without: [
        'Trường lớp và xưởng nghề dạy theo những khuôn mẫu khác, và {secondMotif} phát triển theo lối khác.',
        'Tiền theo chân những khán giả khác, và người bảo trợ, nhà xuất bản nâng đỡ những cái tên khác quanh {secondMotif}.',
      ],
    },
    {
      any: [
        'Ảnh hưởng vượt qua biên giới và ngôn ngữ, chạm đến cả những người không bao giờ thấy bản gốc.',
        'Bản dịch, bản sao và những chuyến lưu diễn mang nó đi xa khỏi {motif}, và mỗi nơi biến nó thành của mình.',
      ],
      without: [
        'Những truyền thống khác được lan truyền thay thế, và nền văn hóa chung của thế giới được ghép từ những mảnh khác.',
        'Thiếu nó, cầu nối giữa các cộng đồng khán giả được xây bằng những tác phẩm khác, và dẫn tới những nơi khác.',
      ],
    },
    {
      any: [
        'Một thế hệ lớn lên cùng {change}; với họ, {thirdMotif} xưa nay vẫn vậy.',
        'Lớp nghệ sĩ kế tiếp định nghĩa mình bằng cách theo hoặc chống lại {change}, và cả hai phe đều ồn ào.',
      ],
      without: [
        'Thế hệ nghệ sĩ tiếp theo lớn lên với những khuôn mẫu khác, và {thirdMotif} cho thấy điều đó.',
        'Nghệ sĩ trẻ học theo những bậc thầy khác; không ai nhớ tiếc thứ chưa từng có.',
      ],
    },
    {
      any: [
        'Một làn sóng phản đối nổi lên: kiểm duyệt, trào lưu đối nghịch hay đơn giản là sự nhàm chán đem {change} ra phán xét. Nó sống sót, nhưng đã khác đi.',
        'Thời thế đổi thay, và có một thời {change} bị coi là cũ kỹ; rồi người ta lại tìm về nó.',
      ],
      without: [
        'Giới học giả đôi khi cảm thấy một khoảng trống không gọi được tên; những tác phẩm lấp vào đó hay, nhưng khác.',
        'Một trào lưu đối nghịch nổi lên rồi lụi tàn quanh {motif}, như mọi trào lưu, trong một lịch sử chưa từng có những gì lịch sử của chúng ta có.',
      ],
    },
    {
      any: [
        'Giờ ảnh hưởng ấy có mặt khắp nơi, trong {motif}, trong {secondMotif} và cả trong cách người ta nói năng.',
        'Điều từng táo bạo nay thành kinh điển, được giảng dạy và trình diễn ở bất cứ đâu có {secondMotif}.',
      ],
      without: [
        'Những tác phẩm khác giữ chỗ đứng lẽ ra thuộc về nó, trong {motif}, trong {secondMotif} và cả trong cách người ta nói năng.',
        'Những tác phẩm kinh điển được dạy ở đây là những tác phẩm khác, và {secondMotif} phản ánh điều đó.',
      ],
    },
    {
      any: [
        'Ngày nay giới phê bình ở đây xếp {change} vào hàng những bước ngoặt của nền văn hóa, và tranh cãi về mọi thứ còn lại.',
        'Nhìn lại, cả diện mạo thị hiếu hiện đại, từ {motif} đến {thirdMotif}, đều mang dấu ấn của {change}.',
      ],
    },
  ],
  divergence: { any: ['Điểm rẽ nhánh: {datedClause}.', 'Thay đổi duy nhất: {datedClause}.'] },
  stakes: {
    with: [
      'Một tác phẩm nghệ thuật thay đổi người thưởng thức nó, và qua họ, thay đổi {motif}, {secondMotif} và cả ngôn ngữ.',
      'Thị hiếu là một chuỗi mắt xích: đổi một mắt xích, mọi thứ sau nó, từ {motif} đến {secondMotif}, đều được tạo ra khác đi.',
    ],
    without: [
      'Bỏ đi một tác phẩm hay một nghệ sĩ, mọi người từng được truyền cảm hứng từ đó phải tìm cảm hứng khác, hoặc không có gì cả.',
      'Khoảng trống vô hình với những ai sống trong nó: {motif} và {secondMotif} lấp đầy nó mà không biết nó tồn tại.',
    ],
  },
  consequences: {
    immediate: {
      any: ['Khán giả, giới phê bình và đối thủ phản ứng ngay, và các cuộc tranh luận nổ ra giữa {motif}.'],
    },
    shortTerm: {
      any: [
        'Chỉ trong vài năm, trường phái, kẻ bắt chước và các cơ sở kinh doanh mọc lên quanh {secondMotif}.',
      ],
    },
    longTerm: {
      any: ['Về lâu dài, {change} định hình những gì con người đọc, nghe, xem, và cách họ kể về chính mình.'],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một nhà phê bình sớm lên tiếng ủng hộ {change}',
    'một nghệ sĩ đối thủ xây sự nghiệp bằng cách chống lại nó',
    'một nhà xuất bản làm giàu nhờ {motif}',
    'một học trò trẻ mang phong cách ấy ra nước ngoài',
    'một viên kiểm duyệt tìm cách ngăn chặn nó',
  ],
  motifs: [
    'các nhà hát',
    'các nhà in',
    'các phòng hòa nhạc',
    'các trường mỹ thuật',
    'giới phê bình',
    'khán giả',
  ],
  assumptions: {
    any: [
      'Khán giả vẫn tò mò và bảo thủ như trong lịch sử của chúng ta.',
      'Nghệ sĩ thời ấy làm việc với đúng những công cụ và người bảo trợ họ thực sự có.',
      'Tài năng không hiếm: thiếu một nghệ sĩ thì luôn có người khác sẵn sàng bước lên sân khấu.',
    ],
  },
};

const society: Story = {
  stages: [
    {
      with: [
        '{clause}. Những ngày đầu đầy bối rối: luật lệ viết cho cách sống cũ không còn vừa.',
        '{clause}. Những người xưa nay sống một kiểu chợt nhận ra mình phải sống kiểu khác.',
      ],
      without: [
        '{clause}. Những thói quen dựa trên nó phải được dựng lại từ đầu.',
        '{clause}, và khoảng trống nó để lại trong đời sống hằng ngày được lấp bằng sự ứng biến.',
      ],
    },
    {
      any: [
        'Gia đình, chủ doanh nghiệp và quan chức cùng ứng biến; {figure} trở thành tiếng nói của những người thấy thay đổi khó khăn nhất.',
        'Những người được và mất đầu tiên xuất hiện quanh {motif}, và họ không phải là những người ai cũng đoán trước.',
      ],
    },
    {
      any: [
        'Luật lệ mới được viết cho {motif}; những gì từng ứng biến trở thành chính thức.',
        'Các cửa hàng điều chỉnh giá và giờ mở cửa, và {secondMotif} đổi khác chỉ trong vài tháng.',
      ],
    },
    {
      any: [
        'Các nước khác theo dõi, bắt chước hoặc từ chối; {change} trở thành một vấn đề chính trị ở khắp nơi.',
        'Thay đổi lan từ những nơi thử nghiệm trước đến cả những nơi từng tuyên bố sẽ không bao giờ làm theo.',
      ],
    },
    {
      any: [
        'Một thế hệ lớn lên chưa từng biết {thirdMotif} theo cách nào khác; với họ, mọi chuyện vốn dĩ là vậy.',
        'Trẻ em sinh ra sau thay đổi coi {change} là điều hiển nhiên, và thấy chuyện kể của ông bà thật lạ lùng.',
      ],
    },
    {
      any: [
        'Cuộc khủng hoảng thật sự đầu tiên: suy thoái, bê bối hay một cuộc đình công quanh {motif} thử thách trật tự mới. Nó oằn mình, rồi trụ vững.',
        'Những người chỉ trích đổ mọi lỗi cho {change}; các cải cách sau đó sửa được một phần.',
      ],
    },
    {
      any: [
        'Giờ đây {change} định hình ngân sách, đô thị và thói quen, và {secondMotif} hẳn sẽ xa lạ với chúng ta.',
        'Luật pháp, trường học và nơi làm việc đều đã được dựng lại quanh {change}.',
      ],
    },
    {
      any: [
        'Ngày nay người ta tranh luận về từng chi tiết của {change}, nhưng không bao giờ về bản thân nó.',
        'Nhìn lại, các nhà xã hội học truy nhiều nét của đời sống hiện đại, từ {motif} đến {thirdMotif}, về {change}.',
      ],
    },
  ],
  divergence: {
    any: ['Điểm rẽ nhánh: {datedClause}.', 'Thay đổi duy nhất trong cách con người sống: {datedClause}.'],
  },
  stakes: {
    with: [
      'Những thói quen ai cũng coi là hiển nhiên được dựng lại quanh {change}, và {motif} cùng {secondMotif} chẳng còn giống của chúng ta.',
      'Con người vẫn cần làm việc, tin nhau và chia sẻ; chỉ là họ làm điều đó qua {motif} và {secondMotif} theo những cách khác.',
    ],
    without: [
      'Con người vẫn cần những gì {subject} từng mang lại, và phải tìm cách khác để có chúng, qua {motif} và {secondMotif}.',
      'Rút một thói quen khỏi xã hội, mọi thứ tựa vào nó đều phải tìm điểm tựa mới.',
    ],
  },
  consequences: {
    immediate: {
      any: ['Nếp sinh hoạt hằng ngày vỡ trước tiên: {motif} phải được tổ chức lại chỉ trong vài ngày.'],
    },
    shortTerm: {
      any: ['Chỉ trong vài năm, luật lệ, giá cả và kỳ vọng quanh {secondMotif} ổn định theo hình hài mới.'],
    },
    longTerm: {
      any: [
        'Về lâu dài, {change} thay đổi ai giàu ai nghèo, các gia đình sống ra sao và con người trông đợi gì ở nhau.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một người tổ chức công đoàn lên tiếng cho những ai chịu thiệt',
    'một thị trưởng phải làm cho {change} vận hành trong một thành phố',
    'một chủ tiệm có khách hàng đổi khác chỉ sau một đêm',
    'một nhà nghiên cứu đo lường tác động của {change} lên con người',
    'một cô giáo giải thích {change} cho những đứa trẻ chưa từng biết điều gì khác',
  ],
  motifs: ['nơi làm việc', 'trường học', 'các hộ gia đình', 'chợ búa', 'tòa thị chính', 'các khu phố'],
  assumptions: {
    any: [
      'Con người không tốt hơn cũng không tệ hơn trong lịch sử của chúng ta; họ phản ứng theo những động lực mà thay đổi tạo ra.',
      'Chính quyền có đủ phương tiện để thực thi thay đổi, ít nhất là ở các thành phố.',
      'Phần còn lại của nền kinh tế khởi đầu như ta biết.',
    ],
  },
};

const disruption: Story = {
  stages: [
    {
      any: [
        '{clause}. Trong vài phút, người ta tưởng đó là sự cố cục bộ; rồi tin báo đổ về từ khắp nơi.',
        '{clause}. Dấu hiệu đầu tiên rất nhỏ, một trục trặc quanh {motif}, rồi nó lan ra.',
      ],
    },
    {
      any: [
        'Chỉ trong vài giờ, người ta đã ứng biến: giấy bút, điện thoại bàn, hàng xóm giúp nhau quanh {motif}.',
        'Bệnh viện, giao thông và lực lượng cứu hộ chuyển sang phương án dự phòng, và phát hiện ra phương án nào chỉ có trên giấy.',
      ],
    },
    {
      any: [
        'Chính phủ họp khẩn; {figure} trở thành gương mặt của công tác ứng phó.',
        'Cửa hàng, ngân hàng và văn phòng đóng cửa hoặc chuyển sang làm thủ công, và hàng người dài nhất là quanh {secondMotif}.',
      ],
    },
    {
      pause: [
        'Quãng gián đoạn qua đi; dịch vụ trở lại từng phần, còn trục trặc, và việc giải quyết tồn đọng bắt đầu.',
        'Cuối cùng mọi thứ cũng trở lại, và những giờ đầu tiên chậm hơn ai nấy mong đợi.',
      ],
      any: [
        'Thiệt hại giờ đã rõ: {secondMotif} không thể chờ thêm, và việc phân phối theo định mức bắt đầu.',
        'Khủng hoảng trở thành trạng thái bình thường mới, và người ta học cách sống thiếu {subject}.',
      ],
    },
    {
      any: [
        'Những hệ lụy dây chuyền xuất hiện ở nơi vốn đã mong manh nhất: {thirdMotif}.',
        'Các hãng bảo hiểm, tòa án và kế toán bắt đầu tính thiệt hại, và con số lớn hơn những gì báo chí nói.',
      ],
    },
    {
      any: [
        'Các cuộc điều tra hỏi vì sao hệ thống dự phòng thất bại; {secondFigure} làm chứng rằng những lời cảnh báo đã bị bỏ qua.',
        'Kỹ sư và quan chức xây lại những gì đã hỏng, lần này có dư công suất.',
      ],
    },
    {
      any: [
        'Quy định mới bắt buộc phải có dự phòng, kho dự trữ và diễn tập, và {motif} được thiết kế lại để sự cố không thể lan dây chuyền.',
        'Ngân sách cho khả năng chống chịu tăng gấp đôi, và những người từng tính đến kịch bản xấu nhất cuối cùng cũng được lắng nghe.',
      ],
    },
    {
      any: [
        'Cuộc khủng hoảng trở thành một mốc thời gian ai cũng nhớ, và một chương trong mọi kế hoạch phòng ngừa rủi ro.',
        'Nhìn lại, người ta nhớ sự việc ấy ít vì thiệt hại hơn là vì những bài học nó để lại.',
      ],
    },
  ],
  divergence: { any: ['Điểm rẽ nhánh: {datedClause}.', 'Không một lời báo trước, {datedClause}.'] },
  stakes: {
    any: [
      'Một thế giới phụ thuộc vào {subject} biết được mình phụ thuộc đến đâu, từng giờ một: trước hết là {motif} và {secondMotif}.',
      'Không có gì hỏng mãi mãi, nhưng mọi thứ phụ thuộc vào {subject} đều bị thử thách cùng lúc.',
    ],
  },
  consequences: {
    immediate: { any: ['Mọi thứ phụ thuộc vào {subject} ngừng lại hoặc chậm đi, bắt đầu từ {motif}.'] },
    shortTerm: {
      pause: [
        'Khi mọi thứ trở lại, việc giải quyết tồn đọng mất nhiều tuần, và có những thiệt hại không bao giờ bù lại được.',
      ],
      any: [
        'Chỉ trong vài tuần, cái giá hiện ra trong giá cả, ngày công bị mất và các dịch vụ quá tải quanh {secondMotif}.',
      ],
    },
    longTerm: {
      any: [
        'Về lâu dài, dự phòng, kho dự trữ và diễn tập trở thành chuyện bình thường, và thế giới vững vàng hơn một chút.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một kỹ sư giữ cho {motif} vận hành bằng tay',
    'một quan chức điều phối công tác ứng phó khẩn cấp',
    'một y tá trực hai ca liền',
    'một chủ tiệm vẫn buôn bán bằng giấy bút',
    'một điều tra viên dẫn dắt cuộc điều tra sau đó',
  ],
  motifs: ['các bệnh viện', 'các cửa hàng', 'tàu xe', 'các ngân hàng', 'lực lượng cứu hộ', 'văn phòng'],
  assumptions: {
    any: [
      'Sự cố xảy ra ở khắp nơi cùng lúc, không chỉ ở một vùng.',
      'Lực lượng khẩn cấp làm việc đúng như thiết kế, không hơn không kém.',
      'Phần lớn mọi người giúp đỡ nhau; hoảng loạn chỉ xảy ra cục bộ.',
    ],
  },
};

const myth: Story = {
  stages: [
    {
      with: [
        '{clause}. Những tin báo đầu tiên nghe như chuyện đùa; những tin tiếp theo có cả nhân chứng.',
        '{clause}. Không ai chuẩn bị sẵn, kể cả những người từng tin vào chuyện cổ tích.',
      ],
      without: [
        '{clause}. Những câu chuyện xưa mất đi nhân vật chính, và thứ khác chiếm chỗ trong đó.',
        '{clause}, và thế giới tiếp tục như thể truyền thuyết ấy chưa từng được kể.',
      ],
    },
    {
      any: [
        'Các chính phủ tuyên bố tình trạng khẩn cấp; {figure} là chuyên gia đầu tiên người ta tìm được.',
        'Đám đông tụ tập gần {motif}, và nhà chức trách không biết nên giải tán hay nhập bọn.',
      ],
    },
    {
      any: [
        'Những quy định đầu tiên ra đời: ai được đến gần {motif}, ai chịu trách nhiệm, ai bồi thường thiệt hại.',
        'Giới khoa học và giới tu hành tranh cãi về ý nghĩa của nó, và {figure} cố nói thay cho cả hai.',
      ],
    },
    {
      any: [
        'Các nước khác báo cáo những trường hợp của mình, hoặc che giấu, và {change} trở thành chuyện ngoại giao.',
        'Buôn bán, đi lại và chiến tranh đều phải thích nghi: {secondMotif} bỗng trở nên quý giá, hoặc nguy hiểm.',
      ],
    },
    {
      any: [
        'Một thế hệ lớn lên với {change} như một phần của đời sống; với họ, {thirdMotif} là chuyện bình thường.',
        'Trẻ em được dạy luật lệ mới ở trường, và thấy thế giới cũ của truyền thuyết thật ngộ nghĩnh.',
      ],
    },
    {
      any: [
        'Cuộc khủng hoảng lớn đầu tiên: một tai nạn quanh {motif} cho thấy người ta hiểu biết ít ỏi đến đâu. Luật lệ được thắt chặt.',
        'Một làn sóng phản đối dâng lên trong những người chịu thiệt, và {secondFigure} đứng đầu.',
      ],
    },
    {
      any: [
        'Kinh tế, tôn giáo và khoa học đều đã được dựng lại quanh {change}.',
        'Cả những ngành nghề sống nhờ {secondMotif}, và cả những vùng đất đã học cách chung sống với nó.',
      ],
    },
    {
      any: [
        'Ngày nay những truyền thuyết cũ được đọc như sử liệu, và các sử gia tranh cãi phần nào là thật.',
        'Nhìn lại, người ở đây không thể hình dung một thế giới mà {change} chỉ là chuyện kể.',
      ],
    },
  ],
  divergence: { any: ['Điểm rẽ nhánh: {datedClause}.', 'Điều không thể đã xảy ra: {datedClause}.'] },
  stakes: {
    any: [
      'Những câu chuyện xưa hóa ra là cẩm nang thực địa, và {motif} cùng {secondMotif} trở thành vấn đề chính sách.',
      'Truyền thuyết trở thành hậu cần: {motif}, {secondMotif} và {thirdMotif} đều cần có luật lệ.',
    ],
  },
  consequences: {
    immediate: { any: ['Hoảng loạn, kinh ngạc và cơ hội cùng ập đến, và chúng gặp nhau quanh {motif}.'] },
    shortTerm: { any: ['Chỉ trong vài năm, luật pháp, thị trường và quân đội đã thích nghi với {change}.'] },
    longTerm: {
      any: [
        'Về lâu dài, {change} định hình lại tôn giáo, khoa học và quyền lực sâu sắc chẳng kém bất cứ cuộc cách mạng nào trong lịch sử của chúng ta.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'một học giả nghiên cứu truyền thuyết bỗng trở nên được săn đón',
    'một người lính được cử đến giữ trật tự quanh {motif}',
    'một thương nhân nhìn ra cơ hội trước tiên',
    'một nhà tu hành phải giải thích {change} cho tín đồ',
    'một đứa trẻ lớn lên không hề sợ hãi nó',
  ],
  motifs: [
    'những truyền thuyết cũ',
    'các làng miền núi',
    'triều đình',
    'các đền miếu',
    'lính biên phòng',
    'chợ búa',
  ],
  assumptions: {
    any: [
      'Truyền thuyết vận hành đúng như những câu chuyện xưa mô tả, không thêm quyền năng nào.',
      'Bản tính con người không đổi: người ta sợ hãi, khai thác và thích nghi với điều mới.',
      'Vật lý và sinh học chỉ uốn cong đúng bằng mức câu hỏi đòi hỏi.',
    ],
  },
};

export const vietnameseWorldStories = { history, technology, places, culture, society, disruption, myth };
