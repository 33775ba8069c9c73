import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';
import type { AccountService, Role } from '../accounts/index.ts';
import { ROLES } from '../accounts/index.ts';
import type { ContentService } from '../content/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { PortalService } from '../portals/index.ts';
import { type Action, decide, type State } from '../workflow/index.ts';
import type { Mailer as MailModule } from '../mail/index.ts';

// "An item waits for you": when an item is submitted, the portal's reviewers
// who asked for it get an email; when it is approved, its publishers. The
// workflow step only writes a job into the outbox, in its own transaction,
// so a slow or broken mail server never delays or fails the step. The job
// then writes one mail job per recipient: a mail that fails is retried alone,
// and nobody gets the same message twice because someone else's failed.

export const WORKFLOW_WAITING_TOPIC = 'notify.workflow-waiting';
export const WORKFLOW_MAIL_TOPIC = 'notify.workflow-mail';

/** The states that wait for another role, and the action that role takes next. */
const WAITING: Partial<Record<State, Action[]>> = {
  submitted: ['approve', 'reject'],
  approved: ['publish'],
};

/** Roles whose members may take one of `actions` on an item in `state` (whoever wrote it): derived from the workflow rules. */
export function rolesWaitedFor(state: State): Role[] {
  const actions = WAITING[state] ?? [];
  return ROLES.filter((role) => actions.some((a) => decide({ accountId: -1, roles: [role] }, a, state, false).ok));
}

interface WaitingJob {
  itemId: number;
  state: State;
  version: number;
  actorId: number | null;
}

interface MailJob {
  itemId: number;
  state: State;
  version: number;
  accountId: number;
  actor: string;
}

/** What the workflow's emails need of the mail module. */
export type Mailer = Pick<MailModule, 'enabled' | 'send'>;

export interface WorkflowMailDeps {
  store: Store;
  content: ContentService;
  portals: PortalService;
  accounts: AccountService;
  outbox: Outbox;
  mailer: Mailer;
  logger: Logger;
}

/** Registers the hook in content's workflow and the two outbox jobs. */
export function registerWorkflowMail(deps: WorkflowMailDeps): void {
  const { store, content, portals, accounts, outbox, mailer, logger } = deps;

  content.addPublicationHook({
    async transitioned(trx, item, from, actor) {
      const state = item.status as State;
      if (state === from || !WAITING[state]) return;
      await outbox.enqueue(trx, WORKFLOW_WAITING_TOPIC, { itemId: item.id, state, version: item.version, actorId: actor.accountId } satisfies WaitingJob, { maxAttempts: 5 });
    },
  });

  outbox.handle(WORKFLOW_WAITING_TOPIC, async (job: WaitingJob) => {
    const item = await content.find(job.itemId);
    // it moved on before the job ran (approved at once, sent back): nobody is waited for any more
    if (!item || item.status !== job.state) return;
    const portal = await portals.bySlug(item.portal);
    if (!portal) return;
    const recipients = (await accounts.workflowMailRecipients(portal.id, rolesWaitedFor(job.state))).filter((m) => m.id !== job.actorId);
    if (recipients.length === 0) return;
    const actor = job.actorId === null ? undefined : await accounts.byId(job.actorId);
    for (const r of recipients) {
      await outbox.enqueue(store.db, WORKFLOW_MAIL_TOPIC, { itemId: item.id, state: job.state, version: job.version, accountId: r.id, actor: actor?.name || actor?.email || 'Lantoa' } satisfies MailJob, { maxAttempts: 12 });
    }
  });

  outbox.handle(WORKFLOW_MAIL_TOPIC, async (job: MailJob) => {
    if (!mailer.enabled) return; // said once per message by the mailer's log; nothing to retry
    const [item, account] = await Promise.all([content.find(job.itemId), accounts.byId(job.accountId)]);
    if (!item || !account) return;
    const portal = await portals.bySlug(item.portal);
    // the member turned the mails off, or lost the role, since the job was written
    if (!portal || !(await accounts.wantsWorkflowMail(account.id))) return;
    if (!(account.roles.get(portal.id) ?? []).some((r) => rolesWaitedFor(job.state).includes(r))) return;
    const mail = workflowMail({ portalName: portal.name.vi, title: item.title, actor: job.actor, state: job.state, link: `${portal.url}/admin/items/${item.id}`, settings: `${portal.url}/admin/account` });
    if (!(await mailer.send({ to: account.email, ...mail }))) {
      logger.warn({ itemId: item.id, accountId: account.id }, 'workflow email not sent; will retry');
      // the outbox's backoff (1 s doubling up to an hour) rides out a mail server's outage of an hour or so
      throw new Error('the mail server did not take the message');
    }
  });
}

/** The message, in Vietnamese and then English (the admin speaks both; the mail cannot know which one the reader uses). */
export function workflowMail(p: { portalName: string; title: string; actor: string; state: State; link: string; settings: string }): { subject: string; text: string } {
  const approved = p.state === 'approved';
  const subject = approved ? `[${p.portalName}] Bài đã duyệt, chờ xuất bản: ${p.title}` : `[${p.portalName}] Bài chờ duyệt: ${p.title}`;
  const vi = approved ? `${p.actor} đã duyệt bài "${p.title}"; bài đang chờ xuất bản.` : `${p.actor} đã gửi duyệt bài "${p.title}".`;
  const en = approved ? `${p.actor} approved "${p.title}"; it waits for publication.` : `${p.actor} submitted "${p.title}" for review.`;
  const text = [
    vi,
    `Mở bài / Open it: ${p.link}`,
    '',
    en,
    '',
    '—',
    `Bạn nhận thư này vì đã bật thông báo trong tài khoản quản trị; tắt tại ${p.settings}`,
    `You get this because you turned on notifications in your admin account; turn them off at ${p.settings}`,
  ].join('\n');
  return { subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 250), text };
}
