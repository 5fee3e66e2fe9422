import type { Entity } from './entity';

/** Turning points of world and Vietnamese history that questions most often ask about. */
export const historyAnchors: Entity[] = [
  {
    id: 'roman-empire',
    kind: 'state',
    patterns: { en: /\b(roman empire|rome|romans?)\b/i, vi: /(la mã|la ma\b)/i },
    name: { en: 'the Roman Empire', vi: 'Đế chế La Mã' },
    time: { scale: 'year', year: 476 },
    domain: 'history',
    recorded: {
      en: 'Odoacer deposed Romulus Augustulus, the last emperor in the West',
      vi: 'Odoacer phế truất Romulus Augustulus, vị hoàng đế cuối cùng ở phía Tây',
    },
    motifs: {
      en: [
        'the legions',
        'the Senate',
        'the roads',
        'the Latin schools',
        'the Rhine frontier',
        'Constantinople',
        'the grain ships',
      ],
      vi: [
        'các quân đoàn',
        'Viện Nguyên lão',
        'những con đường lát đá',
        'các trường dạy tiếng Latinh',
        'biên giới sông Rhine',
        'thành Constantinople',
        'những chuyến thuyền chở lúa mì',
      ],
    },
    figures: [
      {
        name: { en: 'Romulus Augustulus', vi: 'Romulus Augustulus' },
        role: { en: 'the boy emperor of the West', vi: 'cậu bé hoàng đế cuối cùng của phía Tây' },
      },
      {
        name: { en: 'Odoacer', vi: 'Odoacer' },
        role: { en: 'the Germanic general who deposed him', vi: 'viên tướng người German đã phế truất ông' },
      },
      {
        name: { en: 'Zeno', vi: 'Zeno' },
        role: { en: 'emperor in Constantinople', vi: 'hoàng đế ở Constantinople' },
      },
      {
        name: { en: 'Theodoric the Great', vi: 'Theodoric Đại đế' },
        role: { en: 'king of the Ostrogoths', vi: 'vua của người Ostrogoth' },
      },
    ],
    culture: 'latin',
  },
  {
    id: 'waterloo',
    kind: 'person',
    patterns: { en: /\b(waterloo|napoleon|bonaparte)\b/i, vi: /(waterloo|napoléon|napoleon|nã phá luân)/i },
    name: { en: 'Napoleon', vi: 'Napoléon' },
    opponent: { en: 'the Seventh Coalition', vi: 'liên minh chống Pháp lần thứ bảy' },
    time: { scale: 'year', year: 1815 },
    domain: 'history',
    recorded: {
      en: 'Wellington and Blücher broke the French army at Waterloo',
      vi: 'Wellington và Blücher đánh tan quân Pháp ở Waterloo',
    },
    motifs: {
      en: [
        'the Grande Armée',
        'the Congress of Vienna',
        'the Bourbon court',
        'the Napoleonic Code',
        'the Channel',
        'Paris',
      ],
      vi: [
        'Đại quân Pháp',
        'Hội nghị Viên',
        'triều đình Bourbon',
        'Bộ luật Napoléon',
        'eo biển Manche',
        'Paris',
      ],
    },
    figures: [
      {
        name: { en: 'Napoleon Bonaparte', vi: 'Napoléon Bonaparte' },
        role: { en: 'Emperor of the French', vi: 'Hoàng đế nước Pháp' },
      },
      {
        name: { en: 'the Duke of Wellington', vi: 'Công tước Wellington' },
        role: { en: 'commander of the allied army', vi: 'tổng chỉ huy liên quân' },
      },
      {
        name: { en: 'Gebhard von Blücher', vi: 'Gebhard von Blücher' },
        role: { en: 'the Prussian field marshal', vi: 'thống chế người Phổ' },
      },
      {
        name: { en: 'Klemens von Metternich', vi: 'Klemens von Metternich' },
        role: { en: "Austria's foreign minister", vi: 'ngoại trưởng nước Áo' },
      },
    ],
    culture: 'french',
  },
  {
    id: 'tran-dynasty',
    kind: 'state',
    patterns: {
      en: /\b(tran dynasty|trần dynasty|the trần|the tran|mongol invasions? of (vietnam|dai viet|đại việt)|bach dang|bạch đằng|dai viet|đại việt)(?![\p{L}])/iu,
      vi: /(nhà trần|triều trần|quân dân nhà trần|bạch đằng|nha tran|đại việt)/i,
    },
    name: { en: 'the Trần dynasty', vi: 'nhà Trần' },
    opponent: { en: 'the Mongols', vi: 'quân Mông Cổ' },
    time: { scale: 'year', year: 1288 },
    domain: 'history',
    recorded: {
      en: 'Trần Hưng Đạo destroyed the Yuan fleet in the stakes of the Bạch Đằng river',
      vi: 'Trần Hưng Đạo nhấn chìm đoàn thuyền quân Nguyên trong trận địa cọc trên sông Bạch Đằng',
    },
    motifs: {
      en: [
        'Thăng Long',
        'the Bạch Đằng river',
        'the Yuan fleet',
        'the village militias',
        'the Red River delta',
        'the court at Thiên Trường',
      ],
      vi: [
        'kinh thành Thăng Long',
        'sông Bạch Đằng',
        'thủy quân nhà Nguyên',
        'dân binh các làng',
        'đồng bằng sông Hồng',
        'phủ Thiên Trường',
      ],
    },
    figures: [
      {
        name: { en: 'Trần Hưng Đạo', vi: 'Trần Hưng Đạo' },
        role: { en: 'supreme commander of Đại Việt', vi: 'Quốc công Tiết chế của Đại Việt' },
      },
      {
        name: { en: 'Trần Nhân Tông', vi: 'Trần Nhân Tông' },
        role: { en: 'the reigning emperor', vi: 'vị vua đang trị vì' },
      },
      {
        name: { en: 'Kublai Khan', vi: 'Hốt Tất Liệt' },
        role: { en: 'Great Khan of the Yuan', vi: 'Đại hãn nhà Nguyên' },
      },
      {
        name: { en: 'Prince Toghon', vi: 'Thoát Hoan' },
        role: { en: "the Yuan army's commander", vi: 'chủ tướng quân Nguyên' },
      },
    ],
    culture: 'vietnamese',
  },
  {
    id: 'dien-bien-phu',
    kind: 'battle',
    patterns: { en: /\b(dien bien phu|điện biên phủ)\b/i, vi: /(điện biên phủ|dien bien phu)/i },
    name: { en: 'the battle of Điện Biên Phủ', vi: 'chiến dịch Điện Biên Phủ' },
    opponent: { en: 'the French garrison', vi: 'quân Pháp' },
    time: { scale: 'year', year: 1954 },
    domain: 'history',
    recorded: {
      en: 'the French garrison in the valley surrendered to the Việt Minh',
      vi: 'tập đoàn cứ điểm của Pháp trong lòng chảo đầu hàng quân đội Việt Minh',
    },
    motifs: {
      en: [
        'the valley garrison',
        'the Geneva conference',
        'the artillery on the ridges',
        'the supply bicycles',
        'Hà Nội',
        'Paris',
      ],
      vi: [
        'tập đoàn cứ điểm',
        'Hội nghị Genève',
        'pháo trên các triền núi',
        'những đoàn xe đạp thồ',
        'Hà Nội',
        'Paris',
      ],
    },
    figures: [
      {
        name: { en: 'Võ Nguyên Giáp', vi: 'Võ Nguyên Giáp' },
        role: { en: 'commander of the Việt Minh army', vi: 'Tổng tư lệnh quân đội Việt Minh' },
      },
      {
        name: { en: 'Christian de Castries', vi: 'Christian de Castries' },
        role: { en: 'commander of the French garrison', vi: 'chỉ huy tập đoàn cứ điểm của Pháp' },
      },
      {
        name: { en: 'Pierre Mendès France', vi: 'Pierre Mendès France' },
        role: { en: 'French prime minister at Geneva', vi: 'thủ tướng Pháp tại Genève' },
      },
    ],
    culture: 'vietnamese',
  },
  {
    id: 'bach-dang-938',
    kind: 'person',
    patterns: { en: /\b(ngo quyen|ngô quyền)\b/i, vi: /(ngô quyền|năm 938|quân nam hán)/i },
    name: { en: 'Ngô Quyền', vi: 'Ngô Quyền' },
    time: { scale: 'year', year: 938 },
    domain: 'history',
    recorded: {
      en: 'Ngô Quyền sank the Southern Han fleet on the Bạch Đằng river',
      vi: 'Ngô Quyền đánh tan thủy quân Nam Hán trên sông Bạch Đằng',
    },
    motifs: {
      en: ['the Bạch Đằng stakes', 'Cổ Loa', 'the Southern Han court', 'the river tides'],
      vi: ['bãi cọc Bạch Đằng', 'thành Cổ Loa', 'triều đình Nam Hán', 'con nước triều'],
    },
    figures: [
      {
        name: { en: 'Ngô Quyền', vi: 'Ngô Quyền' },
        role: {
          en: 'the general who ended a thousand years of northern rule',
          vi: 'người chấm dứt một nghìn năm Bắc thuộc',
        },
      },
      {
        name: { en: 'Liu Hongcao', vi: 'Lưu Hoằng Tháo' },
        role: { en: 'prince of the Southern Han', vi: 'thái tử nhà Nam Hán' },
      },
    ],
    culture: 'vietnamese',
  },
  {
    id: 'world-war-two',
    kind: 'war',
    patterns: {
      en: /\b(world war (ii|2|two)|second world war|ww2|wwii)\b/i,
      vi: /(thế chiến (thứ )?(ii|2|hai)|chiến tranh thế giới (thứ )?(ii|2|hai))/i,
    },
    name: { en: 'the Second World War', vi: 'Chiến tranh thế giới thứ hai' },
    time: { scale: 'year', year: 1939 },
    domain: 'history',
    recorded: {
      en: 'Germany invaded Poland and Europe went to war',
      vi: 'Đức tấn công Ba Lan và châu Âu bước vào chiến tranh',
    },
    motifs: {
      en: [
        'the Allied convoys',
        'Berlin',
        'the Eastern Front',
        'the Atlantic',
        'the factories of Detroit',
        'London',
      ],
      vi: [
        'các đoàn tàu vận tải Đồng Minh',
        'Berlin',
        'Mặt trận phía Đông',
        'Đại Tây Dương',
        'các nhà máy ở Detroit',
        'London',
      ],
    },
    figures: [
      {
        name: { en: 'Winston Churchill', vi: 'Winston Churchill' },
        role: { en: 'British prime minister', vi: 'thủ tướng Anh' },
      },
      {
        name: { en: 'Franklin D. Roosevelt', vi: 'Franklin D. Roosevelt' },
        role: { en: 'President of the United States', vi: 'Tổng thống Hoa Kỳ' },
      },
      {
        name: { en: 'Joseph Stalin', vi: 'Joseph Stalin' },
        role: { en: 'leader of the Soviet Union', vi: 'lãnh tụ Liên Xô' },
      },
    ],
    culture: 'english',
  },
  {
    id: 'columbus',
    kind: 'event',
    patterns: { en: /\b(columbus|americas|new world)\b/i, vi: /(columbus|châu mỹ|tân thế giới)/i },
    name: { en: 'the voyage of Columbus', vi: 'chuyến đi của Columbus' },
    time: { scale: 'year', year: 1492 },
    domain: 'history',
    recorded: {
      en: 'Columbus reached the Caribbean under the Spanish crown',
      vi: 'Columbus cập bến vùng Caribe dưới lá cờ Tây Ban Nha',
    },
    motifs: {
      en: ['the Atlantic crossing', 'Tenochtitlan', 'Seville', 'the Caribbean islands', 'the silver routes'],
      vi: [
        'cuộc vượt Đại Tây Dương',
        'thành Tenochtitlan',
        'cảng Seville',
        'quần đảo Caribe',
        'những tuyến đường bạc',
      ],
    },
    figures: [
      {
        name: { en: 'Christopher Columbus', vi: 'Cristoforo Colombo' },
        role: { en: 'Genoese navigator', vi: 'nhà hàng hải người Genova' },
      },
      {
        name: { en: 'Isabella I of Castile', vi: 'Nữ hoàng Isabella I' },
        role: { en: 'queen of Castile', vi: 'nữ hoàng xứ Castilla' },
      },
      {
        name: { en: 'Moctezuma II', vi: 'Moctezuma II' },
        role: { en: 'ruler of the Aztec Empire', vi: 'hoàng đế Aztec' },
      },
    ],
    culture: 'english',
  },
  {
    id: 'quang-trung',
    kind: 'person',
    patterns: { en: /\b(quang trung|tay son|tây sơn)\b/i, vi: /(quang trung|tây sơn|nguyễn huệ)/i },
    name: { en: 'Emperor Quang Trung', vi: 'vua Quang Trung' },
    time: { scale: 'year', year: 1792 },
    domain: 'history',
    recorded: {
      en: 'Quang Trung died suddenly at thirty-nine, and the Tây Sơn state began to come apart',
      vi: 'vua Quang Trung đột ngột qua đời ở tuổi ba mươi chín, và vương triều Tây Sơn bắt đầu tan rã',
    },
    motifs: {
      en: [
        'Phú Xuân',
        'the Tây Sơn army',
        'the Nôm-script edicts',
        'the northern border',
        'the Gia Định lords',
        'the trade with the Qing',
      ],
      vi: [
        'kinh đô Phú Xuân',
        'quân Tây Sơn',
        'những chiếu chỉ bằng chữ Nôm',
        'biên giới phía bắc',
        'thế lực Gia Định',
        'việc buôn bán với nhà Thanh',
      ],
    },
    figures: [
      {
        name: { en: 'Quang Trung', vi: 'Quang Trung' },
        role: { en: 'emperor of the Tây Sơn', vi: 'hoàng đế nhà Tây Sơn' },
      },
      {
        name: { en: 'Nguyễn Ánh', vi: 'Nguyễn Ánh' },
        role: { en: 'the rival lord in Gia Định', vi: 'chúa Nguyễn ở Gia Định' },
      },
      {
        name: { en: 'Ngô Thì Nhậm', vi: 'Ngô Thì Nhậm' },
        role: { en: 'scholar and minister', vi: 'nhà nho và đại thần' },
      },
    ],
    culture: 'vietnamese',
  },
  {
    id: 'alexander',
    kind: 'person',
    patterns: { en: /\b(alexander the great|alexander)\b/i, vi: /(alexander|alexandros|a lịch sơn)/i },
    name: { en: 'Alexander the Great', vi: 'Alexander Đại đế' },
    time: { scale: 'year', year: -323 },
    domain: 'history',
    recorded: {
      en: 'Alexander died in Babylon at thirty-two and his generals divided the empire',
      vi: 'Alexander qua đời ở Babylon khi mới ba mươi hai tuổi và các tướng lĩnh chia nhau đế chế',
    },
    motifs: {
      en: [
        'Babylon',
        'the Macedonian phalanx',
        'Alexandria',
        'the satrapies',
        'the road to India',
        'the Greek cities',
      ],
      vi: [
        'thành Babylon',
        'đội hình phalanx Macedonia',
        'thành Alexandria',
        'các tỉnh satrap',
        'con đường sang Ấn Độ',
        'các thành bang Hy Lạp',
      ],
    },
    figures: [
      {
        name: { en: 'Alexander the Great', vi: 'Alexander Đại đế' },
        role: { en: 'king of Macedon', vi: 'vua xứ Macedonia' },
      },
      {
        name: { en: 'Ptolemy', vi: 'Ptolemaios' },
        role: { en: 'his general, later king of Egypt', vi: 'tướng của ông, về sau làm vua Ai Cập' },
      },
      {
        name: { en: 'Roxana', vi: 'Roxana' },
        role: { en: 'his Bactrian queen', vi: 'hoàng hậu người Bactria' },
      },
    ],
    culture: 'latin',
  },
  {
    id: 'world-war-one',
    kind: 'war',
    patterns: {
      en: /\b(world war (i|1|one)|first world war|great war|ww1|wwi)\b/i,
      vi: /(thế chiến (thứ )?(i|1|nhất)|chiến tranh thế giới (thứ )?(i|1|nhất))/i,
    },
    name: { en: 'the First World War', vi: 'Chiến tranh thế giới thứ nhất' },
    time: { scale: 'year', year: 1914 },
    domain: 'history',
    recorded: {
      en: 'Archduke Franz Ferdinand was shot in Sarajevo and Europe mobilised',
      vi: 'Đại công tước Franz Ferdinand bị ám sát ở Sarajevo và châu Âu tổng động viên',
    },
    motifs: {
      en: [
        'the trenches',
        'Sarajevo',
        'the Habsburg court',
        'the railway timetables',
        'the Kaiser’s navy',
        'Vienna',
      ],
      vi: [
        'các chiến hào',
        'Sarajevo',
        'triều đình Habsburg',
        'lịch tàu hỏa',
        'hạm đội của Đức hoàng',
        'thành Viên',
      ],
    },
    figures: [
      {
        name: { en: 'Franz Ferdinand', vi: 'Franz Ferdinand' },
        role: { en: 'heir to the Austro-Hungarian throne', vi: 'người thừa kế ngai vàng Áo-Hung' },
      },
      { name: { en: 'Wilhelm II', vi: 'Wilhelm II' }, role: { en: 'German Emperor', vi: 'Hoàng đế Đức' } },
      {
        name: { en: 'Gavrilo Princip', vi: 'Gavrilo Princip' },
        role: { en: 'the assassin in Sarajevo', vi: 'kẻ ám sát ở Sarajevo' },
      },
    ],
    culture: 'german',
  },
];
