export { DocumentsPage, type DocumentRow, type DocumentsPageProps, type UploadForm } from './DocumentsPage';
export { ErrorPage, ERROR_TEXT, type ErrorPageProps, type ErrorStatus } from './ErrorPage';
export { HomePage, type HomePageProps } from './HomePage';
export { LoginPage, type DemoAccount, type LoginPageProps } from './LoginPage';
export { StaffHomePage, type StaffCard, type StaffHomePageProps } from './StaffHomePage';
