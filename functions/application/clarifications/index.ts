export * from './cases';
export { checkUploads, MAX_UPLOAD_BYTES, UPLOAD_TYPES, type CaseDeps, type FileUpload } from './common';
