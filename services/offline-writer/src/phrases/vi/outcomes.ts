import type { PhraseBank } from '../types';

/** Hệ quả, nhân vật then chốt và mức độ hợp lý, bằng tiếng Việt. */
export const vietnameseOutcomes: Pick<PhraseBank, 'consequences' | 'byDomain' | 'figures' | 'plausibility'> =
  {
    consequences: {
      world: {
        immediate: [
          'Trước hết là hỗn loạn. Những người phụ thuộc vào {m1} vội vã tìm hiểu xem giờ ai nắm quyền việc gì.',
          'Tác động đầu tiên rất thực tế: mọi mệnh lệnh liên quan đến {m1} được viết lại, và ai xoay xở nhanh quanh {m2} sẽ chiếm ưu thế.',
        ],
        shortTerm: [
          'Chỉ trong một thế hệ, thay đổi đã thành thể chế: {m2} được tổ chức quanh nó, còn lối cũ chỉ sống sót trong những cuộc tranh cãi.',
          'Trong những thập kỷ tiếp theo, {m2} và {m3} ổn định theo khuôn mẫu mới, còn những kẻ đặt cược vào trật tự cũ dần mất chỗ đứng.',
        ],
        longTerm: [
          'Nhiều thế kỷ sau, {S} nằm ở gốc rễ của một thế giới hiện đại khác: ngôn ngữ, biên giới và thói quen đều mang dấu ấn của thay đổi ấy.',
          'Về lâu dài, thế giới không tốt hơn cũng chẳng tệ hơn, chỉ được sắp xếp khác đi; {m3} là dấu hiệu rõ nhất cho thấy nó đã trôi xa khỏi thế giới của chúng ta đến đâu.',
        ],
      },
      deep: {
        immediate: [
          'Thảm họa vẫn giết chết phần lớn sự sống, nhưng các dòng dõi {S} vẫn giữ được những thân hình lớn và những vùng đất trống.',
          'Các chuỗi thức ăn chao đảo rồi hồi phục; hậu duệ của {S} nằm trong số những kẻ quay lại đầu tiên.',
        ],
        shortTerm: [
          'Trong vài triệu năm, những kẻ sống sót lại đa dạng hóa, còn các loài thú có vú vẫn là những chuyên gia nhỏ bé của bóng đêm.',
          'Thế giới được lấp đầy trở lại theo một khuôn mẫu quen thuộc: bò sát lớn và chim đủ cỡ, còn {m1} định hình quanh chúng.',
        ],
        longTerm: [
          'Không có loài vượn lớn, không có đồng ruộng, không có thành phố do con người xây dựng; nếu trí khôn xuất hiện, nó nảy mầm từ hậu duệ của {S}.',
          'Hành tinh ngày nay là thế giới của lông vũ và vảy, còn câu chuyện của thú có vú chỉ là một chú thích nhỏ.',
        ],
      },
      life: {
        immediate: [
          'Ngày tháng của bạn thay đổi ngay lập tức: lịch trình mới, con người mới, và cảm giác lạ lùng khi lại là người mới bắt đầu.',
          'Những tuần đầu đầy những cú sốc nhỏ — giấy tờ, nỗi nhớ nhà, và khoảng lặng đột ngột nơi cuộc sống cũ từng hiện diện.',
        ],
        shortTerm: [
          'Chỉ vài năm sau, bạn đã có một nhóm bạn mới, những kỹ năng mới và một hình dung mới về một tuần tốt đẹp.',
          'Lựa chọn ấy bắt đầu đền đáp, chậm rãi: sự thành thạo, lòng tự tin và vài người bạn chỉ biết bạn trong cuộc đời này.',
        ],
        longTerm: [
          'Nhiều thập kỷ sau, lựa chọn ấy đã định hình nơi bạn sống, người bạn thương và điều khiến bạn được biết đến.',
          'Về lâu dài, bạn trở thành một phiên bản khác của cùng một con người: cốt lõi vẫn vậy, câu chuyện quanh nó thì mới.',
        ],
      },
    },
    byDomain: {
      politics: [
        'Quyền lực tổ chức lại quanh {S}: ai kiểm soát {m1} sẽ có tiếng nói trong mọi chuyện khác.',
        'Các chính quyền học cách đánh thuế, quản lý và nhận công lao về {S}.',
      ],
      technology: [
        'Phát minh đi theo thay đổi: những công cụ quan trọng nhất là những công cụ phục vụ {m2}.',
        'Các kỹ sư giải quyết những bài toán khác trước, nên những cỗ máy quen thuộc đến muộn, đến sớm hoặc không bao giờ đến.',
      ],
      culture: [
        'Người ta viết bài hát, bài giảng và truyện cười về {S}; chỉ một thế hệ sau, nó đã thành một phần cách con người tự lý giải về mình.',
        'Giới nghệ sĩ đối xử với {m3} như nghệ sĩ của chúng ta đối xử với biển cả hay phố thị: làm phông nền cho mọi câu chuyện.',
      ],
      dailyLife: [
        'Cuộc sống thường ngày uốn mình quanh {m1}: người ta ăn gì, làm việc ở đâu và đi xa đến mức nào.',
        'Với phần lớn mọi người, thay đổi hiện ra trong những điều nhỏ — giá cả, những chuyến đi, nhịp của một ngày làm việc.',
      ],
    },
    figures: {
      knownTwist: {
        world: [
          '{role}; trong kịch bản này, mỗi quyết định của nhân vật này mang một sức nặng khác',
          '{role}, người có vai trò đổi khác khi {Cpast}',
          '{role}; ở đây, đứng ngay giữa bước ngoặt',
        ],
        deep: [
          '{role}, người mà công trình trong thế giới của chúng ta đánh dấu đúng khoảnh khắc kịch bản này rẽ nhánh',
          '{role}; ở thế giới này, không có ai làm công việc ấy',
        ],
      },
      inventedRoles: {
        world: [
          'một viên thư lại giữ sổ sách về {m1} và nhìn ra thay đổi trước cả những người có quyền',
          'một thương nhân dốc hết vốn liếng đặt cược sớm vào trật tự mới',
          'một vị quan lão thành phản đối thay đổi và thất bại',
          'một nhà cải cách biến {S} thành lý tưởng của đời mình',
          'một người chép sử có ghi chép về bước ngoặt trở thành bản chính thức',
        ],
        deep: [
          'một nhà cổ sinh vật học ở thế giới của chúng ta có những hóa thạch gợi ý điều lẽ ra đã có thể xảy ra',
          'một nhà sinh học thực địa dựng mô hình hệ sinh thái của những dòng dõi sống sót',
        ],
        // Theo thứ tự câu chuyện: {f1} là người bạn năm đầu, {f2} là người bạn đời.
        life: [
          'một người bạn từ năm đầu tiên đầy khó khăn, về sau thành người thân thiết nhất',
          'người cùng bạn xây dựng một mái nhà',
          'một đối thủ khiến bạn giỏi hơn trong công việc',
          'người thầy coi trọng bạn trước bất kỳ ai khác',
        ],
      },
      youRole: ['bạn, người đã đưa ra lựa chọn', 'bạn, người đang sống cuộc đời kia'],
    },
    plausibility: {
      byKind: {
        survived: [
          'Những lực đã kết liễu {Sraw} trong lịch sử của chúng ta yếu hơn, chậm hơn hoặc bị chống đỡ tốt hơn.',
          'Không có nguyên nhân nào là quyết định duy nhất, nên chỉ cần một kết cục khác là đủ.',
        ],
        'never-existed': [
          'Con người tìm ra cách khác để đáp ứng nhu cầu mà {Sraw} từng đáp ứng.',
          'Những điều kiện sinh ra {Sraw} chưa bao giờ hội tụ.',
        ],
        won: [
          'Vài quyết định trong ngày hôm ấy diễn ra khác đi; cán cân lực lượng chung vẫn giữ nguyên.',
          'Bên thắng giữ được thành quả ít nhất trong một thế hệ.',
        ],
        lost: [
          'Thất bại đến từ chính ngày hôm ấy, chứ không phải từ một chính nghĩa hay một dân tộc yếu hơn.',
          'Bên thắng giữ được thành quả ít nhất trong một thế hệ.',
        ],
        shifted: [
          'Tri thức và vật liệu cần thiết đã có sẵn sớm hơn so với lịch sử của chúng ta.',
          'Có người có lý do để chế tạo nó và có điều kiện để phổ biến nó.',
        ],
        became: [
          'Bạn có đủ điều kiện và can đảm để lựa chọn ở tuổi ấy.',
          'Những người xung quanh không can ngăn được bạn.',
        ],
        gained: [
          'Thay đổi diễn ra nhất quán, không có cái bẫy nào ẩn giấu.',
          'Mọi thứ không bị thay đổi trực tiếp tác động vẫn vận hành như trong thế giới của chúng ta.',
        ],
      },
      byFamily: {
        world: [
          'Bản tính con người, địa lý và khí hậu không đổi.',
          'Các xã hội khác phản ứng vì lợi ích của riêng họ, như xưa nay vẫn thế.',
        ],
        deep: [
          'Tiến hóa vận hành như trong thế giới của chúng ta: không có tầm nhìn xa, chỉ có sinh tồn.',
          'Khí hậu biến đổi qua hàng triệu năm theo đúng những gì hóa thạch ghi lại.',
        ],
        life: [
          'Vận may ở mức bình thường, không quá hào phóng cũng không quá tàn nhẫn.',
          'Bạn vẫn giữ tính cách của mình; chỉ hoàn cảnh là thay đổi.',
        ],
      },
    },
  };
