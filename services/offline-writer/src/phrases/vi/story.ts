import type { PhraseBank } from '../types';

/** Tiêu đề, tiền đề, điểm rẽ nhánh và các chặng của dòng thời gian, bằng tiếng Việt. */
export const vietnameseStory: Pick<
  PhraseBank,
  'titles' | 'titleSubtitles' | 'premise' | 'divergence' | 'timeline' | 'continuation'
> = {
  titles: {
    survived: [
      'Nếu {Cpast}',
      '{Stitle} trường tồn',
      'Buổi chiều dài của {Sraw}',
      'Cái kết không bao giờ đến',
    ],
    'never-existed': ['Nếu {Cpast}', 'Một thế giới không có {Sraw}', 'Mảnh ghép còn thiếu: {Sraw}'],
    won: ['Nếu {Cpast}', 'Chiến thắng của {Sraw}', 'Khi {Cpast}'],
    lost: ['Nếu {Cpast}', 'Thất bại của {Sraw}', 'Khi {Cpast}'],
    shifted: ['Nếu {Cpast}', '{Stitle} đến sai thời', 'Quá sớm: {Sraw}'],
    became: ['Nếu {Cpast}', 'Con đường kia: {path}', 'Cuộc đời khi {Cpast}'],
    gained: ['Nếu {Cpast}', 'Thời đại của {Sraw}', 'Một thế giới nơi {Cpast}'],
  },
  titleSubtitles: {
    serious: ['Một lịch sử khác', 'Một thay đổi lan xa', 'Con đường không được chọn'],
    playful: ['Chuyện gì có thể sai được chứ?', 'Một lịch sử hơi oái oăm', 'Chẳng ai ngờ tới'],
    dramatic: ['Ngày mọi thứ đổi chiều', 'Một thế giới bị viết lại', 'Không còn đường lui'],
    academic: ['Một phân tích phản thực tế', 'Nghiên cứu về điểm rẽ nhánh', 'Nguyên nhân và hệ quả'],
  },
  premise: {
    anchored: [
      'Sử sách ghi rằng {start}, {recorded}. Trong kịch bản này, mọi chuyện rẽ sang hướng khác: {Cpast}.',
      '{start}, {recorded} — lịch sử chúng ta biết là như vậy. Ở đây, sợi chỉ đứt theo cách khác, và {Cpast}.',
      'Sách giáo khoa nào cũng viết rằng {start}, {recorded}. Còn câu chuyện này thì không: {Cpast}.',
    ],
    free: {
      world: [
        'Chỉ thay đổi một điều rồi lần theo nó đến cùng: {Cpast}. Ngoài điều đó ra, thế giới của {startLabel} ban đầu vẫn y như ta biết.',
        'Thế giới vẫn là thế giới quen thuộc, cho đến khi một sự thật duy nhất lung lay: {Cpast}.',
        'Hãy hình dung khoảnh khắc {Cpast}, và không có gì khác uốn mình cho dễ dàng hơn.',
      ],
      deep: [
        'Quay ngược đồng hồ về {start} và đổi một kết cục duy nhất: {Cpast}.',
        'Câu chuyện bắt đầu từ {start}, rất lâu trước khi có ai ghi chép, với một khác biệt duy nhất: {Cpast}.',
      ],
      life: [
        'Hãy hình dung phiên bản cuộc đời bạn trong đó {Cpast}. Vẫn con người ấy, vẫn điểm xuất phát ấy; chỉ một quyết định rẽ sang lối khác.',
        'Ở một dòng thời gian bên cạnh, {Cpast}. Đây là cuộc đời ấy, kể lại từ đầu.',
        'Mọi chuyện bắt đầu từ một lựa chọn khác đi: {Cpast}.',
      ],
    },
    stakes: {
      politics: [
        'Quyền lực lẽ ra đã tan biến nay vẫn nằm nguyên chỗ cũ, và {m1}, {m2} cùng {m3} phải tìm chỗ đứng trên một tấm bản đồ không hề được vẽ lại.',
        'Câu hỏi không còn là ai thừa kế {m1}, mà là ai có thể sống chung khi {m2} vẫn còn đứng vững.',
      ],
      war: [
        'Một trận đánh quyết định nhiều hơn một đường biên giới: số phận của {m1} và {m2} giờ treo trên một kết cục khác.',
        'Binh lính trở về với một nền hòa bình khác, và {m1} cùng {m2} được mặc cả bởi những kẻ thắng khác.',
      ],
      technology: [
        'Một công cụ thay đổi cả người cầm nó: {m1}, {m2} và {m3} đều phải nhường chỗ cho nó.',
        'Hệ quả lan qua {m1} và {m2} từ rất lâu trước khi có ai nghĩ ra tên gọi cho chúng.',
      ],
      nature: [
        'Sự sống không đứng yên quanh thay đổi ấy: {m1} và {m2} bước vào một cuộc tranh giành khác trên cùng một mảnh đất.',
        'Mọi hệ sinh thái ở hạ nguồn của thay đổi đều tự sắp xếp lại, từ {m1} đến {m2}.',
      ],
      society: [
        'Những thói quen ai cũng coi là hiển nhiên được dựng lại từ đầu, và {m1} lẫn {m2} chẳng còn giống của chúng ta.',
        'Con người vẫn cần trao đổi, tin nhau và chia sẻ; họ chỉ làm điều đó qua {m1} và {m2} mà thôi.',
      ],
      life: [
        'Những người bạn gặp, thành phố nơi bạn thức dậy và những nỗi lo bạn mang theo đều bắt nguồn từ lựa chọn ấy.',
        'Không có phép màu nào cả; khác biệt nằm trong hàng nghìn ngày bình thường tiếp theo.',
      ],
      myth: [
        'Những câu chuyện cổ hóa ra là sách hướng dẫn thực địa, còn {m1} và {m2} trở thành chuyện của chính sách.',
        'Huyền thoại biến thành chuyện hậu cần: {m1}, {m2} và {m3} giờ đều cần luật lệ.',
      ],
    },
    scope: {
      serious: [
        'Kịch bản dưới đây lần theo các hệ quả từ {startLabel} đến {endLabel}.',
        'Câu chuyện đi từ {startLabel} đến {endLabel}.',
      ],
      playful: [
        'Thắt dây an toàn nhé: ta sẽ đi từ {startLabel} đến {endLabel}, và mọi thứ sẽ hơi kỳ quặc.',
        'Từ {startLabel} đến {endLabel}, mọi chuyện leo thang. Một cách vui vẻ.',
      ],
      dramatic: [
        'Từ {startLabel} đến {endLabel}, không gì được buông tha.',
        'Con đường trải dài từ {startLabel} đến {endLabel}, và không có lối quay về.',
      ],
      academic: [
        'Phân tích bao quát giai đoạn từ {startLabel} đến {endLabel}, có ghi chú những chỗ bằng chứng còn mỏng.',
        'Chúng tôi xem xét chuỗi nhân quả từ {startLabel} đến {endLabel}.',
      ],
    },
  },
  divergence: {
    anchored: [
      'Nơi lịch sử ghi rằng {recorded}, ở đây {Cpast}.',
      'Khoảnh khắc mà lịch sử của chúng ta ghi nhớ — {recorded} — lại diễn ra khác: {Cpast}.',
    ],
    free: {
      world: ['{Cpast_cap}.', 'Thay đổi duy nhất: {Cpast}.'],
      deep: ['{Cpast_cap}.', 'Khác biệt duy nhất trong lịch sử sự sống: {Cpast}.'],
      life: ['{Cpast_cap}.', 'Lựa chọn: {Cpast}.'],
    },
  },
  timeline: {
    world: [
      [
        '{Cpast_cap}. Những người gần {m1} nhất nhận ra trước tiên, và chưa ai có từ ngữ để gọi tên điều đã thay đổi.',
        'Mọi chuyện diễn ra lặng lẽ hơn ai cũng tưởng: {Cpast}. Những người nắm giữ {m1} là những người đầu tiên hiểu ra.',
        '{Cpast_cap}, và những người đầu tiên cảm nhận được là những người quanh {m1}.',
      ],
      [
        'Tin đồn về {S} lan nhanh hơn khả năng ai đó kịp trả lời; {f1} là một trong số ít người sớm nhìn ra cơ hội.',
        'Những kẻ được và người mất đầu tiên xuất hiện quanh {m1}, và {f1} tìm mọi cách để đứng về phía được.',
        'Chẳng ai thống nhất được thay đổi ấy có nghĩa là gì, nhưng ai ở gần {m2} cũng phải hành động như thể mình biết.',
      ],
      [
        'Những luật lệ mới được viết ra quanh {m2}. Điều từng là ngoại lệ quanh {S} nay trở thành lẽ thường.',
        '{f2} lập luận rằng trật tự mới cần luật lệ riêng, và {m2} được dựng lại theo những luật lệ ấy.',
        'Những thiết chế cũ quanh {m2} được vá víu, rồi lặng lẽ bị thay thế.',
      ],
      [
        'Thay đổi lan ra khỏi nơi nó khởi phát: qua {m3}, nó đến với cả những người chưa từng mong đợi.',
        'Các nước láng giềng học theo những gì hiệu quả. Nhờ {m3}, thế giới do {S} định hình vươn tới những nơi rất xa điểm khởi đầu.',
      ],
      [
        'Một thế hệ lớn lên mà chưa từng biết {m1} có thể khác đi; với họ, mọi thứ vốn dĩ là như vậy.',
        'Những đứa trẻ sinh ra sau bước ngoặt coi {S} là điều hiển nhiên, còn chuyện ông bà kể về lối cũ nghe như cổ tích.',
      ],
      [
        'Khủng hoảng thật sự đầu tiên: một cuộc tranh chấp quanh {m2} thử thách trật tự mới gắn với {S}. Nó oằn xuống, nhưng đứng vững.',
        'Rồi những ngày khó khăn ập đến. Rắc rối quanh {m3} cho người ta cớ đổ lỗi cho {S}; những cải cách sau đó tồn tại lâu hơn cả những lời chỉ trích.',
      ],
      [
        'Thế giới dần ổn định trong hình hài mà {S} tạo nên. Một lữ khách từ dòng thời gian của chúng ta sẽ nhận ra núi non sông ngòi, nhưng không nhận ra {m1} hay {m2}.',
        'Đến lúc này, thay đổi ấy đã định hình bản đồ, ngân khố và thói quen, và {m1} chẳng còn giống chút nào với lịch sử của chúng ta.',
      ],
      [
        'Các sử gia ở đây vẫn tranh luận về bước ngoặt, nhưng phần lớn đồng ý rằng mọi thứ xoay quanh khoảnh khắc {Cpast}.',
        'Nhìn lại, cái bóng dài của ngày {Cpast} phủ lên {m1}, {m2} và cả {m3}.',
        'Học trò ở thế giới này học về {S} như khởi đầu của thời hiện đại, và không sao hình dung nổi mọi chuyện có thể khác đi.',
      ],
    ],
    deep: [
      [
        '{Cpast_cap}. Bầu trời tối sầm suốt một mùa, nhưng những dòng dõi lớn vẫn vượt qua, và thế giới giữ nguyên những chủ nhân cũ.',
        'Bất chấp mọi khả năng, {Cpast}. Mùa đông sau thảm họa kéo dài, nhưng đó không phải dấu chấm hết của {S}.',
      ],
      [
        'Những kẻ sống sót tỏa ra khắp vùng đất trống; hậu duệ của {S} chiếm lại các cánh rừng chỉ trong vài trăm nghìn năm.',
        'Sự hồi phục chậm chạp và không đồng đều, nhưng hậu duệ của {S} là những kẻ đầu tiên quay lại các đồng bằng rộng mở.',
      ],
      [
        'Khi {S} vẫn nắm giữ những thân hình to lớn, các loài thú có vú không bao giờ có cơ hội lớn lên; chúng vẫn nhỏ bé, sống về đêm và luôn cảnh giác.',
        'Những chỗ đứng mà thú có vú chiếm giữ trong lịch sử của chúng ta vẫn bị chiếm, và chúng sống ở bên lề, như xưa nay vẫn vậy.',
      ],
      [
        'Khí hậu nguội dần và đồng cỏ lan rộng. Những dòng dõi mới sinh ra từ {S} học cách gặm cỏ và chạy thành đàn khắp {m2}.',
        'Biển rút đi, những lục địa cỏ mới mở ra, và hậu duệ của {S} theo chân chúng.',
      ],
      [
        'Các kỷ băng hà đến rồi đi. Những hậu duệ của {S} sống sót qua chúng nhỏ hơn, máu nóng hơn và tinh khôn hơn tổ tiên.',
        'Một thế giới lạnh giá ưu ái bộ lông dày và trí khôn: lông vũ dày thêm, não lớn dần, và {m3} được định hình lại quanh những kẻ sống sót.',
      ],
      [
        'Trong số những loài săn mồi có lông vũ, bộ não tiếp tục lớn lên. Việc dùng công cụ xuất hiện, rồi đến một thứ có thể gọi là ngôn ngữ.',
        'Một dòng dõi học được cách hợp tác thành những nhóm lớn, và cảnh quan bắt đầu mang dấu tay của chúng.',
      ],
      [
        'Không loài vượn nào rời khỏi tán cây với số lượng đáng kể; vai trò mà con người đảm nhận trong lịch sử của chúng ta thuộc về hậu duệ của {S}.',
        'Các loài linh trưởng vẫn nhỏ bé và sống trên cây. Những kẻ biết tư duy đầu tiên của hành tinh sẽ mang vảy và lông vũ, chứ không phải tóc.',
      ],
      [
        'Thế giới ngày nay vẫn thuộc về hậu duệ của {S}. Các loài thú có vú vẫn nhỏ bé và dè dặt bên cạnh chúng, và chưa từng có thành phố nào do con người dựng lên.',
        'Ngày nay, nếu những kẻ thống trị thế giới này có bảo tàng, họ sẽ trưng bày xương của những loài thú nhỏ chưa bao giờ có cơ hội của mình.',
      ],
    ],
    life: [
      [
        '{Cpast_cap}. Quyết định chỉ mất một buổi chiều; sống với nó sẽ mất nhiều năm.',
        '{Cpast_cap}. Lúc ấy, nó giống một hơi thở dài đầy hồi hộp hơn là một bước ngoặt.',
        'Bạn đưa ra quyết định, và {Cpast}. Chẳng ai xung quanh chắc chắn đó là điều khôn ngoan.',
      ],
      [
        'Năm đầu tiên sau khi {path} là khó nhất. Mọi thứ từng dễ dàng đều phải học lại, và {f1} là người đầu tiên khiến mọi chuyện có vẻ khả thi.',
        'Nhịp sống mới, con người mới, những sai lầm mới. {f1} trở thành người bạn mà bạn gọi mỗi khi mọi chuyện tồi tệ.',
      ],
      [
        'Những hoài nghi đến đúng hẹn. Bạn nghĩ về {otherLife} nhiều hơn mức bạn chịu thừa nhận, nhưng bạn vẫn ở lại.',
        'Tiền bạc eo hẹp, giờ giấc thì dài; bạn hiểu ra lựa chọn ấy thực sự phải trả giá bao nhiêu.',
      ],
      [
        'Mọi thứ bỗng vào guồng. Cuộc sống bắt đầu từ quyết định {path} cuối cùng cũng thành của bạn, và mọi người bắt đầu tin cậy bạn.',
        'Một thành công nhỏ, rồi một thành công lớn hơn. Lần đầu tiên, cuộc sống mới giống của chính bạn chứ không phải chiếc áo đi mượn.',
      ],
      [
        '{f2} bước vào đời bạn, mang theo một mái nhà mà bạn chưa từng lên kế hoạch.',
        'Bạn bắt đầu bén rễ: một căn hộ đứng tên mình, một nhóm bạn thân, và {f2}.',
      ],
      [
        'Giữa chặng đường, bạn gặp một người đã chọn {otherLife}. Cuộc trò chuyện kéo dài đến quá nửa đêm.',
        'Một thất bại thử thách lựa chọn ấy thêm lần nữa. Bạn vẫn có thể quay lại; nhưng bạn nhận ra mình không còn muốn thế.',
      ],
      [
        'Giờ đến lượt những người trẻ hơn xin bạn lời khuyên. Bạn nói thật: lựa chọn không quan trọng bằng những gì ta làm với nó.',
        'Cuộc sống đã có hình hài ổn định: công việc, những con người, những nơi chốn bạn thuộc nằm lòng.',
      ],
      [
        'Nhìn lại, bạn có thể lần ra gần như mọi thứ — bạn bè, thành phố, nhịp sống mỗi ngày — từ khoảnh khắc {Cpast}.',
        'Bạn hiếm khi nghĩ về con đường kia nữa, và nếu có, đó là sự tò mò chứ không phải nuối tiếc.',
      ],
    ],
  },
  continuation: {
    title: ['{base}: câu chuyện tiếp nối từ {parentLabel}', '{base} — tiếp nối từ {parentLabel}'],
    premise: [
      'Câu chuyện tiếp tục từ {parentWhen}. {parentEvent_cap} Đây là những gì xảy ra tiếp theo, trong một thế giới nơi {Cpast}.',
      'Ta quay lại {parentWhen}. {parentEvent_cap} Từ đó, nhánh truyện đi tiếp, vẫn mang dấu ấn của khoảnh khắc {Cpast}.',
    ],
    divergence: ['{parentEvent_cap}', 'Tiếp nối từ {parentWhen}: {parentEvent}'],
    firstEntry: [
      'Câu chuyện đi tiếp sau {parentLabel}. Trong một thế giới nơi {Cpast}, {m1} và {m2} là những thứ đầu tiên lại đổi thay.',
      'Sau {parentLabel}, không gì đứng yên: trong một thế giới nơi {Cpast}, bước ngoặt tiếp theo bắt đầu quanh {m1}.',
    ],
  },
};
