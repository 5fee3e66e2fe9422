import { detectLanguage, inferCategory } from '../src';
import { readQuestion } from '../src/reading/read-question';

describe('reading a question', () => {
  it.each([
    ['What if the Roman Empire never fell?', 'the Roman Empire', 'endured', true],
    ['What if Napoleon had won at Waterloo?', 'Napoleon', 'won', false],
    ['What if Napoleon had not lost at Waterloo?', 'Napoleon', 'won', true],
    ['What if the Trần dynasty had not defeated the Mongols?', 'the Trần dynasty', 'lost', true],
    ['What if dinosaurs had not gone extinct?', 'dinosaurs', 'endured', true],
    ['What if money had never existed?', 'money', 'absent', true],
    ['What if there were no Moon?', 'Moon', 'absent', true],
    ['What if photosynthesis stopped for a day?', 'photosynthesis', 'paused', false],
    ['What if bees disappeared?', 'bees', 'ended', false],
    ['What if the internet had been invented in 1900?', 'the internet', 'arrived', false],
    ['What if Tokyo had been the capital of a united Asia?', 'Tokyo', 'became', false],
    ['What if humans could photosynthesize?', 'humans', 'gained', false],
    ['What if women had won the vote in 1800?', 'women', 'gained', false],
    ['What if I had become a doctor instead of a musician?', 'you', 'chose', false],
    ['What if nobody had invented the wheel?', 'the wheel', 'absent', true],
    ['What if humans had never discovered fire?', 'fire', 'absent', true],
    ['Nếu nhà Trần không đánh bại quân Mông Cổ thì sao?', 'nhà Trần', 'lost', true],
    ['Nếu khủng long không bị tuyệt chủng thì sao?', 'khủng long', 'endured', true],
    ['Nếu không có Mặt Trăng thì sao?', 'Mặt Trăng', 'absent', true],
    ['Điều gì sẽ xảy ra nếu quang hợp ngừng lại trong một ngày?', 'quang hợp', 'paused', false],
    ['Nếu Vạn Lý Trường Thành chưa từng được xây dựng thì sao?', 'Vạn Lý Trường Thành', 'absent', true],
    ['Nếu anh em nhà Wright thất bại thì sao?', 'anh em nhà Wright', 'lost', false],
    ['Nếu tôi đi du học năm 18 tuổi thì sao?', 'bạn', 'chose', false],
  ] as const)('"%s": the subject is %s, the change %s, negated: %s', (question, subject, arc, negated) => {
    expect(readQuestion(question)).toMatchObject({ subject: { text: subject }, arc, negated });
  });

  it('keeps the date, the duration and the age a question names, apart from its change', () => {
    expect(readQuestion('What if the internet had been invented in 1900?')).toMatchObject({
      predicate: 'had been invented',
      when: { scale: 'year', year: 1900 },
    });
    expect(readQuestion('What if the Sun stopped shining for an hour?').duration).toEqual({
      unit: 'hour',
      amount: 1,
    });
    expect(readQuestion('Nếu lưới điện toàn cầu ngừng hoạt động trong một tuần thì sao?').duration).toEqual({
      unit: 'week',
      amount: 1,
    });
    expect(readQuestion('Nếu núi lửa Vesuvius không phun trào năm 79 thì sao?').when).toEqual({
      scale: 'year',
      year: 79,
    });
    expect(readQuestion('What if I had moved to Japan at 20?')).toMatchObject({ age: 20, personal: true });
  });

  it('reads a follow-up as a question about what it names, or about the story itself', () => {
    expect(readQuestion('And then what happened to the Senate?').followUp).toMatchObject({
      focus: { text: 'the Senate' },
    });
    expect(readQuestion('Chuyện gì xảy ra với Thăng Long sau đó?').followUp).toMatchObject({
      focus: { text: 'Thăng Long' },
    });
    expect(readQuestion('And then what?').followUp).toEqual({});
    expect(readQuestion('Rồi sao nữa?').followUp).toEqual({});
  });

  it.each([
    ['What if photosynthesis stopped for a day?', 'science'],
    ['What if Tokyo had been the capital of a united Asia?', 'history'],
    ['What if the Sahara were still green?', 'science'],
    ['What if Shakespeare had never written Hamlet?', 'society'],
    ['What if everyone worked four days a week?', 'society'],
    ['What if I had become a doctor instead of a musician?', 'personal'],
    ['What if dragons were real?', 'fantasy'],
    ['Nếu nhà Trần không đánh bại quân Mông Cổ thì sao?', 'history'],
    ['Nếu Tokyo là thủ đô của một châu Á thống nhất thì sao?', 'history'],
    ['Nếu Nguyễn Du không viết Truyện Kiều thì sao?', 'society'],
  ] as const)('files "%s" under %s', (question, category) => {
    expect(inferCategory(question)).toBe(category);
  });

  it.each([
    ['What if the Roman Empire never fell?', 'en'],
    ['What if the Trần dynasty had not defeated the Mongols?', 'en'],
    ['Nếu nhà Trần thua quân Mông Cổ thì sao?', 'vi'],
    ['neu khong co mat trang thi sao', 'vi'],
  ] as const)('detects the language of "%s"', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});
