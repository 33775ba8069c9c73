import type { Role } from '../accounts/index.ts';

// The editorial workflow, in one place: which action leads from which state to
// which, and which role may take it. Everything that changes an item's state
// (API, admin, scheduler, federation) goes through `decide`.

export const STATES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = ['submit', 'approve', 'reject', 'publish', 'schedule', 'unpublish'] as const;
export type Action = (typeof ACTIONS)[number];

/** From-states of each action, and the state it leads to. */
const TRANSITIONS: Record<Action, { from: readonly State[]; to: State }> = {
  submit: { from: ['draft', 'unpublished'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  // "send back": to the writer, with a note saying why
  reject: { from: ['submitted', 'approved', 'scheduled'], to: 'draft' },
  // editor-in-chief and admin may publish straight from draft or submitted:
  // breaking news cannot wait for a second person
  publish: { from: ['draft', 'submitted', 'approved', 'scheduled', 'unpublished'], to: 'published' },
  schedule: { from: ['draft', 'submitted', 'approved', 'scheduled', 'unpublished'], to: 'scheduled' },
  unpublish: { from: ['published'], to: 'unpublished' },
};

const PUBLISHERS: readonly Role[] = ['admin', 'editor-in-chief'];

/** Actions each role may take (on items of the portals where it holds the role). */
const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  'editor-in-chief': ACTIONS,
  editor: ['submit', 'reject'],
  writer: ['submit'],
  'feedback-officer': [],
  analyst: [],
};

/** States in which a role may edit an item. Writers only their own. */
const EDITABLE: Record<Role, readonly State[]> = {
  admin: STATES,
  'editor-in-chief': STATES,
  editor: ['draft', 'submitted', 'approved', 'unpublished'],
  writer: ['draft'],
  'feedback-officer': [],
  analyst: [],
};

export interface Actor {
  /** null for the system (scheduled publishing) */
  accountId: number | null;
  roles: readonly Role[];
}

export const SYSTEM: Actor = { accountId: null, roles: ['admin'] };

export type Decision = { ok: true; to: State } | { ok: false; reason: 'forbidden'; detail: string } | { ok: false; reason: 'invalid-transition'; detail: string; allowed: Action[] };

function mayAct(actor: Actor, action: Action, isOwner: boolean): boolean {
  return actor.roles.some((r) => ROLE_ACTIONS[r].includes(action) && (r !== 'writer' || isOwner));
}

/** The actions this actor may take on an item in `state`. */
export function allowedActions(actor: Actor, state: State, isOwner: boolean): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state) && mayAct(actor, a, isOwner));
}

export function decide(actor: Actor, action: Action, state: State, isOwner: boolean): Decision {
  if (!mayAct(actor, action, isOwner)) {
    const roles = actor.roles.length ? actor.roles.join(', ') : 'no role';
    return { ok: false, reason: 'forbidden', detail: `Your role (${roles}) may not ${action} this item.` };
  }
  if (!TRANSITIONS[action].from.includes(state)) {
    const allowed = allowedActions(actor, state, isOwner);
    return {
      ok: false,
      reason: 'invalid-transition',
      detail: `Cannot ${action} an item that is ${state}. Allowed now: ${allowed.length ? allowed.join(', ') : 'none'}.`,
      allowed,
    };
  }
  return { ok: true, to: TRANSITIONS[action].to };
}

export function mayEdit(actor: Actor, state: State, isOwner: boolean): boolean {
  return actor.roles.some((r) => EDITABLE[r].includes(state) && (r !== 'writer' || isOwner));
}

export const mayCreate = (actor: Actor): boolean => actor.roles.some((r) => EDITABLE[r].includes('draft'));
export const isPublisher = (actor: Actor): boolean => actor.roles.some((r) => PUBLISHERS.includes(r));
/** Members of a portal's newsroom may read its unpublished items. */
export const mayReadDrafts = (actor: Actor): boolean => actor.roles.some((r) => EDITABLE[r].length > 0);
