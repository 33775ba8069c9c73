import type { Generated } from 'kysely';

// Row type of the media library (created by store/migrations/004_admin.ts), read
// and written by this module only.

export interface MediaTable {
  id: Generated<number>;
  portal_id: number;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  storage_key: string;
  variants: string;
  sha256: string;
  search_text: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface MediaTables {
  media: MediaTable;
}
