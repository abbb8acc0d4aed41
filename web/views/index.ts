export * from './components/index';
export * from './format';
export { Layout, type LayoutProps } from './layouts/Layout';
export { PUBLIC_NAV, ROUTES, STAFF_NAV } from './layouts/nav';
export { DOCTYPE, renderFragment, renderPage } from './render';
export type * from './types';
