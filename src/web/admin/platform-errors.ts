import type { Decision } from '../../modules/workflow/index.ts';
import { html, type SafeHtml } from '../site/html.ts';
import type { AdminContext } from './http.ts';
import { NOTICE_MESSAGES } from './i18n-notices.ts';

// Errors that come from outside the newsroom's language — a social platform's
// answer stored as a delivery's `lastError`, a channel's reason for needing
// reconnection, the workflow's English refusal — shown to the admin as an
// explanation in their language, with the raw text folded away for support.

/** An explanation in the admin's language, and the raw text under "technical details". */
export function explained(ctx: AdminContext, explanation: string, raw: string | null | undefined): SafeHtml {
  const t = NOTICE_MESSAGES[ctx.lang];
  const detail = raw && raw !== explanation ? html`<details class="technical"><summary>${t.technical}</summary><code lang="en">${raw}</code></details>` : '';
  return html`<span class="platform-error">${explanation}</span>${detail}`;
}

/**
 * What a delivery's `lastError` means. The delivery service writes a few
 * sentences of its own around the platform's text, and the delivery's status
 * says which kind of failure it was (needs-reauth: the grant is gone; queued:
 * a temporary failure that will be retried; failed: refused or given up).
 */
export function deliveryError(ctx: AdminContext, status: string, lastError: string | null | undefined): SafeHtml | '' {
  if (!lastError) return '';
  const t = NOTICE_MESSAGES[ctx.lang].delivery;
  const gaveUp = /^gave up after (\d+) attempts/.exec(lastError);
  const explanation = lastError.startsWith('the item was taken down')
    ? t.takenDown
    : status === 'needs-reauth' || lastError.startsWith('the channel needs reconnecting')
      ? t.needsReauth
      : gaveUp
        ? t.gaveUp(Number(gaveUp[1]))
        : / offers no way to delete a post/.test(lastError)
          ? t.noRemoval
          : lastError.startsWith('update failed')
            ? t.updateFailed
            : lastError.startsWith('removal failed')
              ? t.removalFailed
              : status === 'queued'
                ? t.retrying
                : status === 'failed'
                  ? t.refused
                  : t.unknown;
  return explained(ctx, explanation, lastError);
}

/** Why a channel is not active, in the admin's language. */
export function channelReason(ctx: AdminContext, status: string, reason: string | null | undefined): SafeHtml | '' {
  if (!reason) return '';
  return explained(ctx, status === 'needs-reauth' ? NOTICE_MESSAGES[ctx.lang].channelNeedsReauth : NOTICE_MESSAGES[ctx.lang].delivery.unknown, reason);
}

/** The workflow's refusal, with actions and states named as the admin's buttons and badges name them. */
export function workflowRefusal(ctx: AdminContext, action: string, state: string, decision: Exclude<Decision, { ok: true }>): SafeHtml {
  const t = NOTICE_MESSAGES[ctx.lang].workflow;
  const actionName = (a: string) => (Object.hasOwn(ctx.m.actions, a) ? ctx.m.actions[a as keyof typeof ctx.m.actions] : a);
  const stateName = Object.hasOwn(ctx.m.states, state) ? ctx.m.states[state as keyof typeof ctx.m.states] : state;
  const text = decision.reason === 'forbidden' ? t.forbidden(actionName(action)) : t.invalid(actionName(action), stateName, decision.allowed.length ? decision.allowed.map(actionName).join(', ') : t.noneAllowed);
  return explained(ctx, text, decision.detail);
}

/** What a federation link's `lastError` (a peer's answer, or our own note about it) means. */
export function peerError(ctx: AdminContext, lastError: string | null | undefined): SafeHtml | '' {
  if (!lastError) return '';
  const t = NOTICE_MESSAGES[ctx.lang].peer;
  const explanation = lastError.startsWith("waiting for the source's admin") ? t.awaitingApproval : lastError.startsWith('log entry rejected') ? t.rejectedEntry : t.failed;
  return explained(ctx, explanation, lastError);
}
