import {
  analyzeQuestion,
  detectLanguage,
  extractAge,
  extractEra,
  inferCategory,
  splitSubjectAndChange,
} from '../src/analysis';

describe('question analysis', () => {
  it.each([
    ['What if the Roman Empire never fell?', 'en', 'the Roman Empire', 'never fell', 'survived'],
    ['What if Napoleon won at Waterloo?', 'en', 'Napoleon', 'won at Waterloo', 'won'],
    ['What if dinosaurs had not gone extinct?', 'en', 'dinosaurs', 'had not gone extinct', 'survived'],
    ['What if money never existed?', 'en', 'money', 'never existed', 'never-existed'],
    [
      'What if the printing press was invented in 1000 AD?',
      'en',
      'the printing press',
      'was invented in 1000 AD',
      'shifted',
    ],
    [
      'What if I had become a doctor instead of a musician?',
      'en',
      'you',
      'had become a doctor instead of a musician',
      'became',
    ],
    ['Nếu nhà Trần thua quân Mông Cổ thì sao?', 'vi', 'nhà Trần', 'thua quân Mông Cổ', 'lost'],
    [
      'Điều gì sẽ xảy ra nếu khủng long không tuyệt chủng?',
      'vi',
      'khủng long',
      'không tuyệt chủng',
      'survived',
    ],
    ['Nếu tôi đi du học?', 'vi', 'bạn', 'đi du học', 'became'],
  ] as const)('splits "%s" into its subject and its change', (question, language, subject, change, kind) => {
    expect(splitSubjectAndChange(question, language)).toMatchObject({ subject, change, kind });
  });

  it('turns a question with no verb it knows into a subject and an empty change rather than failing', () => {
    expect(splitSubjectAndChange('What if jellyfish?', 'en')).toMatchObject({
      subject: 'jellyfish',
      change: '',
    });
  });

  it.each([
    ['in 1000 AD', 'en', { scale: 'year', year: 1000 }],
    ['in the 1800s', 'en', { scale: 'year', year: 1800 }],
    ['in the 16th century', 'en', { scale: 'year', year: 1550 }],
    ['in 300 BC', 'en', { scale: 'year', year: -300 }],
    ['65 million years ago', 'en', { scale: 'deep', yearsAgo: 65_000_000 }],
    ['vào thế kỷ XV', 'vi', { scale: 'year', year: 1450 }],
    ['năm 1954', 'vi', { scale: 'year', year: 1954 }],
    ['năm 200 TCN', 'vi', { scale: 'year', year: -200 }],
  ] as const)('reads the date in "%s"', (text, language, point) => {
    expect(extractEra(text, language)).toEqual(point);
  });

  it('reads an age from a personal question in either language', () => {
    expect(extractAge('What if I had moved to Japan at 20?', 'en')).toBe(20);
    expect(extractAge('Nếu tôi lấy vợ năm 25 tuổi?', 'vi')).toBe(25);
    expect(extractAge('What if I had become a doctor?', 'en')).toBeUndefined();
  });

  it.each([
    ['What if the Roman Empire never fell?', 'history', 'roman-empire', { scale: 'year', year: 476 }],
    [
      'What if dinosaurs had not gone extinct?',
      'science',
      'dinosaurs',
      { scale: 'deep', yearsAgo: 66_000_000 },
    ],
    ['Nếu nhà Trần thua quân Mông Cổ thì sao?', 'history', 'tran-mongols', { scale: 'year', year: 1288 }],
    ['Nếu Pháp thắng ở Điện Biên Phủ?', 'history', 'dien-bien-phu', { scale: 'year', year: 1954 }],
    ['What if dragons were real?', 'fantasy', 'dragons', { scale: 'epoch', year: 0 }],
  ] as const)('anchors "%s" to what history records', (question, category, anchorId, start) => {
    const facts = analyzeQuestion(question, detectLanguage(question), category);
    expect(facts.anchor?.id).toBe(anchorId);
    expect(facts.start).toEqual(start);
  });

  it('lets a date in the question override the date the gazetteer knows', () => {
    const facts = analyzeQuestion('What if the internet was invented in the 1800s?', 'en', 'science');
    expect(facts.anchor?.id).toBe('internet');
    expect(facts.start).toEqual({ scale: 'year', year: 1800 });
    expect(facts.explicitTime).toBe(true);
  });

  it('tells a personal question by a life clock, starting at the age the question names', () => {
    expect(analyzeQuestion('What if I had moved to Japan at 20?', 'en', 'personal')).toMatchObject({
      personal: true,
      start: { scale: 'age', age: 20 },
      culture: 'japanese',
    });
  });

  it('falls back sensibly when the subject is unknown', () => {
    const facts = analyzeQuestion('What if cats could talk?', 'en', 'science');
    expect(facts.anchor).toBeUndefined();
    expect(facts.subject).toBe('cats');
    expect(facts.start.scale).toBe('generation');
  });

  it('recognises Vietnamese by its letters or by how the question opens', () => {
    expect(detectLanguage('Nếu tôi đi du học?')).toBe('vi');
    expect(detectLanguage('Nếu???')).toBe('vi');
    expect(detectLanguage('neu nha tran thua quan Mong Co')).toBe('vi');
    expect(detectLanguage('What if the café never opened?')).toBe('en');
  });

  it.each([
    ['What if dinosaurs had not gone extinct?', 'science'],
    ['What if dragons were real?', 'fantasy'],
    ['What if I had become a doctor instead of a musician?', 'personal'],
    ['What if money never existed?', 'society'],
    ['What if Napoleon won at Waterloo?', 'history'],
    ['Điều gì sẽ xảy ra nếu khủng long không tuyệt chủng?', 'science'],
    ['Nếu tôi đi du học?', 'personal'],
  ] as const)('infers the category of "%s"', (question, category) => {
    expect(inferCategory(question, detectLanguage(question))).toBe(category);
  });
});
