import { type Entity, entity, year } from './entity';

/** Works, artists and movements that culture questions name. */
export const cultureEntities: Entity[] = [
  entity(
    'shakespeare',
    'person',
    'culture',
    {
      en: {
        name: 'Shakespeare',
        match: 'shakespeare|william shakespeare|hamlet|macbeth|romeo and juliet|king lear',
        motifs: [
          'the Globe Theatre',
          'the London playhouses',
          'the English language',
          'the touring companies',
          'the printed folios',
        ],
        recorded: 'the Globe Theatre opened on the south bank of the Thames',
      },
      vi: {
        name: 'Shakespeare',
        match: 'shakespeare|hamlet|macbeth|romeo và juliet|vua lear',
        motifs: [
          'nhà hát Globe',
          'các rạp hát ở London',
          'tiếng Anh',
          'những gánh hát lưu diễn',
          'các tập kịch in',
        ],
        recorded: 'nhà hát Globe mở cửa bên bờ nam sông Thames',
      },
    },
    {
      time: year(1599),
      culture: 'english',
      figures: [
        {
          name: { en: 'William Shakespeare', vi: 'William Shakespeare' },
          role: { en: 'playwright and actor', vi: 'nhà viết kịch và diễn viên' },
        },
        {
          name: { en: 'Richard Burbage', vi: 'Richard Burbage' },
          role: { en: 'the leading actor of his company', vi: 'diễn viên chính của gánh hát' },
        },
      ],
    },
  ),
  entity(
    'beethoven',
    'person',
    'culture',
    {
      en: {
        name: 'Beethoven',
        match: 'beethoven|ludwig van beethoven',
        motifs: [
          'the Vienna concert halls',
          'the symphony orchestras',
          'the piano makers',
          'the music publishers',
          'the young Romantics',
        ],
        recorded: 'Beethoven arrived in Vienna to study with Haydn',
      },
      vi: {
        name: 'Beethoven',
        match: 'beethoven',
        motifs: [
          'các phòng hòa nhạc ở Vienna',
          'các dàn nhạc giao hưởng',
          'những người làm đàn piano',
          'các nhà xuất bản âm nhạc',
          'lớp nhạc sĩ lãng mạn trẻ',
        ],
        recorded: 'Beethoven đến Vienna học nhạc với Haydn',
      },
    },
    { time: year(1792), culture: 'german' },
  ),
  entity(
    'mozart',
    'person',
    'culture',
    {
      en: {
        name: 'Mozart',
        match: 'mozart|wolfgang amadeus mozart',
        motifs: [
          'the opera houses',
          'the court of Vienna',
          'the Salzburg archbishop',
          'the string quartets',
          'the music copyists',
        ],
        recorded: 'Mozart died in Vienna at thirty-five, his Requiem unfinished',
      },
      vi: {
        name: 'Mozart',
        match: 'mozart',
        motifs: [
          'các nhà hát opera',
          'triều đình Vienna',
          'tổng giám mục Salzburg',
          'những tứ tấu đàn dây',
          'những người chép nhạc',
        ],
        recorded: 'Mozart qua đời ở Vienna năm ba mươi lăm tuổi, bản Requiem còn dang dở',
      },
    },
    { time: year(1791), culture: 'german' },
  ),
  entity(
    'leonardo',
    'person',
    'culture',
    {
      en: {
        name: 'Leonardo da Vinci',
        match: 'leonardo da vinci|leonardo|da vinci|mona lisa',
        motifs: [
          'the notebooks',
          'the workshops of Florence',
          'the flying machines on paper',
          'the anatomy drawings',
          'the patrons in Milan',
        ],
        recorded: 'Leonardo left Florence for the court of Milan',
      },
      vi: {
        name: 'Leonardo da Vinci',
        match: 'leonardo da vinci|leonardo|da vinci|mona lisa|nàng mona lisa',
        motifs: [
          'những cuốn sổ tay',
          'các xưởng vẽ ở Florence',
          'những cỗ máy bay trên giấy',
          'các bản vẽ giải phẫu',
          'những người bảo trợ ở Milan',
        ],
        recorded: 'Leonardo rời Florence tới triều đình Milan',
      },
    },
    { time: year(1482), culture: 'italian' },
  ),
  entity(
    'beatles',
    'people',
    'culture',
    {
      en: {
        name: 'the Beatles',
        match: 'the beatles|beatles',
        motifs: [
          'the Liverpool clubs',
          'the record shops',
          'the radio charts',
          'the screaming crowds',
          'the recording studios',
        ],
        recorded: 'the Beatles released their first single',
      },
      vi: {
        name: 'ban nhạc Beatles',
        match: 'the beatles|beatles|ban nhạc beatles',
        motifs: [
          'các câu lạc bộ ở Liverpool',
          'những cửa hàng đĩa nhạc',
          'bảng xếp hạng trên đài',
          'đám đông người hâm mộ',
          'các phòng thu âm',
        ],
        recorded: 'The Beatles phát hành đĩa đơn đầu tiên',
      },
    },
    { time: year(1962), plural: true, culture: 'english' },
  ),
  entity(
    'truyen-kieu',
    'work',
    'culture',
    {
      en: {
        name: 'The Tale of Kiều',
        match: 'the tale of kieu|tale of kiều|truyen kieu|truyện kiều|nguyen du|nguyễn du',
        motifs: [
          'the village storytellers',
          'the Nôm script',
          'the lục bát verse',
          'the scholars at court',
          'the street recitals',
        ],
        recorded: 'Nguyễn Du wrote The Tale of Kiều in Nôm verse',
      },
      vi: {
        name: 'Truyện Kiều',
        match: 'truyện kiều|truyen kieu|nguyễn du|nguyen du|đoạn trường tân thanh',
        motifs: [
          'những người kể chuyện ở làng',
          'chữ Nôm',
          'thể thơ lục bát',
          'giới nho sĩ trong triều',
          'những buổi ngâm Kiều',
        ],
        recorded: 'Nguyễn Du viết Truyện Kiều bằng thơ chữ Nôm',
      },
    },
    {
      time: year(1820),
      culture: 'vietnamese',
      figures: [
        {
          name: { en: 'Nguyễn Du', vi: 'Nguyễn Du' },
          role: { en: 'poet and mandarin', vi: 'nhà thơ và quan lại' },
        },
      ],
    },
  ),
  entity(
    'quoc-ngu',
    'invention',
    'culture',
    {
      en: {
        name: 'the Vietnamese Latin alphabet',
        match: 'quoc ngu|quốc ngữ|vietnamese alphabet|latin alphabet for vietnamese',
        motifs: [
          'the Chinese characters',
          'the Nôm script',
          'the village schools',
          'the newspapers',
          'the missionaries',
        ],
        recorded: 'the Latin-based Vietnamese script was set down in a printed dictionary',
      },
      vi: {
        name: 'chữ Quốc ngữ',
        match: 'chữ quốc ngữ|quốc ngữ|chu quoc ngu',
        motifs: ['chữ Hán', 'chữ Nôm', 'các trường làng', 'báo chí', 'các giáo sĩ phương Tây'],
        recorded: 'chữ Quốc ngữ được ghi lại trong một cuốn từ điển in',
      },
    },
    { time: year(1651), culture: 'vietnamese' },
  ),
  entity(
    'renaissance',
    'movement',
    'culture',
    {
      en: {
        name: 'the Renaissance',
        match: 'the renaissance|renaissance',
        motifs: [
          'the workshops of Florence',
          'the ancient manuscripts',
          'the patrons',
          'the cathedral domes',
          'the printing houses',
        ],
        recorded: 'Florentine artists and scholars turned back to the art of antiquity',
      },
      vi: {
        name: 'thời Phục Hưng',
        match: 'phục hưng|thời phục hưng',
        motifs: [
          'các xưởng nghệ thuật ở Florence',
          'những bản thảo cổ',
          'những người bảo trợ',
          'mái vòm các thánh đường',
          'các nhà in',
        ],
        recorded: 'giới nghệ sĩ và học giả Florence quay về với nghệ thuật cổ đại',
      },
    },
    { time: year(1400), culture: 'italian' },
  ),
  entity(
    'cinema',
    'invention',
    'culture',
    {
      en: {
        name: 'cinema',
        match: 'cinema|films?|movies?|motion pictures?|hollywood',
        motifs: ['the picture palaces', 'the studios', 'the newsreels', 'the film stars', 'the theatres'],
        recorded: 'the Lumière brothers showed their first films to a paying audience',
      },
      vi: {
        name: 'điện ảnh',
        match: 'điện ảnh|phim ảnh|bộ phim|phim|hollywood',
        motifs: [
          'các rạp chiếu bóng',
          'các hãng phim',
          'những thước phim thời sự',
          'các ngôi sao màn bạc',
          'nhà hát',
        ],
        recorded: 'anh em nhà Lumière chiếu những bộ phim đầu tiên cho khán giả mua vé',
      },
    },
    { time: year(1895), culture: 'french' },
  ),
  entity(
    'olympics',
    'institution',
    'culture',
    {
      en: {
        name: 'the Olympic Games',
        match: 'the olympic games|olympics|olympic games|olympic',
        motifs: ['the stadiums', 'the national teams', 'the athletes', 'the medal tables', 'the host cities'],
        recorded: 'the first modern Olympic Games opened in Athens',
      },
      vi: {
        name: 'Thế vận hội',
        match: 'thế vận hội|olympic',
        motifs: [
          'các sân vận động',
          'các đội tuyển quốc gia',
          'các vận động viên',
          'bảng tổng sắp huy chương',
          'các thành phố đăng cai',
        ],
        recorded: 'Thế vận hội hiện đại đầu tiên khai mạc ở Athens',
      },
    },
    { time: year(1896), culture: 'greek' },
  ),
  entity(
    'football',
    'institution',
    'culture',
    {
      en: {
        name: 'football',
        match: 'football|soccer|the world cup',
        motifs: ['the stadiums', 'the local clubs', 'the schoolyards', 'the fans', 'the broadcasters'],
        recorded: 'the Football Association wrote down the first common rules',
      },
      vi: {
        name: 'bóng đá',
        match: 'bóng đá|world cup|cúp thế giới',
        motifs: [
          'các sân vận động',
          'các câu lạc bộ địa phương',
          'sân trường',
          'người hâm mộ',
          'các đài truyền hình',
        ],
        recorded: 'Hiệp hội Bóng đá Anh viết ra bộ luật chung đầu tiên',
      },
    },
    { time: year(1863), culture: 'english' },
  ),
  entity(
    'jazz',
    'movement',
    'culture',
    {
      en: {
        name: 'jazz',
        match: 'jazz',
        motifs: [
          'the New Orleans bands',
          'the dance halls',
          'the record labels',
          'the radio',
          'the nightclubs',
        ],
        recorded: 'the first jazz records were pressed',
      },
      vi: {
        name: 'nhạc jazz',
        match: 'nhạc jazz|jazz',
        motifs: ['các ban nhạc New Orleans', 'vũ trường', 'các hãng đĩa', 'đài phát thanh', 'các hộp đêm'],
        recorded: 'những đĩa nhạc jazz đầu tiên được ép',
      },
    },
    { time: year(1917), culture: 'english' },
  ),
  entity(
    'van-gogh',
    'person',
    'culture',
    {
      en: {
        name: 'Van Gogh',
        match: 'van gogh|vincent van gogh|starry night',
        motifs: [
          'the Paris galleries',
          'the wheat fields of Arles',
          'the art dealers',
          'the letters to Theo',
          'the young painters',
        ],
        recorded: 'Van Gogh died at thirty-seven, having sold almost nothing',
      },
      vi: {
        name: 'Van Gogh',
        match: 'van gogh|đêm đầy sao',
        motifs: [
          'các phòng tranh ở Paris',
          'những cánh đồng lúa mì ở Arles',
          'giới buôn tranh',
          'những lá thư gửi Theo',
          'lớp họa sĩ trẻ',
        ],
        recorded: 'Van Gogh qua đời năm ba mươi bảy tuổi, gần như chưa bán được bức tranh nào',
      },
    },
    { time: year(1890), culture: 'french' },
  ),
];
