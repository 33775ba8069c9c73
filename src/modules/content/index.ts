// The content module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { insertPublishedBatch, refreshPlannerStatistics, type BulkItem } from './bulk.ts';
export { PublishFlow, type ChannelSender, type PublishOutcome } from './publish-flow.ts';
export { EditorialQueries, type EditorialRow } from './editorial.ts';
export { IFRAME_ATTRIBUTES, embedFor } from './embeds.ts';
export { countPublished, indexableByIds, lockIndexRange, nextIndexBatch, readIndexBatch, syncIndexEntry, type ContentIndexer, type IndexableItem } from './indexing.ts';
export { ContentService } from './service.ts';
export {
  EVENTS,
  SCHEDULED_PUBLISH_TOPIC,
  type ContentChange,
  type Item,
  type ItemPatch,
  type ItemSummary,
  type ListQuery,
  type NewItem,
  type PublicListing,
  type PublicationHook,
  type RelatedEntry,
  type RelatedLists,
  type Tombstone,
  type WorkflowOutcome,
  type WorkflowRequest,
} from './model.ts';
export { CONTENT_TYPES, EFFECT_STATUSES, GalleryMeta, LegalDocumentMeta, ProcedureMeta, SOCIAL_TEXT_MAX, VideoMeta, coverOf, isContentType, isLink, metaForTranslation, socialTextOf, type ContentType, type CoverT } from './types.ts';
