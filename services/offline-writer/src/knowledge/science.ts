import type { Entity } from './entity';

/** Discoveries, inventions and natural events with the dates textbooks give them. */
export const scienceAnchors: Entity[] = [
  {
    id: 'photosynthesis',
    kind: 'process',
    patterns: { en: /\bphotosynthe\w*/i, vi: /quang hợp/i },
    name: { en: 'photosynthesis', vi: 'quang hợp' },
    time: { scale: 'deep', yearsAgo: 3_400_000_000 },
    domain: 'nature',
    recorded: {
      en: 'the first microbes began to live on sunlight and give off oxygen',
      vi: 'những vi sinh vật đầu tiên bắt đầu sống nhờ ánh nắng và nhả ra ô-xy',
    },
    motifs: {
      en: [
        'the oxygen in the air',
        'the crops in the fields',
        'the ocean plankton',
        'the food chain',
        'the carbon dioxide in the air',
        'the forests',
      ],
      vi: [
        'lượng ô-xy trong không khí',
        'lúa và hoa màu ngoài đồng',
        'sinh vật phù du ngoài đại dương',
        'chuỗi thức ăn',
        'lượng khí CO2 trong không khí',
        'những cánh rừng',
      ],
    },
    withoutIt: {
      en: [
        'Leaves, algae and plankton stop turning sunlight into sugar; plants live on their reserves, as they do every night.',
        'The air hardly changes: the atmosphere holds enough oxygen to last thousands of years without a single new molecule.',
        'Carbon dioxide is no longer drawn down, and its level creeps up by a fraction of a part per million.',
        'Ocean plankton, which live from one day to the next, suffer first; the small fish that graze on them go hungry.',
        'Crops lose growing time: in the fields that were already stressed, the harvest comes in lighter.',
        'The food chain passes the shortfall upwards, from grazers to predators, thinning as it goes.',
      ],
      vi: [
        'Lá cây, tảo và sinh vật phù du ngừng biến ánh nắng thành đường; cây cối sống nhờ chất dự trữ, như vẫn làm mỗi đêm.',
        'Không khí gần như không đổi: khí quyển chứa đủ ô-xy cho hàng nghìn năm mà không cần thêm một phân tử mới nào.',
        'Khí CO2 không còn được cây hút bớt, và nồng độ của nó nhích lên một chút.',
        'Sinh vật phù du ngoài biển, vốn sống ngày nào biết ngày ấy, chịu thiệt trước tiên; đàn cá nhỏ ăn chúng bắt đầu đói.',
        'Mùa màng mất thời gian sinh trưởng: ở những cánh đồng vốn đã khó khăn, vụ thu hoạch nhẹ hơn.',
        'Chuỗi thức ăn đẩy sự thiếu hụt lên từng bậc, từ loài ăn cỏ tới loài săn mồi, mỏng dần theo mỗi bậc.',
      ],
    },
  },
  {
    id: 'dinosaurs',
    kind: 'species',
    patterns: { en: /\b(dinosaurs?|t\.? ?rex|tyrannosaur\w*|raptors?)\b/i, vi: /(khủng long|khung long)/i },
    name: { en: 'the dinosaurs', vi: 'loài khủng long' },
    plural: true,
    time: { scale: 'deep', yearsAgo: 66_000_000 },
    domain: 'nature',
    recorded: {
      en: 'an asteroid struck Chicxulub and ended the age of the dinosaurs',
      vi: 'một tiểu hành tinh đâm xuống Chicxulub và khép lại thời đại khủng long',
    },
    motifs: {
      en: [
        'the flowering forests',
        'the first grasslands',
        'the river valleys',
        'the coastal plains',
        'the warm shallow seas',
      ],
      vi: [
        'những cánh rừng cây có hoa',
        'những đồng cỏ đầu tiên',
        'các thung lũng sông',
        'các đồng bằng ven biển',
        'những vùng biển nông ấm áp',
      ],
    },
    figures: [
      {
        name: { en: 'Luis Alvarez', vi: 'Luis Alvarez' },
        role: { en: 'physicist behind the impact theory', vi: 'nhà vật lý đề ra giả thuyết va chạm' },
      },
      {
        name: { en: 'Mary Anning', vi: 'Mary Anning' },
        role: { en: 'fossil hunter of Lyme Regis', vi: 'nhà săn hóa thạch ở Lyme Regis' },
      },
    ],
  },
  {
    id: 'printing-press',
    kind: 'invention',
    patterns: {
      en: /\b(printing press|printing|gutenberg|movable type)\b/i,
      vi: /(máy in|nghề in|gutenberg|in ấn)/i,
    },
    name: { en: 'the printing press', vi: 'máy in' },
    time: { scale: 'year', year: 1440 },
    domain: 'technology',
    recorded: {
      en: 'Gutenberg set up his press with movable metal type in Mainz',
      vi: 'Gutenberg dựng máy in chữ rời bằng kim loại ở Mainz',
    },
    motifs: {
      en: [
        'cheap pamphlets',
        'the scriptoria',
        'vernacular Bibles',
        'the universities',
        'the censors',
        'the paper mills',
      ],
      vi: [
        'những tờ truyền đơn giá rẻ',
        'các phòng chép sách',
        'Kinh Thánh bằng tiếng địa phương',
        'các trường đại học',
        'giới kiểm duyệt',
        'các xưởng giấy',
      ],
    },
    figures: [
      {
        name: { en: 'Johannes Gutenberg', vi: 'Johannes Gutenberg' },
        role: { en: 'goldsmith and printer of Mainz', vi: 'thợ kim hoàn và thợ in ở Mainz' },
      },
      {
        name: { en: 'Bi Sheng', vi: 'Tất Thăng' },
        role: {
          en: 'Song-dynasty inventor of clay movable type',
          vi: 'người thời Tống sáng chế chữ rời bằng đất nung',
        },
      },
    ],
    culture: 'german',
  },
  {
    id: 'moon-landing',
    kind: 'event',
    patterns: {
      en: /\b(moon landing|apollo|landed on the moon|armstrong)\b/i,
      vi: /(lên mặt trăng|đổ bộ mặt trăng|apollo|armstrong)/i,
    },
    name: { en: 'the Moon landing', vi: 'cuộc đổ bộ lên Mặt Trăng' },
    time: { scale: 'year', year: 1969 },
    domain: 'technology',
    recorded: {
      en: 'Apollo 11 set two men down on the Sea of Tranquility',
      vi: 'Apollo 11 đưa hai người đặt chân xuống Biển Yên Tĩnh',
    },
    motifs: {
      en: [
        'the Saturn V',
        'Mission Control',
        'the Space Race',
        'Cape Canaveral',
        'the lunar module',
        'the Soviet programme',
      ],
      vi: [
        'tên lửa Saturn V',
        'Trung tâm điều khiển',
        'cuộc chạy đua vào không gian',
        'mũi Canaveral',
        'tàu đổ bộ mặt trăng',
        'chương trình vũ trụ Liên Xô',
      ],
    },
    figures: [
      {
        name: { en: 'Neil Armstrong', vi: 'Neil Armstrong' },
        role: { en: 'commander of Apollo 11', vi: 'chỉ huy Apollo 11' },
      },
      {
        name: { en: 'Buzz Aldrin', vi: 'Buzz Aldrin' },
        role: { en: 'lunar module pilot', vi: 'phi công tàu đổ bộ' },
      },
      {
        name: { en: 'Sergei Korolev', vi: 'Sergei Korolev' },
        role: {
          en: 'chief designer of the Soviet programme',
          vi: 'tổng công trình sư chương trình vũ trụ Liên Xô',
        },
      },
    ],
    culture: 'english',
  },
  {
    id: 'internet',
    kind: 'invention',
    patterns: {
      en: /\b(internet|world wide web|the web|arpanet)\b/i,
      vi: /(internet|mạng toàn cầu|mạng internet)/i,
    },
    name: { en: 'the internet', vi: 'Internet' },
    time: { scale: 'year', year: 1983 },
    domain: 'technology',
    recorded: {
      en: 'ARPANET switched to TCP/IP and the networks began to join',
      vi: 'ARPANET chuyển sang TCP/IP và các mạng bắt đầu nối vào nhau',
    },
    motifs: {
      en: [
        'the telegraph offices',
        'the switching stations',
        'the cables under the sea',
        'the newspapers',
        'the post office',
        'the libraries',
      ],
      vi: [
        'các trạm điện báo',
        'các tổng đài chuyển mạch',
        'những tuyến cáp dưới biển',
        'các tòa báo',
        'bưu điện',
        'các thư viện',
      ],
    },
    figures: [
      {
        name: { en: 'Vint Cerf', vi: 'Vint Cerf' },
        role: { en: 'co-designer of TCP/IP', vi: 'đồng tác giả giao thức TCP/IP' },
      },
      {
        name: { en: 'Bob Kahn', vi: 'Bob Kahn' },
        role: { en: 'co-designer of TCP/IP', vi: 'đồng tác giả giao thức TCP/IP' },
      },
      {
        name: { en: 'Tim Berners-Lee', vi: 'Tim Berners-Lee' },
        role: { en: 'inventor of the World Wide Web', vi: 'cha đẻ của World Wide Web' },
      },
    ],
    culture: 'english',
  },
  {
    id: 'electricity',
    kind: 'invention',
    patterns: {
      en: /\b(electricity|electric light|electric power|power grids?|light ?bulbs?|edison|tesla)\b/i,
      vi: /(điện năng|dòng điện|bóng đèn|lưới điện|edison|tesla|(?<![\p{L}])điện(?!\s+(?:thoại|biên|ảnh|toán|báo|tử|máy))(?![\p{L}]))/iu,
    },
    name: { en: 'electricity', vi: 'điện' },
    time: { scale: 'year', year: 1879 },
    domain: 'technology',
    recorded: {
      en: 'Edison lit his first lasting carbon-filament bulb',
      vi: 'Edison thắp sáng chiếc bóng đèn dây tóc than bền đầu tiên',
    },
    motifs: {
      en: ['the gas lamps', 'the power stations', 'the factory floors', 'the telegraph', 'the night streets'],
      vi: [
        'những ngọn đèn khí',
        'các nhà máy điện',
        'các xưởng sản xuất',
        'điện báo',
        'những con phố về đêm',
      ],
    },
    figures: [
      {
        name: { en: 'Thomas Edison', vi: 'Thomas Edison' },
        role: { en: 'inventor and industrialist', vi: 'nhà phát minh và nhà công nghiệp' },
      },
      {
        name: { en: 'Nikola Tesla', vi: 'Nikola Tesla' },
        role: { en: 'engineer of alternating current', vi: 'kỹ sư của dòng điện xoay chiều' },
      },
      {
        name: { en: 'Michael Faraday', vi: 'Michael Faraday' },
        role: { en: 'discoverer of induction', vi: 'người khám phá hiện tượng cảm ứng điện từ' },
      },
    ],
    culture: 'english',
  },
  {
    id: 'black-death',
    kind: 'event',
    patterns: { en: /\b(black death|plague)\b/i, vi: /(cái chết đen|dịch hạch)/i },
    name: { en: 'the Black Death', vi: 'Cái Chết Đen' },
    time: { scale: 'year', year: 1347 },
    domain: 'history',
    recorded: {
      en: 'plague reached the ports of the Mediterranean',
      vi: 'dịch hạch cập bến các cảng Địa Trung Hải',
    },
    motifs: {
      en: ['the manors', 'the guilds', 'the harbour towns', 'the peasants', 'the monasteries'],
      vi: ['các thái ấp', 'các phường hội', 'những thị trấn cảng', 'nông dân', 'các tu viện'],
    },
    figures: [
      {
        name: { en: 'Giovanni Boccaccio', vi: 'Giovanni Boccaccio' },
        role: { en: 'Florentine writer', vi: 'nhà văn thành Firenze' },
      },
    ],
    culture: 'english',
  },
  {
    id: 'steam-engine',
    kind: 'invention',
    patterns: {
      en: /\b(steam engines?|steam power|industrial revolution|james watt)\b/i,
      vi: /(máy hơi nước|cách mạng công nghiệp|james watt)/i,
    },
    name: { en: 'the steam engine', vi: 'máy hơi nước' },
    time: { scale: 'year', year: 1769 },
    domain: 'technology',
    recorded: {
      en: 'James Watt patented his separate condenser and steam began to drive the mills',
      vi: 'James Watt đăng ký bằng sáng chế bình ngưng tách rời và hơi nước bắt đầu quay các xưởng máy',
    },
    motifs: {
      en: [
        'the coal pits',
        'the cotton mills',
        'the canals',
        'the workhouses',
        'the ironworks',
        'the first railways',
      ],
      vi: [
        'các mỏ than',
        'các xưởng dệt bông',
        'những con kênh',
        'các trại tế bần',
        'các lò luyện sắt',
        'những tuyến đường sắt đầu tiên',
      ],
    },
    figures: [
      {
        name: { en: 'James Watt', vi: 'James Watt' },
        role: {
          en: 'Scottish instrument maker and engineer',
          vi: 'thợ chế tạo dụng cụ và kỹ sư người Scotland',
        },
      },
      {
        name: { en: 'Matthew Boulton', vi: 'Matthew Boulton' },
        role: { en: 'his Birmingham partner', vi: 'người cộng sự của ông ở Birmingham' },
      },
    ],
    culture: 'english',
  },
];
