import type { AdminLang } from './i18n.ts';
import type { Action } from '../../modules/workflow/index.ts';

// Admin texts that say what just happened (the notice after a workflow action)
// and what went wrong elsewhere (a social platform's or the workflow's refusal),
// in the admin's language. Platforms and services answer in English; the
// Vietnamese newsroom reads the explanation here and keeps the raw text one
// click away for support.

export interface NoticeMessages {
  /** the notice after each workflow action, keyed by the action taken */
  done: Record<Action, string>;
  technical: string;
  workflow: {
    forbidden: (action: string) => string;
    invalid: (action: string, state: string, allowed: string) => string;
    noneAllowed: string;
    conflict: string;
    channels: string;
  };
  delivery: {
    takenDown: string;
    needsReauth: string;
    gaveUp: (attempts: number) => string;
    retrying: string;
    refused: string;
    noRemoval: string;
    updateFailed: string;
    removalFailed: string;
    unknown: string;
  };
  channelNeedsReauth: string;
  peer: {
    awaitingApproval: string;
    rejectedEntry: string;
    failed: string;
  };
}

const vi: NoticeMessages = {
  done: {
    submit: 'Đã gửi duyệt.',
    approve: 'Đã duyệt bài.',
    reject: 'Đã trả lại bài cho người viết.',
    publish: 'Đã xuất bản.',
    schedule: 'Đã hẹn giờ xuất bản.',
    unpublish: 'Đã gỡ bài.',
  },
  technical: 'Chi tiết kỹ thuật (gửi cho bộ phận hỗ trợ)',
  workflow: {
    forbidden: (a) => `Vai trò của bạn không được phép «${a}» bài này.`,
    invalid: (a, s, allowed) => `Không thể «${a}» bài đang ở trạng thái «${s}». Có thể làm lúc này: ${allowed}.`,
    noneAllowed: 'không thao tác nào',
    conflict: 'Không thực hiện được thao tác vì trạng thái bài đã thay đổi. Hãy tải lại trang.',
    channels: 'Bài đã xuất bản, nhưng không gửi được lên các kênh mạng xã hội đã chọn (kênh không thuộc cổng này hoặc không còn hoạt động).',
  },
  delivery: {
    takenDown: 'Bài đã bị gỡ trước khi kịp đăng lên mạng xã hội.',
    needsReauth: 'Kênh không còn được phép đăng bài: quản trị viên cần kết nối lại kênh. Bài sẽ được gửi khi kênh được kết nối lại.',
    gaveUp: (n) => `Nền tảng liên tục báo lỗi tạm thời; đã ngừng sau ${n} lần thử. Bấm «Thử lại» để gửi lại.`,
    retrying: 'Nền tảng tạm thời không nhận bài (quá tải hoặc giới hạn tần suất); hệ thống sẽ tự thử lại.',
    refused: 'Nền tảng từ chối bài đăng (nội dung hoặc liên kết không được chấp nhận, hoặc bài trùng lặp).',
    noRemoval: 'Nền tảng không cho phép xoá bài tự động: hãy gỡ bài trên nền tảng bằng tay.',
    updateFailed: 'Không cập nhật được bài trên nền tảng.',
    removalFailed: 'Không gỡ được bài trên nền tảng.',
    unknown: 'Nền tảng báo lỗi.',
  },
  channelNeedsReauth: 'Kênh mất quyền đăng bài (mã truy cập hết hạn hoặc bị thu hồi): hãy nhập lại thông tin xác thực.',
  peer: {
    awaitingApproval: 'Đang chờ quản trị viên cổng nguồn duyệt đăng ký.',
    rejectedEntry: 'Một bài nhận từ cổng bên kia không hợp lệ và đã bị bỏ qua.',
    failed: 'Cổng bên kia không trả lời hoặc từ chối yêu cầu; hệ thống sẽ thử lại.',
  },
};

const en: NoticeMessages = {
  done: {
    submit: 'Submitted for review.',
    approve: 'Item approved.',
    reject: 'Item sent back to the writer.',
    publish: 'Published.',
    schedule: 'Publication scheduled.',
    unpublish: 'Item unpublished.',
  },
  technical: 'Technical details (for support)',
  workflow: {
    forbidden: (a) => `Your role may not “${a}” this item.`,
    invalid: (a, s, allowed) => `Cannot “${a}” an item that is “${s}”. Possible now: ${allowed}.`,
    noneAllowed: 'nothing',
    conflict: 'The action was not taken because the item’s state changed. Reload the page.',
    channels: 'The item is published, but the chosen social channels could not be sent to (not this portal’s, or no longer active).',
  },
  delivery: {
    takenDown: 'The item was taken down before it was posted.',
    needsReauth: 'The channel may no longer post: an admin must reconnect it. The post goes out once it is reconnected.',
    gaveUp: (n) => `The platform kept failing temporarily; gave up after ${n} attempts. Use “Retry” to send again.`,
    retrying: 'The platform is not taking posts right now (busy or rate-limited); it will be retried automatically.',
    refused: 'The platform refused the post (content or link not accepted, or a duplicate).',
    noRemoval: 'The platform offers no way to delete a post automatically: remove it there by hand.',
    updateFailed: 'The post could not be updated on the platform.',
    removalFailed: 'The post could not be removed from the platform.',
    unknown: 'The platform reported an error.',
  },
  channelNeedsReauth: 'The channel lost its permission to post (token expired or revoked): enter new credentials.',
  peer: {
    awaitingApproval: 'Waiting for the source portal’s admin to approve the subscription.',
    rejectedEntry: 'An item received from the other portal was not valid and was skipped.',
    failed: 'The other portal did not answer or refused the request; it will be tried again.',
  },
};

export const NOTICE_MESSAGES: Record<AdminLang, NoticeMessages> = { vi, en };

/** The `?notice=` key the item editor redirects to after each workflow action. */
export const WORKFLOW_NOTICE: Record<Action, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'sent-back',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
};
