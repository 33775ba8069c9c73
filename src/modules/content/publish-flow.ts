import { ConflictError, ValidationError } from '../../lib/errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { Portal } from '../portals/index.ts';
import type { Item, WorkflowOutcome, WorkflowRequest } from './model.ts';
import type { ContentService } from './service.ts';

/** What the publish flow needs of the social channels: queue a published item for the channels picked by hand. */
export interface ChannelSender {
  /** Queues the deliveries and writes their `social-delivery` audit row in one transaction. */
  sendTo(ctx: RequestContext, portal: Portal, item: Item, channelIds: number[]): Promise<unknown>;
}

export interface PublishOutcome extends WorkflowOutcome {
  /**
   * Why the picked channels were not sent to (a channel that is not this
   * portal's, one that cannot carry the item); the workflow step stands.
   */
  channelsRefused?: ValidationError | ConflictError;
}

/**
 * The newsroom's workflow step with its extras, as one command: the action
 * (audited by the content service in its transaction), then — for a
 * publication — the channels the editor picked besides the automatic ones,
 * which the social module queues and audits in its own transaction.
 */
export class PublishFlow {
  constructor(private readonly deps: { content: ContentService; channels: ChannelSender }) {}

  async act(portal: Portal, item: Item, ctx: RequestContext, req: WorkflowRequest, pickedChannels: readonly number[] = []): Promise<PublishOutcome> {
    const outcome = await this.deps.content.actOn(item, ctx, req);
    if (req.action !== 'publish' || pickedChannels.length === 0) return outcome;
    const published = await this.deps.content.find(item.id);
    if (!published) return outcome;
    const picked = [...pickedChannels];
    try {
      await this.deps.channels.sendTo({ ...ctx, portalId: portal.id }, portal, published, picked);
    } catch (err) {
      if (err instanceof ValidationError || err instanceof ConflictError) return { ...outcome, channelsRefused: err };
      throw err;
    }
    return outcome;
  }
}
