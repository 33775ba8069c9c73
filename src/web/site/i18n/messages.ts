import type { ContentType } from '../../../modules/content/index.ts';
import type { PortalKind } from '../../../modules/portals/index.ts';

// The shape of the public site's message catalogue: one interface, so a key
// missing from any language is a type error rather than a blank on the page.

export type EffectStatus = 'in-force' | 'partly-expired' | 'expired' | 'not-yet-in-force' | 'suspended' | 'no-longer-applicable';

export interface Messages {
  locale: string;
  languageName: string;
  languageMenu: string;
  skipToContent: string;
  /** the phone header's two buttons */
  menu: string;
  searchToggle: string;
  mainNav: string;
  breadcrumb: string;
  home: string;
  network: {
    title: string;
    intro: string;
    kinds: Record<PortalKind, string>;
    lastUpdated: (date: string) => string;
    /** a member portal run by another deployment, reached over federation */
    connected: string;
    lastContact: (date: string) => string;
    noContactYet: string;
    nothingYet: string;
    languages: string;
    latest: string;
  };
  emblem: string;
  portalHome: {
    topStories: string;
    latest: string;
    directives: string;
    pressReleases: string;
    legalDocuments: string;
    procedures: string;
    proceduresIntro: string;
    proceduresLink: string;
    subsites: string;
    schedule: string;
    media: string;
    seeAll: (what: string) => string;
  };
  types: Record<ContentType, string>;
  typesPlural: Record<ContentType, string>;
  list: {
    empty: string;
    pagination: string;
    previous: string;
    next: string;
    pageOf: (page: number, pages: number) => string;
    pageLabel: (page: number) => string;
    sections: string;
    tagTitle: (tag: string) => string;
    tagIntro: (tag: string) => string;
    typeIntro: (type: string) => string;
  };
  item: {
    /** names the scrolling box around a table in an article */
    table: string;
    /** a translated legal document or procedure: the Vietnamese text is the one with legal force */
    unofficialTranslation: string;
    originalHasForce: string;
    /** link text to the Vietnamese original, always shown in Vietnamese */
    originalLink: string;
    published: string;
    updated: string;
    changeNotes: string;
    related: string;
    otherLanguages: string;
    readIn: (language: string) => string;
    share: string;
    shareEmail: string;
    tags: string;
    section: string;
    printNote: string;
    /** label of the page's address field in the share box, its copy button, and what the button says once copied */
    pageLink: string;
    copyLink: string;
    linkCopied: string;
    source: string;
  };
  legal: {
    details: string;
    number: string;
    documentType: string;
    issuingBody: string;
    signer: string;
    issuedDate: string;
    effectiveDate: string;
    expiryDate: string;
    effectStatus: string;
    field: string;
    gazetteDate: string;
    abstract: string;
    attachments: string;
    noAttachments: string;
    statuses: Record<EffectStatus, string>;
    fullText: string;
  };
  procedure: {
    details: string;
    code: string;
    decisionNumber: string;
    level: string;
    field: string;
    agency: string;
    steps: string;
    channels: string;
    processingTime: string;
    fees: string;
    requiredDocuments: string;
    quantity: string;
    template: string;
    result: string;
    legalBasis: string;
    onlineLevel: string;
    online: { full: string; partial: string };
    apply: string;
    applyNote: string;
  };
  video: {
    duration: string;
    watch: string;
    watchNote: string;
    transcript: string;
  };
  gallery: {
    photos: (n: number) => string;
    credit: string;
  };
  withdrawn: {
    notice: string;
    reason: string;
    at: (date: string) => string;
  };
  errors: {
    notFoundTitle: string;
    notFoundText: string;
    goneTitle: string;
    goneText: string;
    badRequestTitle: string;
    badRequestText: string;
    serverErrorTitle: string;
    serverErrorText: string;
    goHome: string;
    goNetwork: string;
  };
  footer: {
    unit: string;
    responsible: string;
    address: string;
    phone: string;
    email: string;
    feeds: string;
    sitemap: string;
    network: string;
    reuse: string;
  };
  feeds: {
    title: string;
    intro: string;
    rss: string;
    atom: string;
    json: string;
    allItems: string;
    withdrawnEntry: string;
  };
  sitemapPage: {
    title: string;
    sections: string;
    subsites: string;
    contentTypes: string;
  };
  feedback: {
    /** footer link to the submission form */
    submitLink: string;
    answersLink: string;
    trackLink: string;
    formTitle: string;
    formIntro: string;
    noScript: (email: string, phone: string) => string;
    apiNote: string;
    kind: string;
    kinds: Record<'question' | 'feedback' | 'petition', string>;
    field: string;
    chooseField: string;
    title: string;
    content: string;
    submitterType: string;
    submitterTypes: Record<'citizen' | 'business' | 'organisation', string>;
    you: string;
    name: string;
    email: string;
    phone: string;
    address: string;
    contactHint: string;
    petitionHint: string;
    consent: string;
    privacy: string;
    send: string;
    powWorking: string;
    powFailed: string;
    errorSummary: string;
    fieldErrors: Record<string, string>;
    invalid: string;
    badProof: string;
    tooMany: (minutes: number) => string;
    tooManyLookups: (minutes: number) => string;
    repeat: (code: string) => string;
    receiptTitle: string;
    receiptText: string;
    trackingCode: string;
    /** the receipt's copy button (shown by COPY_JS) and what it says once the code is on the clipboard */
    copyCode: string;
    copied: string;
    dueDate: string;
    receivedAt: string;
    keepCode: string;
    trackTitle: string;
    trackIntro: string;
    code: string;
    contact: string;
    contactHelp: string;
    trackButton: string;
    replyTitle: string;
    replyLabel: string;
    replyButton: string;
    replySent: string;
    replyRefused: string;
    notFound: string;
    status: string;
    statuses: Record<'received' | 'in-progress' | 'info-requested' | 'answered' | 'published' | 'rejected' | 'forwarded', string>;
    history: string;
    actions: Record<string, string>;
    answer: string;
    answeredAt: string;
    noAnswerYet: string;
    forwardedTo: string;
    answersTitle: string;
    answersIntro: string;
    searchAnswers: string;
    searchButton: string;
    noAnswers: string;
    noAnswersFor: (q: string) => string;
    question: string;
    askedBy: string;
    askedOn: string;
    previous: string;
    next: string;
    pages: string;
    /** the forwarded case's tracking page at the portal of another deployment */
    trackThere: string;
    /** too many submissions from one network address (FEEDBACK_IP_LIMIT) */
    tooManyFromAddress: (minutes: number) => string;
    attachments: string;
    attachmentsHint: (files: number, megabytes: number) => string;
    /** on an article: published answers on its field or tags */
    relatedAnswers: string;
    allAnswers: string;
    /** on an answer's own page: published items on its field */
    relatedItems: string;
    readAnswer: string;
    answerNotFound: string;
  };
}
