import { type Entity, entity, year } from './entity';

/** Cities, regions, rivers and seas: where a question moves a capital, a border or a coastline. */
export const placeEntities: Entity[] = [
  entity(
    'tokyo',
    'place',
    'places',
    {
      en: {
        name: 'Tokyo',
        match: 'tokyo|edo',
        motifs: [
          'the imperial palace',
          'the port of Yokohama',
          'the rail lines',
          'the ministries',
          'the neighbourhood shrines',
        ],
        recorded: 'Edo was renamed Tokyo and became the capital of Meiji Japan',
      },
      vi: {
        name: 'Tokyo',
        match: 'tokyo|edo|đông kinh',
        motifs: [
          'hoàng cung',
          'cảng Yokohama',
          'các tuyến đường sắt',
          'các bộ',
          'những ngôi đền trong các khu phố',
        ],
        recorded: 'Edo được đổi tên thành Tokyo và trở thành kinh đô của nước Nhật thời Minh Trị',
      },
    },
    { time: year(1868), culture: 'japanese' },
  ),
  entity('asia', 'place', 'places', {
    en: {
      name: 'Asia',
      match: 'asia|a united asia|asian',
      motifs: ['the Silk Road', 'the monsoon ports', 'the rice deltas', 'the mountain passes'],
    },
    vi: {
      name: 'châu Á',
      match: 'châu á|á châu',
      motifs: ['Con đường Tơ lụa', 'các cảng gió mùa', 'những châu thổ lúa nước', 'các đèo núi'],
    },
  }),
  entity('europe', 'place', 'places', {
    en: {
      name: 'Europe',
      match: 'europe|european|a united europe',
      motifs: ['the Rhine', 'the Alpine passes', 'the Baltic ports', 'the old capitals'],
    },
    vi: {
      name: 'châu Âu',
      match: 'châu âu|âu châu',
      motifs: ['sông Rhine', 'các đèo núi Alps', 'các cảng biển Baltic', 'những kinh đô cũ'],
    },
  }),
  entity('africa', 'place', 'places', {
    en: {
      name: 'Africa',
      match: 'africa|african',
      motifs: ['the Sahel trade routes', 'the Nile valley', 'the great lakes', 'the coastal cities'],
    },
    vi: {
      name: 'châu Phi',
      match: 'châu phi|phi châu',
      motifs: ['các tuyến buôn vùng Sahel', 'thung lũng sông Nile', 'vùng Hồ Lớn', 'các thành phố ven biển'],
    },
  }),
  entity(
    'hanoi',
    'place',
    'places',
    {
      en: {
        name: 'Hà Nội',
        match: 'hanoi|ha noi|hà nội|thang long|thăng long',
        motifs: [
          'the Red River dykes',
          'the Old Quarter',
          'the Temple of Literature',
          'the lakes',
          'the citadel',
        ],
        recorded: 'Lý Thái Tổ moved his capital to Thăng Long',
      },
      vi: {
        name: 'Hà Nội',
        match: 'hà nội|ha noi|thăng long|thang long',
        motifs: ['đê sông Hồng', 'phố cổ', 'Văn Miếu', 'những hồ nước', 'hoàng thành'],
        recorded: 'Lý Thái Tổ dời đô về Thăng Long',
      },
    },
    { time: year(1010), culture: 'vietnamese' },
  ),
  entity(
    'saigon',
    'place',
    'places',
    {
      en: {
        name: 'Sài Gòn',
        match: 'saigon|sai gon|sài gòn|ho chi minh city|hồ chí minh city',
        motifs: ['the Saigon River port', 'the markets of Chợ Lớn', 'the rice barges', 'the boulevards'],
      },
      vi: {
        name: 'Sài Gòn',
        match: 'sài gòn|sai gon|thành phố hồ chí minh|tp\\.? ?hcm|chợ lớn',
        motifs: ['bến cảng sông Sài Gòn', 'chợ búa Chợ Lớn', 'những ghe chở lúa', 'các đại lộ'],
      },
    },
    { time: year(1698), culture: 'vietnamese' },
  ),
  entity(
    'hue',
    'place',
    'places',
    {
      en: {
        name: 'Huế',
        match: 'hue|huế',
        motifs: ['the Perfume River', 'the imperial citadel', 'the royal tombs', 'the court'],
      },
      vi: {
        name: 'Huế',
        match: 'huế|kinh thành huế|cố đô huế',
        motifs: ['sông Hương', 'kinh thành', 'các lăng tẩm', 'triều đình'],
      },
    },
    { time: year(1802), culture: 'vietnamese' },
  ),
  entity(
    'constantinople',
    'place',
    'places',
    {
      en: {
        name: 'Constantinople',
        match: 'constantinople|byzantium|istanbul',
        motifs: [
          'the Theodosian Walls',
          'the Golden Horn',
          'the Hagia Sophia',
          'the Bosporus',
          'the Venetian merchants',
        ],
        recorded: 'the Ottoman sultan Mehmed II took the city',
      },
      vi: {
        name: 'Constantinople',
        match: 'constantinople|byzantium|istanbul|đông la mã',
        motifs: [
          'tường thành Theodosius',
          'vịnh Sừng Vàng',
          'nhà thờ Hagia Sophia',
          'eo biển Bosporus',
          'các thương nhân Venice',
        ],
        recorded: 'sultan Mehmed II của Ottoman chiếm thành',
      },
    },
    { time: year(1453), culture: 'greek' },
  ),
  entity(
    'sahara',
    'place',
    'places',
    {
      en: {
        name: 'the Sahara',
        match: 'the sahara|sahara',
        motifs: ['the caravan routes', 'the oases', 'the rains', 'the grasslands', 'the Nile'],
      },
      vi: {
        name: 'sa mạc Sahara',
        match: 'sahara|sa mạc sahara',
        motifs: ['các tuyến lữ hành', 'các ốc đảo', 'những cơn mưa', 'đồng cỏ', 'sông Nile'],
      },
    },
    { time: year(-3500), culture: 'arabic', physical: true },
  ),
  entity(
    'mekong',
    'place',
    'places',
    {
      en: {
        name: 'the Mekong',
        match: 'the mekong|mekong',
        motifs: ['the delta rice fields', 'the floating markets', 'the fisheries', 'the river towns'],
      },
      vi: {
        name: 'sông Mê Kông',
        match: 'mê kông|mekong|cửu long|sông tiền|sông hậu',
        motifs: ['ruộng lúa đồng bằng', 'chợ nổi', 'nghề cá', 'các thị trấn ven sông'],
      },
    },
    { culture: 'vietnamese', physical: true },
  ),
  entity(
    'nile',
    'place',
    'places',
    {
      en: {
        name: 'the Nile',
        match: 'the nile|nile',
        motifs: ['the flood plains', 'the pyramids', 'the granaries', 'the delta ports'],
      },
      vi: {
        name: 'sông Nile',
        match: 'sông nile|nile|sông nin',
        motifs: ['vùng đồng bằng ngập lũ', 'các kim tự tháp', 'kho lúa', 'các cảng ở châu thổ'],
      },
    },
    { culture: 'arabic', physical: true },
  ),
  entity(
    'mediterranean',
    'place',
    'places',
    {
      en: {
        name: 'the Mediterranean',
        match: 'the mediterranean|mediterranean',
        motifs: ['the port cities', 'the olive groves', 'the sea lanes', 'the islands'],
      },
      vi: {
        name: 'Địa Trung Hải',
        match: 'địa trung hải|mediterranean',
        motifs: ['các thành phố cảng', 'rừng ô liu', 'các tuyến hàng hải', 'những hòn đảo'],
      },
    },
    { physical: true },
  ),
  entity(
    'panama-canal',
    'place',
    'places',
    {
      en: {
        name: 'the Panama Canal',
        match: 'the panama canal|panama canal|panama',
        motifs: ['the locks', 'the shipping lines', 'Cape Horn', 'the isthmus'],
        recorded: 'the Panama Canal opened to shipping',
      },
      vi: {
        name: 'kênh đào Panama',
        match: 'kênh đào panama|panama',
        motifs: ['các âu tàu', 'các hãng tàu biển', 'mũi Horn', 'eo đất'],
        recorded: 'kênh đào Panama mở cửa cho tàu bè qua lại',
      },
    },
    { time: year(1914), culture: 'spanish' },
  ),
  entity(
    'australia',
    'place',
    'places',
    {
      en: {
        name: 'Australia',
        match: 'australia|australian',
        motifs: ['the coastal settlements', 'the outback', 'the sheep stations', 'the harbours'],
      },
      vi: {
        name: 'nước Úc',
        match: 'nước úc|úc|australia|châu úc',
        motifs: ['các khu định cư ven biển', 'vùng hoang mạc nội địa', 'các trại cừu', 'các bến cảng'],
      },
    },
    { culture: 'english' },
  ),
  entity(
    'vietnam',
    'place',
    'places',
    {
      en: {
        name: 'Việt Nam',
        match: 'vietnam|viet nam|việt nam',
        motifs: ['the Red River delta', 'the Mekong delta', 'the coastal road', 'the highlands'],
      },
      vi: {
        name: 'Việt Nam',
        match: 'việt nam|viet nam|nước ta',
        motifs: ['đồng bằng sông Hồng', 'đồng bằng sông Cửu Long', 'con đường ven biển', 'vùng cao nguyên'],
      },
    },
    { culture: 'vietnamese' },
  ),
  entity(
    'japan',
    'place',
    'places',
    {
      en: {
        name: 'Japan',
        match: 'japan|japanese',
        motifs: ['the shogunate', 'the port of Nagasaki', 'the rice tax', 'the island sea'],
      },
      vi: {
        name: 'Nhật Bản',
        match: 'nhật bản|nước nhật|người nhật',
        motifs: ['Mạc phủ', 'cảng Nagasaki', 'thuế gạo', 'vùng biển nội địa'],
      },
    },
    { culture: 'japanese' },
  ),
  entity(
    'china',
    'place',
    'places',
    {
      en: {
        name: 'China',
        match: 'china|chinese',
        motifs: [
          'the Grand Canal',
          'the imperial examinations',
          'the silk workshops',
          'the northern frontier',
        ],
      },
      vi: {
        name: 'Trung Quốc',
        match: 'trung quốc|trung hoa|người hoa',
        motifs: ['Đại Vận Hà', 'các kỳ thi khoa cử', 'các xưởng dệt lụa', 'biên giới phía bắc'],
      },
    },
    { culture: 'chinese' },
  ),
  entity(
    'venice',
    'place',
    'places',
    {
      en: {
        name: 'Venice',
        match: 'venice|venetian',
        motifs: ['the lagoon', 'the Arsenal', 'the merchant galleys', 'the Grand Canal'],
      },
      vi: {
        name: 'Venice',
        match: 'venice|venezia',
        motifs: ['vùng đầm phá', 'xưởng đóng tàu Arsenal', 'những thuyền buôn', 'kênh Grand Canal'],
      },
    },
    { culture: 'italian' },
  ),
  entity(
    'atlantis',
    'place',
    'myth',
    {
      en: {
        name: 'Atlantis',
        match: 'atlantis',
        motifs: ['the harbour rings', 'the priest-kings', 'the sea walls', 'the bronze gates'],
      },
      vi: {
        name: 'Atlantis',
        match: 'atlantis',
        motifs: ['những vòng cảng', 'các vua tư tế', 'tường chắn sóng', 'cổng đồng'],
      },
    },
    { culture: 'greek' },
  ),
];
