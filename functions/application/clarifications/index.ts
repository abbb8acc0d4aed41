export * from './cases';
export { checkUploads, clientIp, MAX_UPLOAD_BYTES, UPLOAD_TYPES, type CaseDeps, type FileUpload } from './common';
