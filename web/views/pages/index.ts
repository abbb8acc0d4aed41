export { DocumentsPage, type DocumentRow, type DocumentsPageProps, type UploadForm } from './DocumentsPage';
export { ErrorPage, ERROR_TEXT, type ErrorPageProps, type ErrorStatus } from './ErrorPage';
export { LoginPage, type DemoAccount, type LoginPageProps } from './LoginPage';
