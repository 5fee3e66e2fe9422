import type { PhraseBank } from '../types';

/** Giọng kể, lời dẫn, thẻ và mô-típ, bằng tiếng Việt. */
export const vietnameseVoice: Pick<PhraseBank, 'asides' | 'narration' | 'domainMotifs' | 'tags'> = {
  asides: {
    world: {
      serious: [
        'Cái giá của nó sẽ được tính sau.',
        'Ít ai thấy được bao nhiêu điều phụ thuộc vào {m1}.',
        'Chưa rõ ai là người được lợi nhiều nhất.',
      ],
      playful: [
        'Người ngạc nhiên nhất là mấy ông vẽ bản đồ.',
        'Ở đâu đó, có người viết một lá thư rất đắc ý về {S}.',
        'Thủ tục giấy tờ thì khỏi phải bàn.',
        'Ai cũng giả vờ như đây vốn là kế hoạch từ đầu.',
      ],
      dramatic: [
        'Không gì còn như cũ.',
        'Giờ thì không còn đường lui.',
        'Mặt đất chuyển mình dưới chân {m1}.',
        'Và cả thế giới nín thở.',
      ],
      academic: [
        'Nguồn tư liệu cho giai đoạn này không đồng đều.',
        'Mối liên hệ nhân quả với {S} vẫn còn được tranh luận.',
        'Bằng chứng tuy gián tiếp nhưng nhất quán.',
        'Đây là giai đoạn được ghi chép đầy đủ nhất của điểm rẽ nhánh.',
      ],
    },
    deep: {
      serious: [
        'Không có ai ở đó để chứng kiến.',
        'Thay đổi diễn ra chậm, nhưng vĩnh viễn.',
        'Mỗi bước đều nhỏ; gộp lại là tất cả.',
      ],
      playful: [
        'Tiến hóa, như mọi khi, chẳng xin phép ai.',
        'Các loài thú có vú chẳng vui vẻ gì chuyện này.',
        'Ở đâu đó, một chú chuột chù thở dài.',
        'Lông vũ: vẫn là một phát minh tuyệt vời.',
      ],
      dramatic: [
        'Cả hành tinh nín thở.',
        'Một tương lai khép lại, một tương lai khác mở ra.',
        'Không sinh vật nào còn an toàn trước những gì sắp đến.',
      ],
      academic: [
        'Hồ sơ hóa thạch cho giai đoạn này còn thưa thớt.',
        'Tốc độ ở đây tuân theo các mô hình bức xạ thích nghi đã biết.',
        'Suy luận này dựa trên giải phẫu học so sánh.',
      ],
    },
    life: {
      serious: [
        'Nó tốn kém hơn bạn tưởng, và bạn chấp nhận trả giá.',
        'Bạn không kể với ai rằng mình đã suýt bỏ cuộc.',
        'Đó là quyết định đúng, dù lúc này bạn chưa thể biết.',
      ],
      playful: [
        'Mẹ bạn có khối ý kiến về chuyện này.',
        'Tài khoản ngân hàng của bạn cũng có ý kiến.',
        'Bạn mua một chậu cây để ăn mừng. Nó sống sót, gần như vậy.',
        'Chẳng ai báo trước cho bạn về đống giấy tờ.',
      ],
      dramatic: [
        'Giờ thì không còn đường lui.',
        'Mọi thứ treo trên sợi chỉ này.',
        'Bạn cảm thấy cuộc sống cũ trôi tuột đi mãi mãi.',
      ],
      academic: [
        'Các nghiên cứu về chuyển hướng nghề nghiệp cho thấy giai đoạn này là điển hình.',
        'Giới nghiên cứu gọi đây là giai đoạn củng cố.',
        'Kết quả ở giai đoạn này phụ thuộc nhiều vào sự hỗ trợ xã hội.',
      ],
    },
  },
  narration: {
    opening: {
      serious: [
        'Hãy thử hình dung một quá khứ khác.',
        'Đây là câu chuyện về một thay đổi, và mọi điều nó chạm tới.',
      ],
      playful: [
        'Nào, tưởng tượng thế này nhé.',
        'Có một chuyện vui đây.',
        'Lấy chút đồ ăn vặt đi, vì lịch sử sắp rẽ ngang rồi.',
      ],
      dramatic: [
        'Mọi thứ xoay quanh một khoảnh khắc duy nhất.',
        'Hãy lắng nghe. Thế giới bạn biết sắp vỡ vụn.',
      ],
      academic: [
        'Chúng ta hãy xem xét một giả định phản thực tế.',
        'Hãy xét điểm rẽ nhánh sau đây so với ghi chép lịch sử.',
      ],
    },
    bridge: {
      serious: ['Rồi', 'Sau đó,', 'Theo thời gian,', 'Về sau,'],
      playful: ['Tiếp theo,', 'Rồi dĩ nhiên,', 'Tua nhanh nào:', 'Và thế là'],
      dramatic: ['Và rồi', 'Chẳng bao lâu,', 'Không lâu sau,', 'Cuối cùng,'],
      academic: ['Tiếp đó,', 'Trong giai đoạn kế tiếp,', 'Sau đó nữa,', 'Về sau,'],
    },
    closing: {
      serious: [
        'Một thay đổi, khi được lần theo đến cùng, đủ để tạo nên cả một thế giới khác.',
        'Câu chuyện dừng lại ở đó: rất gần thế giới của chúng ta, mà cũng rất xa.',
      ],
      playful: [
        'Và đó, đại khái, là cách một thay đổi bé tí tạo ra cả một thế giới rối tung.',
        'Không tệ cho một thay đổi nhỏ xíu, đúng không?',
      ],
      dramatic: [
        'Một khoảnh khắc. Một thay đổi. Cả một thế giới được viết lại.',
        'Và tất cả bắt đầu từ một bước ngoặt duy nhất.',
      ],
      academic: [
        'Bài tập này cho thấy một điểm rẽ nhánh lan truyền qua các hệ thống liên kết ra sao.',
        'Giả định này vẫn mang tính suy đoán, nhưng chuỗi hệ quả nhất quán về mặt nội tại.',
      ],
    },
  },
  domainMotifs: {
    politics: ['kinh đô', 'các trấn lộ', 'tầng lớp quý tộc cũ', 'sổ thuế', 'các đồn biên giới', 'triều đình'],
    war: [
      'các tướng lĩnh',
      'các đồn lũy biên cương',
      'những tuyến tiếp vận',
      'những cựu binh',
      'bàn đàm phán',
      'những thị trấn bị chiếm đóng',
    ],
    technology: [
      'các xưởng thủ công',
      'các văn phòng cấp bằng sáng chế',
      'những kỹ sư đầu tiên',
      'các nhà máy',
      'các trường đại học',
      'giới đầu tư',
    ],
    nature: [
      'các chuỗi thức ăn',
      'những bờ biển',
      'những cánh rừng',
      'đồng ruộng',
      'đại dương',
      'các mùa trong năm',
    ],
    society: ['các khu chợ', 'trường học', 'các khu phố', 'tòa án', 'ngân sách gia đình', 'hội đồng làng xã'],
    life: [
      'gia đình bạn',
      'những người bạn cũ',
      'căn hộ đầu tiên',
      'khoản tiết kiệm',
      'nếp sinh hoạt hằng ngày',
    ],
    myth: [
      'các làng mạc',
      'những truyện cổ',
      'giới học giả',
      'các thị trấn biên giới',
      'các đền miếu',
      'các công ty bảo hiểm',
    ],
  },
  tags: {
    family: {
      world: ['lịch sử giả tưởng', 'giả định'],
      deep: ['thời tiền sử', 'tiến hóa'],
      life: ['cá nhân', 'lựa chọn cuộc đời'],
    },
    domain: {
      politics: 'chính trị',
      war: 'chiến tranh',
      technology: 'công nghệ',
      nature: 'tự nhiên',
      society: 'xã hội',
      life: 'cuộc sống',
      myth: 'kỳ ảo',
    },
    tone: { serious: 'nghiêm túc', playful: 'vui nhộn', dramatic: 'kịch tính', academic: 'học thuật' },
  },
};
