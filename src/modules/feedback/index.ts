// The feedback module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { ProofOfWork } from './pow.ts';
export { ACTIONS, ANSWER_PUBLISHED, FeedbackService, KINDS, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, PERSONAL_DATA_ROLES, STATUSES, SUBMITTER_TYPES, TooManyRequestsError, UnsupportedMediaError, mayReadPersonalData, type ActionInput, type AttachmentInput, type CaseDetail, type PublicAnswer, type Submission, type TrackedCase } from './service.ts';
