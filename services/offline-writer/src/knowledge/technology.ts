import { type Entity, entity, year } from './entity';

/** Inventions with the dates textbooks give them; the printing press, steam and the internet live in science.ts. */
export const technologyEntities: Entity[] = [
  entity(
    'telephone',
    'invention',
    'technology',
    {
      en: {
        name: 'the telephone',
        match: 'the telephone|telephones?|phones?|bell',
        motifs: [
          'the switchboards',
          'the telegraph offices',
          'the newspapers',
          'the family visits',
          'the stock exchanges',
        ],
        recorded: 'Alexander Graham Bell patented the telephone',
      },
      vi: {
        name: 'điện thoại',
        match: 'điện thoại|chiếc điện thoại|graham bell',
        motifs: [
          'các tổng đài',
          'các bưu cục điện báo',
          'báo chí',
          'những chuyến thăm nhà',
          'sở giao dịch chứng khoán',
        ],
        recorded: 'Alexander Graham Bell được cấp bằng sáng chế điện thoại',
      },
    },
    { time: year(1876), culture: 'english' },
  ),
  entity(
    'computer',
    'invention',
    'technology',
    {
      en: {
        name: 'the computer',
        match: 'the computer|computers?|personal computers?|pcs?|transistors?|microchips?',
        motifs: [
          'the codebreakers',
          'the punch cards',
          'the banks',
          'the offices',
          'the universities',
          'the weather forecasts',
        ],
        recorded: 'the first electronic computers were built to break codes and compute firing tables',
      },
      vi: {
        name: 'máy tính',
        match: 'máy tính|máy vi tính|máy điện toán|bóng bán dẫn|vi mạch',
        motifs: [
          'những người giải mã',
          'thẻ đục lỗ',
          'các ngân hàng',
          'văn phòng',
          'các trường đại học',
          'dự báo thời tiết',
        ],
        recorded: 'những chiếc máy tính điện tử đầu tiên ra đời để giải mã và tính đường đạn',
      },
    },
    { time: year(1945), culture: 'english' },
  ),
  entity(
    'cars',
    'invention',
    'technology',
    {
      en: {
        name: 'the car',
        match: 'the car|cars|automobiles?|motor cars?',
        motifs: ['the highways', 'the suburbs', 'the oil fields', 'the horse stables', 'the city streets'],
        recorded: 'Karl Benz drove the first practical motor car',
      },
      vi: {
        name: 'ô tô',
        match: 'ô tô|xe hơi|xe ô tô',
        motifs: ['đường cao tốc', 'vùng ngoại ô', 'các mỏ dầu', 'chuồng ngựa', 'đường phố'],
        recorded: 'Karl Benz lái chiếc ô tô thực dụng đầu tiên',
      },
    },
    { time: year(1886), culture: 'german' },
  ),
  entity(
    'airplane',
    'invention',
    'technology',
    {
      en: {
        name: 'the aeroplane',
        match:
          'the airplane|the aeroplane|airplanes?|aeroplanes?|aircraft|planes|powered flight|wright brothers',
        motifs: [
          'the airfields',
          'the ocean liners',
          'the mail routes',
          'the armies',
          'the long-distance trade',
        ],
        recorded: 'the Wright brothers flew at Kitty Hawk',
      },
      vi: {
        name: 'máy bay',
        match: 'máy bay|phi cơ|anh em nhà wright',
        motifs: [
          'các sân bay',
          'những con tàu vượt đại dương',
          'các tuyến thư tín',
          'quân đội',
          'giao thương đường dài',
        ],
        recorded: 'anh em nhà Wright bay thử thành công ở Kitty Hawk',
      },
    },
    { time: year(1903), culture: 'english' },
  ),
  entity(
    'antibiotics',
    'invention',
    'technology',
    {
      en: {
        name: 'antibiotics',
        match: 'antibiotics?|penicillin|fleming',
        motifs: ['the hospitals', 'the surgeons', 'the maternity wards', 'the field hospitals', 'the farms'],
        recorded: 'Alexander Fleming noticed mould killing bacteria in a dish',
      },
      vi: {
        name: 'thuốc kháng sinh',
        match: 'kháng sinh|thuốc kháng sinh|penicillin|fleming',
        motifs: [
          'các bệnh viện',
          'các bác sĩ phẫu thuật',
          'khoa sản',
          'bệnh viện dã chiến',
          'các trang trại',
        ],
        recorded: 'Alexander Fleming thấy nấm mốc diệt vi khuẩn trong một đĩa nuôi cấy',
      },
    },
    { time: year(1928), plural: true, culture: 'english' },
  ),
  entity(
    'vaccines',
    'invention',
    'technology',
    {
      en: {
        name: 'vaccines',
        match: 'vaccines?|vaccination|jenner|smallpox vaccine',
        motifs: [
          'the schools',
          'the nurseries',
          'the quarantine stations',
          'the public health offices',
          'the cities',
        ],
        recorded: 'Edward Jenner vaccinated a boy against smallpox',
      },
      vi: {
        name: 'vắc-xin',
        match: 'vắc-xin|vắc xin|vaccine|tiêm chủng|jenner',
        motifs: ['trường học', 'nhà trẻ', 'các trạm cách ly', 'cơ quan y tế công cộng', 'các thành phố'],
        recorded: 'Edward Jenner tiêm chủng cho một cậu bé để phòng bệnh đậu mùa',
      },
    },
    { time: year(1796), plural: true, culture: 'english' },
  ),
  entity(
    'wheel',
    'invention',
    'technology',
    {
      en: {
        name: 'the wheel',
        match: 'the wheel|wheels?',
        motifs: ['the carts', "the potters' wheels", 'the roads', 'the pack animals', 'the chariots'],
        recorded: 'potters and cart-makers in Mesopotamia put the first wheels to work',
      },
      vi: {
        name: 'bánh xe',
        match: 'bánh xe',
        motifs: [
          'những cỗ xe kéo',
          'bàn xoay của thợ gốm',
          'những con đường',
          'súc vật thồ hàng',
          'chiến xa',
        ],
        recorded: 'thợ gốm và thợ đóng xe ở Lưỡng Hà đưa những chiếc bánh xe đầu tiên vào sử dụng',
      },
    },
    { time: year(-3500) },
  ),
  entity(
    'writing',
    'invention',
    'technology',
    {
      en: {
        name: 'writing',
        match: 'writing|the alphabet|alphabets?|written language|scripts?',
        motifs: [
          'the temple accounts',
          'the laws',
          'the storytellers',
          'the scribes',
          'the letters between kings',
        ],
        recorded: 'scribes in Sumer pressed the first signs into clay tablets',
      },
      vi: {
        name: 'chữ viết',
        match: 'chữ viết|bảng chữ cái|văn tự',
        motifs: [
          'sổ sách của các đền thờ',
          'luật lệ',
          'những người kể chuyện',
          'các thư lại',
          'thư từ giữa các vua',
        ],
        recorded: 'các thư lại ở Sumer ấn những ký hiệu đầu tiên lên bảng đất sét',
      },
    },
    { time: year(-3200) },
  ),
  entity(
    'nuclear',
    'invention',
    'technology',
    {
      en: {
        name: 'the atomic bomb',
        match: 'the atomic bomb|atomic bombs?|nuclear weapons?|the bomb|manhattan project|nuclear',
        motifs: ['the Manhattan Project', 'the power stations', 'the arms race', 'the treaties', 'Hiroshima'],
        recorded: 'the first atomic bomb was tested in the New Mexico desert',
      },
      vi: {
        name: 'bom nguyên tử',
        match: 'bom nguyên tử|vũ khí hạt nhân|bom hạt nhân|hạt nhân|dự án manhattan',
        motifs: [
          'Dự án Manhattan',
          'các nhà máy điện',
          'cuộc chạy đua vũ trang',
          'các hiệp ước',
          'Hiroshima',
        ],
        recorded: 'quả bom nguyên tử đầu tiên được thử ở sa mạc New Mexico',
      },
    },
    { time: year(1945), culture: 'english' },
  ),
  entity(
    'smartphone',
    'invention',
    'technology',
    {
      en: {
        name: 'the smartphone',
        match: 'the smartphone|smartphones?|iphones?|mobile phones?|cell phones?',
        motifs: ['the app stores', 'the maps', 'the cameras', 'the commuters', 'the classrooms'],
        recorded: 'the first iPhone went on sale',
      },
      vi: {
        name: 'điện thoại thông minh',
        match: 'điện thoại thông minh|smartphone|iphone|điện thoại di động',
        motifs: ['các kho ứng dụng', 'bản đồ số', 'máy ảnh', 'người đi làm', 'lớp học'],
        recorded: 'chiếc iPhone đầu tiên được bán ra',
      },
    },
    { time: year(2007), culture: 'english' },
  ),
  entity(
    'artificial-intelligence',
    'invention',
    'technology',
    {
      en: {
        name: 'artificial intelligence',
        match: 'artificial intelligence|ai|machine learning|chatbots?|robots?',
        motifs: ['the data centres', 'the offices', 'the schools', 'the software makers', 'the regulators'],
      },
      vi: {
        name: 'trí tuệ nhân tạo',
        match: 'trí tuệ nhân tạo|ai|học máy|người máy|robot',
        motifs: [
          'các trung tâm dữ liệu',
          'văn phòng',
          'trường học',
          'các công ty phần mềm',
          'cơ quan quản lý',
        ],
      },
    },
    { culture: 'english' },
  ),
  entity(
    'radio',
    'invention',
    'technology',
    {
      en: {
        name: 'radio',
        match: 'radio|wireless|marconi',
        motifs: ['the ships at sea', 'the newsrooms', 'the dance halls', 'the armies', 'the farmhouses'],
        recorded: 'Marconi sent a wireless signal across the Atlantic',
      },
      vi: {
        name: 'radio',
        match: 'radio|vô tuyến điện|đài phát thanh|marconi',
        motifs: [
          'tàu thuyền ngoài khơi',
          'phòng tin tức',
          'vũ trường',
          'quân đội',
          'những ngôi nhà ở nông thôn',
        ],
        recorded: 'Marconi gửi tín hiệu vô tuyến qua Đại Tây Dương',
      },
    },
    { time: year(1901), culture: 'italian' },
  ),
  entity(
    'railways',
    'invention',
    'technology',
    {
      en: {
        name: 'the railway',
        match: 'the railways?|railways?|railroads?|trains?|locomotives?',
        motifs: ['the stations', 'the coal mines', 'the timetables', 'the canals', 'the market towns'],
        recorded: 'the first public steam railway opened between Stockton and Darlington',
      },
      vi: {
        name: 'đường sắt',
        match: 'đường sắt|tàu hỏa|xe lửa|đầu máy',
        motifs: ['các nhà ga', 'các mỏ than', 'lịch chạy tàu', 'những con kênh', 'các thị trấn có chợ'],
        recorded: 'tuyến đường sắt hơi nước công cộng đầu tiên mở giữa Stockton và Darlington',
      },
    },
    { time: year(1825), culture: 'english' },
  ),
  entity(
    'gunpowder',
    'invention',
    'technology',
    {
      en: {
        name: 'gunpowder',
        match: 'gunpowder|black powder|cannons?|firearms?|guns',
        motifs: ['the castle walls', 'the fireworks', 'the armies', 'the mines', 'the arsenals'],
        recorded: 'Chinese alchemists mixed the first gunpowder',
      },
      vi: {
        name: 'thuốc súng',
        match: 'thuốc súng|súng thần công|súng đạn|hỏa khí',
        motifs: ['những bức tường thành', 'pháo hoa', 'quân đội', 'hầm mỏ', 'kho vũ khí'],
        recorded: 'các nhà luyện đan Trung Hoa pha chế thuốc súng đầu tiên',
      },
    },
    { time: year(850), culture: 'chinese' },
  ),
];
