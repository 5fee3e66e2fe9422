import { type Entity, entity, year } from './entity';

/** Institutions of living together, and the scientists questions ask about. */
export const societyAndScience: Entity[] = [
  entity(
    'social-media',
    'invention',
    'society',
    {
      en: {
        name: 'social media',
        match: 'social media|social networks?|facebook|twitter|tiktok|instagram',
        motifs: [
          'the newsfeeds',
          'the group chats',
          'the election campaigns',
          'the teenagers',
          'the advertisers',
        ],
        recorded: 'Facebook opened to everyone with an email address',
      },
      vi: {
        name: 'mạng xã hội',
        match: 'mạng xã hội|facebook|twitter|tiktok|instagram',
        motifs: ['bảng tin', 'các nhóm chat', 'các chiến dịch bầu cử', 'giới trẻ', 'các nhà quảng cáo'],
        recorded: 'Facebook mở cửa cho bất kỳ ai có địa chỉ email',
      },
    },
    { time: year(2006), culture: 'english' },
  ),
  entity(
    'slavery',
    'institution',
    'society',
    {
      en: {
        name: 'slavery',
        match: 'slavery|the slave trade|slave trade|slaves',
        motifs: [
          'the plantations',
          'the Atlantic ports',
          'the cotton trade',
          'the abolitionists',
          'the courts',
        ],
        recorded: 'Britain abolished slavery across most of its empire',
      },
      vi: {
        name: 'chế độ nô lệ',
        match: 'chế độ nô lệ|buôn bán nô lệ|nô lệ',
        motifs: [
          'các đồn điền',
          'các cảng Đại Tây Dương',
          'việc buôn bông',
          'những người chủ trương bãi nô',
          'tòa án',
        ],
        recorded: 'nước Anh bãi bỏ chế độ nô lệ ở hầu khắp đế quốc',
      },
    },
    { time: year(1833), culture: 'english' },
  ),
  entity(
    'womens-suffrage',
    'institution',
    'society',
    {
      en: {
        name: "women's right to vote",
        match:
          "women'?s suffrage|suffragettes?|women (?:could|had|got|won) (?:the )?(?:vote|right to vote)|women voting",
        motifs: ['the polling stations', 'the parliaments', 'the newspapers', 'the factories', 'the schools'],
        recorded: 'New Zealand became the first country where women could vote in national elections',
      },
      vi: {
        name: 'quyền bầu cử của phụ nữ',
        match: 'quyền bầu cử của phụ nữ|phụ nữ (?:được|có quyền) bầu cử|phụ nữ đi bầu',
        motifs: ['các điểm bỏ phiếu', 'các nghị viện', 'báo chí', 'các nhà máy', 'trường học'],
        recorded: 'New Zealand trở thành nước đầu tiên cho phụ nữ bầu cử toàn quốc',
      },
    },
    { time: year(1893), culture: 'english' },
  ),
  entity(
    'einstein',
    'person',
    'technology',
    {
      en: {
        name: 'Einstein',
        match: 'einstein|albert einstein|relativity',
        motifs: [
          'the patent office in Bern',
          'the physics journals',
          'the atomic research',
          'the GPS clocks',
          'the universities',
        ],
        recorded: 'Einstein published special relativity from the patent office in Bern',
      },
      vi: {
        name: 'Einstein',
        match: 'einstein|anh-xtanh|thuyết tương đối',
        motifs: [
          'văn phòng cấp bằng sáng chế ở Bern',
          'các tạp chí vật lý',
          'nghiên cứu nguyên tử',
          'đồng hồ trên vệ tinh định vị',
          'các trường đại học',
        ],
        recorded: 'Einstein công bố thuyết tương đối hẹp khi còn làm ở văn phòng cấp bằng sáng chế Bern',
      },
    },
    { time: year(1905), culture: 'german' },
  ),
  entity(
    'newton',
    'person',
    'technology',
    {
      en: {
        name: 'Newton',
        match: 'isaac newton|newton',
        motifs: [
          'the Royal Society',
          'the laws of motion',
          'the telescopes',
          'the navigators',
          'the mathematicians',
        ],
        recorded: 'Newton published his laws of motion and gravitation',
      },
      vi: {
        name: 'Newton',
        match: 'isaac newton|newton|niu-tơn',
        motifs: [
          'Hội Hoàng gia',
          'các định luật chuyển động',
          'kính thiên văn',
          'những nhà hàng hải',
          'giới toán học',
        ],
        recorded: 'Newton công bố các định luật chuyển động và hấp dẫn',
      },
    },
    { time: year(1687), culture: 'english' },
  ),
  entity(
    'darwin',
    'person',
    'technology',
    {
      en: {
        name: 'Darwin',
        match: 'charles darwin|darwin|on the origin of species',
        motifs: [
          'the Beagle voyage',
          'the Galápagos finches',
          'the natural history museums',
          'the churches',
          'the biology classrooms',
        ],
        recorded: 'Darwin published On the Origin of Species',
      },
      vi: {
        name: 'Darwin',
        match: 'charles darwin|darwin|nguồn gốc các loài',
        motifs: [
          'chuyến hải trình trên tàu Beagle',
          'những con chim sẻ ở Galápagos',
          'các bảo tàng lịch sử tự nhiên',
          'giáo hội',
          'các lớp học sinh học',
        ],
        recorded: 'Darwin xuất bản cuốn Nguồn gốc các loài',
      },
    },
    { time: year(1859), culture: 'english' },
  ),
  entity(
    'marie-curie',
    'person',
    'technology',
    {
      en: {
        name: 'Marie Curie',
        match: 'marie curie|curie|radium',
        motifs: [
          'the Paris laboratory',
          'the radium',
          'the X-ray vans',
          'the women students',
          'the Nobel committee',
        ],
        recorded: 'Marie Curie isolated radium in her Paris laboratory',
      },
      vi: {
        name: 'Marie Curie',
        match: 'marie curie|curie|radium',
        motifs: [
          'phòng thí nghiệm ở Paris',
          'chất radium',
          'những xe chụp X-quang',
          'các nữ sinh viên',
          'ủy ban Nobel',
        ],
        recorded: 'Marie Curie tách được radium trong phòng thí nghiệm ở Paris',
      },
    },
    { time: year(1902), culture: 'french' },
  ),
  entity(
    'ada-lovelace',
    'person',
    'technology',
    {
      en: {
        name: 'Ada Lovelace',
        match: 'ada lovelace|lovelace|charles babbage|babbage|analytical engine',
        motifs: [
          'the Analytical Engine',
          'the punched cards',
          'the Jacquard looms',
          'the mathematicians of London',
          'the first programs',
        ],
        recorded: 'Ada Lovelace published the first program for Babbage’s Analytical Engine',
      },
      vi: {
        name: 'Ada Lovelace',
        match: 'ada lovelace|lovelace|babbage|máy giải tích',
        motifs: [
          'Máy giải tích',
          'những tấm thẻ đục lỗ',
          'khung dệt Jacquard',
          'giới toán học London',
          'những chương trình đầu tiên',
        ],
        recorded: 'Ada Lovelace công bố chương trình đầu tiên cho Máy giải tích của Babbage',
      },
    },
    { time: year(1843), culture: 'english' },
  ),
  entity(
    'alan-turing',
    'person',
    'technology',
    {
      en: {
        name: 'Alan Turing',
        match: 'alan turing|turing',
        motifs: [
          'Bletchley Park',
          'the codebreaking machines',
          'the universities',
          'the first computers',
          'the courts',
        ],
        recorded: 'Alan Turing died at forty-one, two years after his conviction',
      },
      vi: {
        name: 'Alan Turing',
        match: 'alan turing|turing',
        motifs: [
          'Bletchley Park',
          'các cỗ máy giải mã',
          'các trường đại học',
          'những chiếc máy tính đầu tiên',
          'tòa án',
        ],
        recorded: 'Alan Turing qua đời năm bốn mươi mốt tuổi, hai năm sau khi bị kết án',
      },
    },
    { time: year(1954), culture: 'english' },
  ),
];
