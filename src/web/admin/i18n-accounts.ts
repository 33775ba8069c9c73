import type { AdminLang } from './i18n.ts';

// Admin texts of account security: role grants to existing accounts, and
// portal-scoped API tokens with an expiry.

export interface AccountMessages {
  grantedExisting: string;
  passwordHint: string;
  tokensScope: string;
  expiresDays: string;
  expiresHint: string;
  expires: string;
  expired: string;
  noExpiry: string;
}

const vi: AccountMessages = {
  grantedExisting: 'Tài khoản đã có: đã cấp vai trò; mật khẩu của tài khoản giữ nguyên (chỉ chủ tài khoản, hoặc liên kết “Quên mật khẩu”, mới đổi được).',
  passwordHint: 'Chỉ dùng khi tạo tài khoản mới. Tài khoản đã có giữ mật khẩu của mình. Để trống nếu người dùng sẽ tự đặt qua “Quên mật khẩu”.',
  tokensScope: 'Khóa tạo ở đây chỉ dùng được trong cổng này. Danh sách gồm các khóa của cổng này.',
  expiresDays: 'Hết hạn sau (ngày)',
  expiresHint: 'Để trống: không hết hạn.',
  expires: 'Hết hạn',
  expired: 'đã hết hạn',
  noExpiry: 'không',
};

const en: AccountMessages = {
  grantedExisting: 'The account exists: role granted; its password is unchanged (only its owner, or a "Forgot your password?" link, can change it).',
  passwordHint: 'For a new account only: an existing account keeps its own password. Leave empty to let the user set one through "Forgot your password?".',
  tokensScope: "A token made here acts in this portal only. The list holds this portal's tokens.",
  expiresDays: 'Expires after (days)',
  expiresHint: 'Empty: never expires.',
  expires: 'Expires',
  expired: 'expired',
  noExpiry: 'never',
};

export const ACCOUNT_MESSAGES: Record<AdminLang, AccountMessages> = { vi, en };
