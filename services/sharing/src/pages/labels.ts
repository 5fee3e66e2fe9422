import type { ScenarioLanguage } from '@what-if/contracts';

/** The words of the share pages, in each scenario language. */
export interface PageLabels {
  divergence: string;
  timeline: string;
  consequences: string;
  immediate: string;
  shortTerm: string;
  longTerm: string;
  keyFigures: string;
  plausibility: string;
  assumptions: string;
  openApp: string;
  /** The link into the web app that makes a video of the share (for a signed-in person). */
  makeVideo: string;
  report: string;
  reportReason: string;
  reportNote: string;
  reportSend: string;
  reasons: Record<string, string>;
  protectedTitle: string;
  protectedText: string;
  password: string;
  unlock: string;
  wrongPassword: string;
  tooManyAttempts: string;
  goneTitle: string;
  gone: Record<'revoked' | 'expired' | 'hidden' | 'removed' | 'deleted', string>;
  notFoundTitle: string;
  notFound: string;
  reportedTitle: string;
  reported: string;
  reportRepeat: string;
  reportLimited: string;
  siteName: string;
  previewDescription: string;
}

const english: PageLabels = {
  divergence: 'Point of divergence',
  timeline: 'Timeline',
  consequences: 'Consequences',
  immediate: 'Immediate',
  shortTerm: 'Short term',
  longTerm: 'Long term',
  keyFigures: 'Key figures',
  plausibility: 'Plausibility',
  assumptions: 'Assumptions',
  openApp: 'Ask your own “What if…?” in What If',
  makeVideo: 'Make a video of it',
  report: 'Report this share',
  reportReason: 'Reason',
  reportNote: 'Anything moderators should know (optional)',
  reportSend: 'Send report',
  reasons: {
    spam: 'Spam',
    harassment: 'Harassment',
    hate: 'Hate',
    violence: 'Violence',
    sexual: 'Sexual content',
    misinformation: 'Misinformation',
    copyright: 'Copyright',
    other: 'Something else',
  },
  protectedTitle: 'A shared What If scenario',
  protectedText: 'This scenario is protected by a password. Enter it to read the scenario.',
  password: 'Password',
  unlock: 'Open',
  wrongPassword: 'That password is not right.',
  tooManyAttempts: 'Too many attempts. Wait a few minutes, then try again.',
  goneTitle: 'This share is no longer available',
  gone: {
    revoked: 'The person who shared this link has withdrawn it.',
    expired: 'This link has expired.',
    hidden: 'This share is hidden while moderators review reports about it.',
    removed: 'This share was removed by moderators.',
    deleted: 'The scenario behind this link was deleted.',
  },
  notFoundTitle: 'No such share',
  notFound: 'There is no share at this address. Check the link you were sent.',
  reportedTitle: 'Thank you',
  reported: 'Your report reached our moderators.',
  reportRepeat: 'You have already reported this share; moderators will look at it.',
  reportLimited: 'Too many reports from your network. Try again later.',
  siteName: 'What If',
  previewDescription: 'An alternate-history scenario shared from What If.',
};

const vietnamese: PageLabels = {
  divergence: 'Điểm rẽ nhánh',
  timeline: 'Dòng thời gian',
  consequences: 'Hệ quả',
  immediate: 'Trước mắt',
  shortTerm: 'Ngắn hạn',
  longTerm: 'Dài hạn',
  keyFigures: 'Nhân vật chính',
  plausibility: 'Mức độ hợp lý',
  assumptions: 'Giả định',
  openApp: 'Đặt câu hỏi “Nếu như…?” của riêng bạn trên What If',
  makeVideo: 'Làm video từ kịch bản này',
  report: 'Báo cáo chia sẻ này',
  reportReason: 'Lý do',
  reportNote: 'Điều người kiểm duyệt nên biết (không bắt buộc)',
  reportSend: 'Gửi báo cáo',
  reasons: {
    spam: 'Thư rác',
    harassment: 'Quấy rối',
    hate: 'Thù ghét',
    violence: 'Bạo lực',
    sexual: 'Nội dung tình dục',
    misinformation: 'Thông tin sai lệch',
    copyright: 'Bản quyền',
    other: 'Lý do khác',
  },
  protectedTitle: 'Một kịch bản What If được chia sẻ',
  protectedText: 'Kịch bản này được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu để đọc.',
  password: 'Mật khẩu',
  unlock: 'Mở',
  wrongPassword: 'Mật khẩu không đúng.',
  tooManyAttempts: 'Quá nhiều lần thử. Hãy đợi vài phút rồi thử lại.',
  goneTitle: 'Chia sẻ này không còn nữa',
  gone: {
    revoked: 'Người chia sẻ đã thu hồi liên kết này.',
    expired: 'Liên kết này đã hết hạn.',
    hidden: 'Chia sẻ này đang bị ẩn trong khi người kiểm duyệt xem xét các báo cáo.',
    removed: 'Chia sẻ này đã bị người kiểm duyệt gỡ bỏ.',
    deleted: 'Kịch bản của liên kết này đã bị xoá.',
  },
  notFoundTitle: 'Không tìm thấy chia sẻ',
  notFound: 'Không có chia sẻ nào ở địa chỉ này. Hãy kiểm tra lại liên kết.',
  reportedTitle: 'Cảm ơn bạn',
  reported: 'Báo cáo của bạn đã được gửi tới người kiểm duyệt.',
  reportRepeat: 'Bạn đã báo cáo chia sẻ này; người kiểm duyệt sẽ xem xét.',
  reportLimited: 'Có quá nhiều báo cáo từ mạng của bạn. Hãy thử lại sau.',
  siteName: 'What If',
  previewDescription: 'Một kịch bản lịch sử giả tưởng được chia sẻ từ What If.',
};

export function labelsFor(language: ScenarioLanguage): PageLabels {
  return language === 'vi' ? vietnamese : english;
}

/** Open Graph's locale for a scenario language. */
export function ogLocale(language: ScenarioLanguage): string {
  return language === 'vi' ? 'vi_VN' : 'en_US';
}
