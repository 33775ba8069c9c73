// The feedback module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { ProofOfWork } from './pow.ts';
export { FeedbackService } from './service.ts';
export {
  ACTIONS,
  ANSWER_PUBLISHED,
  KINDS,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  STATUSES,
  SUBMITTER_TYPES,
  TooManyRequestsError,
  UnsupportedMediaError,
  type ActionInput,
  type AttachmentInput,
  type CaseDetail,
  type PublicAnswer,
  type Submission,
  type TrackedCase,
} from './model.ts';
export { PERSONAL_DATA_ROLES, mayReadPersonalData } from './privacy.ts';
