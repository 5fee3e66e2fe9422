import type { PhraseBank } from '../types';

/** Tiêu đề, tiền đề, phần tiếp nối, giọng kể, lời dẫn, nhân vật và thẻ, bằng tiếng Việt. */
export const vietnameseFraming: Omit<PhraseBank, 'stories'> = {
  titles: {
    absent: ['Thế giới không có {subject}', 'Khi không có {subject}', 'Một thế giới chưa từng có {subject}'],
    ended: ['Sự biến mất của {subject}', 'Khi {subject} không còn nữa'],
    paused: ['{duration} không có {subject}', 'Khi {subject} ngừng lại'],
    endured: ['{subject} trường tồn', '{subject} vẫn đứng vững', 'Cuộc sống tiếp nối của {subject}'],
    won: ['Chiến thắng của {winner}', 'Khi {winner} đánh bại {loser}'],
    lost: ['Thất bại của {loser}', 'Khi {winner} đánh bại {loser}'],
    arrived: ['{change}', 'Khi {datedClause}'],
    became: ['{subject}, {role}', '{change}'],
    gained: ['Khi {clause}', 'Một thế giới nơi {clause}'],
    chose: ['Con đường khác: {path}', '{path}: một cuộc đời'],
  },
  subtitles: {
    serious: ['Một lịch sử giả định', 'Một thay đổi lan xa thế nào', 'Con đường không được chọn'],
    playful: ['Có gì mà sai được chứ?', 'Một lịch sử hơi ngớ ngẩn', 'Chẳng ai ngờ tới'],
    dramatic: ['Ngày mọi thứ rẽ hướng', 'Mọi thứ đổi thay', 'Không còn đường lui'],
    academic: ['Một bài tập phân tích phản thực', 'Nghiên cứu về một điểm rẽ nhánh', 'Nguyên nhân và hệ quả'],
  },
  premise: {
    anchored: {
      any: ['Lịch sử ghi lại rằng {recordedWhen}, {recorded}. Trong kịch bản này, {datedClause}.'],
      absent: [
        'Lịch sử ghi lại rằng {recordedWhen}, {recorded}. Trong kịch bản này, {datedClause}.',
        'Sử sách của chúng ta viết rằng {recordedWhen}, {recorded}. Ở đây, {datedClause}.',
      ],
      endured: [
        'Lịch sử ghi lại rằng {recordedWhen}, {recorded}. Trong kịch bản này, {datedClause}.',
        'Sử sách của chúng ta viết rằng {recordedWhen}, {recorded}. Ở đây, {datedClause}.',
      ],
      won: [
        'Lịch sử ghi lại rằng {recordedWhen}, {recorded}. Trong kịch bản này, {datedClause}.',
        'Sử sách của chúng ta viết rằng {recordedWhen}, {recorded}. Ở đây, {datedClause}.',
      ],
      lost: [
        'Lịch sử ghi lại rằng {recordedWhen}, {recorded}. Trong kịch bản này, {datedClause}.',
        'Sử sách của chúng ta viết rằng {recordedWhen}, {recorded}. Ở đây, {datedClause}.',
      ],
    },
    free: {
      any: [
        'Thế giới vẫn là thế giới ta biết cho đến khi một sự thật duy nhất đổi khác: {datedClause}.',
        'Thay đổi một điều và theo nó đến cùng: {datedClause}.',
      ],
      chose: [
        'Hãy hình dung phiên bản cuộc đời bạn trong đó {datedClause}. Vẫn con người ấy, vẫn điểm xuất phát ấy; chỉ một quyết định rẽ sang hướng khác.',
        'Ở một dòng thời gian bên cạnh, {datedClause}. Đây là cuộc đời ấy, kể từ đầu.',
      ],
    },
    scope: {
      serious: [
        'Kịch bản lần theo các hệ quả từ {startLabel} đến {endLabel}.',
        'Câu chuyện theo dõi thay đổi từ {startLabel} đến {endLabel}.',
      ],
      playful: [
        'Thắt dây an toàn nhé: ta sẽ đi từ {startLabel} đến {endLabel}, và mọi thứ sẽ kỳ quặc dần.',
        'Từ {startLabel} đến {endLabel}, mọi chuyện leo thang. Một cách vui vẻ.',
      ],
      dramatic: [
        'Từ {startLabel} đến {endLabel}, không gì được buông tha.',
        'Con đường trải dài từ {startLabel} đến {endLabel}, và không có lối quay về.',
      ],
      academic: [
        'Phân tích bao quát giai đoạn từ {startLabel} đến {endLabel}, có ghi chú những chỗ bằng chứng còn mỏng.',
        'Chúng ta xem xét chuỗi nhân quả từ {startLabel} đến {endLabel}.',
      ],
    },
  },
  continuation: {
    title: ['Số phận của {focus}', '{focus} sau {parentLabel}', '{focus}: chương tiếp theo'],
    premise: [
      'Câu chuyện “{parentTitle}” đã đi đến mốc {parentLabel}. Câu hỏi bây giờ là {focus} sẽ ra sao.',
      'Phần này nối tiếp “{parentTitle}” từ mốc {parentLabel}, và đi theo {focus}.',
      'Câu chuyện trước đã đi đến mốc {parentLabel}. Giờ là lúc theo dõi {focus}.',
    ],
  },
  asides: {
    world: {
      serious: [
        'Cái giá sẽ được tính sau.',
        'Ít ai thấy bao nhiêu thứ phụ thuộc vào {motif}.',
        'Chưa có gì ngã ngũ.',
        'Không phải ai cũng đồng tình.',
      ],
      playful: [
        'Những người vẽ bản đồ cứng họng.',
        'Giấy tờ thì chất cao như núi.',
        'Ai quanh {motif} cũng làm như thể mọi chuyện đã nằm trong kế hoạch.',
        'Có ai đó viết một lá thư rất tự mãn.',
      ],
      dramatic: [
        'Sẽ không còn gì như cũ.',
        'Không còn đường lui.',
        'Mặt đất chuyển động dưới chân {motif}.',
        'Cả thế giới nín thở.',
      ],
      academic: [
        'Nguồn tư liệu ở giai đoạn này không đồng đều.',
        'Mối liên hệ nhân quả còn gây tranh cãi.',
        'Bằng chứng chỉ là gián tiếp.',
        'Tư liệu về {motif} ghi lại giai đoạn này rõ nhất.',
      ],
    },
    nature: {
      serious: ['Không ai có thể thúc nó nhanh hơn.', 'Chậm rãi, và lâu dài.', 'Mỗi bước đều nhỏ.'],
      playful: [
        'Tự nhiên chẳng xin phép ai.',
        'Các nhà dự báo thời tiết có một tuần dài.',
        'Đâu đó một con chuột chù nhỏ thở dài.',
      ],
      dramatic: ['Cả hành tinh nín thở.', 'Cả một tương lai khép lại.', 'Không gì an toàn.'],
      academic: [
        'Ghi chép ở giai đoạn này còn thưa thớt.',
        'Một trường hợp thích nghi điển hình.',
        'Một suy luận từ bằng chứng gián tiếp.',
      ],
    },
    life: {
      serious: ['Nó tốn kém hơn dự tính.', 'Bạn suýt bỏ cuộc. Nhưng không.', 'Đó là quyết định đúng.'],
      playful: [
        'Mẹ bạn có ý kiến.',
        'Tài khoản ngân hàng của bạn cũng vậy.',
        'Bạn mua một chậu cây để ăn mừng.',
      ],
      dramatic: ['Không còn đường lui.', 'Mọi thứ treo trên sợi tóc.', 'Cuộc sống cũ dần trôi xa.'],
      academic: [
        'Một giai đoạn củng cố điển hình.',
        'Ở giai đoạn này, sự hỗ trợ xã hội quan trọng nhất.',
        'Kết quả bắt đầu phân hóa rõ rệt.',
      ],
    },
  },
  narration: {
    opening: {
      serious: [
        'Hãy thử hình dung một quá khứ khác.',
        'Đây là câu chuyện về một thay đổi, và mọi thứ nó chạm tới.',
      ],
      playful: [
        'Nào, hãy tưởng tượng thế này.',
        'Có một chuyện vui đây.',
        'Lấy chút đồ ăn vặt đi, vì lịch sử sắp rẽ ngang rồi.',
      ],
      dramatic: [
        'Mọi thứ xoay quanh một khoảnh khắc duy nhất.',
        'Hãy lắng nghe. Thế giới bạn biết sắp vỡ vụn.',
      ],
      academic: [
        'Chúng ta hãy xem xét một giả định phản thực.',
        'Hãy xem xét điểm rẽ nhánh sau đây so với ghi chép lịch sử.',
      ],
    },
    bridge: {
      serious: ['Rồi,', 'Sau đó,', 'Dần dần,', 'Về sau,'],
      playful: ['Tiếp theo,', 'Rồi thì, đương nhiên,', 'Tua nhanh nào:', 'Và rồi,'],
      dramatic: ['Và rồi,', 'Chẳng bao lâu,', 'Không lâu sau,', 'Cuối cùng,'],
      academic: ['Tiếp đó,', 'Trong giai đoạn sau,', 'Kể từ đó,', 'Muộn hơn nữa,'],
    },
    closing: {
      serious: [
        'Chỉ một thay đổi, được theo đến cùng, cũng đủ làm nên một thế giới khác.',
        'Câu chuyện dừng lại ở đó: gần thế giới của chúng ta, mà cũng thật xa.',
      ],
      playful: [
        'Và thế đấy, một thay đổi nhỏ xíu đã bày ra cả một thế giới mới toanh.',
        'Không tệ cho một thay đổi bé tí, nhỉ?',
      ],
      dramatic: [
        'Một khoảnh khắc. Một thay đổi. Cả một thế giới được làm lại.',
        'Và tất cả bắt đầu từ một bước ngoặt duy nhất.',
      ],
      academic: [
        'Bài tập cho thấy một điểm rẽ nhánh lan truyền qua các hệ thống liên kết với nhau như thế nào.',
        'Giả định phản thực này vẫn mang tính suy đoán, nhưng chuỗi hệ quả nhất quán từ trong ra ngoài.',
      ],
    },
  },
  figures: {
    knownTwist: [
      '{historicRole} trong lịch sử của chúng ta; ở đây, một nhân vật trung tâm của {change}',
      '{historicRole}, người có những lựa chọn trong lịch sử này bắt nguồn từ {change}',
      '{historicRole} trong lịch sử của chúng ta; trong lịch sử này, một trong những người đầu tiên hiểu {change} có nghĩa là gì',
    ],
    youRole: ['người đưa ra lựa chọn', 'người đã chọn con đường khác'],
  },
  tags: {
    domain: {
      history: 'lịch sử',
      nature: 'tự nhiên',
      technology: 'công nghệ',
      places: 'địa lý',
      culture: 'văn hóa',
      society: 'xã hội',
      personal: 'lựa chọn cá nhân',
      myth: 'giả tưởng',
    },
    group: {
      without: 'vắng bóng',
      pause: 'gián đoạn',
      with: 'lịch sử thay thế',
      victory: 'chiến tranh và hòa bình',
      choice: 'đời người',
    },
    tone: { serious: 'nghiêm túc', playful: 'vui nhộn', dramatic: 'kịch tính', academic: 'học thuật' },
  },
};
