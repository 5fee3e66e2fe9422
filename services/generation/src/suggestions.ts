import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';

/** Hand-picked questions that show what the product does well, for an empty text box. */
export const suggestions: Record<ScenarioLanguage, Record<ScenarioCategory, readonly string[]>> = {
  en: {
    history: [
      'What if the Library of Alexandria had never burned?',
      'What if the Roman Empire never fell?',
      'What if the Mongols had turned west after taking Baghdad?',
      'What if the printing press had been invented in China first and spread west?',
      'What if Đại Việt had never repelled the Mongol invasions?',
    ],
    science: [
      'What if the Moon did not exist?',
      'What if antibiotics had been discovered a century earlier?',
      'What if the dinosaurs had survived the asteroid?',
      'What if electricity had never been harnessed?',
      'What if humans only needed two hours of sleep?',
    ],
    society: [
      'What if money had never been invented?',
      'What if everyone worked a four-day week from 1950 on?',
      'What if cars had never become affordable?',
      'What if every country voted online from the year 2000?',
      'What if schools taught only through games?',
    ],
    personal: [
      'What if I had moved abroad after university?',
      'What if I had learned to play the piano as a child?',
      'What if I had taken the job I turned down?',
      'What if I had grown up in a big city instead of a village?',
    ],
    fantasy: [
      'What if dragons were real and could be tamed?',
      'What if magic worked only on Tuesdays?',
      'What if everyone could read minds for one hour a day?',
      'What if time travel were possible but only one way?',
    ],
  },
  vi: {
    history: [
      'Nếu Đế chế La Mã không bao giờ sụp đổ thì sao?',
      'Nếu nhà Trần không đánh bại quân Nguyên Mông thì sao?',
      'Nếu Thư viện Alexandria chưa từng bị thiêu rụi thì sao?',
      'Nếu nhà Nguyễn mở cửa giao thương sớm hơn thì sao?',
      'Nếu con đường tơ lụa chưa từng tồn tại thì sao?',
    ],
    science: [
      'Nếu Trái Đất không có Mặt Trăng thì sao?',
      'Nếu khủng long không bị tuyệt chủng thì sao?',
      'Nếu thuốc kháng sinh được phát minh sớm hơn một thế kỷ thì sao?',
      'Nếu con người chỉ cần ngủ hai tiếng mỗi ngày thì sao?',
      'Nếu điện chưa bao giờ được phát minh thì sao?',
    ],
    society: [
      'Nếu tiền chưa từng được phát minh thì sao?',
      'Nếu mọi người chỉ làm việc bốn ngày một tuần thì sao?',
      'Nếu trường học chỉ dạy qua trò chơi thì sao?',
      'Nếu mạng xã hội chưa từng xuất hiện thì sao?',
    ],
    personal: [
      'Nếu tôi đi du học sau khi tốt nghiệp thì sao?',
      'Nếu tôi học đàn piano từ nhỏ thì sao?',
      'Nếu tôi nhận công việc mà tôi đã từ chối thì sao?',
      'Nếu tôi lớn lên ở thành phố thay vì ở quê thì sao?',
    ],
    fantasy: [
      'Nếu rồng có thật và có thể thuần hóa thì sao?',
      'Nếu ai cũng có một siêu năng lực nhỏ thì sao?',
      'Nếu du hành thời gian là có thật nhưng chỉ đi một chiều thì sao?',
      'Nếu phép thuật chỉ hoạt động vào ngày thứ Ba thì sao?',
    ],
  },
};

/** A few of a category's questions, drawn at random so the box shows something new each visit. */
export function sampleSuggestions(questions: readonly string[], count: number): string[] {
  const pool = [...questions];
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [pool[index], pool[other]] = [pool[other] as string, pool[index] as string];
  }
  return pool.slice(0, count);
}
