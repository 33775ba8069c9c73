// The media module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { MediaService, detectType, mediaHtml, variantKey, mediaUrl, pictureRef, type CachedVariants, type MediaItem, type PictureRef, type VariantCache } from './service.ts';
export { MEDIA_KEY, mediaStorage } from './storage.ts';
