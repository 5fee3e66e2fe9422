import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';
import { words } from '../knowledge/entity';
import type { Domain, Frame } from './frame';

/**
 * Words that point at a domain, in English and Vietnamese (with and without diacritics).
 * The subject counts double: "the printing press was invented in Rome" is about technology
 * before it is about Rome.
 */
const signals: Record<Exclude<Domain, 'personal'>, Record<ScenarioLanguage, RegExp>> = {
  myth: {
    en: words(
      'dragons?|magic|magical|wizards?|witch(?:es)?|elves|elf|unicorns?|vampires?|ghosts?|gods?|goddess(?:es)?|superpowers?|time[- ]travel\\w*|mermaids?|fairies|fairy|myths?|mythical|immortal|immortality|teleport\\w*|telepath\\w*|invisible|invisibility|werewolf|werewolves|zombies?|aliens?|extraterrestrials?|spells?|wands?|giants?',
    ),
    vi: words(
      'rồng|phép thuật|pháp sư|phù thủy|yêu tinh|kỳ lân|ma cà rồng|ma quỷ|thần thánh|thần linh|siêu năng lực|du hành thời gian|cỗ máy thời gian|nàng tiên cá|tiên nữ|thần thoại|bất tử|dịch chuyển tức thời|người sói|thây ma|người ngoài hành tinh|tàng hình|thần giao cách cảm|phep thuat',
    ),
  },
  nature: {
    en: words(
      'photosynthe\\w*|rainforests?|jungles?|reefs?|corals?|wetlands?|savannas?|tundra|moon|moons|sun|suns|planets?|earth|oxygen|gravity|oceans?|seas?|sea level|tides?|climate|ice age|volcano(?:es)?|volcanic|earthquakes?|species|animals?|plants?|trees?|forests?|insects?|bees?|dinosaurs?|extinct|extinction|evolution|evolved|evolve|rain|rainfall|weather|atmosphere|carbon|water|magnetic field|asteroids?|comets?|meteors?|light|sunlight|night|seasons?|bacteria|viruses|virus|sleep|dna|genes?|brains?|cells?|whales?|fish|birds?|cats?|dogs?|mammals?|mosquito(?:es)?|ozone|snow|glaciers?|ice caps?|deserts? (?:bloomed|turned green)|green|photons?|axis|orbit|stars?|galaxy|universe|big bang|humans? (?:could|had|were|evolved)|wings?|gills|fur|tails?|eyes?|blood|heart|lungs?',
    ),
    vi: words(
      'quang hợp|rừng mưa|rừng rậm|rạn san hô|khô cạn|đầm lầy|mặt trăng|mặt trời|hành tinh|trái đất|ô-xy|oxy|trọng lực|lực hấp dẫn|đại dương|mực nước biển|thủy triều|khí hậu|kỷ băng hà|núi lửa|động đất|loài|động vật|thực vật|cây cối|cây xanh|rừng|côn trùng|ong|khủng long|tuyệt chủng|tiến hóa|mưa|thời tiết|khí quyển|carbon|từ trường|thiên thạch|tiểu hành tinh|sao chổi|ánh sáng|ban đêm|bốn mùa|vi khuẩn|virus|giấc ngủ|gen|bộ não|tế bào|cá voi|loài chim|chim|mèo|chó|muỗi|tầng ozone|sông băng|băng tan|vũ trụ|ngôi sao|quỹ đạo|trục trái đất|cánh|mang cá|khung long|vu tru',
    ),
  },
  technology: {
    en: words(
      'invent\\w*|discover\\w*|discovery|fire|electricity|internet|computers?|phones?|smartphones?|telephones?|telegraph|radio|television|tv|engines?|steam|machines?|machinery|electricity|electric|electrical|printing|press|robots?|ai|artificial intelligence|rockets?|spaceflight|satellites?|airplanes?|aeroplanes?|planes?|aircraft|flight|cars?|automobiles?|trains?|railways?|railroads?|nuclear|atomic|batter(?:y|ies)|solar panels?|antibiotics?|penicillin|vaccines?|x-rays?|microscopes?|telescopes?|wheel|gunpowder|compass|paper|clocks?|cameras?|photography|transistors?|chips?|microchips?|software|email|gps|3d print\\w*|cloning|light ?bulbs?|technology|technologies|engineers?|factory|factories|industrial revolution|web|world wide web|smartphone|space station|spacecraft|space race',
    ),
    vi: words(
      'phát minh|sáng chế|phát hiện|tìm ra|khám phá|lửa|internet|máy tính|điện thoại|điện báo|radio|vô tuyến|truyền hình|tivi|động cơ|hơi nước|máy móc|điện(?! biên)|máy in|in ấn|robot|người máy|trí tuệ nhân tạo|tên lửa|vệ tinh|máy bay|ô tô|xe hơi|tàu hỏa|đường sắt|hạt nhân|bom nguyên tử|pin|năng lượng mặt trời|kháng sinh|penicillin|vắc-?xin|kính hiển vi|kính thiên văn|bánh xe|thuốc súng|la bàn|giấy|đồng hồ|máy ảnh|chất bán dẫn|vi mạch|phần mềm|công nghệ|kỹ sư|nhà máy|cách mạng công nghiệp|may tinh|cong nghe|dien thoai',
    ),
  },
  places: {
    en: words(
      'capital|capitals|cit(?:y|ies)|towns?|countr(?:y|ies)|continents?|borders?|islands?|desert|deserts|rivers?|mountains?|canals?|ports?|harbou?rs?|coast|coastline|located|map|maps|region|straits?|peninsula|bay|lake|tokyo|asia|europe|africa|americas?|australia|antarctica|hanoi|saigon|ho chi minh city|hue|paris|london|beijing|venice|constantinople|istanbul|sahara|amazon|nile|mekong|mediterranean|atlantic|pacific|himalayas|alps|panama|suez|siberia|greenland|iceland|new york|singapore|hong kong|bangkok|moscow|berlin|rome|mecca|jerusalem|united asia|united europe',
    ),
    vi: words(
      'thủ đô|kinh đô|kinh thành|thành phố|đô thị|thị trấn|quốc gia|đất nước|lục địa|châu lục|biên giới|hòn đảo|đảo|sa mạc|dòng sông|sông|núi|kênh đào|hải cảng|cảng|bờ biển|nằm ở|nằm cạnh|nằm bên|dời đô|bản đồ|eo biển|bán đảo|vịnh|hồ|tokyo|châu á|châu âu|châu phi|châu mỹ|châu úc|nam cực|hà nội|sài gòn|thành phố hồ chí minh|huế|paris|luân đôn|london|bắc kinh|venice|constantinople|istanbul|sahara|amazon|sông nile|mê kông|mekong|địa trung hải|đại tây dương|thái bình dương|himalaya|dãy alps|panama|suez|siberia|greenland|singapore|hồng kông|bangkok|moskva|berlin|thu do|thanh pho',
    ),
  },
  culture: {
    en: words(
      'paint\\w*|painters?|novels?|books?|poems?|poetry|poets?|plays?|playwrights?|theatre|theater|music|musicians?|songs?|bands?|albums?|composers?|composed|symphon(?:y|ies)|operas?|films?|movies?|cinema|hollywood|art|arts|artists?|museums?|architecture|cathedrals?|temples?|dance|dancing|fashion|languages?|literature|sports?|football|soccer|olympics?|olympic games|video games?|games?|anime|manga|k-pop|shakespeare|hamlet|beethoven|mozart|picasso|van gogh|beatles|harry potter|renaissance|impressionis\\w*|jazz|rock and roll|rock ?n ?roll|hip[- ]hop|opera|ballet|sculptures?|statues?|mona lisa|writers?|wrote|written|published|lyrics|festival|cuisine|recipes?|chess|comics?|printing of books|librar(?:y|ies)',
    ),
    vi: words(
      'vẽ|bức tranh|họa sĩ|tiểu thuyết|cuốn sách|sách|bài thơ|thơ|nhà thơ|vở kịch|sân khấu|âm nhạc|nhạc|bài hát|ban nhạc|nhạc sĩ|nhà soạn nhạc|giao hưởng|nhạc kịch|phim|điện ảnh|nghệ thuật|nghệ sĩ|bảo tàng|kiến trúc|nhà thờ|chùa|đền|múa|thời trang|ngôn ngữ|tiếng việt|chữ quốc ngữ|chữ nôm|chữ hán|thể thao|bóng đá|thế vận hội|olympic|trò chơi điện tử|truyện kiều|nguyễn du|cải lương|áo dài|tết|phở|ca trù|quan họ|hát chèo|văn học|nhà văn|sáng tác|xuất bản|ẩm thực|cờ vua|truyện tranh|thư viện|shakespeare|beethoven|mozart|beatles|van gogh|picasso',
    ),
  },
  society: {
    en: words(
      'everyone|everybody|nobody|no one|people|money|cash|currency|economy|economies|schools?|education|universit(?:y|ies)|government|governments|democracy|vote|voting|elections?|laws?|women|men|children|workers?|work|working|four-day week|jobs?|taxes|tax|social media|marriage|families|family|religions?|police|prisons?|healthcare|hospitals?|retirement|basic income|banks?|trade|slavery|weekends?|holidays?|meat|vegetarian|lifespans?|privacy|cities had no cars|cars were banned|society|societies|social|homework|unemployment|wages?|salar(?:y|ies)|rich|poor|poverty|inequality|housing|rent|public transport|crime|justice|equal rights|suffrage',
    ),
    vi: words(
      'mọi người|ai cũng|không ai|người dân|tiền mặt|tiền tệ|tiền|kinh tế|trường học|giáo dục|đại học|chính phủ|dân chủ|bầu cử|luật pháp|luật|phụ nữ|trẻ em|công nhân|người lao động|làm việc|tuần làm việc|việc làm|thuế|mạng xã hội|hôn nhân|gia đình|tôn giáo|cảnh sát|nhà tù|y tế|bệnh viện|nghỉ hưu|thu nhập cơ bản|ngân hàng|thương mại|nô lệ|cuối tuần|ngày nghỉ|ăn chay|tuổi thọ|quyền riêng tư|xã hội|bài tập về nhà|thất nghiệp|tiền lương|giàu|nghèo|bất bình đẳng|nhà ở|giao thông công cộng|tội phạm|công lý|bình đẳng|kinh te|xa hoi|giao duc',
    ),
  },
  history: {
    en: words(
      'empires?|emperors?|kings?|queens?|dynast(?:y|ies)|kingdoms?|republics?|wars?|battles?|revolutions?|revolutionary|colon(?:y|ies)|colonial|colonized|conquest|conquered|invasion|invaded|invade|army|armies|navy|fleet|treat(?:y|ies)|independence|pharaohs?|caesar|senate|rebellion|civil war|crusades?|samurai|shoguns?|shogunate|tsars?|czars?|sultans?|sultanate|presidents?|prime ministers?|generals?|assassinat\\w*|throne|reign|ruled|rulers?|mongols?|romans?|vikings?|aztecs?|incas?|ottomans?|byzantine|spartans?|athenians?|nazis?|soviet|confederacy|union|communis\\w*|fascis\\w*|monarch\\w*|princes?|princesses?|dukes?|lords?|knights?|feudal|medieval|ancient|centur(?:y|ies)|bc|ad|\\d{3,4}s?',
    ),
    vi: words(
      'đế chế|đế quốc|hoàng đế|vua|nữ hoàng|triều đại|triều|nhà (trần|lý|lê|nguyễn|hồ|tây sơn|đinh|mạc|minh|thanh|tống|nguyên|đường|hán|tần)|vương quốc|cộng hòa|chiến tranh|trận|cách mạng|thuộc địa|xâm lược|quân đội|quân|hải quân|hiệp định|hiệp ước|độc lập|khởi nghĩa|nội chiến|tổng thống|thủ tướng|tướng|ám sát|ngai vàng|trị vì|mông cổ|la mã|viking|đức quốc xã|liên xô|thế kỷ|cổ đại|trung cổ|phong kiến|năm \\d{3,4}|de che|chien tranh|trieu dai',
    ),
  },
};

const order: readonly Exclude<Domain, 'personal'>[] = [
  'myth',
  'nature',
  'technology',
  'places',
  'culture',
  'society',
  'history',
];

/** Physical geography is science; a capital, a border or a union of countries is history. */
const physicalGeography =
  /\b(rivers?|flowed|flow|deserts?|mountains?|islands?|sea level|ice|glaciers?|coast|continents? (?:never split|had not split|were joined)|volcano|lake|bay|peninsula|rainforests?|jungles?|seas?)\b|(sông|sa mạc|núi|đảo|mực nước biển|băng|bờ biển|núi lửa|vịnh|bán đảo|rừng|(?<!\p{L})hồ(?!\p{L})|biển)/iu;

function score(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'giu'))?.length ?? 0;
}

/**
 * The domain the question's own words point at. A myth is a myth whatever else it names; a
 * role such as "the capital of" makes a question about a place; otherwise the subject's words
 * count double and ties go to the earlier domain in `order`.
 */
export function domainOfWords(
  subject: string,
  predicate: string,
  object: string,
  language: ScenarioLanguage,
): Domain | undefined {
  const whole = `${subject} ${predicate} ${object}`;
  const other: ScenarioLanguage = language === 'en' ? 'vi' : 'en';
  if (signals.myth[language].test(whole) || signals.myth[other].test(whole)) return 'myth';
  if (/\b(capital|border|borders)\b|(thủ đô|kinh đô|biên giới|dời đô)/i.test(`${predicate} ${object}`))
    return 'places';
  let best: Domain | undefined;
  let bestScore = 0;
  for (const domain of order) {
    const pattern = signals[domain][language];
    const points = score(subject, pattern) * 2 + score(`${predicate} ${object}`, pattern);
    if (points > bestScore) {
      best = domain;
      bestScore = points;
    }
  }
  return best;
}

/** The API's category for a frame: what the suggestions and the history filter by. */
export function categoryOf(frame: Frame): ScenarioCategory {
  switch (frame.domain) {
    case 'history':
      return 'history';
    case 'nature':
    case 'technology':
      return 'science';
    case 'places':
      return (frame.subject.entity?.physical ||
        physicalGeography.test(`${frame.predicate} ${frame.object?.text ?? ''} ${frame.subject.text}`)) &&
        !/\b(capital|border|united|empire)\b|(thủ đô|kinh đô|biên giới|thống nhất)/i.test(frame.core)
        ? 'science'
        : 'history';
    case 'culture':
    case 'society':
      return 'society';
    case 'personal':
      return 'personal';
    case 'myth':
      return 'fantasy';
  }
}
