/**
 * What the staff JSON API says about staff documents and the signed-in member of staff: explicit
 * allow-lists, declared once as schemas that both document the responses (OpenAPI) and build them
 * (`parse` drops every field not listed, so a document's private storage key and digest stay
 * inside).
 */
import { z } from '#domain/zod';
import type { StaffDocument } from '#domain/documents/document';
import type { StaffMember } from '#domain/staff';
import type { Page } from '#ports/record-store';
import type { UploadSlot } from './documents';

export const meSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()) });

export const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }),
});

export const documentPageSchema = z.object({ items: z.array(documentSchema), cursor: z.string().optional() });

export const uploadSlotSchema = z.object({ uploadId: z.string(), url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresInSeconds: z.number() });

export const downloadUrlSchema = z.object({ url: z.string(), expiresInSeconds: z.number() });

export type MeDto = z.infer<typeof meSchema>;
export type DocumentDto = z.infer<typeof documentSchema>;
export type DocumentPageDto = z.infer<typeof documentPageSchema>;
export type UploadSlotDto = z.infer<typeof uploadSlotSchema>;

export function toMeDto(staff: StaffMember): MeDto {
  return meSchema.parse(staff);
}

export function toDocumentDto(doc: StaffDocument): DocumentDto {
  return documentSchema.parse(doc);
}

export function toDocumentPageDto(page: Page<StaffDocument>): DocumentPageDto {
  return documentPageSchema.parse({ items: page.items.map(toDocumentDto), cursor: page.cursor });
}

export function toUploadSlotDto(slot: UploadSlot): UploadSlotDto {
  return uploadSlotSchema.parse(slot);
}

export type DownloadUrlDto = z.infer<typeof downloadUrlSchema>;

/** A short-lived signed download address and how long it lasts. */
export function toDownloadUrlDto(url: string, expiresInSeconds: number): DownloadUrlDto {
  return downloadUrlSchema.parse({ url, expiresInSeconds });
}
