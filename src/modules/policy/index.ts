import { ForbiddenError } from '../../lib/errors.ts';
import { ROLES, type Role } from '../accounts/index.ts';
import { mayReadPersonalData } from '../feedback/index.ts';
import { ACTIONS as ITEM_ACTIONS, decide, isPublisher, mayCreate, mayEdit, mayReadDrafts, type Action as ItemAction, type Actor as WorkflowActor, type State } from '../workflow/index.ts';

// Who may do what, in one place. Routes of the API and of the admin ask
// `can` (or `requirePermission`) instead of naming roles, so the two surfaces
// cannot drift apart and the admin's menu shows exactly what the API allows.
//
// Roles are held per portal: every answer is about the roles the actor holds
// in the subject's portal, and nothing else. A central admin has no power in
// a province portal through being central; what the central portal adds is
// the network-wide figures, which are read *at* the central portal.
//
// The editorial workflow (modules/workflow/rules.ts) stays the single source
// for items: the `content.*` and `item.*` answers are its answers.

export const PERMISSIONS = [
  /** list and read unpublished items, media, channels and federation pages: the newsroom */
  'content.read-drafts',
  'content.create',
  /** edit this item (subject.item) in its present state */
  'content.edit',
  // one per workflow action, on subject.item in its present state
  ...ITEM_ACTIONS.map((a) => `item.${a}` as const),
  /** the portal's home page: featured items, banner */
  'home.edit',
  /** the feedback desk of the admin: inbox, cases, buttons */
  'feedback.desk',
  /** cases with the submitter's personal data and files, the inbox over the API */
  'feedback.cases',
  /** act on a case (the feedback module checks the step itself) and preview its publication */
  'feedback.act',
  /** feedback figures and deadlines; at the central portal, the whole network's */
  'feedback.stats',
  'feedback.settings',
  /** the portal's traffic dashboard */
  'stats.view',
  /** connect and remove social channels, their settings */
  'channels.manage',
  /** send an item to the channels again after a failure */
  'channels.retry',
  /** subscriptions, subscribers, the network directory, signing keys */
  'federation.manage',
  /** propose items to another portal and decide on proposals */
  'federation.propose',
  /** at the central portal: every portal's figures; elsewhere: the portal's own row */
  'network.view',
  /** at the central portal: the whole uptime watch; elsewhere: the portal's own row */
  'uptime.view',
  /** users and roles, API tokens, the audit log, sections, the portal's settings */
  'portal.administer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Anyone holding roles per portal: an Account is one. */
export interface PolicyActor {
  id: number;
  roles: ReadonlyMap<number, readonly Role[]>;
}

export interface PortalRef {
  id: number;
  slug: string;
  /** 'central' for the portal that keeps the network directory and the network-wide views */
  kind: string;
}

export interface Subject {
  portal: PortalRef;
  /** for content.edit and item.*: the item as it stands */
  item?: { status: State; ownerId: number | null };
}

/** Permissions that are a plain list of roles; the rest are answered below. */
const BY_ROLE: Partial<Record<Permission, readonly Role[]>> = {
  // the home page is the portal's front page: those who may publish decide it
  'home.edit': ['admin', 'editor-in-chief'],
  // editors-in-chief approve answers before they go public, so they work at the desk
  'feedback.desk': ['feedback-officer', 'admin', 'editor-in-chief'],
  'feedback.act': ['feedback-officer', 'admin', 'editor-in-chief'],
  'feedback.stats': ['feedback-officer', 'admin', 'editor-in-chief', 'analyst'],
  'feedback.settings': ['admin'],
  'stats.view': ['analyst', 'admin'],
  // a channel holds the portal's credentials on a platform: admins only
  'channels.manage': ['admin'],
  'channels.retry': ['editor', 'editor-in-chief', 'admin'],
  'federation.manage': ['admin'],
  // a province's own row of the network table and of the watch is its own
  // business (issue 18): the roles that read the whole network at the centre
  // read their own portal's row everywhere else
  'network.view': ['admin', 'analyst'],
  'uptime.view': ['admin', 'analyst'],
  'portal.administer': ['admin'],
};

const isItemPermission = (p: Permission): p is `item.${ItemAction}` => p.startsWith('item.');

/** The answer for someone holding `roles` in the subject's portal. */
function rolesMay(roles: readonly Role[], accountId: number, permission: Permission, subject: Subject): boolean {
  if (roles.length === 0) return false;
  const actor: WorkflowActor = { accountId, roles };
  const item = subject.item;
  const isOwner = item !== undefined && item.ownerId !== null && item.ownerId === accountId;
  if (isItemPermission(permission)) return item !== undefined && decide(actor, permission.slice('item.'.length) as ItemAction, item.status, isOwner).ok;
  switch (permission) {
    case 'content.read-drafts':
      return mayReadDrafts(actor);
    case 'content.create':
      return mayCreate(actor);
    case 'content.edit':
      return item !== undefined && mayEdit(actor, item.status, isOwner);
    case 'feedback.cases':
      return mayReadPersonalData(roles);
    case 'federation.propose':
      return isPublisher(actor);
    default:
      return (BY_ROLE[permission] ?? []).some((r) => roles.includes(r));
  }
}

/** May `actor` do `permission` on `subject`? Anonymous callers may do none of these. */
export function can(actor: PolicyActor | undefined, permission: Permission, subject: Subject): boolean {
  if (!actor) return false;
  return rolesMay(actor.roles.get(subject.portal.id) ?? [], actor.id, permission, subject);
}

/** The roles that, held alone in the subject's portal, allow it (for messages and the docs). */
export function rolesAllowed(permission: Permission, subject: Subject, accountId = 0): Role[] {
  return ROLES.filter((r) => rolesMay([r], accountId, permission, subject));
}

const WHAT: Record<Permission, string> = {
  'content.read-drafts': "read this portal's unpublished items",
  'content.create': 'write items',
  'content.edit': 'edit this item now',
  'item.submit': 'submit this item now',
  'item.approve': 'approve this item now',
  'item.reject': 'send this item back now',
  'item.publish': 'publish this item now',
  'item.schedule': 'schedule this item now',
  'item.unpublish': 'unpublish this item now',
  'home.edit': 'edit the home page',
  'feedback.desk': 'work at the feedback desk',
  'feedback.cases': "read feedback cases with the submitter's personal data",
  'feedback.act': 'act on feedback cases',
  'feedback.stats': 'read the feedback figures and deadlines',
  'feedback.settings': 'change the feedback settings',
  'stats.view': 'read the traffic figures',
  'channels.manage': 'manage the social channels',
  'channels.retry': 'send an item to the channels again',
  'federation.manage': 'manage federation',
  'federation.propose': 'propose items and decide on proposals',
  'network.view': 'read the network figures',
  'uptime.view': 'read the uptime watch',
  'portal.administer': 'administer the portal (users, tokens, audit log, sections, settings)',
};

/** Throws a 403 that says which roles would do, unless `can` says yes. */
export function requirePermission(actor: PolicyActor | undefined, permission: Permission, subject: Subject): void {
  if (can(actor, permission, subject)) return;
  const roles = rolesAllowed(permission, subject, actor?.id);
  const who = roles.length ? `the role ${roles.join(' or ')}` : 'no role';
  throw new ForbiddenError(`Only ${who} in ${subject.portal.slug} may ${WHAT[permission]}.`);
}

/** The actor one portal's member list describes (an account and its roles there). */
export const memberOf = (portalId: number, member: { id: number; roles: readonly Role[] }): PolicyActor => ({ id: member.id, roles: new Map([[portalId, member.roles]]) });
